package org.layerlab.ui.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.layerlab.data.ArrayDataset;
import org.layerlab.data.Synthetic;
import org.layerlab.project.DataLoader;
import org.layerlab.project.DatasetSource;
import org.layerlab.ui.common.DialogTheme;

/**
 * Chooses a project's data: a synthetic generator (with a live scatter preview), a CSV file
 * (preview of the first rows, column types and gaps, target, task, scaling and test share, and
 * the problems explained before training), or an MNIST-style IDX pair. A file from outside the
 * project's folder is copied into its data/ folder, so the project stays self-contained.
 */
public final class DatasetDialog extends Dialog<DatasetSource> {
    private static final Color[] COLORS = {Color.web("#4a7bd1"), Color.web("#d9822b"), Color.web("#2f9e77"),
        Color.web("#b65fc4"), Color.web("#d24d57"), Color.web("#9c8a3c")};
    private final Path projectDir;
    private final TabPane tabs = new TabPane();
    // Synthetic
    private final ChoiceBox<String> generator = new ChoiceBox<>(FXCollections.observableArrayList(Synthetic.NAMES));
    private final Spinner<Integer> samples = new Spinner<>(10, 100_000, 400, 50);
    private final TextField noise = new TextField("0.1");
    private final Spinner<Integer> classes = new Spinner<>(2, 10, 3);
    private final TextField seed = new TextField("42");
    private final Canvas preview = new Canvas(300, 300);
    private final Label syntheticError = errorLabel();
    private final CsvImportPane csv;
    // IDX
    private final ImageFolderPane folderPane;
    private final IdxPane idx;
    private final TimeSeriesPane series;
    private final TextPane text;
    private final CorpusPane corpus;
    private final CheckBox reconstruct = new CheckBox("Target: the input itself (autoencoders and VAEs)");

