package org.layerlab.training;

import org.layerlab.data.Dataset;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.network.Network;

/**
 * An autoencoder's view of a few fixed images: each image as fed and what the network makes of
 * it (in inference: a VAE decodes z_mean), taken after an epoch; step −1 for saved weights. The
 * same images every epoch, so the grids of successive epochs can be compared.
 */
public record ReconstructionSnapshot(long step, int epoch, Shape image, int count, float[] originals,
                                     float[] reconstructions) implements GridSnapshot {
    /** Images shown: two rows of eight in the window, enough to see which kinds the network has learnt. */
    public static final int COUNT = 16;

    /** Whether the data are images whose reconstruction can be drawn: height × width × 1 or 3 channels. */
    public static boolean applies(Shape features, Shape output) {
        return features.rank() == 3 && (features.dim(2) == 1 || features.dim(2) == 3) && output.size() == features.size();
    }

    /** The first count samples of data (fewer if it has fewer) and the network's outputs for them. */
    public static ReconstructionSnapshot of(Network net, Dataset data, int count, long step, int epoch) {
        int n = Math.min(count, data.size());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Tensor x = Tensor.ofBatch(Math.max(1, n), data.featureShape());
        Tensor y = Tensor.zeros(Math.max(1, n), data.targetWidth());
        data.gather(order, 0, n, x, y);
        Tensor out = net.predict(x);
        float[] originals = new float[n * x.sampleSize()];
        float[] reconstructions = new float[n * x.sampleSize()];
        System.arraycopy(x.data(), 0, originals, 0, originals.length);
        System.arraycopy(out.data(), 0, reconstructions, 0, reconstructions.length);
        return new ReconstructionSnapshot(step, epoch, data.featureShape(), n, originals, reconstructions);
    }

    /** Each column's pairs: an original above its reconstruction. */
    @Override
    public int rows(int columns) {
        return 2 * ((count + columns - 1) / columns);
    }

    @Override
    public SampleGrid grid(int columns) {
        return SampleGrid.of(this, columns);
    }
}
