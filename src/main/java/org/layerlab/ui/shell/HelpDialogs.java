package org.layerlab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help ▸ Keyboard Shortcuts, Getting Started and About. */
final class HelpDialogs {
    /** What the canvas does with the mouse and keys beyond the menus' shortcuts. */
    private static final List<String> GESTURES = List.of(
            "Drag from the palette — place a layer", "Double-click in the palette, or Enter — add after the selection",
            "Drag from a layer's bottom port to another layer — connect", "Click, Shift+click, drag a rectangle — select",
            "Drag a layer — move it", "Delete — remove the selection, or a clicked connection",
            "Wheel — zoom", "Middle- or right-drag, or Space+drag — pan");

    private HelpDialogs() {
    }

    /** Every menu shortcut (read from the menus, so the list cannot go stale) and the canvas gestures, with a filter. */
    static void shortcuts(Window owner, MenuBar menus) {
        List<String> all = new ArrayList<>();
        for (Menu m : menus.getMenus()) {
            collect(m, m.getText().replace("_", ""), all);
        }
        all.addAll(GESTURES);
        ListView<String> list = new ListView<>();
        list.getItems().setAll(all);
        list.setId("shortcuts-list");
        list.setPrefSize(520, 380);
        TextField filter = new TextField();
        filter.setPromptText("Search shortcuts");
        filter.setId("shortcuts-filter");
        filter.textProperty().addListener((o, a, b) -> list.getItems().setAll(all.stream()
                .filter(s -> s.toLowerCase(Locale.ROOT).contains(b.toLowerCase(Locale.ROOT))).toList()));
        show(owner, "Keyboard Shortcuts", new VBox(8, filter, list));
    }

    private static void collect(Menu menu, String path, List<String> out) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, path + " ▸ " + sub.getText(), out);
            } else if (item.getAccelerator() != null) {
                out.add(item.getAccelerator().getDisplayText() + " — " + path + " ▸ " + item.getText());
            }
        }
    }

    static void gettingStarted(Window owner) {
        Label text = new Label("""
                1. Open a sample (File ▸ Open Sample) or start from a template (File ▸ New from Template).
                2. Drag layers from the palette onto the canvas and connect a layer's bottom port to the next.
                   A red outline marks a problem: hover for what is wrong, click Fix where one is offered.
                3. Select nothing to see the training settings and choose the data (Choose data…).
                4. Press Train: the charts and views below follow the run; Pause, change a setting, Resume.
                5. Save (Ctrl+S): the project keeps its weights and history; the command line trains it too
                   (bin/layerlab train PROJECT).""");
        text.setWrapText(true);
        text.setMaxWidth(560);
        show(owner, "Getting Started", text);
    }

    static void about(Window owner) {
        String version = HelpDialogs.class.getPackage().getImplementationVersion();
        Label text = new Label("LayerLab " + (version == null ? "(development build)" : version) + """

                Design, train and understand neural networks, with an engine of its own in Java.

                Libraries: OpenJFX (GPL 2 with the Classpath Exception), ControlsFX (BSD 3-Clause),
                Gson (Apache 2.0). Sample data: see samples/data/SOURCES.md for each dataset's source
                and licence (Fashion-MNIST: MIT; the UCI tables: CC BY 4.0).""");
        text.setWrapText(true);
        text.setMaxWidth(560);
        show(owner, "About LayerLab", text);
    }

    private static void show(Window owner, String title, Node content) {
        Alert a = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(null);
        a.getDialogPane().setContent(content);
        a.show();
    }
}
