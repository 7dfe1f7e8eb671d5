package org.layerlab.engine;

/**
 * The innermost GEMM loop: one MR×NR tile of C = or += Σ_p A(i, p)·B(p, j) over kc steps. A(i, p)
 * is read at a[aOff + i·ai + p·ap] and the row B(p, 0..NR) at b[bOff + p·bp], so the same kernel
 * reads packed strips (ai = 1, ap = MR; bp = NR) or matrices in place (row-major A: ai = lda,
 * ap = 1; transposed A: ai = 1, ap = lda; row-major B: bp = ldb). Implementations differ only in
 * how they use the CPU's vector units.
 */
interface MicroKernel {
    int mr();

    int nr();

    void tile(int kc, float[] a, int aOff, int ai, int ap, float[] b, int bOff, int bp,
              float[] c, int cOff, int ldc, boolean add);

    /**
     * Multiply-adds on registers only, the kernel's own instruction with nothing else in the way:
     * what this machine gives at most right now, which the benchmark reports next to the GEMM.
     * Returns the floating-point operations done (the sum keeps the JIT from dropping the loop).
     */
    double peakLoop(long steps);

    /** A short name for logs and the benchmark, e.g. "vector-512". */
    String name();
}
