package org.layerlab.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.layerlab.data.Augmentation;
import org.layerlab.data.DataException;
import org.layerlab.data.FeatureEncoder;
import org.layerlab.data.Tokenizer;

/** The "dataset" object of a project file. */
final class DatasetCodec {
    private DatasetCodec() {
    }

    static JsonObject encode(DatasetSource source) {
        JsonObject o = new JsonObject();
        DatasetSource d = source.underlying();
        if (d instanceof DatasetSource.Csv c) {
            o.addProperty("kind", "csv");
            o.addProperty("path", c.path());
            if (c.target() != null) {
                o.addProperty("target", c.target());
            }
            if (!c.ignore().isEmpty()) {
                JsonArray ig = new JsonArray();
                c.ignore().forEach(ig::add);
                o.add("ignore", ig);
            }
            if (c.missing() != FeatureEncoder.Missing.REFUSE) {
                o.addProperty("missing_values", c.missing().name().toLowerCase(Locale.ROOT));
            }
            o.addProperty("task", c.task() == null ? "auto" : c.task());
            o.addProperty("normalization", c.normalization() == null ? "none" : c.normalization());
            o.addProperty("test_split", c.testSplit());
            o.addProperty("seed", c.seed());
            if (c.offset() != null) {
                o.add("offset", floats(c.offset()));
                o.add("scale", floats(c.scale()));
            }
        } else if (d instanceof DatasetSource.Idx i) {
            o.addProperty("kind", "idx");
            o.addProperty("train_images", i.trainImages());
            o.addProperty("train_labels", i.trainLabels());
            if (i.testImages() != null) {
                o.addProperty("test_images", i.testImages());
                o.addProperty("test_labels", i.testLabels());
            }
            augmentation(o, i.augment());
        } else if (d instanceof DatasetSource.ImageFolder f) {
            o.addProperty("kind", "image_folder");
            o.addProperty("path", f.path());
            o.addProperty("width", f.width());
            o.addProperty("height", f.height());
            o.addProperty("channels", f.channels());
            o.addProperty("test_split", f.testSplit());
            o.addProperty("seed", f.seed());
            augmentation(o, f.augment());
        } else if (d instanceof DatasetSource.Windows w) {
            o.addProperty("kind", "time_series");
            o.addProperty("path", w.path());
            if (!w.inputs().isEmpty()) {
                JsonArray in = new JsonArray();
                w.inputs().forEach(in::add);
                o.add("inputs", in);
            }
            o.addProperty("target", w.target());
            o.addProperty("window", w.window());
            o.addProperty("horizon", w.horizon());
            o.addProperty("stride", w.stride());
            o.addProperty("test_split", w.testSplit());
            o.addProperty("normalization", w.standardize() ? "standardize" : "none");
            if (w.offset() != null) {
                o.add("offset", floats(w.offset()));
                o.add("scale", floats(w.scale()));
            }
        } else if (d instanceof DatasetSource.Text t) {
            o.addProperty("kind", "text");
            o.addProperty("path", t.path());
            o.addProperty("text_column", t.textColumn());
            o.addProperty("label_column", t.labelColumn());
            o.addProperty("split", t.level() == Tokenizer.Level.WORDS ? "words" : "characters");
            o.addProperty("standardize", t.lowercase() ? "lower_and_strip_punctuation" : "none");
            o.addProperty("max_tokens", t.maxTokens());
            o.addProperty("sequence_length", t.length());
            o.addProperty("test_split", t.testSplit());
            o.addProperty("seed", t.seed());
            vocabulary(o, t.vocabulary());
        } else if (d instanceof DatasetSource.Corpus c) {
            o.addProperty("kind", "corpus");
            o.addProperty("path", c.path());
            o.addProperty("split", c.level() == Tokenizer.Level.WORDS ? "words" : "characters");
            o.addProperty("standardize", c.lowercase() ? "lower_and_strip_punctuation" : "none");
            o.addProperty("max_tokens", c.maxTokens());
            o.addProperty("sequence_length", c.length());
            o.addProperty("stride", c.stride());
            o.addProperty("test_split", c.testSplit());
            vocabulary(o, c.vocabulary());
        } else if (d instanceof DatasetSource.Generated g) {
            o.addProperty("kind", "synthetic");
            o.addProperty("generator", g.generator());
            o.addProperty("samples", g.samples());
            o.addProperty("noise", g.noise());
            o.addProperty("classes", g.classes());
            o.addProperty("seed", g.seed());
            o.addProperty("test_split", g.testSplit());
        }
        if (source instanceof DatasetSource.Reconstruct) {
            o.addProperty("target_is_input", true);
        }
        return o;
    }

    /** The share held out for testing: 0 (none) up to, not including, 1 (then nothing would be left to train on). */
    private static double testSplit(JsonFields d) {
        double v = d.number("test_split", 0.2);
        if (!(v >= 0 && v < 1)) {
            throw new JsonFields.FieldError(d.path("test_split"), "must be at least 0 and below 1 (the share of the data"
                    + " held out for testing, e.g. 0.2), found " + v);
        }
        return v;
    }

    static DatasetSource decode(JsonFields d) {
        DatasetSource source = decodeSource(d);
        return d.bool("target_is_input", false) ? new DatasetSource.Reconstruct(source) : source;
    }