    public DatasetDialog(Window owner, Path projectDir, DatasetSource saved) {
        this.projectDir = projectDir;
        DatasetSource current = saved == null ? null : saved.underlying();
        reconstruct.setSelected(saved instanceof DatasetSource.Reconstruct);
        reconstruct.setId("target-is-input");
        reconstruct.setTooltip(new Tooltip("The network learns to reproduce each sample: the target is the sample's"
                + " own features, whatever the data's labels are. The output must have the input's shape."));
        this.folderPane = new ImageFolderPane(owner, projectDir);
        this.csv = new CsvImportPane(owner, projectDir);
        this.idx = new IdxPane(owner, projectDir, current);
        this.series = new TimeSeriesPane(owner);
        this.text = new TextPane(owner);
        this.corpus = new CorpusPane(owner);
        if (current instanceof DatasetSource.Corpus c) {
            try {
                corpus.open(DataLoader.resolve(projectDir, c.path()), c);
            } catch (RuntimeException e) {
                // The saved file is gone: the tab starts empty and says what to choose.
            }
        }
        if (current instanceof DatasetSource.Text t) {
            try {
                text.open(DataLoader.resolve(projectDir, t.path()), t);
            } catch (RuntimeException e) {
                // The saved file is gone: the tab starts empty and says what to choose.
            }
        }
        if (current instanceof DatasetSource.Windows w) {
            try {
                series.open(DataLoader.resolve(projectDir, w.path()), w);
            } catch (RuntimeException e) {
                // The saved file is gone: the tab starts empty and says what to choose.
            }
        }
        if (current instanceof DatasetSource.ImageFolder f) {
            folderPane.augmentation.set(f.augment());
        }
        if (current instanceof DatasetSource.Csv c) {
            csv.show(c);
        }
        initOwner(owner);
        DialogTheme.follow(this, owner);
        setTitle("Choose data");
        setHeaderText("Where should the network learn from?");
        setResizable(true);
        tabs.getTabs().addAll(new Tab("Synthetic", syntheticPane()), new Tab("CSV file", csv),
                new Tab("Images (IDX)", idx), new Tab("Image folder", folderPane), new Tab("Time series", series), new Tab("Text", text), new Tab("Corpus", corpus));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefSize(820, 520);
        VBox content = new VBox(8, tabs, reconstruct);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getDialogPane().setContent(content);
        getDialogPane().setId("dataset-dialog");
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (current instanceof DatasetSource.Csv) {
            tabs.getSelectionModel().select(1);
        } else if (current instanceof DatasetSource.Idx) {
            tabs.getSelectionModel().select(2);
        } else if (current instanceof DatasetSource.ImageFolder) {
            tabs.getSelectionModel().select(3);
        } else if (current instanceof DatasetSource.Windows) {
            tabs.getSelectionModel().select(4);
        } else if (current instanceof DatasetSource.Text) {
            tabs.getSelectionModel().select(5);
        } else if (current instanceof DatasetSource.Corpus) {
            tabs.getSelectionModel().select(6);
        }
        setResultConverter(b -> b == ButtonType.OK ? result() : null);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            try {
                if (result() == null) {
                    e.consume();
                }
            } catch (RuntimeException ex) {
                e.consume();
            }
        });
    }

    private static Label errorLabel() {
        Label l = new Label();
        l.getStyleClass().add("error-text");
        l.setWrapText(true);
        return l;
    }

    private VBox syntheticPane() {
        generator.setValue("spirals");
        samples.setEditable(true);
        classes.setEditable(true);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("generator"), generator);
        g.addRow(1, new Label("samples"), samples);
        g.addRow(2, new Label("noise"), noise);
        g.addRow(3, new Label("classes (blobs)"), classes);
        g.addRow(4, new Label("seed"), seed);
        Runnable redraw = this::drawPreview;
        generator.valueProperty().addListener((o, a, b) -> redraw.run());
        samples.valueProperty().addListener((o, a, b) -> redraw.run());
        classes.valueProperty().addListener((o, a, b) -> redraw.run());
        noise.textProperty().addListener((o, a, b) -> redraw.run());
        seed.textProperty().addListener((o, a, b) -> redraw.run());
        drawPreview();
        HBox row = new HBox(24, new VBox(8, g, syntheticError), preview);
        VBox box = new VBox(8, new Label("Toy problems to try a network on; 20% is held out for testing."), row);
        box.setPadding(new Insets(12));
        return box;
    }

    private DatasetSource.Generated generated() {
        return new DatasetSource.Generated(generator.getValue(), samples.getValue(), Double.parseDouble(noise.getText().trim()),
                classes.getValue(), Long.parseLong(seed.getText().trim()), 0.2);
    }

    private void drawPreview() {
        GraphicsContext g = preview.getGraphicsContext2D();
        g.clearRect(0, 0, 300, 300);
        try {
            DatasetSource.Generated s = generated();
            ArrayDataset d = Synthetic.generate(s.generator(), s.samples(), s.noise(), s.classes(), s.seed());
            syntheticError.setText("");
            float[] x = d.featureValues();
            int f = d.featureShape().size();
            double minX = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (int i = 0; i < d.size(); i++) {
                double px = x[i * f];
                double py = f == 2 ? x[i * 2 + 1] : d.target(i);
                minX = Math.min(minX, px);
                maxX = Math.max(maxX, px);
                minY = Math.min(minY, py);
                maxY = Math.max(maxY, py);
            }
            g.setStroke(Color.web("#cfd4db"));
            g.strokeRect(0.5, 0.5, 299, 299);
            for (int i = 0; i < d.size(); i++) {
                double px = 10 + (x[i * f] - minX) / (maxX - minX + 1e-9) * 280;
                double py = 290 - ((f == 2 ? x[i * 2 + 1] : d.target(i)) - minY) / (maxY - minY + 1e-9) * 280;
                g.setFill(d.isClassification() ? COLORS[(int) d.target(i) % COLORS.length] : COLORS[0]);
                g.fillOval(px - 2.5, py - 2.5, 5, 5);
            }
        } catch (RuntimeException e) {
            syntheticError.setText(e instanceof NumberFormatException ? "noise and seed must be numbers" : e.getMessage());
        }
    }

    /** Shows a text file on the Corpus tab. */
    public void openCorpus(Path file) {
        tabs.getSelectionModel().select(6);
        corpus.open(file, null);
    }

    /** Shows a CSV file on the Text tab. */
    public void openText(Path file) {
        tabs.getSelectionModel().select(5);
        text.open(file, null);
    }

    /** Shows a CSV file on the Time series tab. */
    public void openSeries(Path file) {
        tabs.getSelectionModel().select(4);
        series.open(file, null);
    }

    /** Shows a CSV file on the CSV tab. */
    public void openCsv(Path file) {
        tabs.getSelectionModel().select(1);
        csv.open(file);
    }

    /** The chosen source, as the target option says; null when incomplete. */
    private DatasetSource result() {
        DatasetSource chosen = chosen();
        return chosen != null && reconstruct.isSelected() ? new DatasetSource.Reconstruct(chosen) : chosen;
    }

    /** The chosen source, with files brought into the project's folder; null when incomplete. */
    private DatasetSource chosen() {
        int tab = tabs.getSelectionModel().getSelectedIndex();
        try {
            if (tab == 6) {
                DatasetSource.Corpus chosen = corpus.result("");
                return chosen == null ? null : chosen.withPath(inProject(corpus.file()));
            }
            if (tab == 5) {
                DatasetSource.Text chosen = text.result("");
                return chosen == null ? null : chosen.withPath(inProject(text.file()));
            }
            if (tab == 4) {
                DatasetSource.Windows chosen = series.result("");
                return chosen == null ? null : chosen.withPath(inProject(series.file()));
            }
            if (tab == 3) {
                return folderPane.result();
            }
            if (tab == 0) {
                return generated();
            }
            if (tab == 1) {
                if (csv.file() == null) {
                    csv.say("Choose a CSV file first.");
                    return null;
                }
                DatasetSource.Csv chosen = csv.result("");
                return chosen == null ? null : chosen.withPath(inProject(csv.file()));
            }
            return idx.result(this::inProject);
        } catch (IOException e) {
            csv.say("Cannot copy the file into the project: " + e.getMessage());
            return null;
        }
    }

    /** A path relative to the project folder, copying the file into data/ when it lies outside. */
    private String inProject(Path file) throws IOException {
        Path dir = projectDir.toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(dir)) {
            Path data = dir.resolve("data");
            Files.createDirectories(data);
            Path copy = data.resolve(abs.getFileName());
            if (!Files.exists(copy) || Files.mismatch(copy, abs) != -1) {
                Files.copy(abs, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            abs = copy;
        }
        return dir.relativize(abs).toString().replace('\\', '/');
    }

    /** Shows the dialog and returns the choice. */
    public Optional<DatasetSource> ask() {
        return showAndWait();
    }
}
