package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/** y = a ⊙ b elementwise; all three of one shape. */
public final class Multiply {
    private Multiply() {
    }

    public static void forward(Tensor a, Tensor b, Tensor y) {
        float[] ad = a.data();
        float[] bd = b.data();
        float[] yd = y.data();
        int n = y.size();
        for (int i = 0; i < n; i++) {
            yd[i] = ad[i] * bd[i];
        }
    }

    /** da += dy ⊙ b, db += dy ⊙ a (either may be null). */
    public static void backward(Tensor a, Tensor b, Tensor dy, Tensor da, Tensor db) {
        float[] g = dy.data();
        int n = dy.size();
        if (da != null) {
            float[] bd = b.data();
            float[] d = da.data();
            for (int i = 0; i < n; i++) {
                d[i] += g[i] * bd[i];
            }
        }
        if (db != null) {
            float[] ad = a.data();
            float[] d = db.data();
            for (int i = 0; i < n; i++) {
                d[i] += g[i] * ad[i];
            }
        }
    }
}
