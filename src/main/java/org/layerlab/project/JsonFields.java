package org.layerlab.project;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Typed reads from a JSON object that name the JSON path of the culprit when a field is missing
 * or of the wrong type, e.g. "$.nodes[2].params.units: expected a whole number, found "ten"".
 */
final class JsonFields {
    private final JsonObject object;
    private final String path;

    JsonFields(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    static JsonFields of(JsonElement e, String path) {
        if (e == null || !e.isJsonObject()) {
            throw new FieldError(path, "expected an object, found " + describe(e));
        }
        return new JsonFields(e.getAsJsonObject(), path);
    }

    String path(String field) {
        return path + "." + field;
    }

    boolean has(String field) {
        return object.has(field) && !object.get(field).isJsonNull();
    }

    JsonElement raw(String field) {
        return object.get(field);
    }

    String string(String field) {
        JsonElement e = require(field);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new FieldError(path(field), "expected text, found " + describe(e));
        }
        return e.getAsString();
    }

    String string(String field, String fallback) {
        return has(field) ? string(field) : fallback;
    }

    double number(String field) {
        JsonElement e = require(field);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new FieldError(path(field), "expected a number, found " + describe(e));
        }
        double v = e.getAsDouble();
        if (!Double.isFinite(v)) {
            throw new FieldError(path(field), "expected a finite number, found " + e);
        }
        return v;
    }

    double number(String field, double fallback) {
        return has(field) ? number(field) : fallback;
    }

    int integer(String field) {
        double v = number(field);
        if (v != Math.rint(v)) {
            throw new FieldError(path(field), "expected a whole number, found " + raw(field));
        }
        if (Math.abs(v) > Integer.MAX_VALUE) {
            throw new FieldError(path(field), String.format("%s is too large: at most %,d", raw(field), Integer.MAX_VALUE));
        }
        return (int) v;
    }

    int integer(String field, int fallback) {
        return has(field) ? integer(field) : fallback;
    }

    long longValue(String field, long fallback) {
        if (!has(field)) {
            return fallback;
        }
        double v = number(field);
        if (v != Math.rint(v)) {
            throw new FieldError(path(field), "expected a whole number, found " + raw(field));
        }
        return raw(field).getAsLong();
    }

    boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonElement e = raw(field);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new FieldError(path(field), "expected true or false, found " + describe(e));
        }
        return e.getAsBoolean();
    }

    int[] ints(String field) {
        JsonElement e = require(field);
        if (!e.isJsonArray()) {
            throw new FieldError(path(field), "expected a list of whole numbers, found " + describe(e));
        }
        JsonArray a = e.getAsJsonArray();
        if (a.size() > 8) {
            throw new FieldError(path(field), "expected at most 8 numbers, found " + a.size());
        }
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement x = a.get(i);
            if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isNumber() || x.getAsDouble() != Math.rint(x.getAsDouble())
                    || Math.abs(x.getAsDouble()) > Integer.MAX_VALUE) {
                throw new FieldError(path(field) + "[" + i + "]", "expected a whole number, found " + describe(x));
            }
            out[i] = x.getAsInt();
        }
        return out;
    }

    List<JsonElement> list(String field) {
        if (!has(field)) {
            return List.of();
        }
        JsonElement e = raw(field);
        if (!e.isJsonArray()) {
            throw new FieldError(path(field), "expected a list, found " + describe(e));
        }
        List<JsonElement> out = new ArrayList<>();
        e.getAsJsonArray().forEach(out::add);
        return out;
    }

    JsonFields object(String field) {
        return of(require(field), path(field));
    }

    private JsonElement require(String field) {
        if (!has(field)) {
            throw new FieldError(path(field), "is missing");
        }
        return object.get(field);
    }

    static String describe(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "nothing";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "a list";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        String s = p.toString();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** A field that is missing or wrong, with its JSON path. */
    static final class FieldError extends RuntimeException {
        final String jsonPath;

        FieldError(String jsonPath, String problem) {
            super(jsonPath + ": " + problem);
            this.jsonPath = jsonPath;
        }
    }
}
