package org.layerlab.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.GradCheck;
import org.layerlab.engine.Tensor;

class ConvolutionOpsTest {
    private final Random rng = new Random(17);

    private void checkConv(int h, int w, int c, int f, int k, int stride, int dilation, boolean same) {
        Window win = Window.of(h, w, c, k, k, stride, stride, dilation, dilation, same);
        Tensor x = GradCheck.random(rng, 1, 2, h, w, c);
        Tensor kernel = GradCheck.random(rng, 0.5, k, k, c, f);
        Tensor bias = GradCheck.random(rng, 0.5, f);
        Tensor y = Tensor.zeros(2, win.outH(), win.outW(), f);
        Tensor up = GradCheck.random(rng, 1, 2, win.outH(), win.outW(), f);
        float[] cols = new float[2 * win.outH() * win.outW() * win.patchSize()];
        float[] dcols = new float[cols.length];
        Tensor dx = Tensor.zeros(x.dims());
        Tensor dk = Tensor.zeros(kernel.dims());
        Tensor db = Tensor.zeros(f);
        Conv2D.forward(x, kernel, bias, y, win, cols);
        Conv2D.backward(up, kernel, dx, dk, db, win, cols, dcols);
        Supplier<Double> objective = () -> {
            Conv2D.forward(x, kernel, bias, y, win, cols);
            return GradCheck.weightedSum(y, up);
        };
        String what = "conv " + k + "x" + k + " stride " + stride + " dilation " + dilation + (same ? " same" : " valid");
        GradCheck.tensor(what + " dx", x, dx, objective);
        GradCheck.tensor(what + " dkernel", kernel, dk, objective);
        GradCheck.tensor(what + " dbias", bias, db, objective);
    }

    @Test
    void convolutionGradientsForValidSameStridedAndDilated() {
        checkConv(5, 5, 2, 3, 3, 1, 1, false);
        checkConv(6, 5, 2, 3, 3, 2, 1, true);
        checkConv(7, 7, 1, 2, 2, 3, 1, true);
        checkConv(7, 6, 2, 2, 3, 1, 2, false);
        checkConv(5, 5, 3, 2, 3, 1, 2, true);
        // Five channels and more unroll window by window, up to four tap by tap: both paths.
        checkConv(5, 5, 5, 3, 3, 1, 1, false);
        checkConv(6, 5, 6, 2, 3, 2, 2, true);
    }

    /** The tap-by-tap unrolling is the window-by-window one transposed, padding, strides and dilation included. */
    @Test
    void unrollingByTapIsTheTransposeOfUnrollingByWindow() {
        int[][] cases = {{28, 28, 1, 3, 1, 1, 0}, {7, 6, 2, 3, 2, 1, 1}, {9, 8, 3, 5, 1, 2, 1}, {5, 7, 1, 2, 3, 1, 1}};
        for (int[] t : cases) {
            Window win = Window.of(t[0], t[1], t[2], t[3], t[3], t[4], t[4], t[5], t[5], t[6] == 1);
            int images = 3;
            Tensor x = GradCheck.random(rng, 1, images, t[0], t[1], t[2]);
            int rows = images * win.outH() * win.outW();
            int patch = win.patchSize();
            float[] cols = new float[rows * patch];
            float[] colsT = new float[rows * patch];
            java.util.Arrays.fill(colsT, Float.NaN);
            Im2Col.unroll(x.data(), 0, images, win, cols);
            Im2Col.unrollByTap(x.data(), 0, 1, win, colsT, rows);
            Im2Col.unrollByTap(x.data(), 1, images, win, colsT, rows);
            for (int r = 0; r < rows; r++) {
                for (int p = 0; p < patch; p++) {
                    assertEquals(cols[r * patch + p], colsT[p * rows + r], "row " + r + " tap " + p + " of " + win);
                }
            }
            // fold is unroll's adjoint: <unroll(x), g> = <x, fold(g)>, for both layouts.
            float[] g = GradCheck.random(rng, 1, rows * patch).data();
            float[] gT = new float[g.length];
            for (int r = 0; r < rows; r++) {
                for (int p = 0; p < patch; p++) {
                    gT[p * rows + r] = g[r * patch + p];
                }
            }
            float[] dx = new float[x.size()];
            float[] dxT = new float[x.size()];
            Im2Col.fold(g, 0, images, win, dx);
            Im2Col.foldByTap(gT, 0, images, win, dxT, rows);
            for (int i = 0; i < dx.length; i++) {
                assertEquals(dx[i], dxT[i], 1e-5, "pixel value " + i + " of " + win);
            }
        }
    }

