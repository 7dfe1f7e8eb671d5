package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/** y = a + b elementwise; all three of one shape. */
public final class Add {
    private Add() {
    }

    public static void forward(Tensor a, Tensor b, Tensor y) {
        float[] ad = a.data();
        float[] bd = b.data();
        float[] yd = y.data();
        int n = y.size();
        for (int i = 0; i < n; i++) {
            yd[i] = ad[i] + bd[i];
        }
    }

    /** da += dy, db += dy (either may be null). */
    public static void backward(Tensor dy, Tensor da, Tensor db) {
        accumulate(dy, da);
        accumulate(dy, db);
    }

    static void accumulate(Tensor src, Tensor dst) {
        if (dst == null) {
            return;
        }
        float[] s = src.data();
        float[] d = dst.data();
        int n = src.size();
        for (int i = 0; i < n; i++) {
            d[i] += s[i];
        }
    }
}
