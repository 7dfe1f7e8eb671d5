package org.layerlab.ui.data;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** What the data dialog's file-based tabs share: the file button and the line that says what the choices make. */
final class CsvChoice {
    private CsvChoice() {
    }

    /** "Choose CSV file…", opening the chosen file with open. */
    static Button button(Window owner, Consumer<Path> open) {
        return button(owner, open, "Choose CSV file…",
                new FileChooser.ExtensionFilter("CSV and text tables", "*.csv", "*.txt", "*.tsv"));
    }

    static Button button(Window owner, Consumer<Path> open, String label, FileChooser.ExtensionFilter filter) {
        Button choose = new Button(label);
        choose.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.getExtensionFilters().addAll(filter, new FileChooser.ExtensionFilter("All files", "*"));
            File f = c.showOpenDialog(owner);
            if (f != null) {
                open.accept(f.toPath());
            }
        });
        return choose;
    }

    /** Shows what is wrong with the choices, in the error style. */
    static void problem(Label line, String message) {
        line.setText(message);
        if (!line.getStyleClass().contains("error-text")) {
            line.getStyleClass().add("error-text");
        }
    }

    /** Shows what the choices make. */
    static void ready(Label line, String message) {
        line.setText(message);
        line.getStyleClass().remove("error-text");
    }
}
