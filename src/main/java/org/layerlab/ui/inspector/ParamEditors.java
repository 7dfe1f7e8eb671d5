package org.layerlab.ui.inspector;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerlab.engine.ops.ActivationFunction;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.Padding;
import org.layerlab.nn.layers.LayerParam;
import org.layerlab.nn.layers.ParamType;

/**
 * The editor for each layer option, chosen by its {@link ParamType}:
 * choice boxes for activation, padding, initializers and word lists; a check box for flags; a
 * spinner within the option's range for counts; two spinners for (height, width) pairs; l1 and l2
 * fields for a regularizer; a text field, checked on Enter or leaving it, for the rest. Each
 * editor reports its new value as JSON; the inspector decodes and validates it.
 */
final class ParamEditors {
    private static final int SPINNER_FLOOR = -100_000;
    private static final int SPINNER_CEILING = 1_000_000;

    private ParamEditors() {
    }

    /** value is the option's saved JSON, or null when the file leaves it out (no regularizer). */
    static Node editor(LayerParam param, JsonElement value, Consumer<JsonElement> commit) {
        String key = param.name();
        return switch (param.type()) {
            case ACTIVATION -> choice(key, value.getAsString(), ActivationFunction.names().split(", "), commit);
            case PADDING -> choice(key, value.getAsString(),
                    Arrays.stream(Padding.values()).map(Padding::kerasName).toArray(String[]::new), commit);
            case INITIALIZER -> choice(key, value.getAsString(),
                    Arrays.stream(Initializer.Kind.values()).map(Initializer.Kind::kerasName).toArray(String[]::new), commit);
            case CHOICE -> choice(key, value.getAsString(), param.choices().toArray(String[]::new), commit);
            case BOOL -> {
                CheckBox box = new CheckBox();
                box.setId("param-" + key);
                box.setSelected(value.getAsBoolean());
                box.selectedProperty().addListener((o, a, b) -> commit.accept(new JsonPrimitive(b)));
                yield box;
            }
            case INT -> {
                Spinner<Integer> s = spinner(key, value.getAsInt(), bound(param.min(), SPINNER_FLOOR),
                        bound(param.max(), SPINNER_CEILING));
                s.valueProperty().addListener((o, a, b) -> commit.accept(new JsonPrimitive(b)));
                yield s;
            }
            case SIZE2 -> pair(param, value.getAsJsonArray(), commit);
            case EDGES -> edges(param.name(), value.getAsJsonArray(), commit);
            case ENDS -> ends(param.name(), value.getAsJsonArray(), commit);
            case SHAPE -> shape(key, value.getAsJsonArray(), commit);
            case REGULARIZER -> regularizer(key, value == null ? null : value.getAsJsonObject(), commit);
            case FLOAT -> number(key, value, commit);
        };
    }

    /** A free number (an activation's alpha, a rate): parsed on commit, refused by the layer's rules if wrong. */
    static TextField number(String key, JsonElement value, Consumer<JsonElement> commit) {
        TextField t = text(key, value.getAsString());
        onCommit(t, () -> {
            try {
                commit.accept(new JsonPrimitive(Double.parseDouble(t.getText().trim())));
            } catch (NumberFormatException e) {
                commit.accept(new JsonPrimitive(t.getText()));
            }
        });
        return t;
    }

    private static int bound(double limit, int fallback) {
        return Double.isInfinite(limit) ? fallback : (int) Math.max(SPINNER_FLOOR, Math.min(SPINNER_CEILING, limit));
    }

