package org.layerlab.engine.ops;

import org.layerlab.engine.Parallel;
import org.layerlab.engine.Tensor;

/** y[..., c] += b[c] over the last axis. Shapes: y (N, ..., C), b (C). */
public final class AddBias {
    private AddBias() {
    }

    public static void forward(Tensor y, Tensor b) {
        float[] yd = y.data();
        float[] bd = b.data();
        int c = b.size();
        int rows = y.size() / c;
        Parallel.Args args = Parallel.args();
        args.a = yd;
        args.b = bd;
        args.width = c;
        Parallel.range(rows, (long) y.size() * 2, args, (p, from, to) -> addRows(p.a, p.b, p.width, from, to));
    }

    private static void addRows(float[] yd, float[] bd, int c, int from, int to) {
        for (int r = from; r < to; r++) {
            int o = r * c;
            for (int j = 0; j < c; j++) {
                yd[o + j] += bd[j];
            }
        }
    }

    // Channels per parallel chunk: one 512-bit vector, so each core reads whole cache lines.
    private static final int CHANNELS_PER_CHUNK = 16;

    /**
     * db[c] += Σ dy[..., c]. Split by channels, not rows: each sum keeps its order, so the result
     * is the same on any number of cores (partial sums over rows would round differently).
     */
    public static void backward(Tensor dy, Tensor db) {
        int c = db.size();
        Parallel.Args args = Parallel.args();
        args.a = dy.data();
        args.b = db.data();
        args.width = c;
        args.count = dy.size() / c;
        Parallel.range((c + CHANNELS_PER_CHUNK - 1) / CHANNELS_PER_CHUNK, dy.size(), args, (p, from, to) ->
                sumColumns(p.a, p.b, p.width, (int) p.count, from * CHANNELS_PER_CHUNK,
                        Math.min(p.width, to * CHANNELS_PER_CHUNK)));
    }

    private static void sumColumns(float[] g, float[] bd, int c, int rows, int j0, int j1) {
        for (int r = 0; r < rows; r++) {
            int o = r * c;
            for (int j = j0; j < j1; j++) {
                bd[j] += g[o + j];
            }
        }
    }
}
