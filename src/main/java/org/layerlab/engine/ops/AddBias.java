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

    /** db[c] += Σ dy[..., c]. */
    public static void backward(Tensor dy, Tensor db) {
        float[] g = dy.data();
        float[] bd = db.data();
        int c = db.size();
        int rows = dy.size() / c;
        for (int r = 0; r < rows; r++) {
            int o = r * c;
            for (int j = 0; j < c; j++) {
                bd[j] += g[o + j];
            }
        }
    }
}
