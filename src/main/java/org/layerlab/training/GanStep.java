package org.layerlab.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.RealOrFake;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.NetworkNode;
import org.layerlab.nn.optimizers.Optimizer;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.nn.schedules.ConstantRate;

/**
 * One batch of a GAN's training, as the Keras DCGAN example's train_step. The discriminator
 * sees the real batch and as many generated images in one batch (real labelled 1 − label
 * smoothing, generated 0), and the training settings' optimizer steps its weights. Then, once
 * every discriminator_steps batches, the generator trains through the whole chain D(G(z))
 * labelled 1 (the non-saturating loss), with an optimizer of its own stepping only its
 * weights: the discriminator's gradients of that phase are computed and dropped. Generator and
 * discriminator are the chain before and after the RealOrFake node, compiled as networks of
 * their own on the very same parameters.
 *
 * <p>Where others differ: label smoothing here is one-sided (real targets only, as Salimans et
 * al. 2016 advise), while Keras' BinaryCrossentropy(label_smoothing) pulls both targets to ½.
 * PyTorch's DCGAN tutorial feeds real and generated images to D as two batches; one batch of
 * both, as Keras does, gives the same loss without BatchNormalization and mixes the batch
 * statistics with it.
 */
final class GanStep {
    private final Network full;
    private final Network generator;
    private final Network discriminator;
    private final List<Parameter> generatorWeights;
    private final List<Parameter> discriminatorWeights;
    private final Optimizer generatorOptimizer;
    private final LossComputation discriminatorLoss;
    private final LossComputation generatorLoss;
    private final RealOrFake recipe;
    private final Tensor noise;
    private final Tensor both;
    private final Tensor targets;
    private final Tensor ones;
    private long state;
    private long batches;
    private double discriminatorSum;
    private double generatorSum;
    private double realRight;
    private double fakeRight;
    private int seen;
    private int generatorSeen;
    private String failure;
    private String failedLayer;

    private GanStep(Network full, Network generator, Network discriminator, RealOrFake recipe, TrainingConfig config,
                    int batch) {
        this.full = full;
        this.generator = generator;
        this.discriminator = discriminator;
        this.recipe = recipe;
        this.generatorWeights = generator.parameters();
        this.discriminatorWeights = discriminator.parameters();
        this.generatorOptimizer = generatorOptimizer(config, recipe);
        this.discriminatorLoss = new LossComputation(discriminator, config.loss());
        this.generatorLoss = new LossComputation(full, config.loss());
        this.noise = Tensor.ofBatch(batch, generator.inputShape());
        this.both = Tensor.ofBatch(2 * batch, discriminator.inputShape());
        this.targets = Tensor.zeros(2 * batch, 1);
        this.ones = Tensor.zeros(batch, 1);
        ones.fill(1);
        this.state = config.seed() * 0x9E3779B97F4A7C15L + 0x6A4;
    }

    /** The generator's optimizer: the recipe's kind (or the training settings') at the recipe's rate. */
    static Optimizer generatorOptimizer(TrainingConfig config, RealOrFake recipe) {
        OptimizerSpec base = recipe.generatorOptimizer().equals("same") ? config.optimizer()
                : OptimizerSpec.of(recipe.generatorOptimizer(), recipe.generatorLearningRate());
        return base.withSchedule(new ConstantRate(recipe.generatorLearningRate())).create();
    }

    /** The step for a network with a RealOrFake node, else null (not a GAN). */
    static GanStep of(Network net, TrainingConfig config, int batch) {
        NetworkNode seam = seam(net.plan());
        if (seam == null) {
            return null;
        }
        Network generator = Network.compile(generatorPlan(net.plan(), seam), net.parameterStore().sharing());
        Network discriminator = Network.compile(discriminatorPlan(net.plan(), seam, generator.outputShape()),
                net.parameterStore().sharing());
        return new GanStep(net, generator, discriminator, (RealOrFake) seam.spec(), config, batch);
    }

    /** The RealOrFake node of a plan, or null. */
    static NetworkNode seam(List<NetworkNode> plan) {
        return plan.stream().filter(n -> n.spec() instanceof RealOrFake).findFirst().orElse(null);
    }

    /** The seam and everything it depends on, in plan order: noise in, image out. */
    static List<NetworkNode> generatorPlan(List<NetworkNode> plan, NetworkNode seam) {
        Set<String> needed = new HashSet<>(Set.of(seam.id()));
        List<NetworkNode> out = new ArrayList<>();
        for (int i = plan.indexOf(seam); i >= 0; i--) {
            NetworkNode n = plan.get(i);
            if (needed.contains(n.id())) {
                needed.addAll(n.inputs());
                out.add(0, n);
            }
        }
        return out;
    }

