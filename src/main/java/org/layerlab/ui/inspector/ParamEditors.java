package org.layerlab.ui.inspector;

import java.util.List;
import java.util.function.Consumer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.layerlab.engine.ops.ActivationFunction;
import org.layerlab.nn.Initializer;

/**
 * The right editor for each saved option, chosen by its Keras name and JSON type: choice boxes
 * for activation, padding and initializers; a check box for flags; a spinner for counts; two
 * spinners for (height, width) pairs; a text field, checked on Enter or leaving it, for the rest.
 * Each editor reports its new value as JSON; the inspector decodes and validates it.
 */
final class ParamEditors {
    private ParamEditors() {
    }

    static Node editor(String key, JsonElement value, Consumer<JsonElement> commit) {
        if (key.equals("activation")) {
            return choice(key, value.getAsString(), ActivationFunction.names().split(", "), commit);
        }
        if (key.equals("padding")) {
            return choice(key, value.getAsString(), new String[] {"valid", "same"}, commit);
        }
        if (key.endsWith("_initializer")) {
            String[] names = java.util.Arrays.stream(Initializer.Kind.values()).map(Initializer.Kind::kerasName)
                    .toArray(String[]::new);
            return choice(key, value.getAsString(), names, commit);
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()) {
            CheckBox box = new CheckBox();
            box.setId("param-" + key);
            box.setSelected(value.getAsBoolean());
            box.selectedProperty().addListener((o, a, b) -> commit.accept(new JsonPrimitive(b)));
            return box;
        }
        if (value.isJsonArray() && value.getAsJsonArray().size() == 2 && !key.contains("shape")) {
            JsonArray arr = value.getAsJsonArray();
            Spinner<Integer> h = spinner(key + "-h", arr.get(0).getAsInt(), 1, 64);
            Spinner<Integer> w = spinner(key + "-w", arr.get(1).getAsInt(), 1, 64);
            Runnable send = () -> {
                JsonArray out = new JsonArray();
                out.add(h.getValue());
                out.add(w.getValue());
                commit.accept(out);
            };
            h.valueProperty().addListener((o, a, b) -> send.run());
            w.valueProperty().addListener((o, a, b) -> send.run());
            HBox box = new HBox(4, h, new Label("×"), w);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            return box;
        }
        if (value.isJsonArray()) {
            TextField t = text(key, String.join(", ", value.getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList()));
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
        if (isCount(key, value)) {
            Spinner<Integer> s = spinner(key, value.getAsInt(), key.equals("axis") ? -4 : 1, 100_000);
            s.valueProperty().addListener((o, a, b) -> commit.accept(new JsonPrimitive(b)));
            return s;
        }
        TextField t = text(key, value.isJsonPrimitive() ? value.getAsString() : value.toString());
        onCommit(t, () -> {
            try {
                commit.accept(new JsonPrimitive(Double.parseDouble(t.getText().trim())));
            } catch (NumberFormatException e) {
                commit.accept(new JsonPrimitive(t.getText()));
            }
        });
        return t;
    }

    private static boolean isCount(String key, JsonElement v) {
        return List.of("units", "filters", "axis").contains(key) && v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber();
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
