package org.layerlab.ui;

import javafx.stage.Stage;
import org.layerlab.ui.model.EditorModel;
import org.layerlab.ui.shell.MainWindow;

/** The window a flow test drives: the model in a main window at the size the README's screenshots use. */
public final class FlowWindow {
    private FlowWindow() {
    }

    /** TestFX shares one stage between test classes: a smaller one left by another class would stay, so the size is set each time. */
    public static MainWindow show(Stage stage, EditorModel model) {
        MainWindow window = new MainWindow(stage, model);
        stage.setWidth(1280);
        stage.setHeight(760);
        stage.show();
        return window;
    }
}
