package org.layerlab.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The micro-kernel on the Vector API: a 6 × (2 vectors) tile held in 12 registers, one fused
 * multiply-add per register per step. The only class that touches jdk.incubator.vector; {@link
 * Gemm} loads it reflectively and falls back to {@link ScalarKernel} when the module is absent.
 *
 * <p>The loop comes twice. When A's rows are read in place (step 1 along k) and B is packed
 * (step {@link #NR}), every index is the loop counter times a constant plus an invariant, so C2
 * proves them in range once before the loop and drops the eight bounds checks per step (and the
 * stride arithmetic that kept the loop short of registers): gemm 512-2048 ran 8-18% faster. Any
 * other layout takes the strided loop. Each is a whole method of its own, stores included: one
 * method with both loops inlined grew past what C2 would compile well, and a helper shared by
 * both for the stores boxed the accumulators when not inlined (session 14).
 */
final class VectorKernel implements MicroKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int V = S.length();
    static final int MR = 6;
    static final int NR = 2 * V;

    @Override
    public int mr() {
        return MR;
    }

    @Override
    public int nr() {
        return NR;
    }

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }

    @Override
    public void tile(int kc, float[] a, int aOff, int ai, int ap, float[] b, int bOff, int bp,
                     float[] c, int cOff, int ldc, boolean add) {
        if (ap == 1 && bp == NR) {
            contiguous(kc, a, aOff, ai, b, bOff, c, cOff, ldc, add);
        } else {
            strided(kc, a, aOff, ai, ap, b, bOff, bp, c, cOff, ldc, add);
        }
    }

    /** The tile with A's rows in place (ai apart, step 1 along k) and B packed in strips of NR. */
    private static void contiguous(int kc, float[] a, int aOff, int ai, float[] b, int bOff,
                                   float[] c, int cOff, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        int r0 = aOff;
        int r1 = r0 + ai;
        int r2 = r1 + ai;
        int r3 = r2 + ai;
        int r4 = r3 + ai;
        int r5 = r4 + ai;
        for (int p = 0; p < kc; p++) {
            int pb = bOff + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, b, pb);
            FloatVector b1 = FloatVector.fromArray(S, b, pb + V);
            FloatVector a0 = FloatVector.broadcast(S, a[r0 + p]);
            FloatVector a1 = FloatVector.broadcast(S, a[r1 + p]);
            FloatVector a2 = FloatVector.broadcast(S, a[r2 + p]);
            FloatVector a3 = FloatVector.broadcast(S, a[r3 + p]);
            FloatVector a4 = FloatVector.broadcast(S, a[r4 + p]);
            FloatVector a5 = FloatVector.broadcast(S, a[r5 + p]);
            c00 = b0.fma(a0, c00);
            c01 = b1.fma(a0, c01);
            c10 = b0.fma(a1, c10);
            c11 = b1.fma(a1, c11);
            c20 = b0.fma(a2, c20);
            c21 = b1.fma(a2, c21);
            c30 = b0.fma(a3, c30);
            c31 = b1.fma(a3, c31);
            c40 = b0.fma(a4, c40);
            c41 = b1.fma(a4, c41);
            c50 = b0.fma(a5, c50);
            c51 = b1.fma(a5, c51);
        }
        // Written out rather than a store(lo, hi) helper: when C2 did not inline the helper (it
        // had been compiled on its own first, and was then too big to inline), the 12
        // accumulators were boxed on every call, 1.1 KB a tile, depending on which products ran first.
        int o1 = cOff + ldc;
        int o2 = o1 + ldc;
        int o3 = o2 + ldc;
        int o4 = o3 + ldc;
        int o5 = o4 + ldc;
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, c, cOff));
            c01 = c01.add(FloatVector.fromArray(S, c, cOff + V));
            c10 = c10.add(FloatVector.fromArray(S, c, o1));
            c11 = c11.add(FloatVector.fromArray(S, c, o1 + V));
            c20 = c20.add(FloatVector.fromArray(S, c, o2));
            c21 = c21.add(FloatVector.fromArray(S, c, o2 + V));
            c30 = c30.add(FloatVector.fromArray(S, c, o3));
            c31 = c31.add(FloatVector.fromArray(S, c, o3 + V));
            c40 = c40.add(FloatVector.fromArray(S, c, o4));
            c41 = c41.add(FloatVector.fromArray(S, c, o4 + V));
            c50 = c50.add(FloatVector.fromArray(S, c, o5));
            c51 = c51.add(FloatVector.fromArray(S, c, o5 + V));
        }
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + V);
        c10.intoArray(c, o1);
        c11.intoArray(c, o1 + V);
        c20.intoArray(c, o2);
        c21.intoArray(c, o2 + V);
        c30.intoArray(c, o3);
        c31.intoArray(c, o3 + V);
        c40.intoArray(c, o4);
        c41.intoArray(c, o4 + V);
        c50.intoArray(c, o5);
        c51.intoArray(c, o5 + V);
    }

    /** The tile for any strides: A(i, p) at aOff + i·ai + p·ap, B(p, j) at bOff + p·bp + j. */
    private static void strided(int kc, float[] a, int aOff, int ai, int ap, float[] b, int bOff, int bp,
                                float[] c, int cOff, int ldc, boolean add) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        int r0 = aOff;
        int r1 = r0 + ai;
        int r2 = r1 + ai;
        int r3 = r2 + ai;
        int r4 = r3 + ai;
        int r5 = r4 + ai;
        for (int p = 0, pa = 0, pb = bOff; p < kc; p++, pa += ap, pb += bp) {
            FloatVector b0 = FloatVector.fromArray(S, b, pb);
            FloatVector b1 = FloatVector.fromArray(S, b, pb + V);
            FloatVector a0 = FloatVector.broadcast(S, a[r0 + pa]);
            FloatVector a1 = FloatVector.broadcast(S, a[r1 + pa]);
            FloatVector a2 = FloatVector.broadcast(S, a[r2 + pa]);
            FloatVector a3 = FloatVector.broadcast(S, a[r3 + pa]);
            FloatVector a4 = FloatVector.broadcast(S, a[r4 + pa]);
            FloatVector a5 = FloatVector.broadcast(S, a[r5 + pa]);
            c00 = b0.fma(a0, c00);
            c01 = b1.fma(a0, c01);
            c10 = b0.fma(a1, c10);
            c11 = b1.fma(a1, c11);
            c20 = b0.fma(a2, c20);
            c21 = b1.fma(a2, c21);
            c30 = b0.fma(a3, c30);
            c31 = b1.fma(a3, c31);
            c40 = b0.fma(a4, c40);
            c41 = b1.fma(a4, c41);
            c50 = b0.fma(a5, c50);
            c51 = b1.fma(a5, c51);
        }
        // Written out rather than a store(lo, hi) helper: when C2 did not inline the helper (it
        // had been compiled on its own first, and was then too big to inline), the 12
        // accumulators were boxed on every call, 1.1 KB a tile, depending on which products ran first.
        int o1 = cOff + ldc;
        int o2 = o1 + ldc;
        int o3 = o2 + ldc;
        int o4 = o3 + ldc;
        int o5 = o4 + ldc;
        if (add) {
            c00 = c00.add(FloatVector.fromArray(S, c, cOff));
            c01 = c01.add(FloatVector.fromArray(S, c, cOff + V));
            c10 = c10.add(FloatVector.fromArray(S, c, o1));
            c11 = c11.add(FloatVector.fromArray(S, c, o1 + V));
            c20 = c20.add(FloatVector.fromArray(S, c, o2));
            c21 = c21.add(FloatVector.fromArray(S, c, o2 + V));
            c30 = c30.add(FloatVector.fromArray(S, c, o3));
            c31 = c31.add(FloatVector.fromArray(S, c, o3 + V));
            c40 = c40.add(FloatVector.fromArray(S, c, o4));
            c41 = c41.add(FloatVector.fromArray(S, c, o4 + V));
            c50 = c50.add(FloatVector.fromArray(S, c, o5));
            c51 = c51.add(FloatVector.fromArray(S, c, o5 + V));
        }
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + V);
        c10.intoArray(c, o1);
        c11.intoArray(c, o1 + V);
        c20.intoArray(c, o2);
        c21.intoArray(c, o2 + V);
        c30.intoArray(c, o3);
        c31.intoArray(c, o3 + V);
        c40.intoArray(c, o4);
        c41.intoArray(c, o4 + V);
        c50.intoArray(c, o5);
        c51.intoArray(c, o5 + V);
    }

    @Override
    public double peakLoop(long steps) {
        FloatVector x = FloatVector.broadcast(S, 0.9999f);
        FloatVector y = FloatVector.broadcast(S, 1e-4f);
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        FloatVector c6 = c0;
        FloatVector c7 = c0;
        FloatVector c8 = c0;
        FloatVector c9 = c0;
        FloatVector c10 = c0;
        FloatVector c11 = c0;
        for (long s = 0; s < steps; s++) {
            c0 = c0.fma(x, y);
            c1 = c1.fma(x, y);
            c2 = c2.fma(x, y);
            c3 = c3.fma(x, y);
            c4 = c4.fma(x, y);
            c5 = c5.fma(x, y);
            c6 = c6.fma(x, y);
            c7 = c7.fma(x, y);
            c8 = c8.fma(x, y);
            c9 = c9.fma(x, y);
            c10 = c10.fma(x, y);
            c11 = c11.fma(x, y);
        }
        float sum = c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
        return 24.0 * V * steps + (sum == 0f ? 1 : 0);
    }
}
