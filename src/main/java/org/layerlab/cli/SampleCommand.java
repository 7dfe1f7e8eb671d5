package org.layerlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.Reparameterize;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GanChecks;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.RealOrFake;
import org.layerlab.nn.layers.Sampling;
import org.layerlab.nn.network.Network;
import org.layerlab.project.Project;
import org.layerlab.training.GanNoise;
import org.layerlab.training.Interpolator;
import org.layerlab.training.SampleGrid;

/**
 * {@code sample PROJECT --count N --out DIR [--seed S]}: new images from a trained VAE, its
 * decoder run on codes drawn from the unit Gaussian it was pulled towards (the prior), or from a
 * trained GAN, its generator run on noise of the kind it trained on; each as
 * DIR/sample-001.png and all of them as DIR/samples.png.
 */
final class SampleCommand {
    private final PrintStream out;

    SampleCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argv) throws IOException {
        Args args = new Args(argv, Set.of("count", "out", "seed"), Set.of());
        Path file = ProjectArgs.path(args, "sample PROJECT --count N --out DIR [--seed S]");
        int count = args.intValue("count", 16);
        if (count < 1 || count > 10_000) {
            throw new UserError("--count must be between 1 and 10000, not " + count);
        }
        String outDir = args.get("out", null);
        if (outDir == null) {
            throw new UserError("sample needs --out DIR: the folder the images are written to");
        }
        Project p = ProjectArgs.load(file);
        NetworkGraph g = p.graph();
        GraphAnalysis a = GraphAnalysis.of(g);
        if (!p.isTrained()) {
            out.println("note: the project is untrained: these are what its initial weights draw");
        }
        Path dir = CliPaths.of(outDir, "--out folder");
        GraphNode seam = GanChecks.seamOf(g);
        if (seam != null) {
            return generate(p, a, seam, count, args.intValue("seed", 1), dir);
        }
        GraphNode sampling = g.nodes().stream().filter(n -> n.spec() instanceof Sampling).findFirst().orElseThrow(
                () -> new UserError("sample draws new images from a variational autoencoder (a network with a Sampling"
                        + " layer) or a GAN (one with a RealOrFake layer); " + file.getFileName() + " has neither"));
        Shape latent = a.info(sampling.id()) == null ? null : a.info(sampling.id()).outputShape();
        Shape image = a.outputId() == null ? null : a.info(a.outputId()).outputShape();
        if (latent == null || image == null || image.rank() != 3 || (image.dim(2) != 1 && image.dim(2) != 3)) {
            throw new UserError("sample writes images, but this network's output is " + image + ": it needs an output"
                    + " of height × width × 1 or 3 (end the decoder in Reshape or Conv2DTranspose)");
        }
        Interpolator vae = new Interpolator(g, p.weights() == null ? new ParameterStore(p.training().seed())
                : p.weights(), sampling);
        Tensor z = Tensor.ofBatch(count, latent);
        Reparameterize.drawNormal(z.data(), z.size(), args.intValue("seed", 1));
        write(vae.decode(z).data(), image, count, dir);
        return 0;
    }

    /** A GAN's images: its generator (the chain up to RealOrFake) run on fresh noise. */
    private int generate(Project p, GraphAnalysis a, GraphNode seam, int count, long seed, Path dir) throws IOException {
        if (a.hasErrors()) {
            throw new UserError("the network has problems to fix first: " + a.problems().get(0).message());
        }
        Shape image = a.info(seam.id()).outputShape();
        if (image.rank() != 3 || (image.dim(2) != 1 && image.dim(2) != 3)) {
            throw new UserError("sample writes images, but this GAN's generator makes " + image + ": it needs"
                    + " height × width × 1 or 3");
        }
        Network net = Network.compile(a.plan(), p.weights() == null ? new ParameterStore(p.training().seed())
                : p.weights().copy());
        Tensor z = Tensor.ofBatch(count, net.inputShape());
        GanNoise.fill(z.data(), z.size(), ((RealOrFake) seam.spec()).noise(), seed);
        net.forward(z, false);
        write(net.outputOf(seam.id()).data(), image, count, dir);
        return 0;
    }

    private void write(float[] images, Shape image, int count, Path dir) throws IOException {
        Files.createDirectories(dir);
        int size = image.size();
        for (int i = 0; i < count; i++) {
            float[] one = new float[size];
            System.arraycopy(images, i * size, one, 0, size);
            SampleGrid.ofImages(one, image, 1, 1).writePng(dir.resolve(String.format("sample-%03d.png", i + 1)), 4);
        }
        SampleGrid.ofImages(images, image, count, Math.min(count, 8)).writePng(dir.resolve("samples.png"), 4);
        out.printf("wrote %d samples of %s to %s (samples.png: all of them)%n", count, image, dir);
    }
}
