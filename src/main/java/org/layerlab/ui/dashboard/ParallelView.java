package org.layerlab.ui.dashboard;

import java.util.List;
import java.util.function.Function;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.layerlab.training.runs.Run;

/**
 * Parallel coordinates of the runs ({@link ParallelModel}): an axis per setting that differs and
 * one for the metric, a line per run. Drag along an axis to keep only the runs in that range
 * (again on the axis, or a click beside it, to clear it); lines of runs filtered out are faint.
 * A line is drawn in its run's curve colour when the run is on the curves chart, else in grey
 * shaded by the metric (darker: better).
 */
final class ParallelView extends CanvasView {
    private static final double TOP = 34;
    private static final double BOTTOM = 48;
    private final ParallelModel model;
    /** The colour of a chosen run's curve, or null. */
    Function<String, Color> colours = id -> null;
    private Runnable onFilter = () -> { };
    private boolean higherIsBetter;
    private int dragAxis = -1;
    private double dragFrom;
    private double dragTo;

    ParallelView(ParallelModel model) {
        this.model = model;
        setId("runs-parallel");
        setOnMousePressed(e -> {
            dragAxis = axisAt(e.getX());
            dragFrom = position(e.getY());
            dragTo = dragFrom;
        });
        setOnMouseDragged(e -> {
            if (dragAxis >= 0) {
                dragTo = position(e.getY());
                draw();
            }
        });
        setOnMouseReleased(e -> {
            if (dragAxis >= 0) {
                model.filter(dragAxis, dragFrom, position(e.getY()));
            } else {
                model.clearFilters();
            }
            dragAxis = -1;
            draw();
            onFilter.run();
        });
    }

    void onFilter(Runnable r) {
        onFilter = r;
    }

    void setHigherIsBetter(boolean b) {
        higherIsBetter = b;
    }

    private double axisX(int i, int n) {
        double w = getWidth();
        return n <= 1 ? w / 2 : 48 + i * (w - 96) / (n - 1);
    }

    /** The axis within 14 px of x, or -1. */
    private int axisAt(double x) {
        int n = model.axes().size();
        for (int i = 0; i < n; i++) {
            if (Math.abs(axisX(i, n) - x) <= 14) {
                return i;
            }
        }
        return -1;
    }

    private double position(double y) {
        double h = getHeight() - TOP - BOTTOM;
        return Math.max(0, Math.min(1, 1 - (y - TOP) / h));
    }

    private double y(double t) {
        return TOP + (1 - t) * (getHeight() - TOP - BOTTOM);
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        List<ParallelModel.Axis> axes = model.axes();
        g.setFont(Font.font(12));
        if (model.runs().size() < 2 || axes.size() < 2) {
            g.setFill(text);
            g.fillText("Runs that differ in their settings (a sweep's trials, say) are compared here, one axis per"
                    + " setting.", 12, h / 2);
            return;
        }
        int n = axes.size();
        ParallelModel.Axis metricAxis = axes.get(n - 1);
        // Faint lines first, so the kept ones are drawn over them.
        for (int pass = 0; pass < 2; pass++) {
            for (Run r : model.runs()) {
                boolean keep = model.passes(r);
                if (keep != (pass == 1)) {
                    continue;
                }
                Color chosen = colours.apply(r.id());
                double m = metricAxis.position(model.value(r, metricAxis));
                double quality = Double.isNaN(m) ? 0 : higherIsBetter ? m : 1 - m;
                Color c = !keep ? text.deriveColor(0, 1, 1, 0.18)
                        : chosen != null ? chosen : text.deriveColor(0, 1, 1, 0.35 + 0.6 * quality);
                g.setStroke(c);
                g.setLineWidth(keep && chosen != null ? 2.2 : 1.2);
                double px = Double.NaN;
                double py = Double.NaN;
                for (int i = 0; i < n; i++) {
                    double t = axes.get(i).position(model.value(r, axes.get(i)));
                    double x = axisX(i, n);
                    double yy = Double.isNaN(t) ? Double.NaN : y(t);
                    if (!Double.isNaN(py) && !Double.isNaN(yy)) {
                        g.strokeLine(px, py, x, yy);
                    }
                    px = x;
                    py = yy;
                }
            }
        }
        g.setLineWidth(1);
        // Names alternate between two rows and values are cut to the room between axes, so nothing overlaps.
        int room = (int) Math.max(4, (n <= 1 ? w : (w - 96) / (n - 1)) / 7 - 1);
        for (int i = 0; i < n; i++) {
            ParallelModel.Axis a = axes.get(i);
            double x = axisX(i, n);
            g.setStroke(text);
            g.strokeLine(x, y(1), x, y(0));
            double lo = i == dragAxis ? Math.min(dragFrom, dragTo) : a.keepLow;
            double hi = i == dragAxis ? Math.max(dragFrom, dragTo) : a.keepHigh;
            if (i == dragAxis || a.filtered()) {
                g.setFill(Color.web("#2f6fe0", 0.28));
                g.fillRect(x - 7, y(hi), 14, Math.max(2, y(lo) - y(hi)));
            }
            g.setFill(text);
            String name = cut(a.key, 2 * room);
            g.fillText(name, Math.max(2, Math.min(w - name.length() * 7 - 2, x - name.length() * 3.5)),
                    i % 2 == 0 ? h - 20 : h - 5);
            if (a.numeric()) {
                label(g, cut(format(a.max) + (a.log ? " log" : ""), room), x, y(1) - 6, w);
                label(g, cut(format(a.min), room), x, y(0) + 14, w);
            } else {
                for (String c : a.categories) {
                    double t = a.position(c);
                    String shown = cut(c, room - 1);
                    g.fillText(shown, Math.min(w - shown.length() * 7 - 2, x + 5), y(t) + 4);
                }
            }
        }
        g.setFill(text);
        int kept = (int) model.runs().stream().filter(model::passes).count();
        g.fillText(kept == model.runs().size() ? "Drag along an axis to keep a range"
                : kept + " of " + model.runs().size() + " runs kept (click off the axes to clear)", 8, 14);
    }

    /** s in at most n characters, its end kept ("…_1.units"): the end tells layers' options apart. */
    private static String cut(String s, int n) {
        return s.length() <= n ? s : "…" + s.substring(s.length() - Math.max(1, n - 1));
    }

    private void label(GraphicsContext g, String s, double x, double y, double w) {
        g.fillText(s, Math.max(2, Math.min(w - s.length() * 7 - 2, x - s.length() * 3.5)), y);
    }

    private static String format(double v) {
        return PlotView.format(v);
    }
}
