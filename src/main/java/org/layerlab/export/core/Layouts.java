package org.layerlab.export.core;

import org.layerlab.engine.Tensor;

/**
 * Keras weight layouts turned into the channels-first, output-first ones of ONNX and PyTorch.
 * LayerLab stores Keras' layouts (kernels (in, out), (kh, kw, in, out), (k, in, out)); both
 * formats want the output axis first.
 */
public final class Layouts {
    private Layouts() {
    }

    /** (rows, cols) → (cols, rows): a Dense kernel (in, out) as a PyTorch Linear weight (out, in). */
    public static Tensor transpose(Tensor m) {
        int rows = m.dim(0);
        int cols = m.size() / rows;
        float[] out = new float[m.size()];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = m.data()[r * cols + c];
            }
        }
        return Tensor.wrap(out, cols, rows);
    }

    /** Keras' Conv2D kernel (kh, kw, in, out) as (out, in, kh, kw). */
    public static Tensor hwioToOihw(Tensor k) {
        int kh = k.dim(0);
        int kw = k.dim(1);
        int ci = k.dim(2);
        int co = k.dim(3);
        float[] out = new float[k.size()];
        float[] src = k.data();
        for (int h = 0; h < kh; h++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < ci; i++) {
                    for (int o = 0; o < co; o++) {
                        out[((o * ci + i) * kh + h) * kw + x] = src[((h * kw + x) * ci + i) * co + o];
                    }
                }
            }
        }
        return Tensor.wrap(out, co, ci, kh, kw);
    }

    /** Keras' Conv2DTranspose kernel (kh, kw, out, in) as ONNX's and PyTorch's transposed-convolution weight (in, out, kh, kw). */
    public static Tensor transposedKernel(Tensor k) {
        int kh = k.dim(0);
        int kw = k.dim(1);
        int co = k.dim(2);
        int ci = k.dim(3);
        float[] out = new float[k.size()];
        float[] src = k.data();
        for (int h = 0; h < kh; h++) {
            for (int x = 0; x < kw; x++) {
                for (int o = 0; o < co; o++) {
                    for (int i = 0; i < ci; i++) {
                        out[((i * co + o) * kh + h) * kw + x] = src[((h * kw + x) * co + o) * ci + i];
                    }
                }
            }
        }
        return Tensor.wrap(out, ci, co, kh, kw);
    }

    /** Keras' Conv1D kernel (k, in, out) as (out, in, k). */
    public static Tensor kioToOik(Tensor k) {
        int size = k.dim(0);
        int channels = k.dim(1);
        int filters = k.dim(2);
        float[] out = new float[k.size()];
        for (int t = 0; t < size; t++) {
            for (int i = 0; i < channels; i++) {
                for (int o = 0; o < filters; o++) {
                    out[(o * channels + i) * size + t] = k.data()[(t * channels + i) * filters + o];
                }
            }
        }
        return Tensor.wrap(out, filters, channels, size);
    }

    /**
     * The blocks of {@code units} columns of a gate-stacked recurrent tensor (rows, gates·units),
     * rearranged: block g of the result is block {@code order[g]} of the input. Keras' LSTM is
     * i, f, c, o; ONNX wants i, o, f, c ({0, 3, 1, 2}); Keras' GRU is z, r, h, PyTorch's r, z, n ({1, 0, 2}).
     */
    public static Tensor reorderGates(Tensor m, int units, int[] order) {
        int rows = m.rank() == 1 ? 1 : m.dim(0);
        int cols = m.size() / rows;
        float[] out = new float[m.size()];
        for (int r = 0; r < rows; r++) {
            for (int g = 0; g < order.length; g++) {
                System.arraycopy(m.data(), r * cols + order[g] * units, out, r * cols + g * units, units);
            }
        }
        return Tensor.wrap(out, m.dims());
    }
}
