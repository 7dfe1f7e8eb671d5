package org.layerlab.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Seeded mutations of a text file: byte-level (a character replaced, a span cut or doubled) and,
 * for JSON, structure-aware (a value replaced by one of the values that break programs: huge,
 * negative, fractional, empty, of another type, with control characters; a member removed).
 */
final class Mutator {
    private static final String NASTY_CHARS = "\"{}[],:0123456789-+.eE \n\t\\\u0000\u001b\u00ff\u2028";
    private static final List<JsonElement> NASTY_VALUES = List.of(JsonNull.INSTANCE, new JsonPrimitive(true),
            new JsonPrimitive(0), new JsonPrimitive(-1), new JsonPrimitive(1), new JsonPrimitive(2.5),
            new JsonPrimitive(1e12), new JsonPrimitive(-1e308), new JsonPrimitive(1e308), new JsonPrimitive(2147483648L),
            new JsonPrimitive(""), new JsonPrimitive("x"), new JsonPrimitive("../../etc/passwd"),
            new JsonPrimitive("a\u0000b"), new JsonPrimitive("\u001b[2J"), new JsonPrimitive("NaN"), new JsonArray(),
            new JsonObject(), ints(100000, 100000, 1000), ints(0), ints(-3, 2), ints(3, 1073741824));

    private final SplittableRandom rng;

    Mutator(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    private static JsonArray ints(long... v) {
        JsonArray a = new JsonArray();
        for (long x : v) {
            a.add(x);
        }
        return a;
    }

    /** One mutant of text: JSON-aware with probability jsonShare when the text parses as JSON. */
    String mutate(String text, double jsonShare) {
        int edits = 1 + rng.nextInt(3);
        String out = text;
        for (int i = 0; i < edits; i++) {
            out = rng.nextDouble() < jsonShare ? mutateJson(out) : mutateBytes(out);
        }
        return out;
    }

    private String mutateBytes(String s) {
        if (s.isEmpty()) {
            return String.valueOf(NASTY_CHARS.charAt(rng.nextInt(NASTY_CHARS.length())));
        }
        int at = rng.nextInt(s.length());
        int len = 1 + rng.nextInt(Math.min(64, s.length() - at));
        return switch (rng.nextInt(4)) {
            case 0 -> s.substring(0, at) + NASTY_CHARS.charAt(rng.nextInt(NASTY_CHARS.length())) + s.substring(at + 1);
            case 1 -> s.substring(0, at) + s.substring(at + len);
            case 2 -> s.substring(0, at + len) + s.substring(at, at + len) + s.substring(at + len);
            default -> s.substring(0, at);
        };
    }

    private String mutateJson(String s) {
        JsonElement root;
        try {
            root = JsonParser.parseString(s);
        } catch (RuntimeException e) {
            return mutateBytes(s);
        }
        List<JsonElement> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return mutateBytes(s);
        }
        JsonElement c = containers.get(rng.nextInt(containers.size()));
        JsonElement value = NASTY_VALUES.get(rng.nextInt(NASTY_VALUES.size())).deepCopy();
        if (c.isJsonObject()) {
            JsonObject o = c.getAsJsonObject();
            List<String> keys = new ArrayList<>(o.keySet());
            if (keys.isEmpty()) {
                o.add("x", value);
            } else {
                String key = keys.get(rng.nextInt(keys.size()));
                if (rng.nextInt(4) == 0) {
                    o.remove(key);
                } else {
                    o.add(key, value);
                }
            }
        } else {
            JsonArray a = c.getAsJsonArray();
            if (a.isEmpty() || rng.nextInt(4) == 0) {
                a.add(value);
            } else {
                a.set(rng.nextInt(a.size()), value);
            }
        }
        return root.toString();
    }

    private static void collect(JsonElement e, List<JsonElement> out) {
        if (e.isJsonObject()) {
            out.add(e);
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                collect(m.getValue(), out);
            }
        } else if (e.isJsonArray()) {
            out.add(e);
            e.getAsJsonArray().forEach(x -> collect(x, out));
        }
    }
}
