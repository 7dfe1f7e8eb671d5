package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SeriesSummaryTest {
    @Test
    void fewPointsAreKeptOneToABucket() {
        Series s = series(1000, 3);
        SeriesSummary summary = new SeriesSummary(s);
        summary.update(0);
        assertEquals(1000, summary.buckets());
        for (int i = 0; i < 1000; i++) {
            assertEquals(s.x(i), summary.x(i));
            assertEquals(s.y(i), summary.low(i));
            assertEquals(s.y(i), summary.high(i));
        }
    }

    @Test
    void manyPointsStayWithinTheCapAndEachBucketKeepsItsExtremes() {
        Series s = series(1_000_003, 5);
        s.add(1_000_003, 50); // one spike among a million ordinary values
        SeriesSummary summary = new SeriesSummary(s);
        summary.update(0.5);
        assertTrue(summary.buckets() <= SeriesSummary.CAP && summary.buckets() > SeriesSummary.CAP / 2,
                "buckets: " + summary.buckets());
        double[] smoothed = smoothed(s, 0.5);
        int size = summary.bucketSize();
        for (int b = 0; b < summary.buckets(); b++) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int i = b * size; i < Math.min(s.size(), (b + 1) * size); i++) {
                min = Math.min(min, smoothed[i]);
                max = Math.max(max, smoothed[i]);
            }
            assertEquals(s.x(b * size), summary.x(b));
            assertEquals(min, summary.low(b), "bucket " + b);
            assertEquals(max, summary.high(b), "bucket " + b);
        }
        assertEquals(smoothed[s.size() - 1], summary.high(summary.buckets() - 1), "the smoothed spike is drawn");
    }

    @Test
    void addingPointsInFramesGivesWhatOnePassGives() {
        Series s = new Series("loss", "#000");
        SeriesSummary growing = new SeriesSummary(s);
        Random r = new Random(7);
        for (int frame = 0; frame < 300; frame++) {
            for (int k = r.nextInt(40); k > 0; k--) {
                s.add(s.size(), r.nextGaussian());
            }
            growing.update(0.9);
        }
        SeriesSummary once = new SeriesSummary(s);
        once.update(0.9);
        assertEquals(once.buckets(), growing.buckets());
        for (int b = 0; b < once.buckets(); b++) {
            assertEquals(once.low(b), growing.low(b));
            assertEquals(once.high(b), growing.high(b));
        }
    }

    @Test
    void changingTheSmoothingOrClearingTheSeriesStartsOver() {
        Series s = series(5000, 11);
        SeriesSummary summary = new SeriesSummary(s);
        summary.update(0.9);
        summary.update(0);
        assertEquals(2, summary.bucketSize(), "5,000 points: one halving");
        assertEquals(Math.min(s.y(2), s.y(3)), summary.low(1), "raw values: no smoothing left over");
        s.clear();
        s.add(1, 0.25);
        summary.update(0);
        assertEquals(1, summary.buckets());
        assertEquals(0.25, summary.high(0));
        assertEquals(0.25, summary.range(false).yMax);
    }

    @Test
    void rangesSkipValuesThatAreNotFiniteAndALogAxisSkipsNonPositiveOnes() {
        Series s = new Series("loss", "#000");
        s.add(1, Double.NaN);
        s.add(2, -1);
        s.add(3, 0.5);
        s.add(4, Double.POSITIVE_INFINITY);
        s.add(5, 2);
        SeriesSummary summary = new SeriesSummary(s);
        summary.update(0);
        assertEquals(3, summary.buckets());
        SeriesSummary.Range all = summary.range(false);
        assertEquals(2, all.xMin);
        assertEquals(5, all.xMax);
        assertEquals(-1, all.yMin);
        assertEquals(2, all.yMax);
        SeriesSummary.Range positive = summary.range(true);
        assertEquals(3, positive.xMin);
        assertEquals(0.5, positive.yMin);
        SeriesSummary none = new SeriesSummary(new Series("empty", "#000"));
        none.update(0);
        assertTrue(none.range(false).isEmpty());
        assertEquals(0, none.buckets());
    }

    @Test
    void nearestPointIsFoundByBisection() {
        Series s = new Series("acc", "#000");
        for (double x : new double[] {1, 2, 2, 5, 9}) {
            s.add(x, x);
        }
        assertEquals(0, s.nearest(-3));
        assertEquals(1, s.nearest(2), "first of equal x");
        assertEquals(1, s.nearest(3.4));
        assertEquals(3, s.nearest(3.6));
        assertEquals(0, s.nearest(1.5), "a tie goes to the earlier point");
        assertEquals(4, s.nearest(100));
    }

    private static Series series(int n, long seed) {
        Series s = new Series("loss", "#000");
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            s.add(i, Math.exp(-i / 2e5) + 0.1 * r.nextDouble());
        }
        return s;
    }

    private static double[] smoothed(Series s, double smoothing) {
        double[] out = new double[s.size()];
        double ema = Double.NaN;
        for (int i = 0; i < s.size(); i++) {
            ema = Double.isNaN(ema) ? s.y(i) : smoothing * ema + (1 - smoothing) * s.y(i);
            out[i] = ema;
        }
        return out;
    }
}
