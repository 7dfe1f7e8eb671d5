package org.layerlab.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.layerlab.data.Dataset;
import org.layerlab.nn.Loss;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.optimizers.OptimizerState;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.Problem;
import org.layerlab.nn.network.Network;
import org.layerlab.training.ConfusionMatrix;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.Evaluator;
import org.layerlab.training.HealthCheck;
import org.layerlab.training.HealthSnapshot;
import org.layerlab.training.MemoryBudget;
import org.layerlab.training.Trainer;
import org.layerlab.training.TrainingConfig;
import org.layerlab.training.TrainingListener;
import org.layerlab.training.TrainingResult;
import org.layerlab.training.runs.Checkpoint;
import org.layerlab.training.runs.DataFingerprint;
import org.layerlab.training.runs.Run;
import org.layerlab.training.runs.RunLog;
import org.layerlab.training.runs.RunRecorder;

/**
 * A project made ready to run: its data loaded, its graph checked against loss and data, and
 * compiled into a network that starts from the project's saved weights (or fresh ones from the
 * seed). What the command line and the window both use to train, evaluate and predict.
 */
public final class ProjectSession {
    private final Project project;
    private final Path dir;
    private final LoadedData data;
    private final GraphAnalysis analysis;
    private Network network;

    private ProjectSession(Project project, Path dir, LoadedData data, GraphAnalysis analysis) {
        this.project = project;
        this.dir = dir;
        this.data = data;
        this.analysis = analysis;
    }

    /** Loads the data and analyses the graph; throws with the problems when the network cannot train. */
    public static ProjectSession open(Project project, Path projectDir) throws IOException, ProjectException {
        if (project.dataset() == null) {
            throw new ProjectException("the project has no dataset: choose one before training");
        }
        return open(project, projectDir, DataLoader.load(project.dataset(), projectDir));
    }

    /** Like {@link #open(Project, Path)} with the project's data already loaded (the window shares one load). */
    public static ProjectSession open(Project project, Path projectDir, LoadedData data) {
        GraphAnalysis analysis = GraphAnalysis.of(project.graph(), project.training().loss(), data.summary());
        return new ProjectSession(project, projectDir, data, analysis);
    }

    public GraphAnalysis analysis() {
        return analysis;
    }

    public LoadedData data() {
        return data;
    }

    /**
     * Why a run of this project would not fit in memory (the graph's estimate at the configured
     * batch size against what Java may still take), or null when it fits.
     */
    public String memoryProblem() {
        int batch = project.training().batchSize();
        return analysis.hasErrors() ? null
                : MemoryBudget.checkHere(analysis.trainingMemoryBytes(batch), batch);
    }

    /** The batch evaluate and predict run the network in. */
    public static final int EVALUATION_BATCH = 256;

    /** Why running the trained network (evaluate, predict) at this batch would not fit in memory, or null. */
    public String inferenceMemoryProblem(int batch) {
        return analysis.hasErrors() ? null : MemoryBudget.checkInferenceHere(analysis.inferenceMemoryBytes(batch), batch);
    }

    /** The problems that block training, each as a line. */
    public List<String> errors() {
        return analysis.problems().stream().filter(Problem::isError).map(Problem::message).toList();
    }

    /**
     * The compiled network, built once; it starts from a copy of the project's weights where they
     * fit. A copy, so a run never writes into the weights the open document holds (and saves):
     * the document receives the trained ones from {@link #withResults} when the run ends.
     */
    public Network network() {
        if (network == null) {
            if (analysis.hasErrors()) {
                throw new IllegalStateException("the network cannot be built: " + String.join("; ", errors()));
            }
            ParameterStore store = project.weights() != null ? project.weights().copy()
                    : new ParameterStore(project.training().seed());
            network = Network.compile(analysis.plan(), store);
        }
        return network;
    }

    /**
     * The data a run validates on after each epoch, when it is not a split of the training data
     * (validation split 0): the test part, or null when there is none. The window and `train`
     * both validate so, and so keep the same history.
     */
    public Dataset validationData() {
        return project.training().validationSplit() > 0 ? null : data.test();
    }

    /** Trains with the project's settings (epochs overridable) and returns the updated project. */
    public Outcome train(int epochs, List<TrainingListener> listeners) throws IOException {
        return train(epochs, 0, listeners);
    }

    /** Like {@link #train(int, List)}, keeping the weights every checkpointEvery epochs (0: only the end's) in the run's record. */
    public Outcome train(int epochs, int checkpointEvery, List<TrainingListener> listeners) throws IOException {
        TrainingConfig cfg = epochs > 0 ? project.training().withEpochs(epochs) : project.training();
        Trainer trainer = new Trainer(network(), cfg);
        RunRecorder recorder = startRun(trainer, cfg, checkpointEvery);
        listeners.forEach(trainer::addListener);
        activeTrainer = trainer;
        // No validation set of its own: fit holds out the split, if any.
        Dataset validation = validationData();
        TrainingResult result = validation == null ? trainer.fit(data.train()) : trainer.fit(data.train(), validation);
        activeTrainer = null;
        return new Outcome(result, withResults(project, result.history(), recorder, result.outcome()));
    }

    /**
     * Readies trainer to go on from the document (its epochs so far, and the optimizer's state
     * where the head run's checkpoint kept it) and starts the record of its run, which it adds as
     * a listener. Call before the run starts.
     */
    public RunRecorder startRun(Trainer trainer, TrainingConfig cfg, int checkpointEvery) {
        trainer.resume(project.history().size(), resumeState(cfg));
        RunRecorder recorder = new RunRecorder(network(), cfg, checkpointEvery, trainer::optimizer);
        trainer.addListener(recorder);
        return recorder;
    }

