package org.layerlab.engine;

import java.util.Arrays;
/**
 * Single-precision matrix multiply on row-major arrays: C (m×n) = op(A) · op(B), or C += when
 * accumulating, where op(A) is m×k (A stored k×m when transposed) and op(B) is k×n (B stored n×k
 * when transposed).
 *
 * <p>Blocked as in BLIS/GotoBLAS: panels of A and B are packed into contiguous strips (which also
 * absorbs the transposes), and a register-blocked {@link MicroKernel} computes each tile. The two
 * cores split the larger of m and n, each packing its own panels, so each element of C has one
 * writer; or, for a short A or a small C over a long k, they split k into its blocks and C adds
 * the blocks' sums in order. Either way results do not depend on the thread count. See
 * docs/decisions/0003-gemm.md.
 */
public final class Gemm {
    // k is cut into blocks of KC; each output sums a block in registers, then adds it to C. 384
    // since the kernel's contiguous loop (session 16): against 256, in one JVM, gemm 2048 +4%,
    // a 64 × 256 × 784 Dense forward +8%, the CNN's 3,872 × 64 × 288 +6% (one block instead of
    // 256 + 32); 512 gained nothing. Changing it changes every product's rounding for k > KC.
    private static final int KC = 384;
    // kc × nc floats of packed B (768 KB) stay in a 1 MB L2 while row tiles stream past.
    private static final int NC = 512;
    private static final MicroKernel VECTOR = VectorModule.load("org.layerlab.engine.VectorKernel", MicroKernel.class);
    private static final MicroKernel SCALAR = new ScalarKernel();
    private static final MicroKernel DEFAULT = VECTOR != null && !VectorModule.disabled() ? VECTOR : SCALAR;
    // Per-thread packing buffers, grown on demand and then reused: no allocation per call.
    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[3][0]);

    private Gemm() {
    }

    /** The kernel in use, e.g. "vector-512" or "scalar". */
    public static String kernelName() {
        return DEFAULT.name();
    }

    public static boolean vectorAvailable() {
        return VECTOR != null;
    }

    /** The kernel's register-only multiply-add loop on the calling thread; see {@link MicroKernel#peakLoop}. */
    public static double peakLoop(long steps) {
        return DEFAULT.peakLoop(steps);
    }

    public static void multiply(boolean transA, boolean transB, int m, int n, int k,
                                float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                float[] c, int cOff, int ldc, boolean accumulate) {
        multiply(DEFAULT, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate, true);
    }

    /**
     * The same on the calling thread alone, for the body of a {@link Parallel} loop (which may not
     * start a loop of its own): many small independent products, one per chunk, such as the
     * attention's per-head ones. Each output is computed as {@link #multiply} computes it.
     */
    public static void multiplyHere(boolean transA, boolean transB, int m, int n, int k,
                                    float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                    float[] c, int cOff, int ldc, boolean accumulate) {
        multiply(DEFAULT, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate, false);
    }

    /** The same with the scalar kernel forced; tests compare both paths. */
    static void multiplyScalar(boolean transA, boolean transB, int m, int n, int k,
                               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                               float[] c, int cOff, int ldc, boolean accumulate) {
        multiply(SCALAR, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate, true);
    }

    private static void multiply(MicroKernel kernel, boolean transA, boolean transB, int m, int n, int k,
                                 float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                 float[] c, int cOff, int ldc, boolean accumulate, boolean parallel) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
                }
            }
            return;
        }
        if (kernel == VECTOR && (long) m * n * k <= TINY) {
            GemmTiny.multiply(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate, KC);
            return;
        }
        Task t = TASKS.get();
        t.set(kernel, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
        if (GemmSplits.alongK(m, n, k, KC, Parallel.threads())) {
            multiplySplitK(t, parallel);
            return;
        }
        // Large square products reuse each B panel across many rows: there packing B pays for itself.
        boolean large = m >= 256 && n >= 256 && k >= 256;
        boolean packB = transB || large;
        if (!large && !transA && m >= PACK_ONCE_ROWS) {
            t.packAll();
            packB = false;
        }
        int tiles = m >= n ? (m + kernel.mr() - 1) / kernel.mr() : (n + kernel.nr() - 1) / kernel.nr();
        // Every block packs the B panels it reads, so a packing product runs as one block per
        // thread: eight smaller blocks packed all of B eight times (gemm 1024: 137 -> 167 GFLOP/s).
        int tilesPerBlock = large ? (tiles + Parallel.threads() - 1) / Parallel.threads() : 1;
        t.split(packB, tiles, tilesPerBlock);
        try {
            int blocks = (tiles + tilesPerBlock - 1) / tilesPerBlock;
            if (parallel) {
                Parallel.range(blocks, 2L * m * n * k, t);
            } else {
                t.run(0, blocks);
            }
        } finally {
            t.release();
        }
    }

    // From this many rows of A in place, B is packed once for the whole product, before the
    // threads start, rather than read in place (or packed again by every block when transposed):
    // the copy costs under a percent of the multiply there, and the kernel's loop over packed B
    // and in-place A runs without bounds checks (VectorKernel). The CNN's second convolution,
    // forward (3,872 × 64 × 288): 162 -> 193 GFLOP/s, medians of eight alternations in one JVM.
    private static final int PACK_ONCE_ROWS = 256;

    // Products of a few thousand multiply-adds (XOR's 4 × 8 × 2) cost more in tiles, packing and
    // edges than in arithmetic (a third of XOR's step): they run as plain loops (GemmTiny).
    private static final int TINY = 4096;

    /** The cut along k that {@link GemmSplits} chose: the same sums as the blocked loop, in its order. */
    private static void multiplySplitK(Task t, boolean parallel) {
        int chunks = (t.k + KC - 1) / KC;
        int size = t.m * t.n;
        t.partials = ensure(t.partials, (chunks - 1) * size);
        t.split(t.transB, chunks, 1);
        t.chunked = true;
        try {
            if (parallel) {
                Parallel.range(chunks, 2L * t.m * t.n * t.k, t);
            } else {
                t.run(0, chunks);
            }
            for (int q = 1; q < chunks; q++) {
                for (int i = 0; i < t.m; i++) {
                    Lanes.add(t.partials, (q - 1) * size + i * t.n, t.c, t.cOff + i * t.ldc, t.n);
                }
            }
        } finally {
            t.chunked = false;
            t.release();
        }
    }

    // One task per calling thread, refilled for each product, so a product allocates nothing. A
    // thread never starts a second product inside the first, so its task is free when it is refilled.
    private static final ThreadLocal<Task> TASKS = ThreadLocal.withInitial(Task::new);

    /** One product split by row tiles (m ≥ n) or by column strips; the fields are the product's arguments. */
    private static final class Task implements Parallel.RangeBody {
        private MicroKernel kernel;
        private boolean transA;
        private boolean transB;
        private int m;
        private int n;
        private int k;
        private float[] a;
        private int aOff;
        private int lda;
        private float[] b;
        private int bOff;
        private int ldb;
        private float[] c;
        private int cOff;
        private int ldc;
        private boolean accumulate;
        private boolean packB;
        private int tiles;
        private int tilesPerBlock;
        /** Split along k ({@link #multiplySplitK}): block q multiplies KC block q, into C or partials[q - 1]. */
        private boolean chunked;
        private float[] partials = new float[0];
        /** All of B packed ({@link #packAll}), strips of kc × nr per KC block of k; null when B is read otherwise. */
        private float[] packedAll;
        private float[] packedAllBuffer = new float[0];

        void set(MicroKernel kernel, boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
                 float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean accumulate) {
            this.kernel = kernel;
            this.transA = transA;
            this.transB = transB;
            this.m = m;
            this.n = n;
            this.k = k;
            this.a = a;
            this.aOff = aOff;
            this.lda = lda;
            this.b = b;
            this.bOff = bOff;
            this.ldb = ldb;
            this.c = c;
            this.cOff = cOff;
            this.ldc = ldc;
            this.accumulate = accumulate;
        }

        void split(boolean packB, int tiles, int tilesPerBlock) {
            this.packB = packB;
            this.tiles = tiles;
            this.tilesPerBlock = tilesPerBlock;
        }

        /** Packs all of B once, block of k by block, each as {@link #block} would pack its panel. */
        void packAll() {
            int nr = kernel.nr();
            int padded = roundUp(n, nr);
            packedAllBuffer = ensure(packedAllBuffer, k * padded);
            for (int pc = 0; pc < k; pc += KC) {
                GemmPacking.packB(transB, b, bOff, ldb, pc, Math.min(KC, k - pc), 0, n, nr, packedAllBuffer,
                        pc * padded);
            }
            packedAll = packedAllBuffer;
        }

        /** Drops the references to the matrices, which may be large, once the product is done. */
        void release() {
            a = null;
            b = null;
            c = null;
            packedAll = null;
        }

        @Override
        public void run(int fromBlock, int toBlock) {
            if (chunked) {
                for (int q = fromBlock; q < toBlock; q++) {
                    int p0 = q * KC;
                    int kq = Math.min(KC, k - p0);
                    int aAt = aOff + (transA ? p0 * lda : p0);
                    int bAt = bOff + (transB ? p0 : p0 * ldb);
                    if (q == 0) {
                        block(kernel, transA, transB, packB, null, 0, 0, m, 0, n, kq, a, aAt, lda, b, bAt, ldb,
                                c, cOff, ldc, accumulate);
                    } else {
                        block(kernel, transA, transB, packB, null, 0, 0, m, 0, n, kq, a, aAt, lda, b, bAt, ldb,
                                partials, (q - 1) * m * n, n, false);
                    }
                }
                return;
            }
            int from = fromBlock * tilesPerBlock;
            int to = Math.min(tiles, toBlock * tilesPerBlock);
            if (m >= n) {
                int mr = kernel.mr();
                block(kernel, transA, transB, packB, packedAll, roundUp(n, kernel.nr()), from * mr,
                        Math.min(m, to * mr), 0, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
            } else {
                int nr = kernel.nr();
                block(kernel, transA, transB, packB, packedAll, roundUp(n, kernel.nr()), 0, m, from * nr,
                        Math.min(n, to * nr), k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
            }
        }
    }

    /**
     * C[i0..i1)[j0..j1) on the calling thread. Full tiles read A, and B unless transposed, in
     * place: packing costs as much as the multiply when one side is small (a batch of 32 or 64),
     * which is the usual case in training. Only partial strips, a transposed B and the B panels
     * of large products (packB) are packed, unless all of B was packed before the threads
     * started (packedAll, not null): there the block of k from pc begins at pc · packedWidth, the
     * width being n rounded up to whole strips.
     */
    private static void block(MicroKernel kernel, boolean transA, boolean transB, boolean packB,
                              float[] packedAll, int packedWidth, int i0, int i1, int j0, int j1, int k,
                              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                              float[] c, int cOff, int ldc, boolean accumulate) {
        int mr = kernel.mr();
        int nr = kernel.nr();
        float[][] buf = BUFFERS.get();
        int kcMax = Math.min(KC, k);
        int ncMax = packB ? Math.min(NC, roundUp(j1 - j0, nr)) : nr;
        buf[0] = ensure(buf[0], kcMax * ncMax);
        buf[1] = ensure(buf[1], kcMax * mr);
        buf[2] = ensure(buf[2], mr * nr);
        float[] packedB = buf[0];
        float[] packedA = buf[1];
        float[] edge = buf[2];
        int ai = transA ? 1 : lda;
        int ap = transA ? lda : 1;
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                boolean add = accumulate || pc > 0;
                if (packedAll == null && packB) {
                    GemmPacking.packB(transB, b, bOff, ldb, pc, kc, jc, nc, nr, packedB);
                } else if (packedAll == null && nc % nr != 0) {
                    GemmPacking.packB(false, b, bOff, ldb, pc, kc, jc + nc - nc % nr, nc % nr, nr, packedB);
                }
                // Row tiles outside, column strips inside: a tile of A (mr × kc) is read once and
                // stays in L1 across all strips of B, whose panel (kc × nc) stays in L2. The other
                // order streamed all of A from memory once per strip.
                for (int ir = i0; ir < i1; ir += mr) {
                    int mrNow = Math.min(mr, i1 - ir);
                    float[] aArr = a;
                    int aAt = aOff + (transA ? pc * lda + ir : ir * lda + pc);
                    int si = ai;
                    int sp = ap;
                    if (mrNow < mr) {
                        GemmPacking.packA(transA, a, aOff, lda, ir, mrNow, pc, kc, mr, packedA);
                        aArr = packedA;
                        aAt = 0;
                        si = 1;
                        sp = mr;
                    }
                    for (int jr = 0; jr < nc; jr += nr) {
                        int nrNow = Math.min(nr, nc - jr);
                        float[] bArr;
                        int bAt;
                        int bp;
                        if (packedAll != null) {
                            bArr = packedAll;
                            bAt = pc * packedWidth + (jc + jr) * kc;
                            bp = nr;
                        } else if (packB) {
                            bArr = packedB;
                            bAt = jr * kc;
                            bp = nr;
                        } else if (nrNow < nr) {
                            // The partial last strip, packed once per (jc, pc) into its own slot.
                            bArr = packedB;
                            bAt = 0;
                            bp = nr;
                        } else {
                            bArr = b;
                            bAt = bOff + pc * ldb + jc + jr;
                            bp = ldb;
                        }
                        int cAt = cOff + ir * ldc + jc + jr;
                        if (mrNow == mr && nrNow == nr) {
                            kernel.tile(kc, aArr, aAt, si, sp, bArr, bAt, bp, c, cAt, ldc, add);
                        } else {
                            kernel.tile(kc, aArr, aAt, si, sp, bArr, bAt, bp, edge, 0, nr, false);
                            for (int i = 0; i < mrNow; i++) {
                                int row = cAt + i * ldc;
                                for (int j = 0; j < nrNow; j++) {
                                    c[row + j] = add ? c[row + j] + edge[i * nr + j] : edge[i * nr + j];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static int roundUp(int x, int m) {
        return (x + m - 1) / m * m;
    }

    private static float[] ensure(float[] buf, int size) {
        return buf.length >= size ? buf : new float[size];
    }
}