    private static Node pair(LayerParam param, JsonArray arr, Consumer<JsonElement> commit) {
        int lo = bound(param.min(), 1);
        int hi = bound(param.max(), 64);
        Spinner<Integer> h = spinner(param.name() + "-h", arr.get(0).getAsInt(), lo, hi);
        Spinner<Integer> w = spinner(param.name() + "-w", arr.get(1).getAsInt(), lo, hi);
        Runnable send = () -> {
            JsonArray out = new JsonArray();
            out.add(h.getValue());
            out.add(w.getValue());
            commit.accept(out);
        };
        h.valueProperty().addListener((o, a, b) -> send.run());
        w.valueProperty().addListener((o, a, b) -> send.run());
        HBox box = new HBox(4, h, new Label("×"), w);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Two spinners, the steps off the start and off the end, sent as Keras' [start, end]. */
    private static Node ends(String key, JsonArray arr, Consumer<JsonElement> commit) {
        Spinner<Integer> start = spinner(key + "-start", arr.get(0).getAsInt(), 0, 4096);
        Spinner<Integer> end = spinner(key + "-end", arr.get(1).getAsInt(), 0, 4096);
        Runnable send = () -> {
            JsonArray out = new JsonArray();
            out.add(start.getValue());
            out.add(end.getValue());
            commit.accept(out);
        };
        start.valueProperty().addListener((o, a, b) -> send.run());
        end.valueProperty().addListener((o, a, b) -> send.run());
        HBox box = new HBox(4, new Label("start"), start, new Label("end"), end);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Four spinners, top and bottom then left and right, sent as Keras' [[top, bottom], [left, right]]. */
    private static Node edges(String key, JsonArray arr, Consumer<JsonElement> commit) {
        JsonArray h = arr.get(0).getAsJsonArray();
        JsonArray w = arr.get(1).getAsJsonArray();
        List<Spinner<Integer>> s = List.of(spinner(key + "-top", h.get(0).getAsInt(), 0, 256),
                spinner(key + "-bottom", h.get(1).getAsInt(), 0, 256), spinner(key + "-left", w.get(0).getAsInt(), 0, 256),
                spinner(key + "-right", w.get(1).getAsInt(), 0, 256));
        Runnable send = () -> {
            JsonArray rows = new JsonArray();
            rows.add(s.get(0).getValue());
            rows.add(s.get(1).getValue());
            JsonArray cols = new JsonArray();
            cols.add(s.get(2).getValue());
            cols.add(s.get(3).getValue());
            JsonArray out = new JsonArray();
            out.add(rows);
            out.add(cols);
            commit.accept(out);
        };
        s.forEach(x -> {
            x.setPrefWidth(58);
            x.setMinWidth(58);
            x.valueProperty().addListener((o, a, b) -> send.run());
        });
        // Two rows of arrows and numbers: the inspector is too narrow for four spinners side by side.
        HBox rows = new HBox(3, arrow("↑", "top"), s.get(0), arrow("↓", "bottom"), s.get(1));
        HBox cols = new HBox(3, arrow("←", "left"), s.get(2), arrow("→", "right"), s.get(3));
        rows.setAlignment(Pos.CENTER_LEFT);
        cols.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, rows, cols);
    }

    private static Label arrow(String text, String edge) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setTooltip(new Tooltip(edge));
        return l;
    }

    private static Node shape(String key, JsonArray arr, Consumer<JsonElement> commit) {
        TextField t = text(key, String.join(", ", arr.asList().stream().map(JsonElement::getAsString).toList()));
        onCommit(t, () -> {
            JsonArray out = new JsonArray();
            for (String part : t.getText().split("[,×x ]+")) {
                if (!part.isBlank()) {
                    try {
                        out.add(Integer.parseInt(part.trim()));
                    } catch (NumberFormatException e) {
                        out.add(part.trim());
                    }
                }
            }
            commit.accept(out);
        });
        return t;
    }

    private static Node regularizer(String key, JsonObject value, Consumer<JsonElement> commit) {
        TextField l1 = text(key + "-l1", value == null ? "0" : value.get("l1").getAsString());
        TextField l2 = text(key + "-l2", value == null ? "0" : value.get("l2").getAsString());
        l1.setPrefColumnCount(5);
        l2.setPrefColumnCount(5);
        Runnable send = () -> {
            JsonObject out = new JsonObject();
            out.add("l1", parsed(l1.getText()));
            out.add("l2", parsed(l2.getText()));
            commit.accept(out);
        };
        onCommit(l1, send);
        onCommit(l2, send);
        HBox box = new HBox(4, new Label("l1"), l1, new Label("l2"), l2);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static JsonPrimitive parsed(String text) {
        try {
            return new JsonPrimitive(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            return new JsonPrimitive(text);
        }
    }

    static Spinner<Integer> spinner(String id, int value, int min, int max) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setEditable(true);
        s.setId("param-" + id);
        s.setPrefWidth(96);
        // Typed text counts only when committed, as for the other fields.
        s.getEditor().setOnAction(e -> s.increment(0));
        return s;
    }

    static TextField text(String id, String value) {
        TextField t = new TextField(value);
        t.setId("param-" + id);
        t.setPrefColumnCount(10);
        return t;
    }

    static void onCommit(TextField t, Runnable commit) {
        t.setOnAction(e -> commit.run());
        t.focusedProperty().addListener((o, was, now) -> {
            if (was && !now) {
                commit.run();
            }
        });
    }

    static ChoiceBox<String> choice(String id, String value, String[] options, Consumer<JsonElement> commit) {
        ChoiceBox<String> c = new ChoiceBox<>();
        c.getItems().addAll(options);
        c.setValue(value);
        c.setId("param-" + id);
        c.valueProperty().addListener((o, a, b) -> commit.accept(new JsonPrimitive(b)));
        return c;
    }
}