    /**
     * The optimizer's state that goes with the document's weights: the head run's checkpoint at
     * the epoch the document is at (the run's end, or a checkpoint restored), when it kept one and
     * the optimizer is still of its kind; else null (a fresh optimizer, as before runs were kept).
     */
    private OptimizerState resumeState(TrainingConfig cfg) {
        Checkpoint c = project.headCheckpoint();
        try {
            return c == null ? null : c.loadOptimizer();
        } catch (IOException e) {
            return null; // its file is gone: the weights still go on, with fresh moments
        }
    }

    private DataFingerprint fingerprint;

    /** Which data this session's runs see (hashed once: a pass over the data). */
    public DataFingerprint fingerprint() {
        if (fingerprint == null) {
            fingerprint = DataFingerprint.of(project.dataset() == null ? "" : project.dataset().describe(), data.train(),
                    data.test());
        }
        return fingerprint;
    }

    /**
     * The record of a run that ended: the network and weights it started from (this session's
     * project: its head run is the parent), its settings, data, history and checkpoints.
     */
    private Run record(List<EpochEvent> epochs, RunRecorder recorder, TrainingResult.Outcome outcome,
                       ParameterStore end, RunLog log) {
        Checkpoint last = end == null ? null : Checkpoint.of(epochs.size(), end, recorder.endState());
        String parent = project.weights() == null ? null : project.runs().head();
        String id = log.nextId();
        return new Run(id, UUID.randomUUID().toString(), "Run " + id.substring(1), "", recorder.started(), parent,
                project.history().size(), outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '), project.graph(),
                RunRecords.graphHash(project.graph()), RunRecords.summary(project.graph(), network().paramCount()),
                recorder.config(), fingerprint(), RunRecords.settings(project.graph(), recorder.config()), epochs,
                recorder.checkpointsEndingWith(last));
    }

    /**
     * The project with this session's trained weights and the given epochs, and for CSV and time
     * series data the normalization fitted on its training rows, which predictions must apply; the window's runs
     * and the command line's both save through here.
     */
    public Project withResults(Project base, List<EpochEvent> epochs, RunRecorder recorder,
                               TrainingResult.Outcome outcome) {
        // A run that diverged may leave weights that are no numbers: the project keeps the ones it had.
        ParameterStore trained = network.parameterStore();
        boolean finite = allFinite(trained);
        Run run = record(epochs, recorder, outcome, finite ? trained : null, base.runs());
        Project updated = base.withResults(finite ? trained : base.weights(), epochs)
                .withRuns(finite ? base.runs().with(run) : base.runs().with(run).withHead(base.runs().head()));
        if (updated.dataset() == null) {
            return updated;
        }
        DatasetSource fitted = fitted(updated.dataset().underlying(), data.source().underlying());
        if (fitted == updated.dataset().underlying()) {
            return updated; // nothing fitted: the same source, so the window does not reload the data
        }
        return updated.withDataset(updated.dataset() instanceof DatasetSource.Reconstruct
                ? new DatasetSource.Reconstruct(fitted) : fitted);
    }

    /** The saved source with what loading fitted to its training part (statistics, vocabulary). */
    private static DatasetSource fitted(DatasetSource saved, DatasetSource loaded) {
        if (saved instanceof DatasetSource.Csv c && loaded instanceof DatasetSource.Csv fitted) {
            return c.withStatistics(fitted.offset(), fitted.scale());
        } else if (saved instanceof DatasetSource.Windows w && loaded instanceof DatasetSource.Windows fitted) {
            return w.withStatistics(fitted.offset(), fitted.scale());
        } else if (saved instanceof DatasetSource.Text t && loaded instanceof DatasetSource.Text fitted) {
            return t.withVocabulary(fitted.vocabulary());
        } else if (saved instanceof DatasetSource.Corpus c && loaded instanceof DatasetSource.Corpus fitted) {
            return c.withVocabulary(fitted.vocabulary());
        }
        return saved;
    }

    private static boolean allFinite(ParameterStore store) {
        for (Parameter p : store.all()) {
            if (!p.value().allFinite()) {
                return false;
            }
        }
        return true;
    }

    private volatile Trainer activeTrainer;

    /** Stops a running {@link #train} after its current batch (from any thread, e.g. on Ctrl-C). */
    public void requestStop() {
        Trainer t = activeTrainer;
        if (t != null) {
            t.requestStop();
        }
    }

    /**
     * The trained network's confusion matrix on the data a run validates on (the test part, or the
     * training data when there is none), as the Confusion tab shows after a run; null for regression.
     */
    public ConfusionMatrix confusion() {
        Dataset set = data.test() != null ? data.test() : data.train();
        if (!set.isClassification()) {
            return null;
        }
        ConfusionMatrix.Counter counter = new ConfusionMatrix.Counter(set.classNames());
        Evaluator.evaluate(network(), project.training().loss(), project.training().metrics(), set, EVALUATION_BATCH, "",
                counter);
        return counter.finish(-1);
    }

    /** The trained weights' health on one batch of the training data, as the Health tab shows after reopening. */
    public HealthSnapshot health() {
        return HealthCheck.of(network(), project.training().loss(), data.train(), project.training(), project.history());
    }

    /** Loss and metrics on the test part, or on the training data when there is no test part. */
    public Map<String, Double> evaluate() {
        var set = data.test() != null ? data.test() : data.train();
        return Evaluator.evaluate(network(), project.training().loss(), project.training().metrics(), set, EVALUATION_BATCH, "");
    }

    /** What a training run returned: how it ended, and the project with its new weights and history. */
    public record Outcome(TrainingResult result, Project project) {
    }
}
