package org.layerlab.nn.layers;

import java.util.List;
import java.util.Map;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.PRelu;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterSpec;
import org.layerlab.nn.Regularizer;

/**
 * Keras' PReLU: y = x for x > 0, else α·x with a learned α per value of the input (alpha has the
 * input's shape without the batch), starting at zero as Keras does. Keras' shared_axes (one α for
 * a whole feature map) is not offered yet. PyTorch's PReLU learns one α in total by default,
 * starting at 0.25.
 */
public record PReLU(Initializer alphaInitializer, Regularizer alphaRegularizer) implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("PReLU", PReLU.class, LayerCategory.ACTIVATIONS)
            .describe("ReLU with a learned slope below zero for each value.", "y = x if x > 0, else α·x (α learned)")
            .param(LayerParam.optional("alpha_initializer", ParamType.INITIALIZER, Initializer.ZEROS,
                    "How the slopes start (zeros: a plain ReLU)."))
            .param(LayerParam.optional("alpha_regularizer", ParamType.REGULARIZER, Regularizer.NONE,
                    "A penalty on large slopes added to the loss (l1, l2)."))
            .example(PReLU::new)
            .build();

    public PReLU {
        Checks.notNull("PReLU", "alphaInitializer", alphaInitializer);
        Checks.notNull("PReLU", "alphaRegularizer", alphaRegularizer);
    }

    public PReLU() {
        this(Initializer.ZEROS, Regularizer.NONE);
    }

    @Override
    public String kind() {
        return "PReLU";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return inputs.get(0);
    }

    @Override
    public List<ParameterSpec> parameters(List<Shape> inputs) {
        Shape in = inputs.get(0);
        return List.of(ParameterSpec.trainable("alpha", in.dims(), alphaInitializer, in.size(), in.size(), alphaRegularizer));
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        Map<String, Parameter> p = c.parameters(parameters(c.inputShapes()));
        Parameter alpha = p.get("alpha");
        return new LayerRuntime() {
            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                PRelu.forward(inputs[0], alpha.value(), output);
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                PRelu.backward(inputs[0], alpha.value(), gradOutput, gradInputs[0], alpha.grad());
            }

            @Override
            public List<Parameter> parameters() {
                return List.of(alpha);
            }
        };
    }

    @Override
    public String summary() {
        return "PReLU";
    }
}
