package org.layerlab.project;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.optimizers.OptimizerState;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.TrainingConfig;
import org.layerlab.training.runs.Checkpoint;
import org.layerlab.training.runs.DataFingerprint;
import org.layerlab.training.runs.Run;
import org.layerlab.training.runs.RunLog;

/**
 * A project's runs on disk (docs/file-format.md): a folder "NAME.runs" beside "NAME.layerlab"
 * with one folder per run, "r7/run.json" (its record: settings, network, data, history) and
 * "r7/epoch-N.weights" per checkpoint (the weights format). The project file itself only names
 * the head run, so it stays the same size however many runs there are.
 * <p>
 * Runs do not change once recorded (but for name and note), so a save writes only what is new
 * or changed and removes the folders of deleted runs; each file is written atomically. Reading
 * never fails the project: a run folder that cannot be read is left out and named in
 * {@link RunLog#problems()}; checkpoints are read when restored.
 */
public final class RunFiles {
    static final String FORMAT = "layerlab-run";
    static final int FORMAT_VERSION = 1;
    private static final Pattern RUN_FOLDER = Pattern.compile("r[0-9]{1,9}");
    private static final long MAX_RECORD_BYTES = 16L * 1024 * 1024;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private RunFiles() {
    }

    /** "NAME.runs" beside the project file. */
    public static Path folderOf(Path projectFile) {
        String n = projectFile.getFileName().toString();
        if (n.endsWith(ProjectFiles.EXTENSION)) {
            n = n.substring(0, n.length() - ProjectFiles.EXTENSION.length());
        }
        return projectFile.toAbsolutePath().resolveSibling(n + ".runs");
    }

    /** Brings the folder in line with the log: new and changed runs written, deleted ones removed. */
    static void write(RunLog log, Path folder) throws IOException {
        if (log.isEmpty() && !Files.isDirectory(folder)) {
            return;
        }
        Files.createDirectories(folder);
        Set<String> kept = new HashSet<>();
        for (Run r : log.runs()) {
            kept.add(r.id());
            writeRun(r, folder.resolve(r.id()));
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(folder)) {
            for (Path p : all) {
                String n = p.getFileName().toString();
                if (RUN_FOLDER.matcher(n).matches() && !kept.contains(n) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    deleteRunFolder(p);
                }
            }
        }
    }

    private static void writeRun(Run r, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path record = dir.resolve("run.json");
        // Another project's run of the same id (saved over with Save As): none of its files are this run's.
        String existing = Files.isRegularFile(record) ? Files.readString(record, StandardCharsets.UTF_8) : null;
        boolean same = existing != null && existing.contains("\"uid\": \"" + r.uid() + "\"");
        for (Checkpoint c : r.checkpoints()) {
            Path file = dir.resolve(checkpointName(c.epoch()));
            if (same && Files.isRegularFile(file)) {
                continue;
            }
            ParameterStore w = c.inMemory() != null ? c.inMemory() : c.source().read();
            ProjectFiles.writeAtomically(file, out -> WeightsFile.write(w, out), t -> { });
        }
        for (Checkpoint c : r.checkpoints()) {
            Path file = dir.resolve(optimizerName(c.epoch()));
            if (c.optimizer() == null || same && Files.isRegularFile(file)) {
                continue;
            }
            ParameterStore moments = moments(c.loadOptimizer());
            try {
                ProjectFiles.writeAtomically(file, out -> WeightsFile.write(moments, out), t -> { });
            } catch (IOException e) {
                // Moments that are not finite (a run near divergence): the weights are kept, a fork starts fresh moments.
                Files.deleteIfExists(file);
            }
        }
        String json = GSON.toJson(encode(r)) + "\n";
        if (!json.equals(existing)) {
            ProjectFiles.writeAtomically(record, out -> out.write(json.getBytes(StandardCharsets.UTF_8)), t -> { });
        }
    }

