package org.layerlab.engine;

/**
 * Single-precision matrix multiply on row-major arrays: C (m×n) = op(A) · op(B), or C += when
 * accumulating, where op(A) is m×k (A stored k×m when transposed) and op(B) is k×n (B stored n×k
 * when transposed). Work is split over rows of C, so each element has one writer and the result
 * is the same whatever the thread count.
 */
public final class Gemm {
    private Gemm() {
    }

    public static void multiply(boolean transA, boolean transB, int m, int n, int k,
                                float[] a, int aOff, int lda,
                                float[] b, int bOff, int ldb,
                                float[] c, int cOff, int ldc, boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        long work = 2L * m * n * k;
        if (!transA && !transB) {
            Parallel.range(m, work, (from, to) -> nn(from, to, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate));
        } else if (!transA) {
            Parallel.range(m, work, (from, to) -> nt(from, to, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate));
        } else if (!transB) {
            Parallel.range(m, work, (from, to) -> tn(from, to, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate));
        } else {
            Parallel.range(m, work, (from, to) -> tt(from, to, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate));
        }
    }

    private static void clearRow(float[] c, int off, int n, boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(c, off, off + n, 0f);
        }
    }

    private static void nn(int from, int to, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                           float[] c, int cOff, int ldc, boolean acc) {
        for (int i = from; i < to; i++) {
            int ci = cOff + i * ldc;
            clearRow(c, ci, n, acc);
            int ai = aOff + i * lda;
            for (int p = 0; p < k; p++) {
                float av = a[ai + p];
                if (av == 0f) {
                    continue;
                }
                int bp = bOff + p * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }

    private static void nt(int from, int to, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                           float[] c, int cOff, int ldc, boolean acc) {
        for (int i = from; i < to; i++) {
            int ai = aOff + i * lda;
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                int bj = bOff + j * ldb;
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    s += a[ai + p] * b[bj + p];
                }
                c[ci + j] = acc ? c[ci + j] + s : s;
            }
        }
    }

    private static void tn(int from, int to, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                           float[] c, int cOff, int ldc, boolean acc) {
        for (int i = from; i < to; i++) {
            int ci = cOff + i * ldc;
            clearRow(c, ci, n, acc);
            for (int p = 0; p < k; p++) {
                float av = a[aOff + p * lda + i];
                if (av == 0f) {
                    continue;
                }
                int bp = bOff + p * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }

    private static void tt(int from, int to, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                           float[] c, int cOff, int ldc, boolean acc) {
        for (int i = from; i < to; i++) {
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                int bj = bOff + j * ldb;
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    s += a[aOff + p * lda + i] * b[bj + p];
                }
                c[ci + j] = acc ? c[ci + j] + s : s;
            }
        }
    }
}