    @Test
    void convolutionMatchesADirectSum() {
        Window win = Window.of(4, 4, 1, 3, 3, 1, 1, 1, 1, true);
        Tensor x = Tensor.zeros(1, 4, 4, 1);
        for (int i = 0; i < 16; i++) {
            x.set(i, i);
        }
        Tensor k = Tensor.zeros(3, 3, 1, 1);
        k.fill(1f);
        Tensor y = Tensor.zeros(1, 4, 4, 1);
        Conv2D.forward(x, k, null, y, win, new float[16 * 9]);
        // Top-left output sums the 2×2 corner (0 + 1 + 4 + 5); an inner one its full 3×3 neighbourhood.
        assertEquals(10f, y.get(0));
        assertEquals(0 + 1 + 2 + 4 + 5 + 6 + 8 + 9 + 10, y.get(5), 1e-5);
    }

    @Test
    void windowSizesFollowKeras() {
        assertEquals(26, Window.of(28, 28, 1, 3, 3, 1, 1, 1, 1, false).outH());
        assertEquals(14, Window.of(28, 28, 1, 3, 3, 2, 2, 1, 1, true).outH());
        assertEquals(0, Window.of(28, 28, 1, 3, 3, 2, 2, 1, 1, true).padTop());
        assertEquals(1, Window.of(28, 28, 1, 3, 3, 1, 1, 1, 1, true).padTop());
        assertEquals(3, Window.of(7, 7, 1, 2, 2, 2, 2, 1, 1, false).outH());
        assertEquals(4, Window.of(7, 7, 1, 2, 2, 2, 2, 1, 1, true).outH());
        assertEquals(24, Window.of(28, 28, 1, 3, 3, 1, 1, 2, 2, false).outH());
    }

    @Test
    void poolingGradients() {
        for (boolean same : new boolean[] {false, true}) {
            Window win = Window.of(5, 5, 2, 2, 2, 2, 2, 1, 1, same);
            Tensor x = GradCheck.random(rng, 1, 2, 5, 5, 2);
            Tensor y = Tensor.zeros(2, win.outH(), win.outW(), 2);
            Tensor up = GradCheck.random(rng, 1, y.dims());
            int[] arg = new int[y.size()];
            Tensor dx = Tensor.zeros(x.dims());
            MaxPool2D.forward(x, y, win, arg);
            MaxPool2D.backward(up, dx, arg);
            GradCheck.tensor("maxpool", x, dx, () -> {
                MaxPool2D.forward(x, y, win, arg);
                return GradCheck.weightedSum(y, up);
            });
            Tensor da = Tensor.zeros(x.dims());
            AvgPool2D.backward(up, da, win);
            GradCheck.tensor("avgpool", x, da, () -> {
                AvgPool2D.forward(x, y, win);
                return GradCheck.weightedSum(y, up);
            });
        }
        Tensor x = GradCheck.random(rng, 1, 2, 3, 3, 4);
        Tensor y = Tensor.zeros(2, 4);
        Tensor up = GradCheck.random(rng, 1, 2, 4);
        Tensor dx = Tensor.zeros(x.dims());
        GlobalPool.averageBackward(up, dx);
        GradCheck.tensor("global average", x, dx, () -> {
            GlobalPool.averageForward(x, y);
            return GradCheck.weightedSum(y, up);
        });
        int[] arg = new int[8];
        Tensor dm = Tensor.zeros(x.dims());
        GlobalPool.maxForward(x, y, arg);
        GlobalPool.maxBackward(up, dm, arg);
        GradCheck.tensor("global max", x, dm, () -> {
            GlobalPool.maxForward(x, y, arg);
            return GradCheck.weightedSum(y, up);
        });
    }

