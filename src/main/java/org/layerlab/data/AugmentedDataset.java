package org.layerlab.data;

import java.util.SplittableRandom;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;

/**
 * Training images with an {@link Augmentation} applied as each batch is gathered, so every epoch
 * sees different variants and nothing extra is stored. The random stream is seeded, so the same
 * project trains the same way twice. Gathering is meant for one training thread at a time.
 */
public final class AugmentedDataset extends DerivedDataset {
    private final Augmentation augmentation;
    private final SplittableRandom rng;
    private final long seed;
    private final float[] scratch;

    public AugmentedDataset(Dataset base, Augmentation augmentation, long seed) {
        super(images(base));
        this.augmentation = augmentation;
        this.rng = new SplittableRandom(seed);
        this.seed = seed;
        this.scratch = new float[base.featureShape().size()];
    }

    private static Dataset images(Dataset base) {
        if (base.featureShape().rank() != 3) {
            throw new DataException("augmentation works on images (height, width, channels), but the data has features "
                    + base.featureShape());
        }
        return base;
    }

    /** The same augmentation from the start of its random stream: for a new run on data loaded once. */
    public AugmentedDataset restarted() {
        return new AugmentedDataset(base, augmentation, seed);
    }

    public Augmentation augmentation() {
        return augmentation;
    }

    @Override
    public Dataset original() {
        return base;
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public void gather(int[] order, int from, int to, Tensor x, Tensor y) {
        base.gather(order, from, to, x, y);
        Shape s = base.featureShape();
        int per = s.size();
        for (int i = 0; i < to - from; i++) {
            augmentation.apply(x.data(), i * per, s.dim(0), s.dim(1), s.dim(2), rng, scratch);
        }
    }

    @Override
    public float target(int i) {
        return base.target(i);
    }
}
