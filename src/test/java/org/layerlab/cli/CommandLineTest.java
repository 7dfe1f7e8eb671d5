package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.data.FeatureEncoder;
import org.layerlab.nn.Loss;
import org.layerlab.nn.graph.GraphAnalysisTest;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Input;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.training.TrainingConfig;

/** The headless commands end to end on the XOR sample. */
class CommandLineTest {
    @TempDir
    Path dir;

    private static Run run(String... args) {
        return Run.of(args);
    }

    private Path xor() throws Exception {
        return XorProject.copyInto(dir);
    }

    @Test
    void trainEvaluatePredictValidateAndSummarize() throws Exception {
        Path p = xor();
        Run train = run("train", p.toString(), "--epochs", "300");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("epoch 300  loss"), train.out());
        assertTrue(train.out().contains("accuracy 100.00%"), train.out());
        assertTrue(Files.exists(dir.resolve("xor.weights")));
        Run eval = run("evaluate", p.toString());
        assertTrue(eval.out().contains("accuracy 100.00%"), eval.out());
        Path rows = dir.resolve("rows.csv");
        Files.writeString(rows, "a,b\n0,0\n0,1\n1,0\n1,1\n");
        Run predict = run("predict", p.toString(), "--input", rows.toString());
        assertEquals(0, predict.code(), predict.err());
        List<String> lines = predict.out().lines().toList();
        assertEquals(List.of("0", "1", "1", "0"), lines.stream().map(l -> l.split("\t")[0]).toList());
        Run validate = run("validate", p.toString());
        assertEquals(0, validate.code());
        assertTrue(validate.out().contains("is valid: 3 layers, 17 parameters"), validate.out());
        Run summary = run("summary", p.toString());
        assertTrue(summary.out().contains("Total params: 17"), summary.out());
    }

    @Test
    void trainingASampleInPlaceIsRefusedAndTheSampleStaysAsItWas() throws Exception {
        Path sample = Path.of("samples", "xor.layerlab");
        byte[] before = Files.readAllBytes(sample);
        Run train = run("train", sample.toString(), "--epochs", "1");
        assertEquals(2, train.code(), train.out());
        assertTrue(train.err().contains("xor.layerlab is a sample") && train.err().contains("--out"), train.err());
        assertArrayEquals(before, Files.readAllBytes(sample));
        assertFalse(Files.exists(Path.of("samples", "xor.weights")));
    }

    @Test
    void trainValidatesOnTheTestPartEachEpochAsTheWindowDoes() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("samples", "data", "iris.csv"), dir.resolve("data/iris.csv"));
        Path p = dir.resolve("iris.layerlab");
        Files.copy(Path.of("samples", "iris.layerlab"), p);
        Run train = run("train", p.toString(), "--epochs", "2");
        assertEquals(0, train.code(), train.err());
        List<String> epochs = train.out().lines().filter(l -> l.startsWith("epoch ")).toList();
        assertEquals(2, epochs.size(), train.out());
        assertTrue(epochs.stream().allMatch(l -> l.contains("val_loss") && l.contains("val_accuracy")), train.out());
        Project saved = ProjectFiles.load(p);
        assertTrue(saved.history().stream().allMatch(e -> e.metrics().containsKey("val_loss")), saved.history().toString());
    }

    @Test
    void trainReportSaysWhereTheProcessorTimeWentEachEpoch() throws Exception {
        Run train = run("train", xor().toString(), "--epochs", "400", "--report");
        assertEquals(0, train.code(), train.err());
        List<String> shares = train.out().lines().filter(l -> l.contains("processor time, share of all")).toList();
        assertEquals(400, shares.size(), train.out());
        Matcher m = Pattern.compile("training ([\\d.]+)%").matcher(shares.get(399));
        assertTrue(m.find(), shares.get(399));
        double training = Double.parseDouble(m.group(1));
        assertTrue(training > 0 && training <= 100, shares.get(399));
    }

    @Test
    void categoriesAndFilledGapsTrainAndPredictByColumnName() throws Exception {
        StringBuilder csv = new StringBuilder("x,colour,label\n");
        for (int i = 0; i < 60; i++) {
            String x = i % 7 == 0 ? "" : Integer.toString(i % 5);
            csv.append(x).append(',').append(i % 3 == 0 ? "" : i % 2 == 0 ? "red" : "blue").append(',')
                    .append(i % 3 == 0 ? "" : i % 2 == 0 ? "yes" : "no").append('\n');
        }
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/colours.csv"), csv);
        DatasetSource.Csv source = new DatasetSource.Csv("data/colours.csv", "label",
                List.of(), FeatureEncoder.Missing.FILL, "auto", "standardize", 0, 7, null, null);
        Project project = new Project("colours",
                GraphAnalysisTest.chain(Input.of(3),
                        new Dense(8, "relu"), new Dense(1, "sigmoid")),
                TrainingConfig.of(Loss.BINARY_CROSSENTROPY, 100).withBatchSize(8),
                source, List.of(), null);
        Path p = dir.resolve("colours.layerlab");
        ProjectFiles.save(project, p);
        assertTrue(Files.readString(p).contains("\"missing_values\": \"fill\""));
        Run train = run("train", p.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("accuracy 100.00%"), train.out());
        Path rows = dir.resolve("rows.csv");
        Files.writeString(rows, "colour,x\nred,1\nblue,\nblue,3\n");
        Run predict = run("predict", p.toString(), "--input", rows.toString());
        assertEquals(0, predict.code(), predict.err());
        assertEquals(List.of("yes", "no", "no"), predict.out().lines().map(l -> l.split("\t")[0]).toList());
        Files.writeString(rows, "colour,x\ngreen,1\n");
        Run unseen = run("predict", p.toString(), "--input", rows.toString());
        assertEquals(2, unseen.code());
        assertTrue(unseen.err().contains("line 2: column 'colour' has 'green', a category the training data never had"),
                unseen.err());
    }

    @Test
    void mistakesGiveOneLineAndANonZeroExitCode() throws Exception {
        Run missing = run("train", dir.resolve("nope.layerlab").toString());
        assertEquals(2, missing.code());
        assertEquals("error: no project file " + dir.resolve("nope.layerlab") + "\n", missing.err());
        Run unknown = run("fly");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("error: unknown command 'fly'"));
        Path p = xor();
        Run option = run("train", p.toString(), "--epochz", "3");
        assertEquals(2, option.code());
        assertTrue(option.err().contains("unknown option --epochz"), option.err());
        Run untrained = run("evaluate", p.toString());
        assertEquals(2, untrained.code());
        assertTrue(untrained.err().contains("no trained weights yet"), untrained.err());
        Files.writeString(p, Files.readString(p).replace("\"units\": 4", "\"units\": 0"));
        Run broken = run("validate", p.toString());
        assertEquals(2, broken.code());
        assertTrue(broken.err().contains("$.nodes[1].params: Dense: units must be a positive integer"), broken.err());
    }

    @Test
    void validateReportsGraphProblemsWithExitCodeOne() throws Exception {
        Path p = xor();
        Files.writeString(p, Files.readString(p).replace("\"shape\": [\n          2\n        ]", "\"shape\": [\n          3\n        ]"));
        Run r = run("validate", p.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("set the Input shape to (2)") && r.out().contains("(fix: Set Input shape to (2))"), r.out());
    }

    @Test
    void aMistypedCommandIsAnErrorWithTheNearestCommand() {
        Run r = run("trian", "samples/xor.layerlab");
        assertEquals(2, r.code());
        assertEquals("error: unknown command 'trian'; did you mean 'train'? run 'help' for the list", r.err().trim());
        assertEquals("error: unknown command 'frobnicate'; run 'help' for the list", run("frobnicate").err().trim());
    }

    /** Trained in LayerLab, run in ONNX Runtime: the exported file carries the trained weights and computes XOR. */
    @Test
    void aTrainedProjectExportsToOnnxAndRunsThere() throws Exception {
        Path p = xor();
        assertEquals(0, run("train", p.toString(), "--epochs", "300").code());
        Run export = run("export", p.toString(), "--format", "onnx", "--out", dir.resolve("out").toString());
        assertEquals(0, export.code(), export.err());
        Path file = dir.resolve("out").resolve("xor.onnx");
        assertTrue(export.out().contains(file + " with the trained weights"), export.out());
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(file));
        String fingerprint = model.getMetadataPropsList().stream().filter(e -> e.getKey().equals("dataset_fingerprint"))
                .map(StringStringEntryProto::getValue).findFirst().orElse("");
        assertTrue(fingerprint.matches("sha256:[0-9a-f]{16} over 1 file, \\d+ bytes"), fingerprint);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[] rows = {0, 0, 0, 1, 1, 0, 1, 1};
        try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions());
             OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(rows), new long[] {4, 2});
             OrtSession.Result r = session.run(Map.of("input", x))) {
            float[][] y = (float[][]) r.get(0).getValue();
            List<Integer> classes = new ArrayList<>();
            for (float[] row : y) {
                classes.add(row.length == 1 ? Math.round(row[0]) : row[1] > row[0] ? 1 : 0);
            }
            assertEquals(List.of(0, 1, 1, 0), classes);
        }
    }

    @Test
    void helpListsExport() {
        Run r = run("help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("export PROJECT --format FORMAT --out DIR"), r.out());
        assertTrue(r.out().contains("onnx"), r.out());
    }
}
