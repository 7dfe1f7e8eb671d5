package org.layerlab.engine;

/**
 * Which products {@link Gemm} cuts along k into its blocks of kc (the rest it splits by rows or
 * columns). Only the choice lives here; Gemm runs the cut.
 */
final class GemmSplits {
    private GemmSplits() {
    }

    /*
     * Some products are cut along k rather than by rows or columns: chunk q multiplies the kc
     * block of k from q · kc, chunk 0 into C and the others into partial Cs of their own, which
     * are then added to C in chunk order. That is exactly the sum the blocked loop forms (C plus
     * block 0, plus block 1, ...), so the result has the same bits whichever way the product is
     * split and on any number of cores: the choice is about speed only.
     *
     * - A small C over a long k (a first convolution's kernel gradient: 9 × 32 over 21,632
     *   pixels) has one tile to split by rows or columns, so one core did it all (0.33 ms of the
     *   CNN's step).
     * - A short A over a long k (a Dense layer's forward on a batch: 64 × 128 over 784 inputs)
     *   was split by columns, so each core read its columns of every row of the weights, while
     *   the kernel gradient and the optimizer split them by rows: the rows one core had just
     *   updated were read by the other, and the mlp's Adam pass took three times as long in the
     *   step as alone. Cut along k, each core reads the rows it updates (Parallel hands out the
     *   first chunks to the caller and the last to the worker in every loop).
     */
    static boolean alongK(int m, int n, int k, int kc, int threads) {
        int chunks = (k + kc - 1) / kc;
        if (chunks < 2) {
            return false;
        }
        if ((long) m * n <= 64 * 64) {
            return k >= 10 * kc;
        }
        // On one core the cut buys nothing (no other core's rows to keep apart) and costs the partials.
        return m <= SHORT_ROWS && (long) (chunks - 1) * m * n <= MAX_PARTIALS && threads > 1
                && balanced(k, kc, threads);
    }

    // Up to this many rows the partial Cs (rows · n per chunk) are small beside B (kc · n per chunk).
    private static final int SHORT_ROWS = 96;
    private static final int MAX_PARTIALS = 1 << 18;

    /** Whether the blocks of k, handed out whole, keep every core within 15% of an equal share. */
    private static boolean balanced(int k, int kc, int threads) {
        int chunks = (k + kc - 1) / kc;
        int busiest = (chunks / threads) * kc;
        int rest = chunks % threads;
        if (rest > 0) {
            // The last block is the short one; the cores left with one block more take the full ones first.
            busiest += rest == 1 ? k - (chunks - 1) * kc : kc;
        }
        return busiest <= 1.15 * k / threads;
    }
}
