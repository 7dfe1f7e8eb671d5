package org.layerlab.nn.layers;

import java.util.List;
import java.util.Map;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Masks;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterSpec;
import org.layerlab.nn.ShapeException;

/**
 * Keras' Embedding: token ids (time) → vectors (time, output_dim), a lookup in the learned table
 * embeddings (input_dim, output_dim). Ids arrive as the float values of the input and must be whole
 * numbers in [0, input_dim); the ids themselves get no gradient. The default initializer is Keras'
 * "uniform", RandomUniform(−0.05, 0.05). With mask_zero, id 0 marks padding: the mask goes on
 * through layers that keep the time axis to the recurrent layers, attention and average pooling.
 */
public record Embedding(int inputDim, int outputDim, Initializer embeddingsInitializer, boolean maskZero)
        implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("Embedding", Embedding.class, LayerCategory.SEQUENCE)
            .describe("Turns each token id into a learned vector: the first layer of a text model.",
                    "y[t] = E[id_t]")
            .param(LayerParam.required("input_dim", ParamType.INT,
                    "How many different ids there are (the vocabulary size); ids run from 0 to input_dim − 1.")
                    .range(1, 10_000_000))
            .param(LayerParam.required("output_dim", ParamType.INT, "The length of each token's vector.")
                    .range(1, 100_000))
            .param(LayerParam.optional("embeddings_initializer", ParamType.INITIALIZER,
                    Initializer.randomUniform(-0.05, 0.05), "How the vectors start."))
            .param(LayerParam.optional("mask_zero", ParamType.BOOL, false,
                    "Id 0 is padding: the recurrent layers, attention and average pooling after it skip those steps."))
            .example(() -> new Embedding(1000, 32))
            .build();

    public Embedding {
        Checks.positive("Embedding", "inputDim", inputDim);
        Checks.positive("Embedding", "outputDim", outputDim);
        Checks.notNull("Embedding", "embeddingsInitializer", embeddingsInitializer);
    }

    public Embedding(int inputDim, int outputDim) {
        this(inputDim, outputDim, Initializer.randomUniform(-0.05, 0.05), false);
    }

    public Embedding masked() {
        return new Embedding(inputDim, outputDim, embeddingsInitializer, true);
    }

    @Override
    public String kind() {
        return "Embedding";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape in = inputs.get(0);
        if (in.rank() != 1) {
            throw new ShapeException("Embedding needs a sequence of token ids (time) but receives " + in
                    + ": give it the ids of each sample as one flat row");
        }
        return Shape.of(in.dim(0), outputDim);
    }

    @Override
    public List<ParameterSpec> parameters(List<Shape> inputs) {
        return List.of(ParameterSpec.trainable("embeddings", new int[] {inputDim, outputDim}, embeddingsInitializer,
                inputDim, outputDim, null));
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        outputShape(c.inputShapes());
        Map<String, Parameter> p = c.parameters(parameters(c.inputShapes()));
        Runtime rt = new Runtime(p.get("embeddings"), inputDim, outputDim);
        return maskZero ? new MaskingRuntime(rt) : rt;
    }

    @Override
    public String summary() {
        return "Embedding " + inputDim + "→" + outputDim;
    }

    private record Runtime(Parameter table, int inputDim, int dim) implements LayerRuntime {
        @Override
        public void forward(Tensor[] inputs, Tensor output, boolean training) {
            float[] ids = inputs[0].data();
            float[] e = table.value().data();
            float[] y = output.data();
            int tokens = inputs[0].size();
            for (int i = 0; i < tokens; i++) {
                System.arraycopy(e, id(ids[i]) * dim, y, i * dim, dim);
            }
        }

        @Override
        public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
            float[] ids = inputs[0].data();
            float[] g = gradOutput.data();
            float[] de = table.grad().data();
            int tokens = inputs[0].size();
            for (int i = 0; i < tokens; i++) {
                int row = id(ids[i]) * dim;
                for (int j = 0; j < dim; j++) {
                    de[row + j] += g[i * dim + j];
                }
            }
        }

        private int id(float value) {
            return TokenIds.id("Embedding", value, inputDim);
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(table);
        }
    }

    /** The runtime with mask_zero: also says which steps are padding (id 0). */
    private record MaskingRuntime(Runtime inner) implements LayerRuntime, Masks.Producer {
        @Override
        public void forward(Tensor[] inputs, Tensor output, boolean training) {
            inner.forward(inputs, output, training);
        }

        @Override
        public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
            inner.backward(inputs, output, gradOutput, gradInputs);
        }

        @Override
        public List<Parameter> parameters() {
            return inner.parameters();
        }

        @Override
        public void mask(Tensor input, byte[] mask) {
            float[] ids = input.data();
            for (int i = 0, n = input.size(); i < n; i++) {
                mask[i] = (byte) (ids[i] != 0f ? 1 : 0);
            }
        }
    }
}
