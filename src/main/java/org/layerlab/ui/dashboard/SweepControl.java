package org.layerlab.ui.dashboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.layerlab.project.Project;
import org.layerlab.project.sweeps.Sweep;
import org.layerlab.training.runs.Run;

/**
 * The Runs tab's sweeps: Sweep… opens the editor, the trials train in the background
 * ({@link SweepJob}), each finished trial's run joins the document, the progress shows under the
 * chart, and Cancel sweep stops it. A sweep belongs to the document it started in: opening
 * another cancels it, and its later trials are dropped rather than added to the wrong project.
 */
final class SweepControl {
    private final RunsTab tab;
    private Supplier<Project> current = () -> null;
    private Consumer<Project> replace = p -> { };
    private Supplier<Path> dir = () -> null;
    private SweepJob job;

    SweepControl(RunsTab tab) {
        this.tab = tab;
        tab.view.sweep.setOnAction(e -> open());
        tab.view.cancelSweep.setOnAction(e -> {
            if (job != null) {
                job.cancel();
                tab.say("Cancelling: the trial in progress stops after its batch; the finished ones stay.");
            }
        });
    }

    /**
     * What a sweep needs of the window: the document now, a way to hand it a finished trial's run
     * (not an edit to undo: a run is a record, as a Train's is) and its folder.
     */
    void connect(Supplier<Project> document, Consumer<Project> afterTrial, Supplier<Path> folder) {
        current = document;
        replace = afterTrial;
        dir = folder;
    }

    boolean sweeping() {
        return job != null && !job.isDone();
    }

    /** The sweep going on, if any (tests wait for it). */
    SweepJob job() {
        return job;
    }

    /** Another document was opened: the sweep stops and what it still reports is dropped. */
    void documentOpened() {
        if (job != null) {
            job.cancel();
            job = null;
            ended();
        }
    }

    private void open() {
        Project project = tab.project();
        if (tab.running() || sweeping() || project == null) {
            return;
        }
        List<String> metrics = new ArrayList<>(List.of("loss"));
        project.training().metrics().forEach(m -> metrics.add(m.key()));
        new ArrayList<>(metrics).forEach(m -> metrics.add("val_" + m));
        String metric = tab.view.metric.getValue() != null ? tab.view.metric.getValue() : tab.model.defaultMetric();
        SweepDialog dialog = new SweepDialog(tab.view.getScene() == null ? null : tab.view.getScene().getWindow(), project,
                metrics, metrics.contains(metric) ? metric : "loss");
        dialog.showAndWait().ifPresent(this::start);
    }

    /** Starts a sweep of the document as it is now (tests call this directly, without the dialog). */
    void start(Sweep sweep) {
        SweepJob[] mine = new SweepJob[1];
        mine[0] = new SweepJob(current.get(), dir.get(), sweep, new SweepJob.Host() {
            @Override
            public void trialEnded(Run run) {
                if (job == mine[0]) {
                    Project p = current.get();
                    replace.accept(p.withRuns(p.runs().appended(run)));
                }
            }

            @Override
            public void progress(String text, double fraction) {
                if (job == mine[0]) {
                    tab.say(text);
                }
            }

            @Override
            public void finished(String text) {
                if (job == mine[0]) {
                    tab.say(text);
                    ended();
                }
            }
        });
        job = mine[0];
        tab.say("Sweep: loading the data…");
        tab.view.cancelSweep.setVisible(true);
        tab.view.sweep.setDisable(true);
        job.start();
        tab.drawChosen();
    }

    private void ended() {
        tab.view.cancelSweep.setVisible(false);
        tab.view.sweep.setDisable(false);
        tab.drawChosen();
    }
}
