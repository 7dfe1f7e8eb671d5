package org.layerlab.ui.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.layerlab.export.core.Exporter;
import org.layerlab.export.diagram.DiagramExporter;
import org.layerlab.project.Project;
import org.layerlab.ui.common.DialogTheme;
import org.layerlab.ui.common.Settings;

/**
 * File ▸ Export Model…: a format (one per {@link Exporter} of the build), a folder, and before
 * anything is written what stops this project from going out in that format. The result is the
 * file written; the dialog stays open with the reason when writing fails.
 */
final class ExportDialog extends Dialog<Path> {
    private static final String LAST_FORMAT = "export.format";
    private final Project project;
    private final String baseName;
    private final Path projectDir;
    private final ToggleGroup formats = new ToggleGroup();
    private final TextField folder = new TextField();
    private final VBox problems = new VBox(4);
    /** What the selected format says about the project; null until asked. */
    private List<String> objections;
    private final ChoiceBox<Integer> scale = new ChoiceBox<>();
    private final HBox scaleRow;
    private Path written;

    ExportDialog(Window owner, Project project, String baseName, Path projectDir, List<Exporter> exporters,
                 Path startFolder) {
        this.project = project;
        this.baseName = baseName;
        this.projectDir = projectDir;
        initOwner(owner);
        DialogTheme.follow(this, owner);
        setTitle("Export Model");
        setHeaderText("Take " + project.name() + " to another framework");
        VBox choices = new VBox(6);
        for (Exporter e : exporters) {
            RadioButton b = new RadioButton(e.description());
            b.setMnemonicParsing(false);
            b.setUserData(e);
            b.setToggleGroup(formats);
            b.setId("export-format-" + e.format());
            choices.getChildren().add(b);
        }
        folder.setText(startFolder.toString());
        folder.setId("export-folder");
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button browse = new Button("Choose…");
        browse.setOnAction(e -> chooseFolder());
        Label weights = new Label(project.isTrained()
                ? "With the trained weights (" + project.history().size() + " epochs)."
                : "The project is untrained: the export holds the initial weights a run would start from.");
        weights.setWrapText(true);
        problems.setId("export-problems");
        scale.getItems().addAll(1, 2, 3, 4);
        scale.setValue(2);
        scale.setId("export-scale");
        scale.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v + "×";
            }

            @Override
            public Integer fromString(String t) {
                return Integer.valueOf(t.replace("×", ""));
            }
        });
        scaleRow = new HBox(6, field("Scale"), scale);
        scaleRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        scaleRow.managedProperty().bind(scaleRow.visibleProperty());
        VBox content = new VBox(10, field("Format"), choices, scaleRow, field("Folder"), new HBox(6, folder, browse),
                weights, problems);
        content.setPadding(new Insets(8, 12, 4, 12));
        content.setPrefWidth(560);
        getDialogPane().setContent(content);
        getDialogPane().setId("export-dialog");
        ButtonType export = new ButtonType("Export", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(export, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(export);
        ok.setId("export-ok");
        // The export runs off the JavaFX thread (the PyTorch one loads and writes the whole dataset);
        // the dialog closes itself when it is done, or stays open with the reason.
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            write(ok);
        });
        // A format's objections come from building the network, so they are asked once per format, not per keystroke.
        formats.selectedToggleProperty().addListener((o, a, b) -> {
            objections = null;
            refresh(ok);
        });
        folder.textProperty().addListener((o, a, b) -> refresh(ok));
        // The format of the last export comes up again: who exports usually exports the same way.
        String last = Settings.get(LAST_FORMAT, "");
        formats.getToggles().stream().filter(t -> ((Exporter) t.getUserData()).format().equals(last)).findFirst()
                .or(() -> formats.getToggles().stream().findFirst()).ifPresent(formats::selectToggle);
        refresh(ok);
        setResultConverter(b -> b == export ? written : null);
    }

    /** The chosen format, at the chosen scale for an image. */
    private Exporter selected() {
        Exporter e = formats.getSelectedToggle() == null ? null : (Exporter) formats.getSelectedToggle().getUserData();
        return e instanceof DiagramExporter d && d.hasScale() ? d.withScale(scale.getValue()) : e;
    }

    /** What the chosen format says about this project, or where the file will go. */
    private void refresh(Button ok) {
        problems.getChildren().clear();
        Exporter e = selected();
        scaleRow.setVisible(e instanceof DiagramExporter d && d.hasScale());
        if (objections == null) {
            objections = e == null ? List.of("This build has no export formats.") : e.problems(project);
        }
        List<String> why = objections;
        for (String w : why) {
            problems.getChildren().add(message(w, "warning-text"));
        }
        if (why.isEmpty() && !folder.getText().isBlank()) {
            problems.getChildren().add(message("Writes " + Path.of(folder.getText().trim())
                    .resolve(e.fileName(baseName)), "muted"));
        }
        ok.setDisable(!why.isEmpty() || folder.getText().isBlank());
    }

    private static Label field(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    private static Label message(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        return l;
    }

    private void chooseFolder() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Export into folder");
        File current = new File(folder.getText().trim());
        if (current.isDirectory()) {
            c.setInitialDirectory(current);
        }
        File f = c.showDialog(getOwner());
        if (f != null) {
            folder.setText(f.getPath());
        }
    }

    private void write(Button ok) {
        Path dir = Path.of(folder.getText().trim());
        Exporter format = selected();
        ok.setDisable(true);
        problems.getChildren().setAll(message("Exporting…", "muted"));
        Thread worker = new Thread(() -> {
            try {
                if (Files.exists(dir) && !Files.isDirectory(dir)) {
                    throw new IOException(dir + " is a file, not a folder: choose a folder to export into");
                }
                Path file = format.export(project, baseName, projectDir, dir);
                Platform.runLater(() -> {
                    Settings.put(LAST_FORMAT, format.format());
                    written = file;
                    setResult(file);
                    close();
                });
            } catch (IOException | RuntimeException ex) {
                Platform.runLater(() -> {
                    problems.getChildren().setAll(message("Could not export: " + ex.getMessage()
                            + ". Nothing of the project changed; choose another folder or try again.", "error-text"));
                    ok.setDisable(false);
                });
            }
        }, "export");
        worker.setDaemon(true);
        worker.start();
    }
}
