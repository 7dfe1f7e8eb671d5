package org.layerlab.ui.dashboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.application.Platform;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectSession;
import org.layerlab.training.BatchEvent;
import org.layerlab.training.CoalescingFeed;
import org.layerlab.training.EngineWarmup;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.RunEvent;
import org.layerlab.training.TrainingConfig;
import org.layerlab.training.TrainingResult;
import org.layerlab.training.TrainingSession;
import org.layerlab.training.runs.RunRecorder;
import org.layerlab.ui.common.Later;
import org.layerlab.ui.common.SettingFormat;
import org.layerlab.ui.common.Toasts;
import org.layerlab.ui.model.EditorModel;
import org.layerlab.ui.perf.PauseWatch;

/**
 * Runs training from the window: the run trains a snapshot of the graph on its own thread
 * (editing goes on; edits apply to the next run), events reach the views through a
 * {@link CoalescingFeed} at most 2.5 times a second, and at the end the weights and history
 * become part of the project. A failed run shows its message and selects the offending layer.
 */
public final class TrainingController {
    private final EditorModel model;
    private final DashboardView view;
    private TrainingSession session;
    private ProjectSession prepared;
    private final DataLoads loads = new DataLoads();
    private final DataShown dataShown;
    private final List<EpochEvent> history = new ArrayList<>();
    private final PauseWatch pauses = new PauseWatch(Platform::runLater);
    private final LayerWatch layers;
    private final RunSettings settings;
    private final LiveViews live;
    private final ExplainingTabs explaining;
    private final SavedHistory saved;
    private long lastStep;

    public TrainingController(EditorModel model, DashboardView view) {
        this.model = model;
        this.view = view;
        this.layers = new LayerWatch(model, view);
        this.saved = new SavedHistory(view);
        this.settings = new RunSettings(view, () -> lastStep);
        this.dataShown = new DataShown(model, view, loads, () -> session != null, this::projectDir);
        this.live = new LiveViews(view, () -> {
            wantOpenTab();
            view.refreshCharts(true);
        });
        view.train.setOnAction(e -> start());
        view.pause.setOnAction(e -> {
            if (session != null) {
                session.pause();
                view.setRunning(true, true);
                view.math.setPaused(true);
                view.statusLine.say("Paused: change the rate, or the optimizer in the training settings"
                        + " (select nothing), then Resume; or step one batch at a time in the Math tab.");
            }
        });
        view.resume.setOnAction(e -> {
            if (session != null) {
                session.resume();
                view.setRunning(true, false);
                view.math.setPaused(false);
            }
        });
        view.stop.setOnAction(e -> {
            if (session != null) {
                session.stop();
            }
        });
        view.reset.setOnAction(e -> resetWeights());
        model.onOpen(this::documentOpened);
        this.explaining = new ExplainingTabs(model, view);
        DashboardExport export = new DashboardExport(view, model, this::error);
        view.exportPng.setOnAction(e -> export.png());
        view.exportCsv.setOnAction(e -> export.csv());
        view.reconstructions.savePng.setOnAction(e -> export.grid(view.reconstructions, "reconstructions"));
        view.reconstructions.saveGif.setOnAction(e -> export.gridGif(view.reconstructions, "reconstructions"));
        view.generated.savePng.setOnAction(e -> export.grid(view.generated, "generated"));
        view.generated.saveGif.setOnAction(e -> export.gridGif(view.generated, "generated"));
        view.applyRate.setOnAction(e -> applyRate());
        view.rate.setOnAction(e -> applyRate());
        view.weightScale.valueProperty().addListener((o, a, b) -> wantOpenTab());
        view.onTabChange(this::wantOpenTab);
        model.projectProperty().addListener((o, a, b) -> {
            if (b == null) {
                return;
            }
            if (session != null) {
                changedWhileRunning(a, b);
            } else {
                changedWhileIdle(a, b);
            }
            explaining.projectChanged(b);
            if (a == null || a.dataset() != b.dataset()) {
                dataShown.load(b);
            }
        });
        view.rate.setText(SettingFormat.of(model.project().training().optimizer().schedule().initial()));
        saved.show(model.project());
        dataShown.load(model.project());
    }

    /**
     * An edit during a run applies to the next run; the settings panel says which edits the run
     * takes now (the rate, the optimizer) and which wait.
     */
    private void changedWhileRunning(Project a, Project b) {
        if (a == null) {
            return;
        }
        if (!a.training().equals(b.training())) {
            settings.changed(a.training(), b.training());
        }
        if (a.graph() != b.graph()) {
            settings.graphEdited(a.graph(), b.graph());
        }
    }

    /** Between runs the dashboard shows the project as it is: its history, weights, metric and rate. */
    private void changedWhileIdle(Project a, Project b) {
        if (a == null || a.history() != b.history()) {
            saved.show(b);
        }
        if (a == null || a.weights() != b.weights()) {
            layers.projectChanged();
        }
        saved.useMetricOf(b);
        view.rate.setText(SettingFormat.of(b.training().optimizer().schedule().initial()));
        if (a == null || a.dataset() != b.dataset()) {
            prepared = null;
        }
    }