    @Test
    void twoByTwoFastPathsAgreeWithTheGeneralLoopIncludingTiesAndNaN() {
        assertTrue(MaxPool2D.PAIRS instanceof VectorMaxPool, "tests run with the Vector API module");
        // 3 channels: all in the scalar tail; 37: whole vectors plus a tail, whatever the vector width.
        for (int c : new int[] {3, 37}) {
            Window win = Window.of(7, 6, c, 2, 2, 2, 2, 1, 1, false);
            float[] x = new float[2 * 7 * 6 * c];
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextInt(3);
            }
            x[5] = Float.NaN;
            x[40] = Float.NaN;
            x[43] = Float.NaN;
            x[x.length / 2] = Float.NaN;
            int out = 2 * 3 * 3 * c;
            float[] y1 = new float[out];
            int[] a1 = new int[out];
            MaxPool2D.forwardImages(x, y1, win, a1, 0, 2);
            for (MaxPool2D.Pairs fast : List.<MaxPool2D.Pairs>of(new MaxPool2D.ScalarPairs(), new VectorMaxPool())) {
                float[] y2 = new float[out];
                int[] a2 = new int[out];
                fast.forward(x, y2, win, a2, 0, 2);
                org.junit.jupiter.api.Assertions.assertArrayEquals(a1, a2, "channels " + c);
                org.junit.jupiter.api.Assertions.assertArrayEquals(y1, y2, "channels " + c);
            }
        }
    }

    @Test
    void twoByTwoBackwardWritesAndAddsWhatTheGeneralScatterDoes() {
        // 7 × 5 pixels: the last row and column belong to no window and must still be written.
        for (int c : new int[] {3, 37}) {
            Window win = Window.of(7, 5, c, 2, 2, 2, 2, 1, 1, false);
            int in = 2 * 7 * 5 * c;
            int out = 2 * win.outH() * win.outW() * c;
            Tensor x = Tensor.zeros(2, 7, 5, c);
            for (int i = 0; i < in; i++) {
                x.data()[i] = rng.nextInt(3);
            }
            x.data()[in / 2] = Float.NaN;
            Tensor y = Tensor.zeros(2, win.outH(), win.outW(), c);
            int[] arg = new int[out];
            MaxPool2D.forward(x, y, win, arg);
            Tensor dy = GradCheck.random(rng, 1, y.dims());
            dy.data()[1] = -0f;
            Tensor before = GradCheck.random(rng, 1, x.dims());
            for (boolean write : new boolean[] {true, false}) {
                Tensor expected = before.copy();
                MaxPool2D.backward(dy, expected, arg, write);
                for (MaxPool2D.Pairs pairs : List.<MaxPool2D.Pairs>of(new MaxPool2D.ScalarPairs(), new VectorMaxPool())) {
                    float[] d = before.data().clone();
                    pairs.backward(dy.data(), d, win, arg, 0, 2, write);
                    org.junit.jupiter.api.Assertions.assertArrayEquals(expected.data(), d,
                            pairs.getClass().getSimpleName() + ", channels " + c + (write ? ", written" : ", added"));
                }
                Tensor viaWindow = before.copy();
                MaxPool2D.backward(dy, viaWindow, win, arg, write);
                org.junit.jupiter.api.Assertions.assertArrayEquals(expected.data(), viaWindow.data());
            }
        }
    }

    @Test
    void maxPoolWithTiesRoutesTheGradientToExactlyOneWinner() {
        Window win = Window.of(2, 2, 1, 2, 2, 2, 2, 1, 1, false);
        Tensor x = Tensor.wrap(new float[] {3, 3, 1, 3}, 1, 2, 2, 1);
        Tensor y = Tensor.zeros(1, 1, 1, 1);
        int[] arg = new int[1];
        MaxPool2D.forward(x, y, win, arg);
        assertEquals(3f, y.get(0));
        Tensor dx = Tensor.zeros(1, 2, 2, 1);
        MaxPool2D.backward(Tensor.wrap(new float[] {2f}, 1, 1, 1, 1), dx, arg);
        assertEquals(2f, dx.get(0), "the first of the tied maxima wins");
        assertEquals(0f, dx.get(1) + dx.get(2) + dx.get(3));
    }

    @Test
    void averagePoolWithSamePaddingAveragesOnlyCellsInsideTheImage() {
        Window win = Window.of(3, 3, 1, 2, 2, 2, 2, 1, 1, true);
        Tensor x = Tensor.wrap(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 3, 3, 1);
        Tensor y = Tensor.zeros(1, 2, 2, 1);
        AvgPool2D.forward(x, y, win);
        assertEquals(3f, y.get(0));
        assertEquals(4.5f, y.get(1));
        assertEquals(9f, y.get(3));
    }

    @Test
    void batchNormGradientsAndMovingStatistics() {
        Tensor x = GradCheck.random(rng, 2, 4, 2, 2, 3);
        Tensor gamma = GradCheck.random(rng, 1, 3);
        Tensor beta = GradCheck.random(rng, 1, 3);
        Tensor y = Tensor.zeros(x.dims());
        Tensor up = GradCheck.random(rng, 1, x.dims());
        float[] mean = new float[3];
        float[] inv = new float[3];
        Tensor dx = Tensor.zeros(x.dims());
        Tensor dg = Tensor.zeros(3);
        Tensor db = Tensor.zeros(3);
        BatchNorm.forwardTraining(x, gamma, beta, y, 1e-3, 0.9, null, null, mean, inv);
        BatchNorm.backward(x, up, gamma, dx, dg, db, mean, inv);
        Supplier<Double> objective = () -> {
            BatchNorm.forwardTraining(x, gamma, beta, y, 1e-3, 0.9, null, null, mean, inv);
            return GradCheck.weightedSum(y, up);
        };
        GradCheck.tensor("batchnorm dx", x, dx, objective);
        GradCheck.tensor("batchnorm dgamma", gamma, dg, objective);
        GradCheck.tensor("batchnorm dbeta", beta, db, objective);

        Tensor mm = Tensor.zeros(3);
        Tensor mv = Tensor.zeros(3);
        mv.fill(1f);
        BatchNorm.forwardTraining(x, gamma, beta, y, 1e-3, 0.9, mm, mv, mean, inv);
        assertEquals(0.1 * mean[0], mm.get(0), 1e-6);
    }

    @Test
    void layerNormGradients() {
        Tensor x = GradCheck.random(rng, 2, 3, 5);
        Tensor gamma = GradCheck.random(rng, 1, 5);
        Tensor beta = GradCheck.random(rng, 1, 5);
        Tensor y = Tensor.zeros(3, 5);
        Tensor up = GradCheck.random(rng, 1, 3, 5);
        float[] mean = new float[3];
        float[] inv = new float[3];
        Tensor dx = Tensor.zeros(3, 5);
        Tensor dg = Tensor.zeros(5);
        Tensor db = Tensor.zeros(5);
        LayerNorm.forward(x, gamma, beta, y, 1e-3, new float[][] {mean, inv});
        LayerNorm.backward(x, up, gamma, dx, dg, db, new float[][] {mean, inv});
        Supplier<Double> objective = () -> {
            LayerNorm.forward(x, gamma, beta, y, 1e-3, new float[][] {mean, inv});
            return GradCheck.weightedSum(y, up);
        };
        GradCheck.tensor("layernorm dx", x, dx, objective);
        GradCheck.tensor("layernorm dgamma", gamma, dg, objective);
        GradCheck.tensor("layernorm dbeta", beta, db, objective);
    }

    /**
     * Softmax rows are Math.exp's to the last bit: the attention's weights are computed on
     * whichever core takes their row, and a faster exp whose bits change when the JIT compiles it
     * (the Vector API's) made a 1- and a 2-thread run train different weights.
     */
    @Test
    void softmaxRowsAreMathExpToTheLastBit() {
        int c = 37;
        Tensor x = GradCheck.random(rng, 4, 5, c);
        Tensor y = Tensor.zeros(5, c);
        Softmax.forward(x, y);
        for (int r = 0; r < 5; r++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, x.get(r * c + j));
            }
            float[] e = new float[c];
            double sum = 0;
            for (int j = 0; j < c; j++) {
                e[j] = (float) Math.exp(x.get(r * c + j) - max);
                sum += e[j];
            }
            float inv = (float) (1.0 / sum);
            for (int j = 0; j < c; j++) {
                assertEquals(Float.floatToIntBits(e[j] * inv), Float.floatToIntBits(y.get(r * c + j)), "row " + r + ", " + j);
            }
        }
    }

    /** Many rows, split across the cores: the same as the formulas computed row by row in double. */
    @Test
    void layerNormOnManyRowsMatchesTheFormulas() {
        int rows = 700;
        int c = 40;
        Tensor x = GradCheck.random(rng, 3, rows, c);
        Tensor gamma = GradCheck.random(rng, 1, c);
        Tensor beta = GradCheck.random(rng, 1, c);
        Tensor y = Tensor.zeros(rows, c);
        Tensor up = GradCheck.random(rng, 1, rows, c);
        float[] mean = new float[rows];
        float[] inv = new float[rows];
        Tensor dx = Tensor.zeros(rows, c);
        Tensor dg = Tensor.zeros(c);
        Tensor db = Tensor.zeros(c);
        LayerNorm.forward(x, gamma, beta, y, 1e-3, new float[][] {mean, inv});
        LayerNorm.backward(x, up, gamma, dx, dg, db, new float[][] {mean, inv});
        double[] dgRef = new double[c];
        double[] dbRef = new double[c];
        for (int r = 0; r < rows; r++) {
            double m = 0;
            for (int j = 0; j < c; j++) {
                m += x.get(r * c + j) / c;
            }
            double v = 0;
            for (int j = 0; j < c; j++) {
                v += (x.get(r * c + j) - m) * (x.get(r * c + j) - m) / c;
            }
            double s = 1 / Math.sqrt(v + 1e-3);
            double sumG = 0;
            double sumGX = 0;
            for (int j = 0; j < c; j++) {
                double xhat = (x.get(r * c + j) - m) * s;
                assertEquals(xhat * gamma.get(j) + beta.get(j), y.get(r * c + j), 2e-4, "y row " + r);
                double gj = up.get(r * c + j) * gamma.get(j);
                sumG += gj;
                sumGX += gj * xhat;
                dgRef[j] += up.get(r * c + j) * xhat;
                dbRef[j] += up.get(r * c + j);
            }
            for (int j = 0; j < c; j++) {
                double xhat = (x.get(r * c + j) - m) * s;
                double gj = up.get(r * c + j) * gamma.get(j);
                assertEquals(s * (gj - sumG / c - xhat * sumGX / c), dx.get(r * c + j), 2e-3, "dx row " + r);
            }
        }
        for (int j = 0; j < c; j++) {
            assertEquals(dgRef[j], dg.get(j), 2e-3 + 1e-4 * Math.abs(dgRef[j]));
            assertEquals(dbRef[j], db.get(j), 2e-3 + 1e-4 * Math.abs(dbRef[j]));
        }
    }
}
