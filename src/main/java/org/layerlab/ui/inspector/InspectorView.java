package org.layerlab.ui.inspector;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.layerlab.engine.ops.ActivationFunction;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NodeInfo;
import org.layerlab.nn.graph.Problem;
import org.layerlab.nn.layers.LayerParam;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.layers.ParamType;
import org.layerlab.project.LayerCodec;
import org.layerlab.ui.commands.Edits;
import org.layerlab.ui.model.EditorModel;

/**
 * The right-hand panel. With one layer selected it edits that layer's options (each change one
 * undoable command, checked by the layer's own rules first: a bad value shows the rule in red
 * and changes nothing); with nothing selected it shows the training settings.
 */
public final class InspectorView extends VBox {
    private final EditorModel model;
    private final VBox body = new VBox(8);
    private final TrainingSettingsView settings;

    public InspectorView(EditorModel model) {
        this.model = model;
        this.settings = new TrainingSettingsView(model);
        setId("inspector");
        getStyleClass().add("inspector");
        setPadding(new Insets(8));
        setSpacing(6);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);
        model.analysisProperty().addListener((o, a, b) -> refresh());
        model.selection().addListener((SetChangeListener<String>) c -> refresh());
        refresh();
    }

    private void refresh() {
        body.getChildren().clear();
        if (model.selection().isEmpty()) {
            settings.refresh();
            body.getChildren().add(settings);
            return;
        }
        if (model.selection().size() > 1) {
            Label l = new Label(model.selection().size() + " layers selected");
            l.getStyleClass().add("panel-title");
            body.getChildren().addAll(l, new Label("Drag to move them together, Delete to remove them."));
            return;
        }
        String id = model.selection().iterator().next();
        model.graph().node(id).ifPresent(this::showNode);
    }

    private void showNode(GraphNode node) {
        Label title = new Label(node.spec().kind());
        title.getStyleClass().add("panel-title");
        title.setId("inspector-title");
        GridPane grid = grid();
        TextField name = ParamEditors.text("name", node.name());
        ParamEditors.onCommit(name, () -> {
            String n = name.getText().trim();
            if (!n.isEmpty() && !n.equals(node.name())) {
                model.execute(Edits.rename(model.graph(), node.id(), n));
            }
        });
        int row = 0;
        grid.addRow(row++, label("name"), name);
        Label error = new Label();
        error.setId("inspector-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        JsonObject params = LayerCodec.encode(node.spec());
        for (LayerParam param : node.spec().descriptor().params()) {
            String key = param.name();
            Node editor = ParamEditors.editor(param, params.get(key), value -> commit(node, key, value, error));
            Label label = label(key);
            label.setTooltip(new Tooltip(param.help()));
            grid.addRow(row++, label, editor);
            ActivationFunction f = param.type() == ParamType.ACTIVATION
                    ? ActivationFunction.fromName(params.get(key).getAsString()) : null;
            if (f != null && f.hasAlpha()) {
                JsonElement alpha = params.has("alpha") ? params.get("alpha") : new JsonPrimitive(f.defaultAlpha());
                Label alphaLabel = label("alpha");
                alphaLabel.setTooltip(new Tooltip("The slope below zero (leaky_relu) or the saturation (elu)."));
                grid.addRow(row++, alphaLabel, ParamEditors.number("alpha", alpha, value -> commit(node, "alpha", value, error)));
            }
        }
        NodeInfo info = model.analysis() == null ? null : model.analysis().info(node.id());
        Label shape = new Label(info == null || info.outputShape() == null ? "Output shape: unknown"
                : "Output shape: " + info.outputShape().toBatchString() + String.format("\nParameters: %,d", info.params()));
        shape.setId("inspector-shape");
        shape.setWrapText(true);
        shape.getStyleClass().add("muted");
        VBox problems = new VBox(4);
        if (model.analysis() != null) {
            for (Problem p : model.analysis().problemsOf(node.id())) {
                Label l = new Label(p.message());
                l.setWrapText(true);
                l.getStyleClass().add(p.isError() ? "error-text" : "warning-text");
                problems.getChildren().add(l);
            }
        }
        body.getChildren().addAll(title, grid, error, shape, problems);
    }

    private void commit(GraphNode node, String key, JsonElement value, Label error) {
        GraphNode current = model.graph().node(node.id()).orElse(null);
        if (current == null) {
            return;
        }
        JsonObject params = LayerCodec.encode(current.spec());
        params.add(key, value);
        try {
            LayerSpec spec = LayerCodec.decode(current.spec().kind(), params, key);
            error.setText("");
            if (!spec.equals(current.spec())) {
                model.execute(Edits.setSpec(model.graph(), node.id(), spec, key));
            }
        } catch (RuntimeException e) {
            String msg = e.getMessage();
            error.setText(msg.startsWith(key + ": ") ? msg.substring(key.length() + 2) : msg);
        }
    }

    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(LABEL_WIDTH);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    static Label label(String key) {
        Label l = new Label(key.replace('_', ' '));
        l.getStyleClass().add("field-label");
        // Long option names ("kernel regularizer") take two lines rather than lose their end.
        l.setWrapText(true);
        l.setMaxWidth(LABEL_WIDTH);
        return l;
    }

    private static final double LABEL_WIDTH = 110;
}