    public boolean isRunning() {
        return session != null || starting;
    }

    private Path projectDir() {
        return model.projectDir();
    }

    /**
     * Starts (or continues from the current weights) a run with the project's settings, once
     * {@link RunPreparation} has it ready off the JavaFX thread.
     */
    public void start() {
        if (session != null || starting) {
            return;
        }
        if (view.runs.sweeping()) {
            error("A sweep is training (Runs tab): Train waits until it ends or is cancelled.");
            return;
        }
        Project p = model.project();
        if (model.analysis().hasErrors()) {
            error("Fix the network's problems first: " + model.analysis().problems().stream()
                    .filter(x -> x.isError()).findFirst().map(x -> x.message()).orElse(""));
            return;
        }
        starting = true;
        startedIn = document;
        EngineWarmup.stop();
        view.statusLine.say("Loading " + (p.dataset() == null ? "data" : p.dataset().describe()) + "…");
        view.setRunning(true, false);
        Path dir = projectDir();
        RunPreparation.start(p, dir, p.dataset() == null ? null : loads.of(p.dataset(), dir),
                (opened, run) -> launch(p, opened, run), this::notStarted);
    }

    private boolean starting;

    /** Prints each epoch's speed and the longest window pause to standard output (for measuring). */
    public void setReport(boolean on) {
        pauses.setReport(on);
        live.setReport(on);
    }

    /**
     * Starts a run as a person would, once the window has drawn itself, the project's data is
     * shown and the engine is warmed up ({@link EngineWarmup}, a few
     * seconds; a person takes that long to find Train), for {@code --train-for}. Started at once,
     * the run's first second overlapped the window's first frames (300 ms each, cold code), the
     * Data tab's first drawing and the JIT's compiling of the engine, which {@code --report}
     * counted as pauses of training.
     */
    public void startOnceDataShown() {
        Later.run(1, () -> dataShown.whenShown(() -> {
            EngineWarmup.start();
            EngineWarmup.whenDone(() -> Platform.runLater(this::start));
        }));
    }

    /** Sets the Live views switch (the window's {@code --live-views=off}: what an idle window costs a run). */
    public void setLiveViews(boolean on) {
        view.live.setSelected(on);
    }

    /** Turns the live views off and on every so many seconds (for measuring what they cost). */
    public void alternateLiveViews(double seconds) {
        live.alternateEvery(seconds);
    }

    /** A run that could not start: the controls back to idle and the reason in the status line. */
    private void notStarted(String reason) {
        starting = false;
        view.setRunning(false, false);
        error(reason);
    }

    private void launch(Project p, ProjectSession opened, TrainingSession run) {
        starting = false;
        if (startedIn != document) {
            // Another project was opened while this run was being prepared: it is not started.
            view.setRunning(false, false);
            return;
        }
        if (!opened.errors().isEmpty()) {
            notStarted(opened.errors().get(0));
            return;
        }
        prepared = opened;
        TrainingConfig cfg = p.training();
        runConfig = cfg;
        saved.useMetricOf(p);
        session = run;
        recorder = prepared.startRun(session.trainer(), cfg, view.runs.checkpointEvery());
        view.runs.setRunning(true);
        view.math.runStarted(session);
        view.latentTab.runGoing(true);
        // The run's regions are drawn in the plane chosen when it started.
        view.boundaryPlane.setDisable(true);
        view.boundary.setData(prepared.data().train());
        long runDocument = document;
        CoalescingFeed feed = new CoalescingFeed(Platform::runLater, d -> deliver(d, runDocument),
                DashboardPace.DELIVERY_NANOS, DashboardPace.QUIET_NANOS);
        session.snapshotEvery(DashboardPace.DELIVERY_NANOS);
        session.addListener(feed).onWeights(feed::offer).onBoundary(feed::offer, view.boundary.bounds(), view.boundary.plane())
                .onHealth(feed::offer).onConfusion(feed::offer);
        ExampleViews.showTabs(view, p);
        session.atEachEpoch(feed::offer, ExampleViews.of(p, prepared.data()));
        view.tabs().forEach(DashboardTab::runStarted);
        layers.runStarted(session);
        settings.runStarted(session);
        live.runStarted(session, feed);
        wantOpenTab();
        // Live curves are per step; a saved history (per epoch) is cleared rather than mixed in.
        view.clearCharts();
        view.loss.setXLabel("step");
        view.accuracy.setXLabel("step");
        history.clear();
        view.statusLine.say("Starting…");
        view.progress.setProgress(0);
        view.progressCaption.setText("");
        view.setRunning(true, false);
        pauses.start();
        session.start();
    }

    /** Asks the run for the copies the open tab draws; the others cost the training thread for nothing. */
    private void wantOpenTab() {
        if (session == null) {
            return;
        }
        if (!live.on()) {
            session.want(TrainingSession.Wanted.NONE);
            return;
        }
        RunWants w = view.openTab().wants();
        session.want(new TrainingSession.Wanted(w.weights(), w.health(), w.boundary(), view.sharedScale()));
    }

