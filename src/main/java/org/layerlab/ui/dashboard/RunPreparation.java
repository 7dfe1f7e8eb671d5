package org.layerlab.ui.dashboard;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javafx.application.Platform;
import org.layerlab.project.LoadedData;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectSession;
import org.layerlab.training.TrainingSession;
import org.layerlab.ui.common.Background;

/**
 * Gets a run ready on a thread of its own: waits for the project's data (a large dataset takes
 * seconds, which the window must not freeze for), builds the network, checks the memory it
 * needs, and makes the {@link TrainingSession}; the first run loads the training classes there,
 * which took the JavaFX thread 57 ms (CNN sample). The outcome comes back on the JavaFX thread.
 */
final class RunPreparation {
    private RunPreparation() {
    }

    /**
     * load: the data being read, or null for a project without data. ready gets the opened
     * project and its run (null when the project has errors, which the opened project lists);
     * failed gets what stops the run from starting, in words for the status line.
     */
    static void start(Project p, Path dir, CompletableFuture<LoadedData> load,
                      BiConsumer<ProjectSession, TrainingSession> ready, Consumer<String> failed) {
        Background.run("layerlab-prepare", () -> {
            try {
                ProjectSession opened = load == null ? ProjectSession.open(p, dir)
                        : ProjectSession.open(p, dir, DataLoads.await(load).forNewRun());
                String memory = opened.memoryProblem();
                if (memory != null) {
                    Platform.runLater(() -> failed.accept(memory));
                    return;
                }
                TrainingSession run = opened.errors().isEmpty()
                        ? new TrainingSession(opened.network(), p.training(), opened.data().train(), opened.validationData())
                        : null;
                Platform.runLater(() -> ready.accept(opened, run));
            } catch (Exception e) {
                Platform.runLater(() -> failed.accept(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        });
    }
}
