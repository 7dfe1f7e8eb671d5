package org.layerlab.export.keras;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.export.core.ExportPlan;
import org.layerlab.export.core.Exporter;
import org.layerlab.export.core.Identifiers;
import org.layerlab.export.core.PythonCode;
import org.layerlab.export.core.SafeTensors;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerKind;
import org.layerlab.project.Project;

/**
 * The network rebuilt with Keras 3's functional API: {@code keras_model.py} (one line per layer,
 * LayerLab's kinds and options being Keras' own) and {@code keras_model.safetensors} (each layer's
 * weights in Keras' layout and order, which are LayerLab's), loaded with {@code set_weights}. It
 * runs on any Keras 3 backend. Masks need nothing here: Keras propagates mask_zero itself. Beside
 * them, {@code model.keras}, Keras' own file, for {@code keras.saving.load_model} without the script
 * (not for networks with layers Keras does not have, whose classes only the script defines).
 */
public final class KerasExporter implements Exporter {
    static final String SCRIPT = "keras_model.py";
    static final String WEIGHTS = "keras_model.safetensors";
    static final String KERAS_FILE = "model.keras";

    @Override
    public String format() {
        return "keras";
    }

    @Override
    public String description() {
        return "Keras 3 functional model (keras_model.py + weights)";
    }

    @Override
    public List<String> extensions() {
        return List.of(".py");
    }

    @Override
    public String fileName(String baseName) {
        return SCRIPT;
    }

    /** Every kind: LayerLab's kinds are Keras layers, or come with their own class (KerasOwnClasses). */
    @Override
    public boolean supports(LayerKind kind) {
        return true;
    }

    @Override
    public String problem(ExportPlan.Step step) {
        return KerasCode.problem(step.node().spec());
    }

    @Override
    public Path export(Project project, String baseName, Path projectDir, Path targetDir) throws IOException {
        Files.createDirectories(targetDir);
        ExportPlan plan = ExportPlan.of(project);
        SafeTensors weights = new SafeTensors().meta("project", project.name());
        Map<String, String> names = names(plan);
        Path script = targetDir.resolve(SCRIPT);
        Files.writeString(script, source(project, plan, names, weights));
        weights.write(targetDir.resolve(WEIGHTS));
        if (KerasFile.problem(plan) == null) {
            KerasFile.write(plan, Identifiers.clean(project.name()), names, targetDir.resolve(KERAS_FILE));
        } else {
            Files.deleteIfExists(targetDir.resolve(KERAS_FILE));
        }
        return script;
    }

    /** Each layer's Keras name: "input" for the Input, else its name as an identifier, unique. */
    static Map<String, String> names(ExportPlan plan) {
        Identifiers ids = new Identifiers();
        Map<String, String> out = new HashMap<>();
        for (ExportPlan.Step s : plan.steps()) {
            out.put(s.node().id(), s.node().spec() instanceof Input ? "input" : ids.of(s.node().name()));
        }
        return out;
    }

    /** The script; fills weights with each layer's tensors under "layer/name". */
    static String source(Project project, ExportPlan plan, Map<String, String> names, SafeTensors weights) {
        Map<String, String> vars = new HashMap<>();
        StringBuilder build = new StringBuilder();
        StringBuilder table = new StringBuilder();
        Set<String> classes = new LinkedHashSet<>();
        String input = "x";
        for (ExportPlan.Step s : plan.steps()) {
            String id = s.node().id();
            if (s.node().spec() instanceof Input in) {
                vars.put(id, input);
                build.append("    ").append(input).append(" = keras.Input(shape=").append(KerasCode.literal(in.shape()))
                        .append(", name=\"input\")\n");
                continue;
            }
            String name = names.get(id);
            String own = KerasOwnClasses.SOURCES.get(s.node().spec().getClass());
            if (own != null) {
                classes.add(own);
            }
            List<String> inputs = s.node().inputs().stream().map(vars::get).toList();
            build.append("    ").append(name).append(" = ").append(KerasCode.call(s.node().spec(), name, inputs))
                    .append("  # ").append(shape(s.outputShape())).append('\n');
            vars.put(id, name);
            if (!s.weights().isEmpty()) {
                table.append("    \"").append(name).append("\": [");
                boolean first = true;
                for (Map.Entry<String, Tensor> w : s.weights().entrySet()) {
                    String key = name + "/" + w.getKey();
                    weights.put(key, w.getValue());
                    table.append(first ? "" : ", ").append('"').append(key).append('"');
                    first = false;
                }
                table.append("],\n");
            }
        }
        String output = vars.get(plan.output().node().id());
        return """
                \"\"\"%s: the network of a LayerLab project, rebuilt with Keras 3's functional API.

                Input: float32 %s, as LayerLab feeds the network. Output: %s.
                Weights: %s beside this file (%s), in Keras' layouts.

                    model = load_model()        # any Keras 3 backend: KERAS_BACKEND=torch, jax or tensorflow
                    y = model.predict(x)
                    model.save("model.keras")   # Keras' own format, for keras.saving.load_model
                \"\"\"
                import json
                import os

                import keras
                import numpy as np
                from keras import layers

                HERE = os.path.dirname(os.path.abspath(__file__))

                %s
                %s
                def build_model():
                %s    return keras.Model(%s, %s, name="%s")

                # Each layer's tensors in %s, in the order Keras' set_weights takes them.
                WEIGHTS = {
                %s}

                def load_model(path=os.path.join(HERE, "%s")):
                    \"\"\"The model with the exported weights.\"\"\"
                    model = build_model()
                    arrays = load_arrays(path)
                    for layer, names in WEIGHTS.items():
                        model.get_layer(layer).set_weights([arrays[n] for n in names])
                    return model
                """.formatted(project.name().replace("\"\"\"", "'''").replace("\\", "/"), shape(plan.input().outputShape()),
                shape(plan.output().outputShape()), WEIGHTS, project.isTrained() ? "trained" : "untrained: the initial weights",
                PythonCode.LOAD_ARRAYS, String.join("", classes), build, input, output,
                Identifiers.clean(project.name()), WEIGHTS, table, WEIGHTS);
    }

    private static String shape(Shape s) {
        StringBuilder b = new StringBuilder("(batch");
        for (int d : s.dims()) {
            b.append(", ").append(d);
        }
        return b.append(")").toString();
    }
}
