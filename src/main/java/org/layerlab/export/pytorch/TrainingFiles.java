package org.layerlab.export.pytorch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.layerlab.data.Dataset;
import org.layerlab.engine.Tensor;
import org.layerlab.export.core.SafeTensors;
import org.layerlab.project.DataFiles;
import org.layerlab.project.LoadedData;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectException;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.ProjectSession;

/**
 * What train.py needs beside the model: the script itself (a fixed file: it reads its settings),
 * training.json (the project's training settings as the project file saves them, plus the class
 * names) and data.safetensors (the training and test data exactly as LayerLab feeds the network,
 * so PyTorch trains on the same numbers without re-implementing CSV encoding, normalization,
 * tokenising or windowing).
 */
final class TrainingFiles {
    /** Above this, data.safetensors is left out (train.py says how to provide it): 2 GB. */
    static final long MAX_DATA_BYTES = 2L << 30;

    private TrainingFiles() {
    }

    /** Writes train.py and training.json, and data.safetensors when the data loads; returns why the data is missing, or null. */
    static String write(Project project, Path projectDir, Path dir) throws IOException {
        try (InputStream in = TrainingFiles.class.getResourceAsStream("train.py")) {
            if (in == null) {
                throw new IOException("train.py is missing from this build of LayerLab");
            }
            Files.write(dir.resolve("train.py"), in.readAllBytes());
        }
        JsonObject config = ProjectFiles.trainingJson(project.training());
        String missing = null;
        LoadedData data = null;
        if (project.dataset() == null) {
            missing = "the project has no data";
        } else {
            try {
                data = ProjectSession.open(project, projectDir).data();
            } catch (ProjectException | IOException | RuntimeException e) {
                missing = "its data did not load: " + e.getMessage();
            }
        }
        if (data != null) {
            String fingerprint = DataFiles.fingerprint(project.dataset(), projectDir);
            if (fingerprint != null) {
                config.addProperty("dataset_fingerprint", fingerprint);
            }
            JsonArray names = new JsonArray();
            data.train().classNames().forEach(names::add);
            config.addProperty("classes", data.train().classNames().size());
            config.add("class_names", names);
            long bytes = 4L * (data.train().size() + (data.test() == null ? 0 : data.test().size()))
                    * (data.train().featureShape().size() + data.train().targetWidth());
            if (bytes > MAX_DATA_BYTES) {
                missing = "the data takes " + (bytes >> 20) + " MB as floats, more than an export carries";
            } else {
                SafeTensors t = new SafeTensors().meta("dataset", project.dataset().describe());
                add(t, "train", data.train().original());
                if (data.test() != null && data.test().size() > 0) {
                    add(t, "test", data.test());
                }
                t.write(dir.resolve("data.safetensors"));
            }
        }
        Files.writeString(dir.resolve("training.json"), new GsonBuilder().setPrettyPrinting().create().toJson(config) + "\n");
        return missing;
    }

    /** x_part (N, features...) and y_part (N, target width): raw targets, class indices for classification. */
    private static void add(SafeTensors t, String part, Dataset d) {
        int n = d.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] dims = new int[d.featureShape().rank() + 1];
        dims[0] = n;
        System.arraycopy(d.featureShape().dims(), 0, dims, 1, d.featureShape().rank());
        Tensor x = Tensor.zeros(dims);
        Tensor y = Tensor.zeros(n, d.targetWidth());
        d.gather(order, 0, n, x, y);
        t.put("x_" + part, x).put("y_" + part, y);
    }
}
