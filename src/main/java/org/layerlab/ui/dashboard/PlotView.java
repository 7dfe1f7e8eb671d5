package org.layerlab.ui.dashboard;

import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * A line chart drawn on a Canvas. Long series are decimated per pixel column (min and max of the
 * points that fall in it), so a million points draw as fast as a thousand while keeping every
 * spike visible; the data itself is kept whole. An optional exponential smoothing applies to
 * series marked smoothable; the y axis can be logarithmic; hovering shows the nearest values.
 */
final class PlotView extends CanvasView {
    private final List<Series> series = new ArrayList<>();
    private final List<Boolean> smoothable = new ArrayList<>();
    private final List<SeriesSummary> summaries = new ArrayList<>();
    private String title;
    private String xLabel;
    private final List<Double> markers = new ArrayList<>();
    private boolean logScale;
    /** Off where something else says which line is which (the Runs tab's table). */
    private boolean legend = true;
    private double smoothing;
    private boolean dirty = true;
    static final String NO_DATA = "No data yet: press Train.";
    /** What the chart says while it has nothing to draw. */
    private String emptyText = NO_DATA;
    private Color grid = Color.web("#dde1e6");
    private final Tooltip hover = new Tooltip();

    PlotView(String title, String xLabel) {
        this.title = title;
        this.xLabel = xLabel;
        getStyleClass().add("plot");
        Tooltip.install(this, hover);
        setOnMouseMoved(e -> hover.setText(describeAt(e.getX())));
    }

    void add(Series s, boolean smooth) {
        series.add(s);
        smoothable.add(smooth);
        summaries.add(new SeriesSummary(s));
        dirty = true;
    }

    void setLegend(boolean on) {
        legend = on;
    }

    /** What the x axis counts: "step" for a live run, "epoch" for a saved history. */
    void setXLabel(String label) {
        if (!label.equals(xLabel)) {
            xLabel = label;
            redraw();
        }
    }

    /** x values are names of times (years, dates), not counts: no thousands separators. */
    void setPlainX(boolean plain) {
        plainX = plain;
        redraw();
    }

    private boolean plainX;
    private static final String GROUPING = String.valueOf(DecimalFormatSymbols.getInstance().getGroupingSeparator());

    void setTitle(String t) {
        title = t;
        redraw();
    }

    void mark(double x) {
        markers.add(x);
        dirty = true;
    }

    void setLogScale(boolean log) {
        logScale = log;
        redraw();
    }

    void setSmoothing(double s) {
        smoothing = s;
        redraw();
    }

    private boolean dark;

    @Override
    void setDark(boolean dark) {
        this.dark = dark;
        grid = Color.web(dark ? "#30353c" : "#dde1e6");
        super.setDark(dark);
    }

    void clear() {
        series.forEach(Series::clear);
        markers.clear();
        redraw();
    }

    void changed() {
        dirty = true;
    }

    /** Sets what the chart says while empty (a run with the views off is not waiting for Train). */
    void setEmptyText(String text) {
        if (!text.equals(emptyText)) {
            emptyText = text;
            redraw();
        }
    }

    String emptyText() {
        return emptyText;
    }

    /** Redraws if data changed since the last frame (called by the dashboard at most 2.5 times a second). */
    void refresh() {
        if (dirty) {
            redraw();
        }
    }

    private double left() {
        return 56;
    }

    /** Where the plotting area begins, below the title (and the legend when it has a line of its own). */
    private double plotTop = 26;

    /** The legend's entries side by side (a series with no points has none). */
    private double legendWidth() {
        double width = 0;
        for (Series s : series) {
            width += s.size() > 0 ? entryWidth(s) : 0;
        }
        return width;
    }

    /** One legend entry: the swatch, its gap and the name at about 7 px a character. */
    private static double entryWidth(Series s) {
        return 26 + s.name.length() * 7;
    }

    private double tx(double x, double x0, double x1) {
        return left() + (x - x0) / Math.max(1e-12, x1 - x0) * (getWidth() - left() - 12);
    }

    private double ty(double y, double y0, double y1) {
        double top = plotTop;
        double bottom = getHeight() - 30;
        double v = logScale ? Math.log10(Math.max(y, 1e-12)) : y;
        double a = logScale ? Math.log10(Math.max(y0, 1e-12)) : y0;
        double b = logScale ? Math.log10(Math.max(y1, 1e-12)) : y1;
        return bottom - (v - a) / Math.max(1e-12, b - a) * (bottom - top);
    }

