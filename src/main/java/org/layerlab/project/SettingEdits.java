package org.layerlab.project;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.training.TrainingConfig;

/**
 * One setting of a project changed by the name a run's record gives it ({@link RunRecords#settings}):
 * "learning_rate", "batch_size", "optimizer", "early_stopping.patience", or a layer's option as
 * "node.option" where node is a layer's id or name ("dense_1.units", "dropout.rate"). The value
 * goes through the same checks as a project file, so a sweep or a fork cannot set what a file
 * could not hold; the message says which setting and why.
 */
public final class SettingEdits {
    private SettingEdits() {
    }

    public static Project with(Project p, String key, String value) {
        String[] path = key.split("\\.");
        GraphNode node = path.length == 2 ? layer(p, path[0]) : null;
        if (node != null) {
            JsonObject params = LayerCodec.encode(node.spec());
            params.add(path[1], typed(params.get(path[1]), value));
            LayerSpec spec;
            try {
                spec = LayerCodec.decode(node.spec().kind(), params, node.id());
            } catch (JsonFields.FieldError | IllegalArgumentException e) {
                throw new IllegalArgumentException(key + " = " + value + ": " + e.getMessage(), e);
            }
            return p.withGraph(p.graph().withSpec(node.id(), spec));
        }
        JsonObject t = TrainingCodec.encode(p.training());
        List<String> at = switch (key) {
            case "learning_rate" -> List.of("optimizer", "learning_rate");
            case "optimizer" -> List.of("optimizer", "name");
            case "loss" -> List.of("loss", "name");
            default -> List.of(path);
        };
        if (key.equals("optimizer")) {
            // Another optimizer's options (beta_1, momentum) mean nothing to this one: its defaults apply.
            t.getAsJsonObject("optimizer").remove("options");
        }
        JsonObject parent = t;
        for (int i = 0; i < at.size() - 1; i++) {
            JsonElement next = parent.get(at.get(i));
            if (next == null || !next.isJsonObject()) {
                throw new IllegalArgumentException(unknown(p, key));
            }
            parent = next.getAsJsonObject();
        }
        String last = at.get(at.size() - 1);
        if (!parent.has(last) && !(at.size() == 2 && at.get(0).equals("optimizer"))) {
            throw new IllegalArgumentException(unknown(p, key));
        }
        parent.add(last, typed(parent.get(last), value));
        try {
            TrainingConfig config = TrainingCodec.decode(JsonFields.of(t, "$.training"));
            return p.withTraining(config);
        } catch (JsonFields.FieldError | IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " = " + value + ": " + e.getMessage(), e);
        }
    }

    /** Whether key names a setting of this project (its value is not checked: that is each trial's). */
    public static boolean knows(Project p, String key) {
        String[] path = key.split("\\.");
        GraphNode node = path.length == 2 ? layer(p, path[0]) : null;
        if (node != null) {
            return LayerCodec.encode(node.spec()).has(path[1]);
        }
        if (key.equals("learning_rate") || key.equals("optimizer") || key.equals("loss")) {
            return true;
        }
        JsonElement at = TrainingCodec.encode(p.training());
        for (String part : path) {
            if (!at.isJsonObject() || !at.getAsJsonObject().has(part)) {
                return path.length == 2 && path[0].equals("optimizer");
            }
            at = at.getAsJsonObject().get(part);
        }
        return !at.isJsonObject();
    }

    /** What to say when a key names nothing: the settings and layers there are. */
    public static String unknownMessage(Project p, String key) {
        return unknown(p, key);
    }

    private static GraphNode layer(Project p, String idOrName) {
        return p.graph().node(idOrName).orElseGet(() -> p.graph().nodes().stream()
                .filter(n -> n.name().equals(idOrName)).findFirst().orElse(null));
    }

    private static String unknown(Project p, String key) {
        List<String> layers = new ArrayList<>();
        p.graph().nodes().forEach(n -> layers.add(n.id()));
        return "no setting '" + key + "': give a training setting (learning_rate, batch_size, optimizer, epochs, ...)"
                + " or a layer's option as layer.option, with a layer of " + String.join(", ", layers);
    }

    /** The value as the JSON type the setting has now (numbers stay numbers, switches booleans). */
    private static JsonElement typed(JsonElement now, String value) {
        if (now != null && now.isJsonPrimitive() && now.getAsJsonPrimitive().isBoolean()) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("'" + value + "' is not true or false");
            }
            return new JsonPrimitive(Boolean.parseBoolean(value));
        }
        boolean number = now == null || now.isJsonPrimitive() && now.getAsJsonPrimitive().isNumber();
        if (number) {
            try {
                return new JsonPrimitive(new java.math.BigDecimal(value));
            } catch (NumberFormatException e) {
                if (now != null) {
                    throw new IllegalArgumentException("'" + value + "' is not a number");
                }
            }
        }
        return new JsonPrimitive(value);
    }
}
