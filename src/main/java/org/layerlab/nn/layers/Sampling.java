package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.Reparameterize;
import org.layerlab.engine.ops.SplitMix;
import org.layerlab.nn.AuxiliaryLoss;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.ShapeException;

/**
 * The variational autoencoder's sampling step, as the Keras VAE example's Sampling layer: inputs
 * z_mean and z_log_var of one shape, output z = z_mean + exp(½·z_log_var)·ε with ε ~ N(0, 1)
 * drawn from the network seed and the node id; it adds kl_weight · KL(N(μ, σ²) ‖ N(0, 1)) to the
 * loss (reported as kl_loss) in training and evaluation alike.
 *
 * <p>Where LayerLab differs from the example: outside training it returns z_mean rather than a
 * fresh sample, so predictions, exports and the latent map are deterministic. The KL term is
 * summed over the latent values and averaged over the batch, while Keras' built-in losses
 * average over the pixels: with binary cross-entropy on 784 pixels, a kl_weight near 1/784
 * keeps the balance of the original VAE (a larger weight blurs the decodings towards the mean).
 */
public record Sampling(double klWeight) implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("Sampling", Sampling.class, LayerCategory.GENERATIVE)
            .describe("The VAE's random step: draws z near z_mean with spread exp(½·z_log_var), and adds the"
                    + " KL divergence to the loss. Connect z_mean first, then z_log_var.",
                    "z = μ + exp(½·log σ²)·ε,  loss += β·KL")
            .param(LayerParam.optional("kl_weight", ParamType.FLOAT, 1.0,
                    "β: how strongly the KL term pulls the codes towards N(0, 1). With a per-pixel loss on"
                            + " 28×28 images, about 0.001–0.005.").range(0, 1000))
            .inputs(2, 2)
            .example(() -> new Sampling(1.0))
            .build();

    public Sampling {
        Checks.inRange("Sampling", "kl_weight", klWeight, 0, 1000);
    }

    @Override
    public String kind() {
        return "Sampling";
    }

    @Override
    public String addedLoss() {
        return "kl_loss";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        if (inputs.size() != 2) {
            throw new ShapeException("Sampling needs two inputs, z_mean and z_log_var, but receives " + inputs.size()
                    + ": connect two Dense layers of the latent size (z_mean first)");
        }
        if (!inputs.get(0).equals(inputs.get(1))) {
            throw new ShapeException("Sampling needs z_mean and z_log_var of one shape but receives " + inputs.get(0)
                    + " and " + inputs.get(1) + ": give both the same number of units (the latent size)");
        }
        return inputs.get(0);
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        outputShape(c.inputShapes());
        return new Runtime(klWeight, SplitMix.mix(c.seed() ^ c.nodeId().hashCode()));
    }

    @Override
    public String summary() {
        return "Sampling β=" + klWeight;
    }

    /** Package-visible so gradient checks can hold ε between the forward passes they compare. */
    static final class Runtime implements LayerRuntime, AuxiliaryLoss {
        private final double weight;
        private long state;
        private float[] eps = new float[0];
        private boolean sampled;
        private boolean holdNoise;
        private double lastLoss;

        Runtime(double weight, long seed) {
            this.weight = weight;
            this.state = seed;
        }

        void holdNoise() {
            holdNoise = true;
        }

        @Override
        public void allocate(int batchCapacity) {
            // Sized on first use: the runtime does not know its sample size here.
        }

        @Override
        public void forward(Tensor[] inputs, Tensor output, boolean training) {
            Tensor mean = inputs[0];
            Tensor logVar = inputs[1];
            sampled = training;
            if (training) {
                if (eps.length < mean.size()) {
                    eps = new float[mean.capacityBatch() * mean.sampleSize()];
                    holdNoise = false;
                }
                if (!holdNoise) {
                    state = Reparameterize.drawNormal(eps, mean.size(), state);
                }
                Reparameterize.forward(mean, logVar, eps, output);
            } else {
                output.copyFrom(mean);
            }
            lastLoss = weight * Reparameterize.kl(mean, logVar);
        }

        @Override
        public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
            Reparameterize.backward(inputs[0], inputs[1], eps, sampled, gradOutput, weight, gradInputs[0],
                    gradInputs[1]);
        }

        @Override
        public String lossName() {
            return "kl_loss";
        }

        @Override
        public double lastLoss() {
            return lastLoss;
        }
    }
}
