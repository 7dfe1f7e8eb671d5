package org.layerlab.nn.layers;

import java.util.List;
import java.util.stream.Stream;

import org.layerlab.engine.Shape;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.optimizers.OptimizerSpec;

/**
 * Where a GAN's generator ends and its discriminator begins: the layers before it turn noise
 * (the network's Input) into an image, the layers after it judge whether an image is real. In
 * training the discriminator sees real images from the data here and, in turn, the generator's
 * (see training/GanStep); as a layer it passes its input on unchanged, so the whole chain run
 * forward is the generator's phase, D(G(z)). Its options are the GAN recipe's (the
 * discriminator trains with the training settings' optimizer, the generator with the same kind
 * at its own rate). Not a Keras layer: the Keras DCGAN example holds two models in a custom
 * train_step; one chain keeps a GAN one drawing with one undo history (docs/decisions/0009).
 */
public record RealOrFake(String noise, int discriminatorSteps, double labelSmoothing, double generatorLearningRate,
                         String generatorOptimizer) implements LayerSpec {
    private static final List<String> NOISES = List.of("normal", "uniform");
    /** "same": the training settings' optimizer (its options too), at the generator's rate. */
    private static final List<String> OPTIMIZERS = Stream.concat(Stream.of("same"), OptimizerSpec.KINDS.stream()).toList();

    public static final LayerKind KIND = LayerKind.builder("RealOrFake", RealOrFake.class, LayerCategory.GENERATIVE)
            .describe("A GAN's seam: the layers before it generate an image from noise, the layers after it judge"
                    + " real (1) or fake (0). Real images from the data enter here in training.",
                    "D(x) for real x,  D(G(z)) for noise z")
            .param(LayerParam.choice("noise", "normal", NOISES,
                    "The generator's random input: normal N(0, 1) or uniform in [−1, 1]."))
            .param(LayerParam.optional("discriminator_steps", ParamType.INT, 1,
                    "Discriminator updates per generator update (one per batch of real images).").range(1, 10))
            .param(LayerParam.optional("label_smoothing", ParamType.FLOAT, 0.0,
                    "The discriminator's target for real images is 1 − this: a little (0.1) keeps it from"
                            + " becoming too sure.").range(0, 0.5))
            .param(LayerParam.optional("generator_learning_rate", ParamType.FLOAT, 2e-4,
                    "The generator's rate (the discriminator's is the training settings').").range(1e-7, 10))
            .param(LayerParam.choice("generator_optimizer", "same", OPTIMIZERS,
                    "The generator's optimizer: same as the discriminator's (the training settings', with their"
                            + " options), or another kind with its defaults."))
            .example(() -> new RealOrFake("normal", 1, 0.0, 2e-4, "same"))
            .build();

    public RealOrFake {
        if (!NOISES.contains(noise)) {
            throw new IllegalArgumentException("RealOrFake: noise must be normal or uniform. Received: noise=" + noise);
        }
        Checks.inRange("RealOrFake", "discriminator_steps", discriminatorSteps, 1, 10);
        Checks.inRange("RealOrFake", "label_smoothing", labelSmoothing, 0, 0.5);
        Checks.inRange("RealOrFake", "generator_learning_rate", generatorLearningRate, 1e-7, 10);
        if (!OPTIMIZERS.contains(generatorOptimizer)) {
            throw new IllegalArgumentException("RealOrFake: generator_optimizer must be one of " + String.join(", ", OPTIMIZERS)
                    + ". Received: generator_optimizer=" + generatorOptimizer);
        }
    }

    /** The recipe with the usual defaults: normal noise, one step each, no smoothing, the discriminator's optimizer. */
    public RealOrFake(double generatorLearningRate) {
        this("normal", 1, 0.0, generatorLearningRate, "same");
    }

    @Override
    public String kind() {
        return "RealOrFake";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return inputs.get(0);
    }

    @Override
    public LayerRuntime build(BuildContext context) {
        return new CopyRuntime();
    }

    @Override
    public String summary() {
        return "RealOrFake (GAN seam)";
    }
}
