package org.layerlab.training.runs;

import org.layerlab.data.Dataset;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;

/**
 * Which data a run saw: the source as the project names it (kind and path), the number of
 * training and test samples, and a hash of the values actually used (features and targets after
 * loading and preprocessing, without augmentation), so "same file, different contents" shows.
 */
public record DataFingerprint(String source, int trainSamples, int testSamples, String hash) {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final int CHUNK = 256;

    /** test may be null. */
    public static DataFingerprint of(String source, Dataset train, Dataset test) {
        long h = FNV_OFFSET;
        h = hash(train.original(), h);
        if (test != null) {
            h = hash(test, h);
        }
        return new DataFingerprint(source, train.size(), test == null ? 0 : test.size(), String.format("%016x", h));
    }

    private static long hash(Dataset d, long h) {
        int n = d.size();
        if (n == 0) {
            return h;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int batch = Math.min(CHUNK, n);
        Tensor x = Tensor.ofBatch(batch, d.featureShape());
        Tensor y = Tensor.ofBatch(batch, Shape.of(d.targetWidth()));
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            d.gather(order, from, to, x, y);
            h = mix(h, x.data(), x.size());
            h = mix(h, y.data(), y.size());
        }
        return h;
    }

    private static long mix(long h, float[] v, int count) {
        for (int i = 0; i < count; i++) {
            h = (h ^ Float.floatToIntBits(v[i])) * FNV_PRIME;
        }
        return h;
    }

    /** What a person reads: "csv data/iris.csv · 120 + 30 samples · 3f9c…". */
    public String describe() {
        return source + " · " + trainSamples + (testSamples > 0 ? " + " + testSamples : "") + " samples · "
                + hash.substring(0, Math.min(8, hash.length()));
    }
}
