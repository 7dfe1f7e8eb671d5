package org.layerlab.ui.data;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.layerlab.data.ImageFolderLoader;
import org.layerlab.project.DatasetSource;
import org.layerlab.ui.common.Background;

/**
 * The image-folder part of the data dialog: folder, target size and channels, a check that
 * loads the images in the background (with progress and cancel) to report counts and the files
 * that will be skipped with their reasons, and augmentation with a preview of the checked images.
 */
final class ImageFolderPane extends VBox {
    private final Window owner;
    private final Path projectDir;
    private Path folder;
    private final Label folderInfo = new Label("Choose a folder with one subfolder of images per class"
            + " (PNG, JPEG, BMP, GIF).");
    private final Spinner<Integer> imgWidth = new Spinner<>(4, 1024, 32);
    private final Spinner<Integer> imgHeight = new Spinner<>(4, 1024, 32);
    private final ChoiceBox<String> imgChannels = new ChoiceBox<>(FXCollections.observableArrayList("grayscale", "RGB"));
    private final ProgressBar scanProgress = new ProgressBar(0);
    private final TextArea skippedList = new TextArea();
    private volatile boolean cancelScan;
    final AugmentationPane augmentation = new AugmentationPane();

    ImageFolderPane(Window owner, Path projectDir) {
        this.owner = owner;
        this.projectDir = projectDir;
        Button choose = new Button("Choose folder…");
        Button scan = new Button("Check images");
        Button cancel = new Button("Cancel");
        imgChannels.setValue("grayscale");
        imgWidth.setEditable(true);
        imgHeight.setEditable(true);
        skippedList.setEditable(false);
        skippedList.setPrefRowCount(6);
        skippedList.setPromptText("Files that cannot be used are listed here with the reason; they are skipped, not fatal.");
        choose.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            File f = c.showDialog(owner);
            if (f != null) {
                folder = f.toPath();
                folderInfo.setText(folder.getFileName().toString());
            }
        });
        cancel.setOnAction(e -> cancelScan = true);
        scan.setOnAction(e -> scanFolder());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("size"), new HBox(4, imgWidth, new Label("×"), imgHeight));
        g.addRow(1, new Label("channels"), imgChannels);
        folderInfo.setWrapText(true);
        setSpacing(8);
        skippedList.setPrefRowCount(3);
        getChildren().addAll(new HBox(12, choose, folderInfo), g, new HBox(8, scan, scanProgress, cancel), skippedList,
                augmentation);
        setPadding(new Insets(12));
    }

    /** Loads the folder on a background thread with progress and cancel, to report counts and skipped files. */
    private void scanFolder() {
        if (folder == null) {
            folderInfo.setText("Choose a folder first.");
            return;
        }
        cancelScan = false;
        Path dir = folder;
        int w = imgWidth.getValue();
        int h = imgHeight.getValue();
        int c = imgChannels.getValue().equals("RGB") ? 3 : 1;
        Background.run("layerlab-image-scan", () -> {
            try {
                ImageFolderLoader.Result r = ImageFolderLoader.load(dir, w, h, c,
                        (done, total) -> Platform.runLater(() -> scanProgress.setProgress((double) done / total)),
                        () -> cancelScan);
                StringBuilder sb = new StringBuilder();
                r.skipped().forEach(s -> sb.append(s.file().getFileName()).append(": ").append(s.reason()).append('\n'));
                String info = r.dataset().size() + " images in " + r.dataset().classNames().size() + " classes ("
                        + String.join(", ", r.dataset().classNames()) + "); " + r.skipped().size() + " skipped";
                Platform.runLater(() -> {
                    folderInfo.setText(info);
                    skippedList.setText(sb.toString());
                    augmentation.setImages(r.dataset());
                });
            } catch (IOException | RuntimeException ex) {
                Platform.runLater(() -> folderInfo.setText(ex.getMessage()));
            }
        });
    }


    /** The chosen folder as a source (copied into the project's data/ folder when outside it), or null. */
    DatasetSource.ImageFolder result() throws IOException {
        if (folder == null) {
            folderInfo.setText("Choose a folder first.");
            return null;
        }
        return new DatasetSource.ImageFolder(folderInProject(folder), imgWidth.getValue(), imgHeight.getValue(),
                imgChannels.getValue().equals("RGB") ? 3 : 1, 0.2, 42, augmentation.value());
    }

    /** A folder path relative to the project, copying the folder into data/ when it lies outside. */
    private String folderInProject(Path source) throws IOException {
        Path dir = projectDir.toAbsolutePath().normalize();
        Path abs = source.toAbsolutePath().normalize();
        if (!abs.startsWith(dir)) {
            Path target = dir.resolve("data").resolve(abs.getFileName());
            try (Stream<Path> files = Files.walk(abs)) {
                for (Path p : files.toList()) {
                    if (!p.toRealPath().startsWith(abs.toRealPath())) {
                        continue;
                    }
                    Path to = target.resolve(abs.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            abs = target;
        }
        return dir.relativize(abs).toString().replace('\\', '/');
    }

}
