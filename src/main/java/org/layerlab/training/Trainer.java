package org.layerlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.layerlab.data.Dataset;
import org.layerlab.data.Split;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.optimizers.Optimizer;
import org.layerlab.nn.optimizers.OptimizerState;

/**
 * The training loop: seeded shuffling, mini-batches (the last one may be smaller), a forward and
 * backward pass and an optimizer step per batch, events to listeners, validation per epoch and
 * early stopping. Runs on the calling thread; {@link #requestStop} from any thread ends it after
 * the current batch, and a {@link PauseGate} can hold it between batches.
 * Same seed, data and config give bit-identical weights.
 */
public final class Trainer {
    private final Network net;
    private final TrainingConfig config;
    private Optimizer optimizer;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private final PauseGate pause = new PauseGate();
    private volatile boolean stopRequested;
    private Evaluator.Observer validationObserver;
    private long steps;

    public Trainer(Network net, TrainingConfig config) {
        this.net = net;
        this.config = config;
        this.optimizer = config.optimizer().create();
    }

    public Trainer addListener(TrainingListener l) {
        listeners.add(l);
        return this;
    }

    /** Shows every batch of the per-epoch validation pass to o (e.g. to count a confusion matrix). */
    public Trainer observeValidation(Evaluator.Observer o) {
        validationObserver = o;
        return this;
    }

    /** Asks the loop to end after the current batch; safe from any thread. */
    public void requestStop() {
        stopRequested = true;
        pause.resume();
    }

    public PauseGate pauseGate() {
        return pause;
    }

    /** The live optimizer, e.g. to change its rate while paused; its changes apply from the next batch. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * Goes on with another optimizer from the next batch (see {@link Optimizer#continueFrom}
     * for what carries over). Call it on the training thread, between batches: from a
     * listener's beforeBatch.
     */
    public void replaceOptimizer(Optimizer next) {
        next.continueFrom(optimizer);
        optimizer = next;
    }

    private int epochsBefore;

    /**
     * Goes on from a checkpoint: epochs are shuffled as the epochs after epochsBefore of one long
     * run would be, and the optimizer continues from its saved state (null: a fresh optimizer).
     * So a run forked from epoch 5 of its parent trains as the parent did from there, when the
     * settings are the same. Call before {@link #fit}.
     */
    public Trainer resume(int epochsBefore, OptimizerState state) {
        this.epochsBefore = epochsBefore;
        if (state != null) {
            optimizer.continueFrom(state, net.parameters());
        }
        return this;
    }

    /** Trains on data, holding out config.validationSplit of it for validation when that is above 0. */
    public TrainingResult fit(Dataset data) {
        if (config.validationSplit() > 0) {
            Split split = Split.of(data, config.validationSplit(), config.seed());
            return fit(data.subset(split.train()), data.subset(split.holdOut()));
        }
        return fit(data, null);
    }

