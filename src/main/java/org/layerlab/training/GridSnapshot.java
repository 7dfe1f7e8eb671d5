package org.layerlab.training;

import org.layerlab.engine.Shape;

/**
 * An epoch's images laid out as one grid: an autoencoder's originals above their
 * reconstructions, a GAN's images from fixed noise. The window's grid tabs and the command
 * line's --samples PNGs draw any of them the same way.
 */
public sealed interface GridSnapshot extends Snapshot permits ReconstructionSnapshot, GeneratedSnapshot {
    int epoch();

    /** One image's shape: height × width × 1 or 3 channels. */
    Shape image();

    /** How many images (or pairs) there are. */
    int count();

    /** How many rows of images the grid has with this many columns. */
    int rows(int columns);

    SampleGrid grid(int columns);

    @Override
    default boolean deliverAtOnce() {
        return true;
    }
}
