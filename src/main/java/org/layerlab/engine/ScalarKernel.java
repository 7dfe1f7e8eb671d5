package org.layerlab.engine;

import java.util.Arrays;
/** The portable micro-kernel: plain loops that C2 can partly vectorize; used without the Vector API. */
final class ScalarKernel implements MicroKernel {
    static final int MR = 4;
    static final int NR = 16;
    // The accumulator tile, one per thread: a new array per tile was megabytes per training step
    // (escape analysis did not remove it).
    private static final ThreadLocal<float[]> ACC = ThreadLocal.withInitial(() -> new float[MR * NR]);

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
        return "scalar";
    }

    @Override
    public double peakLoop(long steps) {
        float[] acc = new float[12];
        float x = 0.9999f;
        float y = 1e-4f;
        for (long s = 0; s < steps; s++) {
            for (int i = 0; i < acc.length; i++) {
                acc[i] = acc[i] * x + y;
            }
        }
        float sum = 0;
        for (float v : acc) {
            sum += v;
        }
        return 24.0 * steps + (sum == 0f ? 1 : 0);
    }

    @Override
    public void tile(int kc, float[] a, int aOff, int ai, int ap, float[] b, int bOff, int bp,
                     float[] c, int cOff, int ldc, boolean add) {
        float[] acc = ACC.get();
        Arrays.fill(acc, 0f);
        for (int p = 0; p < kc; p++) {
            int bRow = bOff + p * bp;
            for (int i = 0; i < MR; i++) {
                float av = a[aOff + i * ai + p * ap];
                int row = i * NR;
                for (int j = 0; j < NR; j++) {
                    acc[row + j] += av * b[bRow + j];
                }
            }
        }
        for (int i = 0; i < MR; i++) {
            int ci = cOff + i * ldc;
            for (int j = 0; j < NR; j++) {
                c[ci + j] = add ? c[ci + j] + acc[i * NR + j] : acc[i * NR + j];
            }
        }
    }
}