    private static DatasetSource decodeSource(JsonFields d) {
        String kind = d.string("kind");
        return switch (kind) {
            case "csv" -> new DatasetSource.Csv(d.string("path"), d.string("target", null), strings(d, "ignore"),
                    missing(d), d.string("task", "auto"),
                    d.string("normalization", "standardize"), testSplit(d), d.longValue("seed", 42),
                    d.has("offset") ? floats(d, "offset") : null, d.has("scale") ? floats(d, "scale") : null);
            case "idx" -> new DatasetSource.Idx(d.string("train_images"), d.string("train_labels"),
                    d.string("test_images", null), d.string("test_labels", null), augmentation(d));
            case "image_folder" -> new DatasetSource.ImageFolder(d.string("path"), d.integer("width", 32),
                    d.integer("height", 32), d.integer("channels", 1), testSplit(d), d.longValue("seed", 42),
                    augmentation(d));
            case "synthetic" -> new DatasetSource.Generated(d.string("generator"), d.integer("samples", 400),
                    d.number("noise", 0.1), d.integer("classes", 2), d.longValue("seed", 42), testSplit(d));
            case "time_series" -> new DatasetSource.Windows(d.string("path"), strings(d, "inputs"), d.string("target"),
                    d.integer("window", 16), d.integer("horizon", 1), d.integer("stride", 1), testSplit(d),
                    standardize(d), d.has("offset") ? floats(d, "offset") : null, d.has("scale") ? floats(d, "scale") : null);
            case "text" -> new DatasetSource.Text(d.string("path"), d.string("text_column"), d.string("label_column"),
                    level(d), !"none".equals(d.string("standardize", "lower_and_strip_punctuation")),
                    d.integer("max_tokens", 10_000), d.integer("sequence_length", 64), testSplit(d), d.longValue("seed", 42),
                    d.has("vocabulary") ? strings(d, "vocabulary") : null);
            case "corpus" -> new DatasetSource.Corpus(d.string("path"), level(d),
                    !"none".equals(d.string("standardize", "none")), d.integer("max_tokens", 1000),
                    d.integer("sequence_length", 40), d.integer("stride", 1), testSplit(d),
                    d.has("vocabulary") ? strings(d, "vocabulary") : null);
            default -> throw new JsonFields.FieldError(d.path("kind"), "unknown dataset kind '" + kind
                    + "'; choose csv, idx, image_folder, time_series, text, corpus or synthetic");
        };
    }

    private static void vocabulary(JsonObject o, List<String> vocabulary) {
        if (vocabulary != null) {
            JsonArray v = new JsonArray();
            vocabulary.forEach(v::add);
            o.add("vocabulary", v);
        }
    }

    private static Tokenizer.Level level(JsonFields d) {
        String v = d.string("split", "words");
        return switch (v) {
            case "words", "whitespace" -> Tokenizer.Level.WORDS;
            case "characters", "character" -> Tokenizer.Level.CHARACTERS;
            default -> throw new JsonFields.FieldError(d.path("split"), "text is split into words or characters, found '"
                    + v + "'");
        };
    }

    private static boolean standardize(JsonFields d) {
        String n = d.string("normalization", "standardize");
        return switch (n) {
            case "standardize" -> true;
            case "none" -> false;
            default -> throw new JsonFields.FieldError(d.path("normalization"), "a time series is standardized or not:"
                    + " choose standardize or none, found '" + n + "'");
        };
    }

    private static void augmentation(JsonObject o, Augmentation a) {
        if (!a.isNone()) {
            JsonObject j = new JsonObject();
            j.addProperty("flip", a.flip());
            j.addProperty("shift", a.shift());
            j.addProperty("rotate", a.rotate());
            o.add("augmentation", j);
        }
    }

    /** "augmentation": {flip, shift (pixels), rotate (degrees)}; absent means none. */
    private static Augmentation augmentation(JsonFields d) {
        if (!d.has("augmentation")) {
            return Augmentation.NONE;
        }
        JsonFields a = d.object("augmentation");
        try {
            return new Augmentation(a.bool("flip", false), a.integer("shift", 0), a.number("rotate", 0));
        } catch (DataException e) {
            throw new JsonFields.FieldError(d.path("augmentation"), e.getMessage());
        }
    }

    /** "missing_values": refuse, drop_rows or fill; files from before it was added say drop_incomplete_rows. */
    private static FeatureEncoder.Missing missing(JsonFields d) {
        if (!d.has("missing_values")) {
            return d.bool("drop_incomplete_rows", false) ? FeatureEncoder.Missing.DROP_ROWS : FeatureEncoder.Missing.REFUSE;
        }
        String v = d.string("missing_values");
        return switch (v) {
            case "refuse" -> FeatureEncoder.Missing.REFUSE;
            case "drop_rows" -> FeatureEncoder.Missing.DROP_ROWS;
            case "fill" -> FeatureEncoder.Missing.FILL;
            default -> throw new JsonFields.FieldError(d.path("missing_values"), "is '" + v
                    + "'; choose refuse, drop_rows or fill");
        };
    }

    private static List<String> strings(JsonFields d, String field) {
        List<String> out = new ArrayList<>();
        var list = d.list(field);
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isJsonPrimitive()) {
                throw new JsonFields.FieldError(d.path(field) + "[" + i + "]", "expected a column name");
            }
            out.add(list.get(i).getAsString());
        }
        return out;
    }

    private static JsonArray floats(float[] v) {
        JsonArray a = new JsonArray();
        for (float x : v) {
            a.add(x);
        }
        return a;
    }

    private static float[] floats(JsonFields d, String field) {
        var list = d.list(field);
        if (list.size() > 1_000_000) {
            throw new JsonFields.FieldError(d.path(field), "has " + list.size() + " values, more than any dataset's features");
        }
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!list.get(i).isJsonPrimitive() || !list.get(i).getAsJsonPrimitive().isNumber()) {
                throw new JsonFields.FieldError(d.path(field) + "[" + i + "]", "expected a number");
            }
            out[i] = list.get(i).getAsFloat();
        }
        return out;
    }
}