    void redraw() {
        dirty = false;
        draw();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        if (w < 50 || h < 50) {
            return;
        }
        g.setFont(Font.font(12));
        g.setFill(text);
        g.fillText(title, left(), 16);
        double x0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (int k = 0; k < series.size(); k++) {
            SeriesSummary summary = summaries.get(k);
            summary.update(smoothable.get(k) ? smoothing : 0);
            SeriesSummary.Range r = summary.range(logScale);
            x0 = Math.min(x0, r.xMin);
            x1 = Math.max(x1, r.xMax);
            y0 = Math.min(y0, r.yMin);
            y1 = Math.max(y1, r.yMax);
        }
        if (x0 > x1) {
            g.fillText(emptyText, left(), h / 2);
            return;
        }
        if (x1 == x0) {
            x1 = x0 + 1;
        }
        if (y1 == y0) {
            y1 = y0 + (y0 == 0 ? 1 : Math.abs(y0) * 0.1);
            y0 = logScale ? y0 : y0 - (y1 - y0);
        }
        // The legend follows the title on its line, or where a long title (the Forecast tab's, with
        // its errors) leaves it no room, takes a line of its own below, the plot starting lower.
        double legendX = left() + Math.max(140, title.length() * 7 + 24);
        double legendY = 14;
        plotTop = 26;
        if (legend && legendX + legendWidth() > w && left() + legendWidth() <= w) {
            legendX = left();
            legendY = 32;
            plotTop = 44;
        }
        AxisTicks yTicks = logScale ? AxisTicks.log(y0, y1) : AxisTicks.linear(y0, y1, 4);
        y0 = yTicks.lo();
        y1 = yTicks.hi();
        axes(g, yTicks, AxisTicks.within(x0, x1, 4), x0, x1);
        for (Double m : markers) {
            double px = tx(m, x0, x1);
            g.setStroke(Color.web("#b7791f"));
            g.setLineDashes(4, 3);
            g.strokeLine(px, plotTop - 2, px, h - 30);
            g.setLineDashes();
        }
        boolean roomLeft = true;
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            Color c = Color.web(dark ? s.darkColor : s.styleColor);
            draw(g, s, summaries.get(k), c, x0, x1, y0, y1);
            // A series with no points (no validation data, not a GAN) says nothing in the legend either.
            if (!legend || s.size() == 0 || !roomLeft) {
                continue;
            }
            if (legendX + entryWidth(s) > w) {
                // No room left on the line: an entry cut in half reads as something else.
                g.setFill(text);
                g.fillText("…", legendX, legendY);
                roomLeft = false;
                continue;
            }
            g.setFill(c);
            g.fillRect(legendX, legendY - 6, 14, 3);
            g.setFill(text);
            g.fillText(s.name, legendX + 18, legendY);
            legendX += entryWidth(s);
        }
    }

    private void axes(GraphicsContext g, AxisTicks yTicks, AxisTicks xTicks, double x0, double x1) {
        double w = getWidth();
        double h = getHeight();
        g.setLineWidth(1);
        for (double v : yTicks.values()) {
            double py = ty(v, yTicks.lo(), yTicks.hi());
            g.setStroke(grid);
            g.strokeLine(left(), py, w - 12, py);
            g.setFill(text);
            g.fillText(yTicks.label(v), 4, py + 4);
        }
        for (double v : xTicks.values()) {
            double px = tx(v, x0, x1);
            // A calendar axis (a year, a date as 20261206) reads without thousands separators.
            String label = plainX ? xTicks.label(v).replace(GROUPING, "") : xTicks.label(v);
            g.setFill(text);
            g.fillText(label, Math.min(px - label.length() * 3.5, w - 12 - label.length() * 7), h - 14);
        }
        g.fillText(xLabel, w - 12 - xLabel.length() * 7, h - 2);
    }

    /** Pixel columns of the curve being drawn: x, highest (top) and lowest (bottom) rows. Reused. */
    private double[] columnX = new double[256];
    private double[] columnTop = new double[256];
    private double[] columnBottom = new double[256];

    /**
     * The curve through the buckets' extremes, each pixel column from its lowest to its highest
     * value. Where points outnumber the columns (a run's per-batch curve), the columns are filled
     * as one band, which looks like the stroked zigzag it replaces and costs the software renderer
     * a fraction of it: the stroke's outline crossed every scanline thousands of times, and
     * rasterizing it took most of the processor time the dashboard costs a run.
     */
    private void draw(GraphicsContext g, Series s, SeriesSummary summary, Color c, double x0, double x1, double y0,
                      double y1) {
        int n = s.size();
        int buckets = summary.buckets();
        if (buckets == 0) {
            return;
        }
        int columns = columns(summary, buckets, x0, x1, y0, y1);
        if (n >= 2 * columns && columns > 1) {
            fillBand(g, c, columns);
        } else {
            strokeColumns(g, c, columns);
        }
        if (n < 60) {
            g.setFill(c);
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(s.y(i))) {
                    g.fillOval(tx(s.x(i), x0, x1) - 2.5, ty(s.y(i), y0, y1) - 2.5, 5, 5);
                }
            }
        }
    }

    /** Folds the buckets into pixel columns (pixel rows grow downwards: a high value is a top row). */
    private int columns(SeriesSummary summary, int buckets, double x0, double x1, double y0, double y1) {
        int count = 0;
        int column = Integer.MIN_VALUE;
        for (int b = 0; b < buckets; b++) {
            int px = (int) tx(summary.x(b), x0, x1);
            double top = ty(summary.high(b), y0, y1);
            double bottom = ty(summary.low(b), y0, y1);
            if (px != column) {
                if (count == columnX.length) {
                    columnX = Arrays.copyOf(columnX, count * 2);
                    columnTop = Arrays.copyOf(columnTop, count * 2);
                    columnBottom = Arrays.copyOf(columnBottom, count * 2);
                }
                column = px;
                columnX[count] = px;
                columnTop[count] = top;
                columnBottom[count] = bottom;
                count++;
            } else {
                columnTop[count - 1] = Math.min(columnTop[count - 1], top);
                columnBottom[count - 1] = Math.max(columnBottom[count - 1], bottom);
            }
        }
        return count;
    }

    private void strokeColumns(GraphicsContext g, Color c, int columns) {
        g.setStroke(c);
        g.setLineWidth(LINE_WIDTH);
        g.beginPath();
        g.moveTo(columnX[0], columnTop[0]);
        for (int i = 0; i < columns; i++) {
            g.lineTo(columnX[i], columnTop[i]);
            g.lineTo(columnX[i], columnBottom[i]);
        }
        g.stroke();
    }

    /**
     * The columns as one filled outline: along the tops, back along the bottoms, widened by half
     * a line so a flat stretch is as thick as a stroked line. A column that jumps clear of its
     * neighbour is stretched to meet it, as the stroke's connecting segment did.
     */
    private void fillBand(GraphicsContext g, Color c, int columns) {
        double half = LINE_WIDTH / 2;
        int last = columns - 1;
        g.setFill(c);
        g.beginPath();
        g.moveTo(columnX[0] - half, columnTop[0] - half);
        double top = columnTop[0];
        for (int i = 0; i < columns; i++) {
            top = i == 0 ? columnTop[0] : Math.min(columnTop[i], columnBottom[i - 1]);
            g.lineTo(columnX[i], top - half);
        }
        g.lineTo(columnX[last] + half, top - half);
        g.lineTo(columnX[last] + half, columnBottom[last] + half);
        for (int i = last; i >= 0; i--) {
            double bottom = i == 0 ? columnBottom[0] : Math.max(columnBottom[i], columnTop[i - 1]);
            g.lineTo(columnX[i], bottom + half);
        }
        g.lineTo(columnX[0] - half, columnBottom[0] + half);
        g.closePath();
        g.fill();
    }

    private static final double LINE_WIDTH = 1.6;

    private String describeAt(double px) {
        StringBuilder sb = new StringBuilder();
        for (Series s : series) {
            if (s.size() == 0) {
                continue;
            }
            double x0 = s.x(0);
            double x1 = s.x(s.size() - 1);
            double target = x0 + (px - left()) / Math.max(1, getWidth() - left() - 12) * (x1 - x0);
            int best = s.nearest(target);
            sb.append(sb.length() == 0 ? "" : "\n").append(s.name).append(" at ").append(format(s.x(best))).append(": ")
                    .append(format(s.y(best)));
        }
        return sb.length() == 0 ? title : sb.toString();
    }

    static String format(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1000) {
            return String.format("%,.0f", v);
        }
        if (a >= 1) {
            return String.format("%.2f", v);
        }
        if (a >= 0.001) {
            return String.format("%.4f", v);
        }
        return String.format("%.1e", v);
    }

}
