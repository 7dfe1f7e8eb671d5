package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.nn.Loss;
import org.layerlab.nn.graph.GraphAnalysisTest;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.training.TrainingConfig;

/** predict on every data kind it reads: CSV rows with formats, top-k and ids; images as a file, a folder, an IDX file. */
class PredictTest {
    @TempDir
    Path dir;

    private Path xor() throws Exception {
        Path p = XorProject.copyInto(dir);
        assertEquals(0, Run.of("train", p.toString(), "--epochs", "300").code());
        return p;
    }

    @Test
    void csvRowsAsCsvAndJsonWithTheKBestAndAnIdColumn() throws Exception {
        Path p = xor();
        Path rows = dir.resolve("rows.csv");
        Files.writeString(rows, "name,a,b\nfirst,0,0\nsecond,0,1\n\"third, with a comma\",1,0\n");
        Run csv = Run.of("predict", p.toString(), "--input", rows.toString(), "--id", "name", "--top", "2", "--format", "csv");
        assertEquals(0, csv.code(), csv.err());
        List<String> lines = csv.out().lines().toList();
        assertEquals("id,class,probability,class_2,probability_2", lines.get(0));
        assertTrue(lines.get(1).matches("first,0,0\\.\\d{6},1,0\\.\\d+(e-\\d+)?"), lines.get(1));
        assertTrue(lines.get(3).startsWith("\"third, with a comma\",1,"), lines.get(3));
        Run json = Run.of("predict", p.toString(), "--input", rows.toString(), "--id", "name", "--format", "json");
        JsonArray a = JsonParser.parseString(json.out()).getAsJsonArray();
        assertEquals(3, a.size());
        JsonObject second = a.get(1).getAsJsonObject();
        assertEquals("second", second.get("id").getAsString());
        assertEquals("1", second.get("class").getAsString());
        assertTrue(second.get("probability").getAsDouble() > 0.5);
        Run bad = Run.of("predict", p.toString(), "--input", rows.toString(), "--id", "nope");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("has no column 'nope' for --id"), bad.err());
    }

    /** Dark and light 8×8 images in two class folders; the trained network tells them apart from a file, a folder and IDX. */
    @Test
    void imagesAsAFileAFolderOrAnIdxFile() throws Exception {
        Random rng = new Random(3);
        for (String cls : List.of("dark", "light")) {
            Path folder = Files.createDirectories(dir.resolve("images").resolve(cls));
            for (int i = 0; i < 12; i++) {
                ImageIO.write(image(cls.equals("light"), rng), "png", folder.resolve(i + ".png").toFile());
            }
        }
        Project project = new Project("shades", GraphAnalysisTest.chain(Input.of(8, 8, 1), new Flatten(),
                new Dense(2, "softmax")), TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 60).withBatchSize(4)
                        .withOptimizer(OptimizerSpec.of("adam", 0.05)),
                new DatasetSource.ImageFolder("images", 8, 8, 1, 0.25, 1), List.of(), null);
        Path p = dir.resolve("shades.layerlab");
        ProjectFiles.save(project, p);
        Run train = Run.of("train", p.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("Test: loss") && train.out().contains("accuracy 100.00%"), train.out());
        Path fresh = Files.createDirectories(dir.resolve("new"));
        ImageIO.write(image(true, rng), "png", fresh.resolve("bright.png").toFile());
        ImageIO.write(image(false, rng), "png", fresh.resolve("dim.png").toFile());
        Files.writeString(fresh.resolve("notes.txt"), "not an image");

        Run folder = Run.of("predict", p.toString(), "--input", fresh.toString());
        assertEquals(0, folder.code(), folder.err());
        List<String> lines = folder.out().lines().toList();
        assertEquals(List.of("bright.png\tlight", "dim.png\tdark"), lines.stream()
                .map(l -> l.substring(0, l.lastIndexOf('\t'))).toList(), folder.out());
        Run one = Run.of("predict", p.toString(), "--input", fresh.resolve("dim.png").toString());
        assertTrue(one.out().startsWith("dim.png\tdark\t"), one.out());

        Path idx = dir.resolve("new-images-idx3-ubyte");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(idx))) {
            out.writeInt(0x00000803);
            out.writeInt(2);
            out.writeInt(8);
            out.writeInt(8);
            for (boolean light : new boolean[] {false, true}) {
                for (int i = 0; i < 64; i++) {
                    out.writeByte(light ? 230 : 20);
                }
            }
        }
        Run fromIdx = Run.of("predict", p.toString(), "--input", idx.toString());
        assertEquals(0, fromIdx.code(), fromIdx.err());
        assertEquals(List.of("0\tdark", "1\tlight"), fromIdx.out().lines().map(l -> l.substring(0, l.lastIndexOf('\t')))
                .toList());
        Run notAnImage = Run.of("predict", p.toString(), "--input", fresh.resolve("notes.txt").toString());
        assertEquals(2, notAnImage.code());
        assertTrue(notAnImage.err().contains("is neither an image"), notAnImage.err());
    }

    private static BufferedImage image(boolean light, Random rng) {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                int v = (light ? 200 : 30) + rng.nextInt(40);
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }
}
