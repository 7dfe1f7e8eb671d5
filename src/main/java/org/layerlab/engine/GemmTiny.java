package org.layerlab.engine;

/**
 * {@link Gemm}'s products of a few thousand multiply-adds (XOR's 4 × 8 × 2), as plain loops on the
 * calling thread: in tiles they cost more in packing and edges than in arithmetic.
 */
final class GemmTiny {
    private GemmTiny() {
    }

    /**
     * C (+)= op(A)·op(B) rounded as the vector kernel rounds: per output and per kc-long block of
     * k, one chain of fused multiply-adds from 0, then added to C; so the bits are the tiled path's.
     */
    static void multiply(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
                         float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate, int kc) {
        int ai = transA ? 1 : lda;
        int ap = transA ? lda : 1;
        int bj = transB ? ldb : 1;
        int bp = transB ? 1 : ldb;
        for (int i = 0; i < m; i++) {
            int j = 0;
            // Four outputs at a time: four independent chains keep the FMA unit busy where one
            // chain waited on each addition (the same chain per output, so the same bits).
            for (; j + 4 <= n; j += 4) {
                int at = cOff + i * ldc + j;
                for (int pc = 0; pc < k; pc += kc) {
                    int end = Math.min(k, pc + kc);
                    float acc0 = 0f;
                    float acc1 = 0f;
                    float acc2 = 0f;
                    float acc3 = 0f;
                    for (int p = pc, ia = aOff + i * ai + pc * ap, ib = bOff + j * bj + pc * bp; p < end;
                         p++, ia += ap, ib += bp) {
                        float av = a[ia];
                        acc0 = Math.fma(b[ib], av, acc0);
                        acc1 = Math.fma(b[ib + bj], av, acc1);
                        acc2 = Math.fma(b[ib + 2 * bj], av, acc2);
                        acc3 = Math.fma(b[ib + 3 * bj], av, acc3);
                    }
                    boolean add = accumulate || pc > 0;
                    c[at] = add ? c[at] + acc0 : acc0;
                    c[at + 1] = add ? c[at + 1] + acc1 : acc1;
                    c[at + 2] = add ? c[at + 2] + acc2 : acc2;
                    c[at + 3] = add ? c[at + 3] + acc3 : acc3;
                }
            }
            for (; j < n; j++) {
                int at = cOff + i * ldc + j;
                for (int pc = 0; pc < k; pc += kc) {
                    int end = Math.min(k, pc + kc);
                    float acc = 0f;
                    for (int p = pc, ia = aOff + i * ai + pc * ap, ib = bOff + j * bj + pc * bp; p < end;
                         p++, ia += ap, ib += bp) {
                        acc = Math.fma(b[ib], a[ia], acc);
                    }
                    c[at] = accumulate || pc > 0 ? c[at] + acc : acc;
                }
            }
        }
    }
}
