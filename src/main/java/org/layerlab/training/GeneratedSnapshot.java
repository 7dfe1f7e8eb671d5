package org.layerlab.training;

import java.util.Arrays;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.layers.RealOrFake;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.NetworkNode;

/**
 * A GAN generator's images from the same fixed noise after every epoch (step −1: from saved
 * weights), so successive grids show the same imagined garments taking shape rather than new
 * draws. The noise does not depend on the run's seed: a reopened project draws the grid its
 * last run ended with.
 */
public record GeneratedSnapshot(long step, int epoch, Shape image, int count, float[] images) implements GridSnapshot {
    /** Four rows of eight in the window: enough to see whether the generator makes one thing or many. */
    public static final int COUNT = 32;
    private static final long FIXED_NOISE = 0x5EED_0F_6A4L;

    /** The generator's images for the fixed noise, or null when the network is no GAN on images. */
    public static GeneratedSnapshot of(Network net, int count, long step, int epoch) {
        NetworkNode seam = GanStep.seam(net.plan());
        if (seam == null) {
            return null;
        }
        Tensor z = Tensor.ofBatch(count, net.inputShape());
        GanNoise.fill(z.data(), z.size(), ((RealOrFake) seam.spec()).noise(), FIXED_NOISE);
        net.forward(z, false);
        Tensor made = net.outputOf(seam.id());
        Shape image = Shape.of(Arrays.copyOfRange(made.dims(), 1, made.rank()));
        if (!ReconstructionSnapshot.applies(image, image)) {
            return null;
        }
        return new GeneratedSnapshot(step, epoch, image, count, Arrays.copyOf(made.data(), made.size()));
    }

    @Override
    public int rows(int columns) {
        return (count + columns - 1) / columns;
    }

    @Override
    public SampleGrid grid(int columns) {
        return SampleGrid.ofImages(images, image, count, columns);
    }
}
