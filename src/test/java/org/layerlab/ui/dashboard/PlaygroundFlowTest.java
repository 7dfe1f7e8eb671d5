package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.engine.Tensor;
import org.layerlab.project.Project;
import org.layerlab.project.SampleData;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.ProjectSession;
import org.layerlab.ui.common.Screenshots;
import org.layerlab.ui.FlowWindow;
import org.layerlab.ui.model.EditorModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Fashion CNN after one epoch in the Playground: a test image gets the network's own answer, a stroke changes it. */
@ExtendWith(ApplicationExtension.class)
class PlaygroundFlowTest {
    @TempDir
    static Path dir;
    private Project trained;
    private EditorModel model;

    @Start
    void start(Stage stage) throws Exception {
        SampleData.copyFashionSubset(dir);
        Path file = dir.resolve("fashion.layerlab");
        Project p = ProjectFiles.load(Path.of("samples/fashion_cnn.layerlab"));
        trained = ProjectSession.open(p, dir).train(1, List.of()).project();
        ProjectFiles.save(trained, file);
        trained = ProjectFiles.load(file);
        model = new EditorModel(trained, file);
        FlowWindow.show(stage, model);
    }

    @Test
    void aTestImageGetsTheNetworksAnswerAndAStrokeChangesIt(FxRobot robot) throws Exception {
        DashboardView view = robot.lookup("#dashboard").queryAs(DashboardView.class);
        robot.clickOn("#tab-playground");
        PlaygroundBars bars = view.playground.view.bars;
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> bars.prediction() != null);

        robot.clickOn("#playground-show-sample");
        WaitForAsyncUtils.waitForFxEvents();
        String truth = robot.lookup("#playground-truth").queryAs(Label.class).getText();
        assertTrue(truth.startsWith("true: "), truth);
        // The answer for test image 1 is the one predict gives for it.
        ProjectSession session = ProjectSession.open(trained, dir);
        Tensor x = PlaygroundView.row(session.data().test(), 0);
        float[] expected = session.network().predict(x).data();
        assertArrayEquals(expected, bars.prediction().outputs(), 1e-5f);