    /** Only what a run folder holds: its record, its checkpoints and save leftovers; anything else stays. */
    private static void deleteRunFolder(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                if (n.equals("run.json") || n.matches("epoch-[0-9]+\\.(weights|optimizer)") || n.endsWith(".tmp")) {
                    Files.deleteIfExists(f);
                }
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // Something of the user's is in there: it stays, and so does the folder.
        }
    }

    static String checkpointName(int epoch) {
        return "epoch-" + epoch + ".weights";
    }

    static String optimizerName(int epoch) {
        return "epoch-" + epoch + ".optimizer";
    }

    /** The moments as tensors of the weights format: node id, "name#slot". */
    private static ParameterStore moments(OptimizerState s) {
        ParameterStore store = new ParameterStore(0);
        s.slots().forEach((key, slots) -> {
            int cut = key.lastIndexOf('/');
            for (int i = 0; i < slots.length; i++) {
                store.put(new Parameter(key.substring(0, cut), key.substring(cut + 1) + "#" + i,
                        Tensor.wrap(slots[i], slots[i].length), null, false));
            }
        });
        return store;
    }

    private static OptimizerState readState(Path file, JsonFields scalars) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        ParameterStore store;
        try {
            store = WeightsFile.read(file, 0);
        } catch (ProjectException e) {
            throw new IOException(e.getMessage(), e);
        }
        Map<String, List<float[]>> bySlot = new TreeMap<>();
        for (Parameter p : store.all()) {
            int hash = p.name().lastIndexOf('#');
            String key = OptimizerState.key(p.nodeId(), p.name().substring(0, Math.max(0, hash)));
            bySlot.computeIfAbsent(key, k -> new ArrayList<>()).add(p.value().data());
        }
        Map<String, float[][]> slots = new HashMap<>();
        bySlot.forEach((k, v) -> slots.put(k, v.toArray(new float[0][])));
        List<JsonElement> rule = scalars.list("rule");
        double[] r = new double[rule.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = rule.get(i).getAsDouble();
        }
        return new OptimizerState(scalars.string("kind"), scalars.longValue("iterations", 0),
                scalars.longValue("schedule_steps", 0), scalars.number("last_rate", 0), r, slots);
    }

    static JsonObject encode(Run r) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("formatVersion", FORMAT_VERSION);
        o.addProperty("id", r.id());
        o.addProperty("uid", r.uid());
        o.addProperty("name", r.name());
        o.addProperty("note", r.note());
        o.addProperty("started", r.started().toString());
        if (r.parent() != null) {
            o.addProperty("parent", r.parent());
        }
        o.addProperty("start_epoch", r.startEpoch());
        o.addProperty("outcome", r.outcome());
        o.addProperty("graph_hash", r.graphHash());
        o.addProperty("summary", r.summary());
        o.add("training", TrainingCodec.encode(r.config()));
        JsonObject d = new JsonObject();
        d.addProperty("source", r.data().source());
        d.addProperty("train_samples", r.data().trainSamples());
        d.addProperty("test_samples", r.data().testSamples());
        d.addProperty("hash", r.data().hash());
        o.add("data", d);
        JsonArray cps = new JsonArray();
        JsonObject states = new JsonObject();
        for (Checkpoint c : r.checkpoints()) {
            cps.add(c.epoch());
            OptimizerState st = c.optimizerInMemory();
            if (st == null && c.optimizer() != null) {
                try {
                    st = c.loadOptimizer();
                } catch (IOException e) {
                    st = null;
                }
            }
            if (st != null) {
                JsonObject j = new JsonObject();
                j.addProperty("kind", st.kind());
                j.addProperty("iterations", st.iterations());
                j.addProperty("schedule_steps", st.scheduleSteps());
                j.addProperty("last_rate", st.lastRate());
                JsonArray rule = new JsonArray();
                for (double v : st.rule()) {
                    rule.add(v);
                }
                j.add("rule", rule);
                states.add(Integer.toString(c.epoch()), j);
            }
        }
        o.add("checkpoints", cps);
        if (states.size() > 0) {
            // The optimizer's step counts and rate per checkpoint; its moments are in epoch-E.optimizer.
            o.add("optimizer_states", states);
        }
        GraphCodec.encode(r.graph(), o);
        o.add("history", ProjectFiles.historyJson(r.history()));
        return o;
    }

    /** The runs in the folder (none when it does not exist), in the order they were numbered. */
    public static RunLog read(Path folder, String head, long seed) {
        if (!Files.isDirectory(folder)) {
            return RunLog.EMPTY;
        }
        List<Run> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(folder)) {
            for (Path p : all) {
                if (RUN_FOLDER.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p)) {
                    dirs.add(p);
                }
            }
        } catch (IOException e) {
            return new RunLog(List.of(), null, List.of("cannot list " + folder.getFileName() + ": " + e.getMessage()));
        }
        dirs.sort(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(1))));
        for (Path dir : dirs) {
            try {
                runs.add(decode(dir, seed));
            } catch (ProjectException | JsonFields.FieldError e) {
                problems.add(e.getMessage() + " — that run is left out; the others and the project are fine");
            }
        }
        String h = head != null && runs.stream().anyMatch(r -> r.id().equals(head)) ? head : null;
        return new RunLog(runs, h, problems);
    }

    private static Run decode(Path dir, long seed) throws ProjectException {
        String name = dir.getFileName() + "/run.json";
        Path file = dir.resolve("run.json");
        JsonElement root;
        try {
            if (Files.size(file) > MAX_RECORD_BYTES) {
                throw new ProjectException(name + " is larger than a run's record can be");
            }
            root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (MalformedInputException e) {
            throw new ProjectException(name + " is not a text file in UTF-8");
        } catch (IOException e) {
            throw new ProjectException("cannot read " + name + ": " + e.getMessage());
        } catch (JsonParseException e) {
            throw new ProjectException(name + " is not valid JSON: " + e.getMessage());
        }
        JsonFields o = JsonFields.of(root, "$");
        if (!FORMAT.equals(o.string("format", ""))) {
            throw new ProjectException(name + " is not a LayerLab run record");
        }
        if (o.integer("formatVersion") > FORMAT_VERSION) {
            throw new ProjectException(name + " was written by a newer LayerLab");
        }
        String id = o.string("id");
        if (!id.equals(dir.getFileName().toString())) {
            throw new ProjectException(name + " says it is run " + id + "; its folder says otherwise");
        }
        Instant started;
        try {
            started = Instant.parse(o.string("started"));
        } catch (DateTimeParseException e) {
            throw new ProjectException(name + ": $.started is not a time (" + o.string("started") + ")");
        }
        TrainingConfig config;
        try {
            config = TrainingCodec.decode(o.object("training"));
        } catch (IllegalArgumentException e) {
            throw new ProjectException(name + ": $.training: " + e.getMessage());
        }
        NetworkGraph graph = GraphCodec.decode(o, name);
        JsonFields d = o.object("data");
        DataFingerprint data = new DataFingerprint(d.string("source"), d.integer("train_samples"),
                d.integer("test_samples"), d.string("hash"));
        List<EpochEvent> history = new ArrayList<>();
        List<JsonElement> h = o.list("history");
        for (int i = 0; i < h.size(); i++) {
            history.add(ProjectFiles.epoch(h.get(i), "$.history", i));
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        List<JsonElement> cps = o.list("checkpoints");
        for (int i = 0; i < cps.size(); i++) {
            JsonElement c = cps.get(i);
            if (!c.isJsonPrimitive() || !c.getAsJsonPrimitive().isNumber() || c.getAsInt() < 0) {
                throw new ProjectException(name + ": $.checkpoints[" + i + "] is not an epoch number");
            }
            int epoch = c.getAsInt();
            Path weights = dir.resolve(checkpointName(epoch));
            // Missing weights are reported when restored, not here: the record and its curves still count.
            String key = Integer.toString(epoch);
            Checkpoint.StateSource state = null;
            if (o.has("optimizer_states") && o.object("optimizer_states").has(key)) {
                JsonFields scalars = o.object("optimizer_states").object(key);
                scalars.string("kind");
                Path moments = dir.resolve(optimizerName(epoch));
                state = () -> readState(moments, scalars);
            }
            Checkpoint.StateSource optimizer = state;
            checkpoints.add(new Checkpoint(epoch, () -> {
                if (!Files.isRegularFile(weights)) {
                    throw new IOException("the weights of run " + id + " at epoch " + epoch + " are missing ("
                            + dir.getFileName() + "/" + weights.getFileName() + " in " + dir.getParent().getFileName() + ")");
                }
                try {
                    return WeightsFile.read(weights, seed);
                } catch (ProjectException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }, optimizer));
        }
        return new Run(id, o.string("uid"), o.string("name", id), o.string("note", ""), started,
                o.has("parent") ? o.string("parent") : null, o.integer("start_epoch", 0), o.string("outcome", ""),
                graph, o.string("graph_hash", RunRecords.graphHash(graph)), o.string("summary", ""), config, data,
                RunRecords.settings(graph, config), history, checkpoints);
    }
}
