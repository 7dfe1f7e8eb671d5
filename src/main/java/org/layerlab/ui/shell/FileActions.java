package org.layerlab.ui.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.layerlab.export.Exporters;
import org.layerlab.export.pytorch.TorchCheckpoint;
import org.layerlab.nn.ParameterStore;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectException;
import org.layerlab.project.DataFiles;
import org.layerlab.project.ProjectFiles;
import org.layerlab.ui.common.Settings;
import org.layerlab.ui.common.Toasts;
import org.layerlab.ui.model.EditorModel;
import org.layerlab.project.Samples;

/**
 * New, Open, Save, Save As and Close with the unsaved-changes question. A project that fails to
 * load shows the loader's message and leaves the open project untouched; recent files are kept
 * in the user's preferences.
 */
final class FileActions {
    private static final int RECENT = 8;
    private final EditorModel model;
    private final Window owner;

    FileActions(EditorModel model, Window owner) {
        this.model = model;
        this.owner = owner;
    }

    void newProject(Project template) {
        if (confirmDiscard()) {
            model.open(template, null);
        }
    }

    void open() {
        FileChooser chooser = chooser("Open project");
        File f = chooser.showOpenDialog(owner);
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Opens a file if the user agrees to leave unsaved changes; true when it was opened. */
    boolean open(Path file) {
        if (!confirmDiscard()) {
            return false;
        }
        try {
            Project p = ProjectFiles.load(file);
            model.open(p, file);
            remember(file);
            if (Samples.isSample(file)) {
                Toasts.info(owner.getScene().getRoot(), "Opened a sample",
                        "Save asks where to keep your copy, so the sample stays as it is.");
            }
            return true;
        } catch (ProjectException e) {
            error("Cannot open " + file.getFileName(), e.getMessage());
            return false;
        }
    }

    boolean save() {
        Path file = model.fileProperty().get();
        return asksWhere(file) ? saveAs() : write(file);
    }

    /** Save asks for a file when there is none yet, or when the project was opened from the samples. */
    static boolean asksWhere(Path file) {
        return file == null || Samples.isSample(file);
    }

    boolean saveAs() {
        FileChooser chooser = chooser("Save project");
        chooser.setInitialFileName(model.project().name().replaceAll("[^A-Za-z0-9_-]+", "_") + ProjectFiles.EXTENSION);
        File f = chooser.showSaveDialog(owner);
        return f != null && write(f.toPath());
    }

    private boolean write(Path file) {
        try {
            // Saved into another folder (Save As), the project brings its data along: its paths are relative.
            DataFiles.bringAlong(model.project().dataset(), model.projectDir(), file.toAbsolutePath().getParent());
            ProjectFiles.save(model.project(), file);
            model.markSaved(file);
            remember(file);
            Toasts.info(owner.getScene().getRoot(), "Saved", file.getFileName() + (model.project().isTrained()
                    ? " and its weights" : "") + " in " + file.toAbsolutePath().getParent());
            return true;
        } catch (IOException e) {
            error("Cannot save " + file.getFileName(), e.getMessage() + "\nThe previous version of the file is unchanged.");
            return false;
        }
    }

    /**
     * File ▸ Export Model…: the open project as it is now (saved or not), into a folder beside the
     * project file by default, named after it.
     */
    void exportModel() {
        Path file = model.fileProperty().get();
        String base = file != null ? file.getFileName().toString().replace(ProjectFiles.EXTENSION, "")
                : model.project().name();
        Path start = file != null && !Samples.isSample(file) ? file.toAbsolutePath().getParent().resolve("export")
                : Path.of(System.getProperty("user.home"), "LayerLab exports");
        new ExportDialog(owner, model.project(), base, model.projectDir(), Exporters.all(), start).showAndWait()
                .ifPresent(written -> Toasts.info(owner.getScene().getRoot(), "Exported",
                        written.getFileName() + " in " + written.getParent()));
    }

    /**
     * File ▸ Import Weights…: a checkpoint that the PyTorch export's train.py wrote, into the open
     * project (as a run's results are: unsaved, not an edit to undo). A file that does not fit
     * leaves the weights as they were and says why.
     */
    void importWeights() {
        FileChooser c = new FileChooser();
        c.setTitle("Import weights");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("PyTorch checkpoint (from the export's train.py)",
                "*.safetensors"));
        File f = c.showOpenDialog(owner);
        if (f == null) {
            return;
        }
        Project p = model.project();
        try {
            ParameterStore weights = TorchCheckpoint.read(p, f.toPath());
            model.replaceAfterTraining(p.withOutsideWeights(weights, p.history()));
            Toasts.info(owner.getScene().getRoot(), "Imported weights", weights.totalSize() + " values from " + f.getName()
                    + "; save the project to keep them");
        } catch (IOException | IllegalArgumentException e) {
            error("Cannot import " + f.getName(), e.getMessage() + "\nThe project's weights are unchanged.");
        }
    }

    /** Asks Save / Discard / Cancel when there are unsaved changes; true when it is fine to go on. */
    boolean confirmDiscard() {
        if (!model.isDirty()) {
            return true;
        }
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Save the changes to " + model.project().name() + "?",
                save, discard, ButtonType.CANCEL);
        a.setHeaderText("The project has unsaved changes");
        a.initOwner(owner);
        Optional<ButtonType> r = a.showAndWait();
        if (r.isEmpty() || r.get() == ButtonType.CANCEL) {
            return false;
        }
        return r.get() == discard || save();
    }

    /** Recent projects, newest first; ones that no longer exist are left out. */
    List<Path> recent() {
        List<Path> out = new ArrayList<>();
        for (String s : Settings.get(RECENT_KEY, "").split("\n")) {
            if (!s.isBlank() && Files.isRegularFile(Path.of(s))) {
                out.add(Path.of(s));
            }
        }
        return out;
    }

    private static final String RECENT_KEY = "recent";

    private void remember(Path file) {
        List<Path> list = recent();
        Path abs = file.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        StringBuilder sb = new StringBuilder();
        list.stream().limit(RECENT).forEach(p -> sb.append(p).append('\n'));
        Settings.put(RECENT_KEY, sb.toString());
    }

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("LayerLab projects", "*" + ProjectFiles.EXTENSION));
        // A sample's copy starts in the folder of the newest own project, else the home folder.
        Path file = model.fileProperty().get();
        Path near = file != null && !Samples.isSample(file) ? file
                : recent().stream().filter(p -> !Samples.isSample(p)).findFirst().orElse(null);
        Path dir = near == null ? Path.of(System.getProperty("user.home")) : near.toAbsolutePath().getParent();
        if (dir != null && Files.isDirectory(dir)) {
            c.setInitialDirectory(dir.toFile());
        }
        return c;
    }

    void error(String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.setHeaderText(header);
        a.initOwner(owner);
        a.getDialogPane().setId("error-dialog");
        a.showAndWait();
    }
}