    /** Trains on train, reporting val_ metrics on validation (may be null) after each epoch. */
    public TrainingResult fit(Dataset train, Dataset validation) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training data has no samples");
        }
        int batch = Math.min(config.batchSize(), train.size());
        GanStep gan = GanStep.of(net, config, batch);
        if (gan != null) {
            validation = null; // a GAN's discriminator has no labels to be validated against
        }
        TargetEncoder encoder = gan != null ? null : new TargetEncoder(train, net, config.loss());
        LossComputation loss = gan != null ? null : new LossComputation(net, config.loss());
        MetricAccumulator acc = gan != null ? null
                : new MetricAccumulator(config.loss(), config.metrics(), loss.termNames());
        List<Parameter> params = net.parameters();
        Tensor x = Tensor.ofBatch(batch, train.featureShape());
        Tensor raw = gan != null ? Tensor.zeros(batch, train.targetWidth()) : encoder.allocateRaw(train, batch);
        Tensor y = gan == null && encoder.needsEncoding() ? encoder.allocate(batch) : raw;
        int[] order = new int[train.size()];
        int batches = (train.size() + batch - 1) / batch;
        String[] keys = acc == null ? null : acc.keys("");
        EpochHistory history = new EpochHistory(config.epochs(), keys == null ? 4 : keys.length);
        double[] values = acc == null ? null : new double[keys.length];
        EarlyStopping early = config.earlyStopping();
        double best = Double.NaN;
        int sinceBest = 0;
        Map<String, float[]> bestWeights = null;
        ReduceLrOnPlateau.Watch plateau = config.reduceLrOnPlateau() == null ? null : config.reduceLrOnPlateau().watch();

        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            if (config.shuffle()) {
                Split.shuffle(order, new SplittableRandom(config.seed() * 31 + epochsBefore + epoch));
            }
            if (gan != null) {
                gan.reset();
            } else {
                acc.reset();
            }
            long start = System.nanoTime();
            int seen = 0;
            for (int b = 0; b < batches; b++) {
                pause.awaitIfPaused();
                if (stopRequested) {
                    return finish(TrainingResult.Outcome.STOPPED, history, null, null);
                }
                // Indexed: an iterator would be an allocation per step.
                for (int l = 0; l < listeners.size(); l++) {
                    listeners.get(l).beforeBatch();
                }
                int from = b * batch;
                int to = Math.min(order.length, from + batch);
                train.gather(order, from, to, x, raw);
                if (gan != null) {
                    // The GAN's step checks and takes both optimizer steps itself.
                    double value = gan.train(x, optimizer);
                    if (!Double.isFinite(value)) {
                        return nonFinite(epoch, b, gan.failure(), gan.failedLayer(), params, history);
                    }
                    steps++;
                    seen += to - from;
                    publish(epoch, b, batches, value, gan, acc, seen, start);
                    continue;
                }
                if (encoder.needsEncoding()) {
                    encoder.encode(raw, y);
                }
                Tensor out = net.forward(x, true);
                net.zeroGradients();
                double value = loss.compute(y, true);
                String bad = Double.isFinite(value) && gradientsFinite(params)
                        ? null : net.firstNonFinite();
                if (!Double.isFinite(value) || bad != null) {
                    return nonFinite(epoch, b, bad == null ? "the loss" : bad,
                            bad == null ? null : bad.substring(0, bad.indexOf(' ')), params, history);
                }
                acc.add(value, loss.lastTerms(), out, y);
                optimizer.step(params);
                steps++;
                seen += to - from;
                publish(epoch, b, batches, value, gan, acc, seen, start);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = optimizer.currentLearningRate();
            double perSecond = train.size() / Math.max(seconds, 1e-9);
            if (gan != null || validation != null && validation.size() > 0) {
                Map<String, Double> metrics = gan != null ? gan.result() : acc.result("");
                if (gan == null) {
                    metrics.putAll(Evaluator.evaluate(net, config.loss(), config.metrics(), validation,
                            config.batchSize(), "val_", validationObserver));
                }
                history.append(epoch, metrics, perSecond, rate, seconds);
            } else {
                // The common case without a map: an epoch of XOR is one step, and its bookkeeping was a fifth of it.
                acc.results(values);
                history.append(epoch, keys, values, perSecond, rate, seconds);
            }
            if (!listeners.isEmpty()) {
                EpochEvent event = history.get(history.size() - 1);
                listeners.forEach(l -> l.onEpoch(event));
            }
            if (plateau != null) {
                double next = plateau.epochEnded(monitored(history, config.reduceLrOnPlateau().monitor(), "reducing the rate"),
                        rate);
                if (next != rate) {
                    optimizer.setLearningRate(next);
                }
            }
            if (early != null) {
                double v = monitored(history, early.monitor(), "early stopping");
                if (early.improves(v, best)) {
                    best = v;
                    sinceBest = 0;
                    if (early.restoreBestWeights()) {
                        bestWeights = net.parameterStore().snapshotValues();
                    }
                } else if (++sinceBest >= early.patience()) {
                    // As Keras 3: the count of epochs without improvement reaching patience stops the run
                    // (patience 1: one epoch without improvement is enough).
                    if (bestWeights != null) {
                        net.parameterStore().restoreValues(bestWeights);
                    }
                    return finish(TrainingResult.Outcome.EARLY_STOPPED, history, "stopped early at epoch " + epoch
                            + ": " + early.monitor() + " did not improve for " + sinceBest + " epochs", null);
                }
            }
        }
        if (bestWeights != null) {
            // Keras 3 restores the best epoch's weights when training ends, stopped early or not.
            net.parameterStore().restoreValues(bestWeights);
        }
        return finish(TrainingResult.Outcome.COMPLETED, history, null, null);
    }

    /** The batch's event to the listeners; the metrics are made only when someone listens (a step allocates nothing). */
    private void publish(int epoch, int b, int batches, double value, GanStep gan, MetricAccumulator acc, int seen,
                         long start) {
        if (!listeners.isEmpty()) {
            double seconds = (System.nanoTime() - start) / 1e9;
            BatchEvent event = new BatchEvent(steps, epoch, b + 1, batches, value, gan != null ? gan.result() : acc.result(""),
                    seconds > 0 ? seen / seconds : 0, optimizer.currentLearningRate());
            listeners.forEach(l -> l.onBatch(event));
        }
    }

    /** Ends the run at a batch whose loss or gradients were not finite: where (in words), at which layer (or null). */
    private TrainingResult nonFinite(int epoch, int b, String where, String layer, List<Parameter> params,
                                    EpochHistory history) {
        // The last update may itself have made weights infinite (a huge penalty, say): then no
        // weights of this run are worth keeping, and the project keeps the ones it had.
        String kept = weightsFinite(params) ? "The weights from before this step are kept."
                : "The weights had already become infinite: the project keeps the weights it had before the run.";
        return finish(TrainingResult.Outcome.FAILED, history,
                "Training stopped at epoch " + epoch + ", batch " + (b + 1) + ": " + where
                        + " became NaN or infinite. " + kept + " "
                        + "Try a lower learning rate, gradient clipping, or normalized inputs.",
                layer);
    }

    /** The value a callback watches, or an error that lists what the run does report. */
    private static double monitored(EpochHistory history, String monitor, String who) {
        double v = history.value(history.size() - 1, monitor);
        if (Double.isNaN(v)) {
            throw new TrainingSettingsException(who + " watches '" + monitor + "', which this run does not report; it reports "
                    + String.join(", ", history.get(history.size() - 1).metrics().keySet()));
        }
        return v;
    }

    private static boolean weightsFinite(List<Parameter> params) {
        for (int i = 0; i < params.size(); i++) {
            if (!params.get(i).value().allFinite()) {
                return false;
            }
        }
        return true;
    }

    private static boolean gradientsFinite(List<Parameter> params) {
        for (int i = 0; i < params.size(); i++) {
            if (!params.get(i).grad().allFinite()) {
                return false;
            }
        }
        return true;
    }

    private TrainingResult finish(TrainingResult.Outcome outcome, EpochHistory history, String message,
                                  String layer) {
        TrainingResult r = new TrainingResult(outcome, history.freeze(), steps, message, layer);
        listeners.forEach(l -> l.onFinished(r));
        return r;
    }
}
