package org.layerlab.engine;

/**
 * The innermost GEMM loop: one MR×NR tile of C from a packed A strip ([k][MR]) and a packed B strip
 * ([k][NR]). Implementations differ only in how they use the CPU's vector units.
 */
interface MicroKernel {
    int mr();

    int nr();

    /** C[0..MR)[0..NR) (at cOff, row stride ldc) = or += Σ_p A[p][i]·B[p][j] over kc steps. */
    void tile(int kc, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int ldc, boolean add);

    /** A short name for logs and the benchmark, e.g. "vector-512". */
    String name();
}
