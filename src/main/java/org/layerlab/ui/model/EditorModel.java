package org.layerlab.ui.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.layerlab.nn.graph.DataSummary;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.Project;
import org.layerlab.ui.commands.Command;
import org.layerlab.ui.commands.CommandStack;

/**
 * The editor's view-model: the open project, its file, the command stack (undo, redo, unsaved
 * mark), the selection and the analysis of the current graph. No controls here: views bind to
 * it, and tests drive it without a window.
 */
public final class EditorModel {
    private final ObjectProperty<Project> project = new SimpleObjectProperty<>(this, "project");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ReadOnlyObjectWrapper<GraphAnalysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final LongProperty revision = new SimpleLongProperty(this, "revision");
    private final LongProperty savedRevision = new SimpleLongProperty(this, "savedRevision");
    private final ObservableSet<String> selection = FXCollections.observableSet(new LinkedHashSet<>());
    private final CommandStack stack = new CommandStack();
    private DataSummary data;

    public EditorModel(Project initial, Path initialFile) {
        project.addListener((obs, old, now) -> {
            if (old != null && now != null && old.dataset() != now.dataset()) {
                data = null;
                dataError = null;
            }
            reanalyse();
        });
        open(initial, initialFile);
    }

    /** Replaces the document (after Open or New): history and selection start afresh. */
    public void open(Project p, Path f) {
        openListeners.forEach(Runnable::run);
        // A new unsaved project gets a data folder of its own.
        unsavedDir = null;
        stack.clear();
        selection.clear();
        data = null;
        dataError = null;
        file.set(f);
        project.set(p);
        revision.set(revision.get() + 1);
        savedRevision.set(revision.get());
    }

    private final List<Runnable> openListeners = new ArrayList<>();

    /**
     * Runs r as another document opens (New, Open, Close), before it is shown: what belonged to
     * the last one should go, and the new one's own state is then shown over a clean slate.
     */
    public void onOpen(Runnable r) {
        openListeners.add(r);
    }

    /**
     * Where the project's relative data paths start: its folder; for a project not saved yet, a
     * folder of its own in the temp folder (data chosen then is copied there, and Save brings it
     * along), never the folder LayerLab happened to be started from.
     */
    public Path projectDir() {
        Path f = file.get();
        if (f != null) {
            return f.toAbsolutePath().getParent();
        }
        if (unsavedDir == null) {
            try {
                unsavedDir = Files.createTempDirectory("layerlab-unsaved-");
                unsavedDir.toFile().deleteOnExit();
            } catch (IOException e) {
                return Path.of(System.getProperty("java.io.tmpdir"));
            }
        }
        return unsavedDir;
    }

    private Path unsavedDir;

    /**
     * What the project's data looks like, once loaded (off the JavaFX thread, by whoever loads it):
     * validation then also checks the network against the data. Ignored if the data source has
     * changed since the load started.
     */
    public void dataLoaded(DatasetSource source, DataSummary summary) {
        if (project.get() != null && project.get().dataset() == source) {
            data = summary;
            dataError = null;
            reanalyse(true);
        }
    }

    /**
     * The project's data could not be read (a file moved, a project copied without its data):
     * a problem of the project from now on, not only a message in the Data tab, so a project
     * that cannot train never says "No problems". Ignored if the data source has changed since.
     */
    public void dataFailed(DatasetSource source, String why) {
        if (project.get() != null && project.get().dataset() == source) {
            data = null;
            dataError = why.endsWith(".") ? why : why + ".";
            reanalyse(true);
        }
    }

    private String dataError;

    private void reanalyse() {
        reanalyse(false);
    }

    /**
     * unlessSame: keep the analysis there is when the new one says the same. Only for loaded
     * data: the listeners rebuild views (canvas, inspector: 40 ms of the JavaFX thread for the
     * CNN sample, as a run starts), and some of them take a new analysis to mean a new project.
     */
    private void reanalyse(boolean unlessSame) {
        Project p = project.get();
        GraphAnalysis next = p == null ? null : GraphAnalysis.of(p.graph(), p.training().loss(), data, dataError);
        if (!unlessSame || next == null || !next.saysTheSameAs(analysis.get())) {
            analysis.set(next);
        }
        selection.removeIf(id -> p == null || !p.graph().contains(id));
    }

    public void execute(Command c) {
        Project before = project.get();
        Project next = stack.execute(c, before);
        if (next != before) {
            revision.set(revision.get() + 1);
            project.set(next);
        }
    }

    public void undo() {
        if (canUndo()) {
            Project p = stack.undo(project.get());
            revision.set(revision.get() + 1);
            project.set(p);
        }
    }

    public void redo() {
        if (canRedo()) {
            Project p = stack.redo(project.get());
            revision.set(revision.get() + 1);
            project.set(p);
        }
    }

    /**
     * Replaces the project with trained weights and history: unsaved, but not an edit to undo
     * (undoing a layer change must not throw away a training run).
     */
    public void replaceAfterTraining(Project p) {
        project.set(p);
        revision.set(revision.get() + 1);
    }

    public void markSaved(Path f) {
        file.set(f);
        savedRevision.set(revision.get());
    }

    public String undoLabel() {
        return stack.undoDescription().map(d -> "Undo " + d).orElse("Undo");
    }

    public String redoLabel() {
        return stack.redoDescription().map(d -> "Redo " + d).orElse("Redo");
    }

    public boolean canUndo() {
        return stack.undoDescription().isPresent();
    }

    public boolean canRedo() {
        return stack.redoDescription().isPresent();
    }

    public ObjectProperty<Project> projectProperty() {
        return project;
    }

    public Project project() {
        return project.get();
    }

    public NetworkGraph graph() {
        return project.get().graph();
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public ReadOnlyObjectProperty<GraphAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public GraphAnalysis analysis() {
        return analysis.get();
    }

    public LongProperty revisionProperty() {
        return revision;
    }

    public BooleanBinding dirtyProperty() {
        return revision.isNotEqualTo(savedRevision);
    }

    public boolean isDirty() {
        return revision.get() != savedRevision.get();
    }

    public ObservableSet<String> selection() {
        return selection;
    }

    public void select(List<String> ids) {
        selection.clear();
        selection.addAll(ids);
    }

    /** "LayerLab — name (file) *": the star marks unsaved changes. */
    public StringBinding titleProperty() {
        return Bindings.createStringBinding(() -> "LayerLab — " + project.get().name()
                + (file.get() == null ? "" : " (" + file.get().getFileName() + ")") + (isDirty() ? " *" : ""),
                project, file, revision, savedRevision);
    }
}
