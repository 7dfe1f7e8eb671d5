package org.layerlab.ui.data;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.layerlab.data.ByteImageDataset;
import org.layerlab.project.DatasetSource;
import org.layerlab.ui.common.Background;

/**
 * The IDX tab of the data dialog: the training images file (labels and test files are found by
 * their usual names next to it), and augmentation previewed on the chosen images.
 */
final class IdxPane extends VBox {
    /** Copies a file into the project when needed and returns its saved path. */
    interface InProject {
        String path(Path file) throws IOException;
    }

    private final TextField trainImages = new TextField();
    private final Label info = new Label("Choose the training images file (…images-idx3-ubyte[.gz]); the labels and test files"
            + " are found by their usual names.");
    final AugmentationPane augmentation = new AugmentationPane();

    IdxPane(Window owner, Path projectDir, DatasetSource current) {
        super(8);
        Button choose = new Button("Choose training images…");
        choose.setOnAction(e -> {
            FileChooser c = new FileChooser();
            File f = c.showOpenDialog(owner);
            if (f != null) {
                trainImages.setText(f.getAbsolutePath());
                preview();
            }
        });
        trainImages.setOnAction(e -> preview());
        trainImages.setPrefColumnCount(40);
        info.setWrapText(true);
        getChildren().addAll(info, new HBox(8, choose, trainImages), augmentation);
        setPadding(new Insets(12));
        if (current instanceof DatasetSource.Idx idx) {
            trainImages.setText(projectDir.resolve(idx.trainImages()).toString());
            augmentation.set(idx.augment());
            preview();
        }
    }

    private Path labelsFor(Path images) {
        return images.resolveSibling(images.getFileName().toString().replace("images-idx3", "labels-idx1"));
    }

    /** Loads the training images in the background for the augmentation preview. */
    private void preview() {
        Path images = Path.of(trainImages.getText().trim());
        Path labels = labelsFor(images);
        if (!Files.isRegularFile(images) || !Files.isRegularFile(labels)) {
            return;
        }
        Background.run("layerlab-idx-preview", () -> {
            try {
                ByteImageDataset d = ByteImageDataset.loadIdx(images, labels, null);
                Platform.runLater(() -> {
                    info.setText(String.format("%,d training images of %s in %d classes.", d.size(), d.featureShape(),
                            d.classNames().size()));
                    augmentation.setImages(d);
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> info.setText("Cannot read " + images.getFileName() + ": " + e.getMessage()));
            }
        });
    }

    /** The chosen files as a source, or a message here and null when they are incomplete. */
    DatasetSource.Idx result(InProject inProject) throws IOException {
        String text = trainImages.getText().trim();
        if (text.isEmpty()) {
            info.setText("Choose the training images file first.");
            return null;
        }
        Path images = Path.of(text);
        Path labels = labelsFor(images);
        Path testImages = images.resolveSibling(images.getFileName().toString().replace("train-", "t10k-"));
        Path testLabels = labels.resolveSibling(labels.getFileName().toString().replace("train-", "t10k-"));
        if (!Files.isRegularFile(images) || !Files.isRegularFile(labels)) {
            info.setText("Need " + images.getFileName() + " and " + labels.getFileName() + " in the same folder.");
            return null;
        }
        boolean test = !testImages.equals(images) && Files.isRegularFile(testImages) && Files.isRegularFile(testLabels);
        return new DatasetSource.Idx(inProject.path(images), inProject.path(labels), test ? inProject.path(testImages) : null,
                test ? inProject.path(testLabels) : null, augmentation.value());
    }
}