    private void applyRate() {
        if (!settings.applyRate(view.rate.getText())) {
            error("The learning rate must be a positive number, such as 0.001.");
        }
    }

    private void resetWeights() {
        Project p = model.project();
        model.replaceAfterTraining(p.withOutsideWeights(null, List.of()));
        view.clearCharts();
        view.boundary.show(null);
        lastStep = 0;
        view.statusLine.say("Weights reset: the next run starts fresh from the seed.");
    }

    /** On the JavaFX thread, at most 2.5 times a second. */
    private void deliver(CoalescingFeed.Delivery d, long runDocument) {
        if (runDocument != document) {
            // A run of a project that was closed: what it still sends belongs to nothing on screen.
            return;
        }
        pauses.timeUpdate(() -> deliverNow(d));
    }

    private BatchEvent latestBatch;
    /** The settings of the run going on (the inspector may change the project's meanwhile). */
    private TrainingConfig runConfig;
    /** The record of the run going on: its start, settings and checkpoints. */
    private RunRecorder recorder;

    private void deliverNow(CoalescingFeed.Delivery d) {
        TrainingResult ended = null;
        for (RunEvent o : d.events()) {
            if (o instanceof BatchEvent b) {
                lastStep = b.step();
                view.curves.batch(b);
                latestBatch = b;
            } else if (o instanceof EpochEvent e) {
                history.add(e);
                pauses.epochEnded(e);
                view.curves.epoch(e);
            } else if (o instanceof TrainingResult r) {
                // The run's end speaks for itself; a batch line after it would hide "Done".
                latestBatch = null;
                ended = r;
            }
        }
        if (latestBatch != null) {
            // A fast network delivers hundreds of batches at once: only the newest is worth showing.
            BatchEvent b = latestBatch;
            latestBatch = null;
            RunProgress p = RunProgress.of(b, runConfig.epochs(), runConfig.batchSize());
            view.progress.setProgress(p.fraction());
            view.progressCaption.setText(p.caption());
            if (!settings.holdsStatus()) {
                view.statusLine.say(live.on() ? p.line() : p.line() + " · views paused");
            }
        }
        view.loss.changed();
        view.accuracy.changed();
        boolean draw = live.drawing();
        for (DashboardTab t : view.tabs()) {
            t.deliver(d, draw);
        }
        if (ended != null) {
            finish(ended);
        }
        if (live.drawing()) {
            view.refreshCharts(session == null);
        }
    }

    /**
     * Another document was opened (New, Open, Close): a run of the last one is stopped and its
     * results go nowhere, and the dashboard starts clean (no status, progress or views of the last one).
     */
    private void documentOpened() {
        document++;
        explaining.documentOpened();
        if (session != null) {
            TrainingSession old = session;
            session = null;
            old.stop();
            view.latentTab.runGoing(false);
            live.runEnded();
            layers.runEnded(lastStep);
            settings.runEnded();
            pauses.stop();
            view.setRunning(false, false);
        }
        view.tabs().forEach(DashboardTab::runStarted);
        view.boundary.show(null);
        view.statusLine.say("Ready to train.");
        view.progress.setProgress(0);
        view.progressCaption.setText("");
        lastStep = 0;
    }

    /** Counts opened documents; a run belongs to the one it started in. */
    private long document;
    private long startedIn;

    private void finish(TrainingResult r) {
        Project p = model.project();
        if (!history.isEmpty() || r.outcome() != TrainingResult.Outcome.FAILED) {
            // Through the session, so CSV data keeps the normalization predictions must apply.
            model.replaceAfterTraining(prepared.withResults(p, history, recorder, r.outcome()));
        }
        session = null;
        view.runs.setRunning(false);
        view.math.runEnded();
        view.latentTab.runGoing(false);
        view.boundaryPlane.setDisable(false);
        // Held snapshots first: the layer watch then shows the run's final weights over them.
        live.runEnded();
        layers.runEnded(lastStep);
        settings.runEnded();
        pauses.stop();
        view.setRunning(false, false);
        dataShown.runEnded(model.project());
        view.progress.setProgress(r.outcome() == TrainingResult.Outcome.COMPLETED ? 1 : view.progress.getProgress());
        RunEnding end = RunEnding.of(r, runConfig.epochs(), view.curves.metric());
        view.progressCaption.setText(end.caption());
        switch (r.outcome()) {
            case COMPLETED -> {
                view.statusLine.say(end.status(), end.details());
                Toasts.info(view, "Training finished", end.brief());
            }
            case STOPPED -> view.statusLine.say(end.status(), end.details());
            case EARLY_STOPPED -> {
                view.statusLine.say(end.status(), end.details());
                Toasts.info(view, "Training stopped early", end.brief());
            }
            case FAILED -> {
                error(end.status());
                Toasts.warning(view, "Training stopped", r.message());
                if (r.offendingLayer() != null && model.graph().contains(r.offendingLayer())) {
                    model.select(List.of(r.offendingLayer()));
                }
            }
        }
    }

    private void error(String message) {
        view.statusLine.error(message);
    }
}
