package org.layerlab.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.data.Augmentation;
import org.layerlab.data.AugmentedDataset;
import org.layerlab.data.DataException;
import org.layerlab.data.FeatureEncoder;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Loss;
import org.layerlab.nn.layers.LayerKinds;
import org.layerlab.nn.schedules.LearningRateSchedule;
import org.layerlab.nn.schedules.PiecewiseConstantDecay;
import org.layerlab.nn.schedules.PolynomialDecay;
import org.layerlab.training.ReduceLrOnPlateau;
import org.layerlab.training.TrainingConfig;

class ProjectFilesTest {
    @TempDir
    Path dir;

    private Path copySample(String name) throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        for (String f : List.of("xor.csv", "iris.csv")) {
            Files.copy(Path.of("samples", "data", f), data.resolve(f));
        }
        Path p = dir.resolve(name + ProjectFiles.EXTENSION);
        Files.copy(Path.of("samples", name + ProjectFiles.EXTENSION), p);
        return p;
    }

    private Project trained(Path file, int epochs) throws Exception {
        ProjectSession s = ProjectSession.open(ProjectFiles.load(file), dir);
        return s.train(epochs, List.of()).project();
    }

    @Test
    void goldenFileLoadsAndResavesIdentically() throws Exception {
        Path golden = Path.of("src", "test", "resources", "projects", "golden-v1.layerlab");
        String text = Files.readString(golden);
        Project p = ProjectFiles.parse(text, "golden-v1.layerlab", null);
        assertEquals(text, ProjectFiles.toJson(p, null));
        assertEquals(2, p.history().size());
    }

    @Test
    void goldenFileOfEveryKindLoadsResavesIdenticallyAndNamesEveryKind() throws Exception {
        String text = Files.readString(GoldenEveryKind.FILE);
        Project p = ProjectFiles.parse(text, "golden-every-kind-v1.layerlab", null);
        assertEquals(text, ProjectFiles.toJson(p, null));
        List<String> kinds = p.graph().nodes().stream().map(n -> n.spec().kind()).toList();
        assertEquals(LayerKinds.names(), kinds, "run GoldenEveryKind.main after adding a kind, then review the diff");
    }

    @Test
    void lossOptionsAreSavedWhenChangedAndBadOnesNameTheirPlace() throws Exception {
        Project xor = ProjectFiles.load(Path.of("samples", "xor.layerlab"));
        Loss focal = Loss.of(Loss.Kind.BINARY_FOCAL_CROSSENTROPY).with("gamma", 3).with("apply_class_balancing", 1);
        Project p = xor.withTraining(xor.training().withLoss(focal));
        String json = ProjectFiles.toJson(p, null);
        assertTrue(json.contains("\"gamma\": 3.0"), json);
        assertTrue(json.contains("\"apply_class_balancing\": true"), json);
        assertFalse(json.contains("\"alpha\""), "options at their defaults stay out of the file");
        Project back = ProjectFiles.parse(json, "focal.layerlab", null);
        assertEquals(focal, back.training().loss());
        assertEquals(json, ProjectFiles.toJson(back, null));

        String bad = json.replace("\"gamma\": 3.0", "\"gamma\": -1.0");
        ProjectException e = assertThrows(ProjectException.class, () -> ProjectFiles.parse(bad, "bad.layerlab", null));
        assertTrue(e.getMessage().contains("gamma"), e.getMessage());
        assertTrue(e.getMessage().contains("loss"), e.getMessage());
    }

    @Test
    void newSchedulesAndPlateauReductionRoundTrip() throws Exception {
        Project xor = ProjectFiles.load(Path.of("samples", "xor.layerlab"));
        for (LearningRateSchedule schedule : List.of(
                new PiecewiseConstantDecay(new long[] {100, 200}, new double[] {0.1, 0.01, 0.001}),
                new PolynomialDecay(0.1, 500, 1e-4, 2, true))) {
            TrainingConfig t = xor.training().withOptimizer(xor.training().optimizer().withSchedule(schedule))
                    .withReduceLrOnPlateau(new ReduceLrOnPlateau("val_loss", 0.2, 3, 1e-3, 1, 1e-5));
            Project p = xor.withTraining(t);
            String json = ProjectFiles.toJson(p, null);
            Project back = ProjectFiles.parse(json, "s.layerlab", null);
            assertEquals(t, back.training(), json);
        }
        String bad = ProjectFiles.toJson(xor.withTraining(xor.training().withOptimizer(xor.training().optimizer()
                .withSchedule(new PiecewiseConstantDecay(new long[] {100}, new double[] {0.1, 0.01})))), null)
                .replace("0.01\n", "-0.01\n");
        ProjectException e = assertThrows(ProjectException.class, () -> ProjectFiles.parse(bad, "bad.layerlab", null));
        assertTrue(e.getMessage().contains("values"), e.getMessage());
    }

    @Test
    void saveAndReloadWithWeightsGivesIdenticalPredictions() throws Exception {
        Path file = copySample("iris");
        Project p = trained(file, 5);
        Path out = dir.resolve("copy.layerlab");
        ProjectFiles.save(p, out);
        assertTrue(Files.exists(dir.resolve("copy.weights")));
        Project back = ProjectFiles.load(out);
        assertEquals(ProjectFiles.toJson(p, "copy.weights"), Files.readString(out));
        Tensor x = Tensor.wrap(new float[] {0.1f, -0.2f, 0.3f, 0.4f, -1, 1, -1, 1}, 2, 4);
        Tensor before = ProjectSession.open(p, dir).network().predict(x);
        Tensor after = ProjectSession.open(back, dir).network().predict(x);
        assertArrayEquals(before.data(), after.data());
        assertEquals(5, back.history().size());
        assertTrue(((DatasetSource.Csv) back.dataset()).offset() != null, "normalization statistics are saved");
    }

    @Test
    void crashDuringSaveLeavesThePreviousFileIntact() throws Exception {
        Path file = copySample("xor");
        String before = Files.readString(file);
        Project changed = ProjectFiles.load(file).withTraining(ProjectFiles.load(file).training().withEpochs(7));
        assertThrows(IOException.class, () -> ProjectFiles.save(changed, file, temp -> {
            throw new IOException("simulated power loss");
        }));
        assertEquals(before, Files.readString(file));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left behind");
        }
        ProjectFiles.save(changed, file);
        assertEquals(7, ProjectFiles.load(file).training().epochs());
    }

    private String error(String json) {
        ProjectException e = assertThrows(ProjectException.class, () -> ProjectFiles.parse(json, "p.layerlab", dir));
        return e.getMessage();
    }

    private static String sample() throws IOException {
        return Files.readString(Path.of("samples", "xor.layerlab"));
    }

    @Test
    void corruptFilesGiveClearErrors() throws Exception {
        String good = sample();
        assertTrue(error(good.substring(0, good.length() / 2)).startsWith("p.layerlab is not valid JSON"),
                error(good.substring(0, good.length() / 2)));
        assertTrue(error("{\"format\": \"something\", \"formatVersion\": 1}").contains("not a LayerLab project"));
        assertEquals("p.layerlab was saved in project format 9 by a newer LayerLab; this LayerLab reads formats up to 1."
                + " Update LayerLab to open it.", error(good.replace("\"formatVersion\": 1", "\"formatVersion\": 9")));
        assertEquals("p.layerlab: $.nodes[1].params: Dense: units must be a positive integer. Received: units=-4",
                error(good.replace("\"units\": 4", "\"units\": -4")));
        assertEquals("p.layerlab: $.nodes[1].params.units: expected a number, found \"four\"",
                error(good.replace("\"units\": 4", "\"units\": \"four\"")));
        assertTrue(error(good.replace("\"kind\": \"Dense\"", "\"kind\": \"Dense3D\"")).contains("unknown layer kind 'Dense3D'"));
        assertTrue(error(good.replace("\"to\": \"dense\"", "\"to\": \"ghost\"")).contains("connects 'ghost', which is not a node"));
        assertTrue(error(good.replace("\"name\": \"adam\"", "\"name\": \"adamx\"")).contains("unknown optimizer 'adamx'"));
        assertTrue(error("[1, 2").startsWith("p.layerlab is not valid JSON"));
        assertTrue(error("{\"format\": \"layerlab-project\"} trailing").contains("not valid JSON"));
    }

    @Test
    void hostileFilesAreRefusedBeforeAllocating() throws Exception {
        Path huge = dir.resolve("huge.layerlab");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(ProjectFiles.MAX_PROJECT_BYTES + 1);
        }
        ProjectException big = assertThrows(ProjectException.class, () -> ProjectFiles.load(huge));
        assertTrue(big.getMessage().contains("a project file is at most 64 MB"), big.getMessage());

        Path file = copySample("iris");
        ProjectFiles.save(trained(file, 1), file);
        Path weights = dir.resolve("iris.weights");
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, Arrays.copyOf(bytes, bytes.length - 10));
        assertTrue(assertThrows(ProjectException.class, () -> ProjectFiles.load(file)).getMessage().contains("truncated"));
        // A header claiming 10^12 values: dims 1,000,000 × 1,000,000.
        ByteBuffer b = ByteBuffer.allocate(64);
        b.putInt(0x4C4C5731).putInt(1).putShort((short) 1).put((byte) 'n').putShort((short) 1).put((byte) 'k')
                .put((byte) 1).putInt(2).putInt(1_000_000).putInt(1_000_000);
        Files.write(weights, Arrays.copyOf(b.array(), b.position()));
        String claim = assertThrows(ProjectException.class, () -> ProjectFiles.load(file)).getMessage();
        assertTrue(claim.contains("claims more than"), claim);
        assertTrue(claim.endsWith("(tensor 1 of 1, at byte 8)"), "where in the file: " + claim);
        Files.delete(weights);
        assertTrue(assertThrows(ProjectException.class, () -> ProjectFiles.load(file)).getMessage()
                .contains("weights file iris.weights is missing"));
    }

    @Test
    void datasetPathsStayInsideTheProjectFolder() throws Exception {
        String json = sample().replace("data/xor.csv", "../../etc/passwd");
        Project p = ProjectFiles.parse(json, "p.layerlab", dir);
        DataException e = assertThrows(DataException.class, () -> ProjectSession.open(p, dir));
        assertTrue(e.getMessage().contains("points outside the project's folder"), e.getMessage());
        Project abs = ProjectFiles.parse(sample().replace("data/xor.csv", "/etc/passwd"), "p.layerlab", dir);
        assertTrue(assertThrows(DataException.class, () -> ProjectSession.open(abs, dir)).getMessage().contains("absolute"));
    }

    @Test
    void augmentationAndGapPolicyAreSavedReadAndChecked() throws Exception {
        String cnn = Files.readString(Path.of("samples", "fashion_cnn.layerlab"));
        String augmented = cnn.replace("\"kind\": \"idx\",",
                "\"kind\": \"idx\", \"augmentation\": {\"flip\": true, \"shift\": 2, \"rotate\": 10},");
        Project p = ProjectFiles.parse(augmented, "p.layerlab", dir);
        DatasetSource.Idx idx = (DatasetSource.Idx) p.dataset();
        assertEquals(new Augmentation(true, 2, 10), idx.augment());
        Path file = dir.resolve("aug.layerlab");
        ProjectFiles.save(p, file);
        assertEquals(idx, ProjectFiles.load(file).dataset(), "augmentation survives a save");
        LoadedData data = DataLoader.load(idx, Path.of("samples"));
        assertTrue(data.train() instanceof AugmentedDataset, "training images are augmented");
        assertTrue(!(data.test() instanceof AugmentedDataset), "test images are not");
        assertEquals("p.layerlab: $.dataset.augmentation: augmentation rotation must be 0 to 45 degrees, not 90.0; larger"
                + " angles change what many images show", error(augmented.replace("\"rotate\": 10", "\"rotate\": 90")));

        String xor = sample();
        Project legacy = ProjectFiles.parse(xor.replace("\"kind\": \"csv\",", "\"kind\": \"csv\", \"drop_incomplete_rows\": true,"),
                "p.layerlab", dir);
        assertEquals(FeatureEncoder.Missing.DROP_ROWS, ((DatasetSource.Csv) legacy.dataset()).missing(),
                "files from before missing_values still drop rows");
        assertTrue(error(xor.replace("\"kind\": \"csv\",", "\"kind\": \"csv\", \"missing_values\": \"sometimes\","))
                .contains("$.dataset.missing_values: is 'sometimes'; choose refuse, drop_rows or fill"));
    }
}
