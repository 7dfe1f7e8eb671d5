package org.layerlab.ui.shell;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Cursor;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.Problem;
import org.layerlab.ui.canvas.GraphCanvas;
import org.layerlab.ui.model.EditorModel;

/** Problems count, total parameters, estimated training memory and zoom, kept current. */
final class StatusBar extends HBox {
    private final Label problems = new Label();
    private final Label params = new Label();
    private final Label memory = new Label();
    private final Label zoom = new Label();

    StatusBar(EditorModel model, GraphCanvas canvas) {
        setId("status-bar");
        getStyleClass().add("status-bar");
        setSpacing(18);
        setPadding(new Insets(4, 10, 4, 10));
        setAlignment(Pos.CENTER_LEFT);
        problems.setId("status-problems");
        params.setId("status-params");
        memory.setId("status-memory");
        zoom.setId("status-zoom");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(problems, params, memory, spacer, zoom);
        model.analysisProperty().addListener((o, a, b) -> update(model));
        // "N errors" opens the list of problems; a row selects its layer (and the inspector shows it).
        problems.setOnMouseClicked(e -> showProblems(model));
        problems.setCursor(Cursor.HAND);
        problems.setTooltip(new Tooltip("Click for the list of problems"));
        canvas.zoomProperty().addListener((o, a, b) -> zoom.setText(String.format("Zoom %.0f%%", 100 * b.doubleValue())));
        zoom.setText("Zoom 100%");
        update(model);
    }

    private final ContextMenu list = new ContextMenu();

    private void showProblems(EditorModel model) {
        list.getItems().clear();
        for (Problem p : model.analysis().problems()) {
            Label row = new Label((p.isError() ? "Error: " : "Warning: ") + p.message());
            row.setWrapText(true);
            row.setMaxWidth(560);
            row.getStyleClass().add(p.isError() ? "error-text" : "warning-text");
            CustomMenuItem item = new CustomMenuItem(row, true);
            item.setOnAction(e -> {
                if (p.nodeId() != null && model.graph().contains(p.nodeId())) {
                    model.select(List.of(p.nodeId()));
                }
            });
            list.getItems().add(item);
        }
        list.setId("problems-list");
        if (!list.getItems().isEmpty()) {
            list.show(problems, Side.TOP, 0, 0);
        }
    }

    private void update(EditorModel model) {
        GraphAnalysis a = model.analysis();
        long errors = a.problems().stream().filter(Problem::isError).count();
        long warnings = a.problems().size() - errors;
        problems.setText(errors == 0 && warnings == 0 ? "✓ No problems"
                : errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s"));
        problems.getStyleClass().removeAll("error-text", "ok-text");
        problems.getStyleClass().add(errors > 0 ? "error-text" : "ok-text");
        params.setText(String.format("%,d parameters", a.totalParams()));
        int batch = model.project().training().batchSize();
        long bytes = a.trainingMemoryBytes(batch);
        String size = bytes < 1 << 20 ? String.format("%.0f KB", bytes / 1024.0) : String.format("%.1f MB", bytes / 1048576.0);
        memory.setText("≈ " + size + " to train at batch " + batch);
        // Warned here while editing; Train refuses such a run with the full explanation.
        boolean tooLarge = bytes > Runtime.getRuntime().maxMemory();
        memory.getStyleClass().remove("warning-text");
        if (tooLarge) {
            memory.getStyleClass().add("warning-text");
        }
        memory.setTooltip(tooLarge ? new Tooltip(String.format(
                "More than Java may use here (%,d MB): lower the batch size or start Java with a larger -Xmx",
                Runtime.getRuntime().maxMemory() >> 20)) : null);
    }
}
