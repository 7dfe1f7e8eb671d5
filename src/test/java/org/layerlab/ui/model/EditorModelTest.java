package org.layerlab.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Shape;
import org.layerlab.nn.Loss;
import org.layerlab.nn.graph.DataSummary;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Input;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.training.TrainingConfig;
import org.layerlab.ui.commands.Edits;

/** The editor's view-model and commands, without a window. */
class EditorModelTest {
    private static EditorModel model() {
        Project p = new Project("t", NetworkGraph.empty(), TrainingConfig.of(Loss.MSE, 1), null, List.of(), null);
        return new EditorModel(p, null);
    }

    @Test
    void everyEditIsUndoableAndRedoableAndMarksTheDocumentUnsaved() {
        EditorModel m = model();
        NetworkGraph start = m.graph();
        m.execute(Edits.addLayer(m.graph(), Input.of(4), 0, 0));
        m.execute(Edits.addAfter(m.graph(), "input", new Dense(3)));
        m.execute(Edits.setSpec(m.graph(), "dense", new Dense(7), "units"));
        m.execute(Edits.move(m.graph(), Map.of("dense", new double[] {50, 300})));
        assertTrue(m.isDirty());
        assertEquals("Undo Move dense", m.undoLabel());
        assertTrue(m.titleProperty().get().endsWith(" *"));
        NetworkGraph end = m.graph();
        for (int i = 0; i < 4; i++) {
            m.undo();
        }
        assertEquals(start, m.graph());
        for (int i = 0; i < 4; i++) {
            m.redo();
        }
        assertEquals(end, m.graph());
        assertEquals(7, ((Dense) m.graph().require("dense").spec()).units());
        m.markSaved(null);
        assertFalse(m.isDirty());
    }

    @Test
    void aCommandThatChangesNothingIsNotRecorded() {
        EditorModel m = model();
        m.execute(Edits.addLayer(m.graph(), Input.of(4), 0, 0));
        long rev = m.revisionProperty().get();
        m.execute(Edits.move(m.graph(), Map.of("input", new double[] {0, 0})));
        assertEquals(rev, m.revisionProperty().get());
        assertEquals("Undo Add Input", m.undoLabel());
    }

    @Test
    void deleteTakesTheEdgesInTheSameStepAndAnalysisFollows() {
        EditorModel m = model();
        m.execute(Edits.addLayer(m.graph(), Input.of(8, 8, 1), 0, 0));
        m.execute(Edits.addAfter(m.graph(), "input", new Conv2D(4, 3, "relu")));
        m.execute(Edits.addAfter(m.graph(), "conv2d", new Dense(2)));
        assertTrue(m.analysis().hasErrors(), "Dense after Conv2D needs Flatten");
        m.execute(Edits.applyFix(m.graph(), m.analysis().problemsOf("dense").get(0).fix()));
        assertFalse(m.analysis().hasErrors(), m.analysis().problems().toString());
        assertEquals("Undo Insert Flatten", m.undoLabel());
        m.select(List.of("conv2d"));
        m.execute(Edits.delete(m.graph(), List.copyOf(m.selection())));
        assertTrue(m.graph().edges().stream().noneMatch(e -> e.from().equals("conv2d") || e.to().equals("conv2d")));
        assertTrue(m.selection().isEmpty(), "a deleted node leaves the selection");
        m.undo();
        assertEquals(3, m.graph().edges().size());
    }

    @Test
    void pasteGivesFreshIdsAndKeepsInternalEdges() {
        EditorModel m = model();
        m.execute(Edits.addLayer(m.graph(), Input.of(4), 0, 0));
        m.execute(Edits.addAfter(m.graph(), "input", new Dense(3)));
        NetworkGraph clip = Edits.extract(m.graph(), List.of("input", "dense"));
        List<String> ids = new ArrayList<>();
        m.execute(Edits.paste(m.graph(), clip, 40, 40, ids));
        assertEquals(List.of("input_1", "dense_1"), ids);
        assertTrue(m.graph().edges().contains(new GraphEdge("input_1", "dense_1", 0)));
        assertEquals(40, m.graph().require("input_1").x());
    }

    @Test
    void autoLayoutPutsEachLayerBelowItsInputs() {
        EditorModel m = model();
        m.execute(Edits.addLayer(m.graph(), Input.of(4), 500, 500));
        m.execute(Edits.addLayer(m.graph(), new Dense(3), 0, 0));
        m.execute(Edits.connect(m.graph(), "input", "dense", 0));
        m.execute(Edits.autoLayout(m.graph(), true));
        assertTrue(m.graph().require("dense").y() > m.graph().require("input").y());
        assertEquals(m.graph().require("dense").x(), m.graph().require("input").x());
        m.undo();
        assertEquals(500, m.graph().require("input").x(), "auto-layout is one undo step");
    }

    @Test
    void anUnsavedProjectsDataGoesToAFolderOfItsOwnNotTheWorkingFolder() throws Exception {
        EditorModel m = new EditorModel(new Project("u", NetworkGraph.empty(), TrainingConfig.of(Loss.MSE, 1), null,
                List.of(), null), null);
        Path dir = m.projectDir();
        assertNotEquals(Path.of("").toAbsolutePath(), dir);
        assertTrue(Files.isDirectory(dir) && Files.isWritable(dir));
        assertEquals(dir, m.projectDir(), "the same folder while the project stays unsaved");
        m.open(m.project(), null);
        assertNotEquals(dir, m.projectDir(), "another unsaved project, another folder");
        Path saved = dir.resolve("p.layerlab");
        m.markSaved(saved);
        assertEquals(dir, m.projectDir(), "once saved: the project's own folder");
    }

    @Test
    void dataThatCannotBeReadIsAProblemOfTheProjectUntilOtherDataIsChosen() throws Exception {
        Project iris = ProjectFiles.load(Path.of("samples", "iris.layerlab"));
        EditorModel m = new EditorModel(iris, Path.of("/nowhere/iris.layerlab"));
        assertFalse(m.analysis().hasErrors(), "the graph alone is fine");

        m.dataFailed(iris.dataset(), "dataset file 'data/iris.csv' does not exist (looked in /nowhere)");
        assertTrue(m.analysis().hasErrors(), "a project that cannot train does not say No problems");
        String message = m.analysis().problems().get(0).message();
        assertTrue(message.startsWith("The data cannot be read: dataset file 'data/iris.csv' does not exist"), message);
        assertTrue(message.contains("Change data…"), "says what to do: " + message);

        m.dataLoaded(iris.dataset(), new DataSummary(Shape.of(4), 3, 1));
        assertFalse(m.analysis().hasErrors(), "read at last: the problem goes");

        m.open(iris, null);
        m.dataFailed(ProjectFiles.load(Path.of("samples", "wine.layerlab")).dataset(), "gone");
        assertFalse(m.analysis().hasErrors(), "a failure of data the project no longer uses is ignored");
    }
}
