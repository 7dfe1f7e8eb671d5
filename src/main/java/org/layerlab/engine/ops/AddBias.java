package org.layerlab.engine.ops;

import org.layerlab.engine.Lanes;
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
        Parallel.range(rows, (long) y.size() * 2, args, (p, from, to) -> Lanes.addToRows(p.a, from, to, p.width, p.b));
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
                Lanes.sumColumns(p.a, (int) p.count, p.width, from * CHANNELS_PER_CHUNK,
                        Math.min(p.width, to * CHANNELS_PER_CHUNK), p.b));
    }
}
