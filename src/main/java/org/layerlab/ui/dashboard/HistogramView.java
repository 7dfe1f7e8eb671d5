package org.layerlab.ui.dashboard;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.layerlab.training.Distribution;
import org.layerlab.training.WeightSnapshot;

/**
 * Weight and gradient distributions of the watched layer over the run, TensorBoard-style: one
 * histogram per kept snapshot stacked as a ridge plot, oldest at the back (top, faded), the
 * latest in front. At most {@link #KEEP} are kept, spread over the whole run: when they are all
 * taken, every other one goes and the spacing doubles, so the first steps stay in view however
 * long the run. Distributions are kept as they came (fine bins) and binned for drawing against
 * the current range, so older rows stay comparable when the range widens.
 */
final class HistogramView extends CanvasView {
    private static final int BINS = 48;
    private static final int KEEP = 24;
    private record Sample(long step, Distribution values, Distribution grads) {
        Distribution of(int which) {
            return which == 0 ? values : grads;
        }
    }

    private final List<Sample> kept = new ArrayList<>();
    private Sample latest;
    private long spacing;
    private String title = "";

    void add(WeightSnapshot s) {
        WeightSnapshot.Entry e = s.params().get(0);
        if (!title.startsWith(s.nodeId() + "/")) {
            kept.clear();
            spacing = 0;
        }
        title = s.nodeId() + "/" + e.name();
        latest = new Sample(s.step(), e.valueDistribution(), e.gradDistribution());
        if (kept.isEmpty() || latest.step() - kept.get(kept.size() - 1).step() >= spacing) {
            kept.add(latest);
            if (kept.size() > KEEP) {
                thin();
            }
        }
        draw();
    }

    /** The last step of a run, when the samples so far stop before it (and are of the same parameter). */
    void addFinal(WeightSnapshot s) {
        if (latest != null && latest.step() < s.step() && title.startsWith(s.nodeId() + "/")) {
            add(s);
        }
    }

    /** Keeps every other sample (the first among them) and doubles the spacing of new ones. */
    private void thin() {
        List<Sample> half = new ArrayList<>();
        for (int i = 0; i < kept.size(); i += 2) {
            half.add(kept.get(i));
        }
        kept.clear();
        kept.addAll(half);
        spacing = (kept.get(kept.size() - 1).step() - kept.get(0).step()) / Math.max(1, kept.size() - 1);
    }

    /** The rows to draw, oldest first: the kept samples and the latest one. */
    private List<Sample> rows() {
        List<Sample> rows = new ArrayList<>(kept);
        if (latest != null && (rows.isEmpty() || rows.get(rows.size() - 1) != latest)) {
            rows.add(latest);
        }
        return rows;
    }

    void clear() {
        kept.clear();
        latest = null;
        spacing = 0;
        title = "";
        draw();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        g.setFont(Font.font(12));
        g.setFill(text);
        List<Sample> rows = rows();
        if (rows.isEmpty()) {
            g.fillText("Distributions of the selected layer's weights and gradients appear here while training.", 12, 24);
            return;
        }
        g.fillText("Distributions of " + title + " over the run: step " + rows.get(0).step() + " at the back, step "
                + rows.get(rows.size() - 1).step() + " in front", 12, 16);
        double half = (w - 36) / 2;
        ridge(g, rows, 12, 30, half, h - 56, 0, "weights", Color.web("#4a7bd1"));
        ridge(g, rows, 24 + half, 30, half, h - 56, 1, "gradients", Color.web("#d9822b"));
    }

    private void ridge(GraphicsContext g, List<Sample> rows, double x0, double y0, double w, double h, int which,
                       String label, Color c) {
        int n = rows.size();
        double range = 0;
        for (Sample r : rows) {
            range = Math.max(range, 1.2 * r.of(which).maxAbs());
        }
        List<float[]> binned = new ArrayList<>();
        double peak = 1e-9;
        for (Sample r : rows) {
            float[] bins = r.of(which).rebin(BINS, range);
            binned.add(bins);
            for (float v : bins) {
                peak = Math.max(peak, v);
            }
        }
        // The rows share the height, however many there are (thinning halves them now and then).
        double step = h / (n + 3);
        for (int i = 0; i < n; i++) {
            float[] bins = binned.get(i);
            double base = y0 + 3 * step + i * step;
            double alpha = 0.25 + 0.75 * (i + 1) / n;
            g.beginPath();
            g.moveTo(x0, base);
            for (int b = 0; b < BINS; b++) {
                g.lineTo(x0 + (b + 0.5) * w / BINS, base - bins[b] / peak * 3 * step);
            }
            g.lineTo(x0 + w, base);
            g.closePath();
            g.setFill(c.deriveColor(0, 1, 1, alpha * 0.5));
            g.fill();
            g.setStroke(c.deriveColor(0, 1, 1, alpha));
            g.setLineWidth(1);
            g.stroke();
        }
        g.setFill(text);
        g.fillText(label + "  ±" + PlotView.format(range), x0, y0 + h + 18);
    }

    /** The steps of the rows drawn, oldest first (for tests). */
    long[] steps() {
        return rows().stream().mapToLong(Sample::step).toArray();
    }
}
