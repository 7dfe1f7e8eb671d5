package org.layerlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class GemmTest {
    /** op(A)(i,p) for a row-major A stored m×k, or k×m when transposed. */
    private static double at(float[] a, boolean trans, int i, int p, int rows, int cols) {
        return trans ? a[p * rows + i] : a[i * cols + p];
    }

    private static float[] gaussian(Random rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }

    /** A C to add into: a constant, so the products' accumulate paths add to something. */
    private static float[] filled(int n, float value) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, value);
        return v;
    }

    @Test
    void matchesNaiveProductForAllTransposesAndOddSizes() {
        check(false);
    }

    @Test
    void scalarFallbackMatchesNaiveProductToo() {
        check(true);
    }

    @Test
    void vectorKernelIsUsedWhenTheModuleIsPresent() {
        // Tests run with --add-modules jdk.incubator.vector (see pom.xml).
        org.junit.jupiter.api.Assertions.assertTrue(Gemm.vectorAvailable(), Gemm.kernelName());
    }

    private void check(boolean scalar) {
        Random rng = new Random(5);
        int[][] sizes = {{1, 1, 1}, {3, 5, 7}, {17, 33, 9}, {64, 48, 130}, {129, 67, 255}, {5, 300, 2},
            {250, 70, 600}, {31, 1600, 40}, {300, 280, 260}, {9, 32, 5000}, {7, 20, 4500},
            // B packed once for the product (many rows, not large): split by rows, then by columns.
            {260, 70, 600}, {256, 300, 100}};
        for (int[] s : sizes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            for (int variant = 0; variant < 4; variant++) {
                boolean ta = (variant & 1) != 0;
                boolean tb = (variant & 2) != 0;
                float[] a = gaussian(rng, m * k);
                float[] b = gaussian(rng, k * n);
                float[] c = new float[m * n];
                for (int i = 0; i < c.length; i++) {
                    c[i] = 1f;
                }
                boolean accumulate = variant % 2 == 0;
                if (scalar) {
                    Gemm.multiplyScalar(ta, tb, m, n, k, a, 0, ta ? m : k, b, 0, tb ? k : n, c, 0, n, accumulate);
                } else {
                    Gemm.multiply(ta, tb, m, n, k, a, 0, ta ? m : k, b, 0, tb ? k : n, c, 0, n, accumulate);
                }
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double ref = accumulate ? 1 : 0;
                        for (int p = 0; p < k; p++) {
                            ref += at(a, ta, i, p, m, k) * at(b, tb, p, j, k, n);
                        }
                        assertEquals(ref, c[i * n + j], 1e-4 * Math.sqrt(k) + 1e-4 * Math.abs(ref),
                                "m=" + m + " n=" + n + " k=" + k + " transA=" + ta + " transB=" + tb);
                    }
                }
            }
        }
    }

    /**
     * A product on all cores equals, to the last bit, the same product on the calling thread
     * alone: each output has one writer, and a product cut along k (a small C over a long k)
     * adds its chunks' partial sums in chunk order whoever computed them.
     */
    @Test
    void allCoresAndOneThreadGiveTheSameBits() {
        Random rng = new Random(11);
        int[][] sizes = {{9, 32, 21632}, {30, 40, 5000}, {288, 64, 3872}, {21632, 32, 9}, {64, 128, 784}};
        for (int[] s : sizes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            float[] a = gaussian(rng, m * k);
            float[] b = gaussian(rng, k * n);
            float[] all = filled(m * n, 0.5f);
            float[] one = filled(m * n, 0.5f);
            Gemm.multiply(true, false, m, n, k, a, 0, m, b, 0, n, all, 0, n, true);
            Gemm.multiplyHere(true, false, m, n, k, a, 0, m, b, 0, n, one, 0, n, true);
            org.junit.jupiter.api.Assertions.assertArrayEquals(one, all, "m=" + m + " n=" + n + " k=" + k);
        }
    }

    /**
     * A product cut along k (a short A over a long k, or a small C over a very long one) has the
     * bits of the same rows inside a taller product, which is split by rows: the chunks are the
     * blocked loop's own blocks of k, added to C in the same order.
     */
    @Test
    void productsCutAlongKHaveTheBlockedLoopsBits() {
        // k of two, three (a short last block) and eleven blocks; C of 64 × 128, 40 × 96, 9 × 32.
        int[][] sizes = {{64, 128, 784}, {40, 96, 768}, {64, 128, 1536}, {9, 32, 4200}, {96, 64, 800}};
        assertRowsOfATallerProduct(sizes, 400, new Random(17));
    }

    /** A tiny product (plain loops) rounds as the tiled kernel does: the same rows inside a large product. */
    @Test
    void tinyProductsHaveTheTiledKernelsBits() {
        // Widths below, at and past the four-output step of the tiny loop, and a k past one KC block.
        int[][] sizes = {{4, 8, 2}, {4, 1, 8}, {2, 8, 4}, {3, 5, 7}, {2, 6, 3}, {1, 1, 600}};
        assertRowsOfATallerProduct(sizes, 600, new Random(13));
    }

    /**
     * Each product (m, n, k) in every layout, added to C or not, equals bit for bit the first m
     * rows of the product of the first `tall` rows of the same A with B.
     */
    private static void assertRowsOfATallerProduct(int[][] sizes, int tall, Random rng) {
        for (int[] s : sizes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            for (int layout = 0; layout < 8; layout++) {
                boolean transA = (layout & 1) != 0;
                boolean transB = (layout & 2) != 0;
                boolean accumulate = (layout & 4) != 0;
                // A is tall × k (or k × tall): the smaller product reads its first m rows (columns).
                int lda = transA ? tall : k;
                int ldb = transB ? k : n;
                float[] a = gaussian(rng, tall * k);
                float[] b = gaussian(rng, k * n);
                float[] small = filled(m * n, 0.25f);
                float[] taller = filled(tall * n, 0.25f);
                Gemm.multiply(transA, transB, m, n, k, a, 0, lda, b, 0, ldb, small, 0, n, accumulate);
                Gemm.multiply(transA, transB, tall, n, k, a, 0, lda, b, 0, ldb, taller, 0, n, accumulate);
                org.junit.jupiter.api.Assertions.assertArrayEquals(java.util.Arrays.copyOf(taller, m * n), small,
                        "m=" + m + " n=" + n + " k=" + k + " transA=" + transA + " transB=" + transB
                                + " accumulate=" + accumulate);
            }
        }
    }

    @Test
    void neitherKernelAllocatesPerProduct() {
        // A training-sized product (batch 64 × 784 → 128), one that packs (300³) and one cut along k.
        int[][] sizes = {{64, 128, 784}, {300, 300, 300}, {9, 32, 21632}};
        for (boolean scalar : new boolean[] {false, true}) {
            for (int[] s : sizes) {
                int m = s[0];
                int n = s[1];
                int k = s[2];
                float[] a = new float[m * k];
                float[] b = new float[k * n];
                float[] c = new float[m * n];
                Runnable product = () -> {
                    if (scalar) {
                        Gemm.multiplyScalar(false, false, m, n, k, a, 0, k, b, 0, n, c, 0, n, false);
                    } else {
                        Gemm.multiply(false, false, m, n, k, a, 0, k, b, 0, n, c, 0, n, false);
                    }
                };
                for (int i = 0; i < 200; i++) {
                    product.run(); // buffers grow once; the JIT compiles the loops
                }
                long least = Long.MAX_VALUE;
                // Until one round allocates nothing, for up to 50: while C2 is still compiling
                // the kernel (on a busy 2-core machine that outlasted 300 products once, when
                // this test ran after the others of the class), the code it replaces boxes
                // every vector. Steady state is what is asserted, not how soon the JIT gets there.
                for (int round = 0; round < 50 && least > 0; round++) {
                    // Reading the counters allocates arrays as long as the number of live threads
                    // (a kilobyte once the UI tests have run): measured and taken off.
                    long idle = WorkAllocation.bytesSoFar();
                    long before = WorkAllocation.bytesSoFar();
                    long reading = before - idle;
                    for (int i = 0; i < 20; i++) {
                        product.run();
                    }
                    least = Math.min(least, WorkAllocation.bytesSoFar() - before - reading);
                }
                // One array per tile was megabytes; a few bytes may still be the measuring.
                assertTrue(least < 256, (scalar ? "scalar" : "vector") + " kernel allocated " + least
                        + " bytes in 20 products of " + m + "×" + n + "×" + k);
            }
        }
    }
}
