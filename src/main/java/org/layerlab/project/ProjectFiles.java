package org.layerlab.project;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.TrainingConfig;
import org.layerlab.training.runs.RunLog;

/**
 * Saving and loading projects (format: docs/file-format.md). Saves are atomic: each file is
 * written to a temporary file beside its target, flushed to disk and moved over it, so the
 * previous version survives a crash at any point. Loading checks everything and reports the first
 * problem with the file and JSON path (and line/column for syntax errors).
 */
public final class ProjectFiles {
    public static final String FORMAT = "layerlab-project";
    /** The format this LayerLab writes; older ones are migrated on load. */
    public static final int FORMAT_VERSION = 1;
    public static final String EXTENSION = ".layerlab";
    static final long MAX_PROJECT_BYTES = 64L * 1024 * 1024;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** A hook between writing the temporary file and moving it into place (tests simulate crashes there). */
    interface BeforeMove {
        void run(Path temp) throws IOException;
    }

    private ProjectFiles() {
    }

    public static void save(Project p, Path file) throws IOException {
        save(p, file, t -> { });
    }

    static void save(Project p, Path file, BeforeMove hook) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String weightsName = null;
        if (p.isTrained()) {
            weightsName = weightsName(file);
            Path weights = dir.resolve(weightsName);
            writeAtomically(weights, out -> WeightsFile.write(p.weights(), out), hook);
        }
        RunFiles.write(p.runs(), RunFiles.folderOf(file));
        String json = toJson(p, weightsName);
        writeAtomically(file, out -> out.write(json.getBytes(StandardCharsets.UTF_8)), hook);
    }

    static String weightsName(Path file) {
        String n = file.getFileName().toString();
        if (n.endsWith(EXTENSION)) {
            n = n.substring(0, n.length() - EXTENSION.length());
        }
        return n + ".weights";
    }

    /** Writer of a file's whole content. */
    interface Content {
        void write(OutputStream out) throws IOException;
    }

    static void writeAtomically(Path target, Content content, BeforeMove hook) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        removeStaleTemps(dir, target);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            keepPermissions(target, temp);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = Channels.newOutputStream(ch)) {
                content.write(out);
                out.flush();
                ch.force(true);
            }
            hook.run(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Temp files of this target's own naming (".NAME…tmp") left by a save that was killed before
     * its move: an older one is never a save in progress (each save writes its temp and moves it
     * within the same call), so it is removed. Others' files are not touched.
     */
    private static void removeStaleTemps(Path dir, Path target) {
        String prefix = "." + target.getFileName();
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
        })) {
            for (Path t : temps) {
                Files.deleteIfExists(t);
            }
        } catch (IOException e) {
            // Clean-up is a courtesy: the save itself goes on.
        }
    }

    /** The new file gets the old one's permissions (a temp file is created 0600). */
    private static void keepPermissions(Path target, Path temp) {
        try {
            if (Files.exists(target)) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
            } else {
                // A new file: as the user's umask would make it, typically 0644.
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: its defaults apply.
        }
    }

    /** The training settings as the project file saves them (an exported train.py reads the same). */
    public static JsonObject trainingJson(TrainingConfig t) {
        return TrainingCodec.encode(t);
    }

    public static String toJson(Project p, String weightsFile) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("formatVersion", FORMAT_VERSION);
        o.addProperty("name", p.name());
        GraphCodec.encode(p.graph(), o);
        o.add("training", TrainingCodec.encode(p.training()));
        if (p.dataset() != null) {
            o.add("dataset", DatasetCodec.encode(p.dataset()));
        }
        if (weightsFile != null) {
            o.addProperty("weights", weightsFile);
        }
        if (p.runs().head() != null) {
            o.addProperty("run_head", p.runs().head());
        }
        if (!p.history().isEmpty()) {
            o.add("history", historyJson(p.history()));
        }
        return GSON.toJson(o) + "\n";
    }

    /** Epochs as the "history" of a project (and of a run's record) lists them. */
    static JsonArray historyJson(List<EpochEvent> history) {
        JsonArray h = new JsonArray();
        for (EpochEvent e : history) {
            JsonObject j = new JsonObject();
            j.addProperty("epoch", e.epoch());
            j.addProperty("seconds", e.seconds());
            j.addProperty("learning_rate", e.learningRate());
            JsonObject m = new JsonObject();
            e.metrics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(x -> m.addProperty(x.getKey(), x.getValue()));
            j.add("metrics", m);
            h.add(j);
        }
        return h;
    }

    public static Project load(Path file) throws ProjectException {
        String name = file.getFileName().toString();
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_PROJECT_BYTES) {
                throw new ProjectException(name + " is " + size / (1024 * 1024) + " MB; a project file is at most "
                        + MAX_PROJECT_BYTES / (1024 * 1024) + " MB (weights live in the .weights file beside it)");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new ProjectException(name + " is not a text file in UTF-8");
        } catch (IOException e) {
            throw new ProjectException("cannot read " + name + ": " + e.getMessage(), e);
        }
        Project p = parse(text, name, file.toAbsolutePath().getParent());
        return p.withRuns(RunFiles.read(RunFiles.folderOf(file), p.runs().head(), p.training().seed()));
    }

    private static ProjectException outOfMemory(String name, long chars) {
        return new ProjectException(String.format("%s is too large to read in the memory Java has here"
                + " (%,d characters; at most %d MB of memory): give Java more, e.g. java -Xmx4g ...", name, chars,
                Runtime.getRuntime().maxMemory() >> 20));
    }

    /** Parses a project document; dir is where its weights file lives (null: ignore weights). */
    public static Project parse(String text, String name, Path dir) throws ProjectException {
        JsonElement root;
        List<EpochEvent> history = new ArrayList<>();
        try (Reader r = new StringReader(text)) {
            JsonReader reader = new JsonReader(r);
            reader.setLenient(false);
            root = reader.peek() == JsonToken.BEGIN_OBJECT ? readDocument(reader, history) : JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new ProjectException(name + ": unexpected content after the end of the JSON document");
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            if (e.getCause() instanceof OutOfMemoryError) {
                // Gson wraps running out of memory as a parse error: say what really happened.
                throw outOfMemory(name, text.length());
            }
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            if (e.getCause() instanceof EOFException) {
                msg = "the file ends early (truncated?)";
            }
            throw new ProjectException(name + " is not valid JSON: " + msg.replaceAll("\\s*See https?://\\S+", ""));
        } catch (JsonFields.FieldError e) {
            throw new ProjectException(name + ": " + e.getMessage());
        } catch (StackOverflowError e) {
            throw new ProjectException(name + " nests JSON too deeply to be a project file");
        } catch (OutOfMemoryError e) {
            throw outOfMemory(name, text.length());
        }
        try {
            JsonFields doc = JsonFields.of(root, "$");
            String format = doc.string("format");
            if (!FORMAT.equals(format)) {
                throw new ProjectException(name + ": $.format is '" + format + "', not a LayerLab project ('" + FORMAT + "')");
            }
            int version = doc.integer("formatVersion");
            if (version > FORMAT_VERSION) {
                throw new ProjectException(name + " was saved in project format " + version + " by a newer LayerLab;"
                        + " this LayerLab reads formats up to " + FORMAT_VERSION + ". Update LayerLab to open it.");
            }
            if (version < 1) {
                throw new ProjectException(name + ": $.formatVersion " + version + " does not exist (formats start at 1)");
            }
            JsonObject current = Migrations.toCurrent(root.getAsJsonObject(), version);
            return decode(JsonFields.of(current, "$"), name, dir, history);
        } catch (JsonFields.FieldError e) {
            throw new ProjectException(name + ": " + e.getMessage());
        }
    }

    /**
     * The document's members as a tree, except "history", which is read epoch by epoch into
     * history and kept bounded as it grows ({@link Project#boundedHistory}): a file with hundreds
     * of thousands of epochs (written before history was bounded) loads in the memory of ten
     * thousand.
     */
    private static JsonObject readDocument(JsonReader reader, List<EpochEvent> history) throws IOException {
        JsonObject root = new JsonObject();
        reader.beginObject();
        while (reader.hasNext()) {
            String key = reader.nextName();
            if (key.equals("history") && reader.peek() == JsonToken.BEGIN_ARRAY) {
                reader.beginArray();
                for (int i = 0; reader.hasNext(); i++) {
                    history.add(epoch(JsonParser.parseReader(reader), "$.history", i));
                    if (history.size() > 2 * Project.MAX_HISTORY) {
                        List<EpochEvent> kept = new ArrayList<>(Project.boundedHistory(history));
                        history.clear();
                        history.addAll(kept);
                    }
                }
                reader.endArray();
            } else {
                root.add(key, JsonParser.parseReader(reader));
            }
        }
        reader.endObject();
        List<EpochEvent> kept = new ArrayList<>(Project.boundedHistory(history));
        history.clear();
        history.addAll(kept);
        return root;
    }

    /** One epoch of a "history" list; path is where that list is ("$.history"). */
    static EpochEvent epoch(JsonElement e, String path, int i) {
        JsonFields h = JsonFields.of(e, path + "[" + i + "]");
        Map<String, Double> metrics = new LinkedHashMap<>();
        JsonFields m = h.object("metrics");
        for (String key : h.raw("metrics").getAsJsonObject().keySet()) {
            metrics.put(key, m.number(key));
        }
        return new EpochEvent(h.integer("epoch"), metrics, 0, h.number("learning_rate", 0), h.number("seconds", 0));
    }

    private static Project decode(JsonFields doc, String name, Path dir, List<EpochEvent> streamed)
            throws ProjectException {
        NetworkGraph graph = GraphCodec.decode(doc, name);
        TrainingConfig training;
        try {
            training = TrainingCodec.decode(doc.object("training"));
        } catch (JsonFields.FieldError e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ProjectException(name + ": $.training: " + e.getMessage());
        }
        DatasetSource dataset = doc.has("dataset") ? DatasetCodec.decode(doc.object("dataset")) : null;
        // Read while parsing (bounded); a history that is not a list is reported here, with its path.
        List<EpochEvent> history = new ArrayList<>(streamed);
        List<JsonElement> hist = doc.list("history");
        for (int i = 0; i < hist.size(); i++) {
            history.add(epoch(hist.get(i), "$.history", i));
        }
        ParameterStore weights = null;
        if (doc.has("weights") && dir != null) {
            String wf = doc.string("weights");
            Path wp;
            try {
                wp = wf.contains("/") || wf.contains("\\") ? null : dir.resolve(wf).normalize();
            } catch (InvalidPathException e) {
                throw new ProjectException(name + ": $.weights is not a file name this system accepts: " + e.getReason());
            }
            if (wp == null || wp.getParent() == null || !wp.getParent().equals(dir.normalize())) {
                throw new ProjectException(name + ": $.weights must name a file beside the project, not '" + wf + "'");
            }
            if (!Files.isRegularFile(wp)) {
                throw new ProjectException(name + ": its weights file " + wf + " is missing; copy it next to the project,"
                        + " or remove \"weights\" to start untrained");
            }
            try {
                // The same confinement as dataset paths: a link beside the project must not lead elsewhere.
                if (!wp.toRealPath().getParent().equals(dir.toRealPath())) {
                    throw new ProjectException(name + ": its weights file " + wf + " is a link that leads outside the"
                            + " project's folder; copy the file itself next to the project");
                }
            } catch (IOException e) {
                throw new ProjectException(name + ": cannot read its weights file " + wf + ": " + e.getMessage());
            }
            weights = WeightsFile.read(wp, training.seed());
        }
        // The head alone: the runs themselves are in their folder, which load reads.
        RunLog runs = new RunLog(List.of(), doc.has("run_head") ? doc.string("run_head") : null, List.of());
        return new Project(doc.string("name", name), graph, training, dataset, history, weights, runs);
    }
}