    /** Everything after the seam, with the seam an Input of the image shape: image in, real-or-fake out. */
    static List<NetworkNode> discriminatorPlan(List<NetworkNode> plan, NetworkNode seam, Shape image) {
        Set<String> after = new HashSet<>(Set.of(seam.id()));
        List<NetworkNode> out = new ArrayList<>(List.of(new NetworkNode(seam.id(), seam.name(), new Input(image),
                List.of())));
        for (int i = plan.indexOf(seam) + 1; i < plan.size(); i++) {
            NetworkNode n = plan.get(i);
            if (n.inputs().stream().anyMatch(after::contains)) {
                after.add(n.id());
                out.add(n);
            }
        }
        return out;
    }

    /** The optimizer of the generator's weights (the discriminator's is the trainer's). */
    Optimizer generatorOptimizer() {
        return generatorOptimizer;
    }

    /**
     * Trains on one batch of real images: the discriminator's step, and the generator's when its
     * turn has come. Returns the discriminator's loss; NaN when a loss or gradient was not finite,
     * before any step with it ({@link #failure} says where).
     */
    double train(Tensor real, Optimizer discriminatorOptimizer) {
        int n = real.batch();
        draw(n);
        Tensor fake = generator.forward(noise, true);
        both.setBatch(2 * n);
        System.arraycopy(real.data(), 0, both.data(), 0, real.size());
        System.arraycopy(fake.data(), 0, both.data(), real.size(), fake.size());
        targets.setBatch(2 * n);
        float[] t = targets.data();
        Arrays.fill(t, 0, n, (float) (1 - recipe.labelSmoothing()));
        Arrays.fill(t, n, 2 * n, 0f);
        Tensor judged = discriminator.forward(both, true);
        discriminator.zeroGradients();
        double d = discriminatorLoss.compute(targets, true);
        if (!finite(d, discriminator, discriminatorWeights, "the discriminator's loss")) {
            return Double.NaN;
        }
        float[] p = judged.data();
        for (int i = 0; i < n; i++) {
            realRight += p[i] >= 0.5f ? 1 : 0;
            fakeRight += p[n + i] < 0.5f ? 1 : 0;
        }
        discriminatorOptimizer.step(discriminatorWeights);
        discriminatorSum += d * n;
        seen += n;
        if (++batches % recipe.discriminatorSteps() == 0) {
            draw(n);
            full.forward(noise, true);
            full.zeroGradients();
            ones.setBatch(n);
            double g = generatorLoss.compute(ones, true);
            if (!finite(g, full, generatorWeights, "the generator's loss")) {
                return Double.NaN;
            }
            generatorOptimizer.step(generatorWeights);
            generatorSum += g * n;
            generatorSeen += n;
        }
        return d;
    }

    private void draw(int n) {
        noise.setBatch(n);
        state = GanNoise.fill(noise.data(), noise.size(), recipe.noise(), state);
    }

    private boolean finite(double loss, Network net, List<Parameter> weights, String what) {
        boolean ok = Double.isFinite(loss);
        for (int i = 0; ok && i < weights.size(); i++) {
            ok = weights.get(i).grad().allFinite();
        }
        if (!ok) {
            String bad = net.firstNonFinite();
            failure = bad != null ? bad : what;
            failedLayer = bad != null ? bad.substring(0, bad.indexOf(' ')) : null;
        }
        return ok;
    }

    /** Where the last failed batch first went non-finite, in Network.firstNonFinite's words, or which loss. */
    String failure() {
        return failure;
    }

    /** The layer named first in {@link #failure}, or null when the loss itself was not finite. */
    String failedLayer() {
        return failedLayer;
    }

    /** Starts an epoch's averages. */
    void reset() {
        discriminatorSum = 0;
        generatorSum = 0;
        realRight = 0;
        fakeRight = 0;
        seen = 0;
        generatorSeen = 0;
    }

    /**
     * This epoch's averages so far: loss (the discriminator's, which the training settings'
     * optimizer lowers), g_loss, and the discriminator's accuracy on real and on generated images.
     */
    Map<String, Double> result() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("loss", seen == 0 ? Double.NaN : discriminatorSum / seen);
        out.put("g_loss", generatorSeen == 0 ? Double.NaN : generatorSum / generatorSeen);
        out.put("d_real_acc", seen == 0 ? Double.NaN : realRight / seen);
        out.put("d_fake_acc", seen == 0 ? Double.NaN : fakeRight / seen);
        return out;
    }
}
