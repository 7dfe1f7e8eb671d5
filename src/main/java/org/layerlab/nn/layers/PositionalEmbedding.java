package org.layerlab.nn.layers;

import java.util.List;
import java.util.Map;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterSpec;
import org.layerlab.nn.ShapeException;

/**
 * Token ids (time) → token vector + position vector, both learned: the PositionalEmbedding of the
 * Keras Transformer examples (keras.io, sequence-to-sequence translation), with their weights
 * token_embeddings (input_dim, output_dim) and position_embeddings (sequence_length, output_dim),
 * both starting as Keras' Embedding does (uniform ±0.05). Attention alone cannot tell positions
 * apart; this tells it where each token stands. Inputs may be shorter than sequence_length.
 */
public record PositionalEmbedding(int sequenceLength, int inputDim, int outputDim) implements LayerSpec {
    private static final Initializer UNIFORM = Initializer.randomUniform(-0.05, 0.05);

    public static final LayerKind KIND = LayerKind.builder("PositionalEmbedding", PositionalEmbedding.class,
                    LayerCategory.SEQUENCE)
            .describe("Token ids to learned vectors plus a learned vector for each position: the input layer of a"
                    + " Transformer.", "y[t] = E_token[id_t] + E_position[t]")
            .param(LayerParam.required("sequence_length", ParamType.INT, "The longest sequence it learns positions for.")
                    .range(1, 1_000_000))
            .param(LayerParam.required("input_dim", ParamType.INT,
                    "How many different token ids there are (the vocabulary size).").range(1, 10_000_000))
            .param(LayerParam.required("output_dim", ParamType.INT, "The length of each vector.").range(1, 100_000))
            .example(() -> new PositionalEmbedding(64, 1000, 32))
            .build();

    public PositionalEmbedding {
        Checks.positive("PositionalEmbedding", "sequenceLength", sequenceLength);
        Checks.positive("PositionalEmbedding", "inputDim", inputDim);
        Checks.positive("PositionalEmbedding", "outputDim", outputDim);
    }

    @Override
    public String kind() {
        return "PositionalEmbedding";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape in = inputs.get(0);
        if (in.rank() != 1) {
            throw new ShapeException("PositionalEmbedding needs a sequence of token ids (time) but receives " + in
                    + ": give it the ids of each sample as one flat row");
        }
        if (in.dim(0) > sequenceLength) {
            throw new ShapeException("PositionalEmbedding learns positions for " + sequenceLength + " steps but receives "
                    + in.dim(0) + ": raise sequence_length to at least " + in.dim(0));
        }
        return Shape.of(in.dim(0), outputDim);
    }

    @Override
    public List<ParameterSpec> parameters(List<Shape> inputs) {
        return List.of(
                ParameterSpec.trainable("token_embeddings", new int[] {inputDim, outputDim}, UNIFORM, inputDim, outputDim,
                        null),
                ParameterSpec.trainable("position_embeddings", new int[] {sequenceLength, outputDim}, UNIFORM,
                        sequenceLength, outputDim, null));
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        outputShape(c.inputShapes());
        Map<String, Parameter> p = c.parameters(parameters(c.inputShapes()));
        return new Runtime(p.get("token_embeddings"), p.get("position_embeddings"), inputDim, outputDim);
    }

    @Override
    public String summary() {
        return "PositionalEmbedding " + inputDim + "→" + outputDim;
    }

    private record Runtime(Parameter tokens, Parameter positions, int inputDim, int dim) implements LayerRuntime {
        @Override
        public void forward(Tensor[] inputs, Tensor output, boolean training) {
            float[] ids = inputs[0].data();
            float[] e = tokens.value().data();
            float[] pe = positions.value().data();
            float[] y = output.data();
            int steps = inputs[0].sampleSize();
            int count = inputs[0].size();
            for (int i = 0; i < count; i++) {
                int row = TokenIds.id("PositionalEmbedding", ids[i], inputDim) * dim;
                int pos = (i % steps) * dim;
                for (int j = 0; j < dim; j++) {
                    y[i * dim + j] = e[row + j] + pe[pos + j];
                }
            }
        }

        @Override
        public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
            float[] ids = inputs[0].data();
            float[] g = gradOutput.data();
            float[] de = tokens.grad().data();
            float[] dp = positions.grad().data();
            int steps = inputs[0].sampleSize();
            int count = inputs[0].size();
            for (int i = 0; i < count; i++) {
                int row = TokenIds.id("PositionalEmbedding", ids[i], inputDim) * dim;
                int pos = (i % steps) * dim;
                for (int j = 0; j < dim; j++) {
                    de[row + j] += g[i * dim + j];
                    dp[pos + j] += g[i * dim + j];
                }
            }
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(tokens, positions);
        }
    }
}
