package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.network.Network;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.ProjectSession;
import org.layerlab.training.BoundarySnapshot;
import org.layerlab.training.WeightSnapshot;
import org.layerlab.ui.model.EditorModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Weights tab follows the canvas selection and back, and shows a trained project's weights without a run. */
@ExtendWith(ApplicationExtension.class)
class LayerWatchTest {
    private EditorModel model;
    private DashboardView view;

    @Start
    void start(Stage stage) throws Exception {
        Path file = Path.of("samples", "xor.layerlab");
        Project p = ProjectFiles.load(file);
        // Weights as the network is built with the seed: a trained project as far as the views go.
        ProjectSession session = ProjectSession.open(p, file.toAbsolutePath().getParent());
        Project trained = p.withResults(session.network().parameterStore(), List.of());
        model = new EditorModel(trained, file);
        view = new DashboardView();
        new TrainingController(model, view);
        stage.setScene(new Scene(view, 900, 400));
        stage.show();
    }

    @Test
    void theTabsLayerChoiceAndTheCanvasSelectionFollowEachOther(FxRobot robot) {
        assertEquals(List.of("dense", "dense_1"), view.weightLayer.getItems(), "the layers with weights, in order");
        assertEquals("dense", view.weightLayer.getValue(), "nothing selected: the first layer");
        assertTrue(model.selection().isEmpty(), "following the canvas does not select for the user");
        WeightSnapshot shown = view.weights.snapshot();
        assertEquals("dense", shown.nodeId());
        assertEquals(-1, shown.step(), "the project's weights, not a run's");

        robot.interact(() -> view.weightLayer.setValue("dense_1"));
        assertEquals(Set.of("dense_1"), model.selection(), "a layer chosen in the tab is selected on the canvas");
        assertEquals("dense_1", view.weights.snapshot().nodeId());

        robot.interact(() -> model.select(List.of("dense")));
        assertEquals("dense", view.weightLayer.getValue(), "a layer clicked on the canvas is chosen in the tab");
        assertEquals("dense", view.weights.snapshot().nodeId());

        robot.interact(() -> model.select(List.of("input")));
        assertNull(view.weights.snapshot(), "a layer without weights shows a hint instead");
    }

    @Test
    void theSharedScaleIsTheLargestKernelValueOfTheNetwork(FxRobot robot) {
        robot.interact(() -> view.weightScale.setValue("all layers"));
        float largest = 0;
        for (Parameter p : model.project().weights().all()) {
            if (p.name().equals("kernel")) {
                for (float v : p.value().data()) {
                    largest = Math.max(largest, Math.abs(v));
                }
            }
        }
        assertTrue(largest > 0);
        assertEquals(largest, view.weights.snapshot().networkMaxAbs());
        assertTrue(view.sharedScale());
    }

    @Test
    void aTrainedProjectShowsItsDecisionRegionsWithoutARun() throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> view.boundary.snapshot() != null);
        BoundarySnapshot b = view.boundary.snapshot();
        assertEquals(-1, b.step(), "the project's network, not a run's");
        assertEquals(64 * 64, b.values().length);
        // The same network over the same grid gives the same picture.
        Network net = ProjectSession.open(model.project(), Path.of("samples").toAbsolutePath()).network();
        BoundarySnapshot again = BoundarySnapshot.of(net,
                new double[] {b.minX(), b.maxX(), b.minY(), b.maxY()}, -1, null);
        org.junit.jupiter.api.Assertions.assertArrayEquals(again.values(), b.values(), 1e-6f);
    }
}
