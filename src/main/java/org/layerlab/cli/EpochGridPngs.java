package org.layerlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.layerlab.data.Dataset;
import org.layerlab.nn.layers.RealOrFake;
import org.layerlab.nn.network.Network;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.GeneratedSnapshot;
import org.layerlab.training.GridAnimation;
import org.layerlab.training.GridSnapshot;
import org.layerlab.training.ReconstructionSnapshot;
import org.layerlab.training.SampleGrid;
import org.layerlab.training.TrainingListener;
import org.layerlab.training.TrainingResult;

/**
 * {@code train --samples DIR} for an autoencoder or a GAN on images: after each epoch, the
 * window's grid (the Reconstructions tab's first 16 test images above their reconstructions, or
 * the Generated tab's images from fixed noise) as DIR/epoch-001.png, 002, ..., and at the end
 * all of them as one looping GIF, so a headless run leaves the same record the window shows.
 */
final class EpochGridPngs implements TrainingListener {
    private final Network net;
    private final Dataset shown;
    private final boolean gan;
    private final Path dir;
    private final int firstEpoch;
    private final PrintStream out;
    private boolean failed;
    private final List<SampleGrid> grids = new ArrayList<>();
    private final List<Integer> epochs = new ArrayList<>();

    /** firstEpoch: how many epochs the project had trained before, so the files number on from there. */
    EpochGridPngs(Network net, Dataset shown, Path dir, int firstEpoch, PrintStream out) throws IOException {
        this.gan = net.plan().stream().anyMatch(n -> n.spec() instanceof RealOrFake);
        if (gan && GeneratedSnapshot.of(net, 1, -1, 0) == null) {
            throw new UserError("--samples draws the generator's images, but this GAN's generator does not make"
                    + " images (height × width × 1 or 3)");
        }
        if (!gan && !ReconstructionSnapshot.applies(shown.featureShape(), net.outputShape())) {
            throw new UserError("--samples draws reconstructions of images, but this network maps "
                    + shown.featureShape() + " to " + net.outputShape() + ": it needs image data (height × width ×"
                    + " 1 or 3) with the target the input itself, and an output of the input's size");
        }
        Files.createDirectories(dir);
        this.net = net;
        this.shown = shown;
        this.dir = dir;
        this.firstEpoch = firstEpoch;
        this.out = out;
    }

    /** The run's grids as DIR/epochs-FIRST-LAST.gif, one frame per epoch, once the run ends (however it ends). */
    @Override
    public void onFinished(TrainingResult result) {
        if (failed || grids.isEmpty()) {
            return;
        }
        Path file = dir.resolve(String.format("epochs-%03d-%03d.gif", epochs.get(0), epochs.get(epochs.size() - 1)));
        try {
            GridAnimation.writeGif(grids, epochs, file, 2, 700);
        } catch (IOException ex) {
            out.println("warning: cannot write " + file + " (" + ex.getMessage() + ")");
        }
    }

    /** A file that cannot be written is said once; training goes on (its weights matter more than the pictures). */
    @Override
    public void onEpoch(EpochEvent e) {
        if (failed) {
            return;
        }
        int epoch = firstEpoch + e.epoch();
        Path file = dir.resolve(String.format("epoch-%03d.png", epoch));
        try {
            GridSnapshot s = gan ? GeneratedSnapshot.of(net, GeneratedSnapshot.COUNT, -1, epoch)
                    : ReconstructionSnapshot.of(net, shown, ReconstructionSnapshot.COUNT, -1, epoch);
            SampleGrid grid = s.grid(8);
            grid.writePng(file, 4);
            grids.add(grid);
            epochs.add(epoch);
        } catch (IOException ex) {
            failed = true;
            out.println("warning: cannot write " + file + " (" + ex.getMessage() + "); training goes on without"
                    + " the pictures");
        }
    }
}
