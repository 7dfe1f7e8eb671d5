package org.layerlab.nn.layers;

import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.GlobalPool;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Masks;

/** The runtimes of the global poolings, 1D and 2D alike: the op reduces every position of each channel. */
final class GlobalPooling {
    private GlobalPooling() {
    }

    static LayerRuntime average() {
        return new LayerRuntime() {
            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                GlobalPool.averageForward(inputs[0], output);
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                if (gradInputs[0] != null) {
                    GlobalPool.averageBackward(gradOutput, gradInputs[0]);
                }
            }
        };
    }

    static LayerRuntime max(int channels) {
        return new LayerRuntime() {
            private int[] argMax = new int[0];

            @Override
            public void allocate(int batchCapacity) {
                argMax = new int[batchCapacity * channels];
            }

            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                GlobalPool.maxForward(inputs[0], output, argMax);
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                if (gradInputs[0] != null) {
                    GlobalPool.maxBackward(gradOutput, gradInputs[0], argMax);
                }
            }
        };
    }

    /**
     * Keras' GlobalAveragePooling1D with a mask: the mean over the real (unmasked) steps only; a
     * sample with none gives zeros. Without a mask, the plain mean.
     */
    static LayerRuntime maskedAverage(int steps, int channels) {
        return new MaskedAverage(steps, channels);
    }

    private static final class MaskedAverage implements LayerRuntime, Masks.User {
        private final int steps;
        private final int channels;
        private byte[] mask;

        MaskedAverage(int steps, int channels) {
            this.steps = steps;
            this.channels = channels;
        }

        @Override
        public void useMask(byte[] m) {
            mask = m;
        }

        private float share(int b) {
            int real = 0;
            for (int t = 0; t < steps; t++) {
                real += mask[b * steps + t];
            }
            return real == 0 ? 0f : 1f / real;
        }

        @Override
        public void forward(Tensor[] inputs, Tensor output, boolean training) {
            if (mask == null) {
                GlobalPool.averageForward(inputs[0], output);
                return;
            }
            float[] x = inputs[0].data();
            float[] y = output.data();
            for (int b = 0; b < inputs[0].batch(); b++) {
                float w = share(b);
                for (int c = 0; c < channels; c++) {
                    y[b * channels + c] = 0f;
                }
                for (int t = 0; t < steps; t++) {
                    if (mask[b * steps + t] != 0) {
                        for (int c = 0; c < channels; c++) {
                            y[b * channels + c] += x[(b * steps + t) * channels + c] * w;
                        }
                    }
                }
            }
        }

        @Override
        public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
            if (gradInputs[0] == null) {
                return;
            }
            if (mask == null) {
                GlobalPool.averageBackward(gradOutput, gradInputs[0]);
                return;
            }
            float[] g = gradOutput.data();
            float[] d = gradInputs[0].data();
            for (int b = 0; b < inputs[0].batch(); b++) {
                float w = share(b);
                for (int t = 0; t < steps; t++) {
                    if (mask[b * steps + t] != 0) {
                        for (int c = 0; c < channels; c++) {
                            d[(b * steps + t) * channels + c] += g[b * channels + c] * w;
                        }
                    }
                }
            }
        }
    }
}
