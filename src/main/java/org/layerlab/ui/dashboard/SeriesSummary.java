package org.layerlab.ui.dashboard;

/**
 * What a chart draws of one {@link Series}: its points, smoothed, folded into at most {@link #CAP}
 * buckets of consecutive points, each keeping the lowest and highest smoothed value, plus the
 * data's range. It is brought up to date with only the points added since the last frame, so a
 * frame costs the same at ten million points as at ten thousand; redrawing from every point cost
 * 6 ms per frame at a million and 29 ms at five million (a mlp run reaches that in half an hour).
 *
 * <p>Buckets double in size when they run out, so each holds 2^k points and no bucket is more
 * than a sliver of a pixel column once there are more points than columns; a spike stays
 * visible because a bucket keeps its extremes, not an average. Points whose value is not finite
 * are skipped, as the chart skips them.
 */
final class SeriesSummary {
    static final int CAP = 4096;
    private final Series series;
    private double smoothing = Double.NaN;
    private int consumed;
    private double ema;
    private int bucketSize;
    private int buckets;
    private int inLast;
    private final double[] x = new double[CAP];
    private final double[] lo = new double[CAP];
    private final double[] hi = new double[CAP];
    private final Range all = new Range();
    private final Range positive = new Range();

    /** The extent of a series' finite points: all of them, or (for a log axis) the positive ones. */
    static final class Range {
        double xMin;
        double xMax;
        double yMin;
        double yMax;

        void clear() {
            xMin = Double.MAX_VALUE;
            xMax = -Double.MAX_VALUE;
            yMin = Double.MAX_VALUE;
            yMax = -Double.MAX_VALUE;
        }

        boolean isEmpty() {
            return xMin > xMax;
        }

        private void add(double px, double py) {
            xMin = Math.min(xMin, px);
            xMax = Math.max(xMax, px);
            yMin = Math.min(yMin, py);
            yMax = Math.max(yMax, py);
        }
    }

    SeriesSummary(Series series) {
        this.series = series;
    }

    /**
     * Folds in the points added since the last call; starts over when the smoothing changed or
     * the series was cleared. smoothing: the weight of the previous average, 0 for none.
     */
    void update(double smoothing) {
        if (smoothing != this.smoothing || series.size() < consumed) {
            this.smoothing = smoothing;
            consumed = 0;
            ema = Double.NaN;
            bucketSize = 1;
            buckets = 0;
            inLast = 0;
            all.clear();
            positive.clear();
        }
        for (int i = consumed; i < series.size(); i++) {
            add(series.x(i), series.y(i));
        }
        consumed = series.size();
    }

    private void add(double px, double y) {
        if (!Double.isFinite(y)) {
            return;
        }
        all.add(px, y);
        if (y > 0) {
            positive.add(px, y);
        }
        ema = Double.isNaN(ema) || smoothing == 0 ? y : smoothing * ema + (1 - smoothing) * y;
        if (buckets == 0 || inLast == bucketSize) {
            if (buckets == CAP) {
                halve();
            }
            x[buckets] = px;
            lo[buckets] = ema;
            hi[buckets] = ema;
            buckets++;
            inLast = 1;
        } else {
            lo[buckets - 1] = Math.min(lo[buckets - 1], ema);
            hi[buckets - 1] = Math.max(hi[buckets - 1], ema);
            inLast++;
        }
    }

    /** Merges neighbouring buckets: half as many, each twice as long (all are full when this runs). */
    private void halve() {
        for (int i = 0; i < CAP / 2; i++) {
            x[i] = x[2 * i];
            lo[i] = Math.min(lo[2 * i], lo[2 * i + 1]);
            hi[i] = Math.max(hi[2 * i], hi[2 * i + 1]);
        }
        buckets = CAP / 2;
        bucketSize *= 2;
    }

    int buckets() {
        return buckets;
    }

    /** Points per bucket (the last one may hold fewer). */
    int bucketSize() {
        return bucketSize;
    }

    /** The x of the bucket's first point. */
    double x(int bucket) {
        return x[bucket];
    }

    /** The lowest smoothed value in the bucket. */
    double low(int bucket) {
        return lo[bucket];
    }

    /** The highest smoothed value in the bucket. */
    double high(int bucket) {
        return hi[bucket];
    }

    /** The range of the finite points (raw values, not smoothed); positiveOnly for a log axis. */
    Range range(boolean positiveOnly) {
        return positiveOnly ? positive : all;
    }
}