        // The same image as a PNG file, opened (or dropped) here: read as the training images were, answered the same.
        java.awt.image.BufferedImage png = new java.awt.image.BufferedImage(28, 28, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 28 * 28; i++) {
            int v = Math.round(x.data()[i] * 255);
            png.getRaster().setSample(i % 28, i / 28, 0, v);
        }
        Path file = dir.resolve("test-image-1.png");
        javax.imageio.ImageIO.write(png, "png", file.toFile());
        robot.interact(() -> view.playground.openImage(file));
        assertEquals("test-image-1.png", robot.lookup("#playground-truth").queryAs(Label.class).getText());
        assertArrayEquals(expected, bars.prediction().outputs(), 1e-3f);
        robot.clickOn("#playground-show-sample");
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#playground-saliency");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(bars.prediction().saliency(), "saliency asked for");
        robot.interact(() -> view.playground.view.saliencyKind.setValue(PlaygroundView.OCCLUSION));
        robot.clickOn("#playground-next-mistake");
        Label caption = robot.lookup("#playground-truth").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> caption.getText().startsWith("mistake 1 of "));
        WaitForAsyncUtils.waitForFxEvents(); // the caption is set before the answer: let the handler finish
        int index = view.playground.view.sample.getValue() - 1;
        float[] p = session.network().predict(PlaygroundView.row(session.data().test(), index)).data();
        int truthClass = (int) session.data().test().target(index);
        assertTrue(p[bars.prediction().top()] > p[truthClass], "shown: a test image the network gets wrong: index "
                + index + " truth " + truthClass + " top " + bars.prediction().top() + " " + caption.getText() + " "
                + java.util.Arrays.toString(p));
        assertTrue(caption.getText().contains(session.data().test().classNames().get(truthClass) + " taken for "),
                caption.getText());

        robot.interact(() -> {
            try {
                Screenshots.writeImage(view.snapshot(null, null), Path.of("target", "playground-mistake.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        robot.clickOn("#playground-clear");
        WaitForAsyncUtils.waitForFxEvents();
        float[] blank = bars.prediction().outputs().clone();
        Bounds pad = robot.lookup("#playground-pad").query().localToScreen(
                robot.lookup("#playground-pad").query().getBoundsInLocal());
        robot.moveTo(pad.getMinX() + 20, pad.getMinY() + 20).press(MouseButton.PRIMARY)
                .moveTo(pad.getMaxX() - 20, pad.getMaxY() - 20).moveTo(pad.getMinX() + 20, pad.getMaxY() - 20)
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", robot.lookup("#playground-truth").queryAs(Label.class).getText());
        float[] drawn = bars.prediction().outputs();
        boolean changed = false;
        for (int i = 0; i < drawn.length; i++) {
            changed |= Math.abs(drawn[i] - blank[i]) > 1e-4;
        }
        assertTrue(changed, "a stroke changes the answer");
        float[] pixels = view.playground.view.drawing;
        float ink = 0;
        for (float v : pixels) {
            ink += v;
        }
        assertFalse(ink == 0, "the stroke is in the drawing");

        // What each layer sees: the conv layer's feature maps for this input, chosen on the canvas.
        robot.clickOn("#playground-show-sample");
        robot.interact(() -> model.select(List.of("conv2d")));
        WaitForAsyncUtils.waitForFxEvents();
        LayerOutputView maps = view.playground.view.layerOutput;
        assertTrue(maps.isVisible());
        assertEquals(org.layerlab.engine.Shape.of(26, 26, 32), maps.output().shape());
        session.network().predict(PlaygroundView.row(session.data().test(), view.playground.view.sample.getValue() - 1));
        Tensor conv = session.network().outputOf("conv2d");
        assertArrayEquals(java.util.Arrays.copyOf(conv.data(), conv.sampleSize()), maps.output().values(), 1e-5f);
        robot.interact(() -> {
            try {
                Screenshots.writeImage(view.snapshot(null, null), Path.of("target", "playground-maps.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        robot.interact(() -> model.select(List.of("dense")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(org.layerlab.engine.Shape.of(64), maps.output().shape());

        // A cell of the confusion matrix opens its test images here: the first mistake's cell.
        robot.clickOn("#tab-confusion");
        WaitForAsyncUtils.waitForFxEvents();
        ConfusionView confusion = view.confusion;
        org.layerlab.training.Mistakes.Mistake first = org.layerlab.training.Mistakes.of(trained.graph(), trained.weights(),
                session.data().test()).get(0);
        javafx.geometry.Point2D spot = null;
        for (double py = 0; py < confusion.getHeight() && spot == null; py += 2) {
            for (double px = 0; px < confusion.getWidth() && spot == null; px += 2) {
                int[] c = confusion.cellAt(px, py);
                if (c != null && c[0] == first.truth() && c[1] == first.predicted()) {
                    spot = confusion.localToScreen(px + 3, py + 3);
                }
            }
        }
        assertNotNull(spot, "the cell is drawn");
        robot.clickOn(spot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> caption.getText().startsWith("1 of "));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first.index() + 1, view.playground.view.sample.getValue(), caption.getText());
        assertTrue(robot.lookup("#playground-stepping").queryAs(javafx.scene.control.Hyperlink.class).getText()
                .contains(" → "));

        // "mistakes" opens them all as a gallery, most confident first; a card opens its image here.
        robot.clickOn("#playground-stepping");
        MistakesGallery gallery = view.playground.gallery;
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, gallery::isVisible);
        List<org.layerlab.training.Mistakes.Mistake> wrong = org.layerlab.training.Mistakes.of(trained.graph(),
                trained.weights(), session.data().test());
        assertEquals(Math.min(MistakesGallery.SHOWN, wrong.size()), gallery.cards.getChildren().stream()
                .filter(n -> n.getStyleClass().contains("mistake-card")).count());
        assertTrue(gallery.summary.getText().startsWith(wrong.size() + " mistakes on "), gallery.summary.getText());
        robot.interact(() -> gallery.order.setValue(MistakesGallery.LEAST));
        org.layerlab.training.Mistakes.Mistake leastSure = gallery.ordered().get(0);
        assertEquals(wrong.get(wrong.size() - 1).confidence(), leastSure.confidence(), 1e-6f);
        robot.clickOn(gallery.cards.getChildren().get(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(gallery.isVisible());
        assertEquals(leastSure.index() + 1, view.playground.view.sample.getValue());
    }
}
