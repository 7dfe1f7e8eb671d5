package org.layerlab.ui.dashboard;

import java.util.List;

import org.layerlab.training.BatchEvent;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.TrainingConfig;

/**
 * The view-model of the Loss and metric tabs: the series they plot, fed from a run's events
 * (per step) or a saved history (per epoch), and which metric the second chart follows: the
 * first the settings report (accuracy, or MAE / MSE for regression). No JavaFX: tested without a
 * window.
 */
final class Curves {
    final Series batchLoss = new Series("train loss (per batch)", "#4a7bd1");
    final Series epochLoss = new Series("train loss (epoch)", "#1f3f7a", "#a9c4f5");
    final Series valLoss = new Series("validation loss", "#d9822b");
    final Series batchMetric = new Series("train (per batch)", "#4a7bd1");
    final Series valMetric = new Series("validation", "#d9822b");
    /** A GAN's: the generator's loss beside the discriminator's, and D's accuracy on generated images beside real. */
    final Series generatorLoss = new Series("generator", "#b8322a", "#f08a80");
    final Series fakeMetric = new Series("on generated images", "#b8322a", "#f08a80");
    private String metric = "accuracy";
    private boolean gan;
    private long lastStep;

    /** The metric key the second chart plots ("accuracy", "mae", ...). */
    String metric() {
        return metric;
    }

    /**
     * Follows the loss term a layer adds (a VAE's "kl_loss"; null for most networks): beside the
     * total loss it is what tells how a VAE trains. Else the first metric the settings report,
     * else accuracy. Returns it.
     */
    String useMetricOf(TrainingConfig t, String addedLoss) {
        return useMetricOf(t, addedLoss, false);
    }

    /**
     * As {@link #useMetricOf(TrainingConfig, String)}; for a GAN (gan) the loss chart shows the
     * discriminator's loss ("loss") and the generator's, the second chart D's accuracy on real
     * and on generated images.
     */
    String useMetricOf(TrainingConfig t, String addedLoss, boolean gan) {
        this.gan = gan;
        // Short: the legend shares one line with the title in a 720-pixel-wide dashboard.
        batchLoss.name = gan ? "discriminator (batch)" : "train loss (per batch)";
        epochLoss.name = gan ? "discriminator (epoch)" : "train loss (epoch)";
        batchMetric.name = gan ? "on real images" : "train (per batch)";
        metric = gan ? "d_real_acc" : addedLoss != null ? addedLoss
                : !t.metrics().isEmpty() ? t.metrics().get(0).key() : "accuracy";
        return metric;
    }

    void clear() {
        for (Series s : List.of(batchLoss, epochLoss, valLoss, batchMetric, valMetric, generatorLoss, fakeMetric)) {
            s.clear();
        }
        lastStep = 0;
    }

    /** A saved history, one point per epoch (live runs plot per step). */
    void showHistory(List<EpochEvent> history) {
        clear();
        // x counts epochs across runs; a long history is thinned (epochs 1, 3, 5...), so a step within a
        // run advances by the gap in epoch numbers, and a later run (numbered from 1 again) by its first.
        long i = 0;
        int previous = 0;
        for (EpochEvent e : history) {
            i += e.epoch() > previous ? e.epoch() - previous : e.epoch();
            previous = e.epoch();
            epochLoss.add(i, e.get("loss"));
            addIfPresent(valLoss, i, e, "val_loss");
            addIfPresent(batchMetric, i, e, metric);
            addIfPresent(valMetric, i, e, "val_" + metric);
            if (gan) {
                addIfPresent(generatorLoss, i, e, "g_loss");
                addIfPresent(fakeMetric, i, e, "d_fake_acc");
            }
        }
    }

    void batch(BatchEvent b) {
        lastStep = b.step();
        batchLoss.add(b.step(), b.loss());
        Double m = b.metrics().get(metric);
        if (m != null) {
            batchMetric.add(b.step(), m);
        }
        if (gan) {
            // Not yet a number before the generator's first step (discriminator_steps > 1).
            Double g = b.metrics().get("g_loss");
            if (g != null && !g.isNaN()) {
                generatorLoss.add(b.step(), g);
            }
            Double f = b.metrics().get("d_fake_acc");
            if (f != null) {
                fakeMetric.add(b.step(), f);
            }
        }
    }

    /** An epoch's end, plotted at the step of the batch that ended it. */
    void epoch(EpochEvent e) {
        epochLoss.add(lastStep, e.get("loss"));
        addIfPresent(valLoss, lastStep, e, "val_loss");
        addIfPresent(valMetric, lastStep, e, "val_" + metric);
    }

    private static void addIfPresent(Series s, double x, EpochEvent e, String key) {
        Double v = e.metrics().get(key);
        if (v != null) {
            s.add(x, v);
        }
    }
}
