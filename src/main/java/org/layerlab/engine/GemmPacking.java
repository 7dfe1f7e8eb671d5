package org.layerlab.engine;

/**
 * Copies of GEMM operand panels in the order the micro-kernel reads them, zero-padded to whole
 * tiles: {@link Gemm} packs edge strips, transposed B and the B panels of large products.
 */
final class GemmPacking {
    private GemmPacking() {
    }

    /** B[pc..pc+kc)[jc..jc+nc) into strips of nr columns, [strip][p][j], zero-padded. */
    static void packB(boolean trans, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, int nr,
                              float[] out) {
        packB(trans, b, bOff, ldb, pc, kc, jc, nc, nr, out, 0);
    }

    /** The same written from out[outOff]. */
    static void packB(boolean trans, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, int nr,
                      float[] out, int outOff) {
        for (int js = 0; js < nc; js += nr) {
            int w = Math.min(nr, nc - js);
            int base = outOff + js * kc;
            for (int p = 0; p < kc; p++) {
                int o = base + p * nr;
                if (!trans) {
                    System.arraycopy(b, bOff + (pc + p) * ldb + jc + js, out, o, w);
                } else {
                    for (int j = 0; j < w; j++) {
                        out[o + j] = b[bOff + (jc + js + j) * ldb + pc + p];
                    }
                }
                for (int j = w; j < nr; j++) {
                    out[o + j] = 0f;
                }
            }
        }
    }

    /** A[ic..ic+mc)[pc..pc+kc) into strips of mr rows, [strip][p][i], zero-padded. */
    static void packA(boolean trans, float[] a, int aOff, int lda, int ic, int mc, int pc, int kc, int mr,
                              float[] out) {
        for (int is = 0; is < mc; is += mr) {
            int h = Math.min(mr, mc - is);
            int base = is * kc;
            if (trans) {
                for (int p = 0; p < kc; p++) {
                    int o = base + p * mr;
                    int src = aOff + (pc + p) * lda + ic + is;
                    // A plain loop: arraycopy's call overhead dominates for runs of mr (6) floats.
                    for (int i = 0; i < h; i++) {
                        out[o + i] = a[src + i];
                    }
                    for (int i = h; i < mr; i++) {
                        out[o + i] = 0f;
                    }
                }
            } else {
                for (int i = 0; i < mr; i++) {
                    if (i < h) {
                        int src = aOff + (ic + is + i) * lda + pc;
                        for (int p = 0; p < kc; p++) {
                            out[base + p * mr + i] = a[src + p];
                        }
                    } else {
                        for (int p = 0; p < kc; p++) {
                            out[base + p * mr + i] = 0f;
                        }
                    }
                }
            }
        }
    }
}
