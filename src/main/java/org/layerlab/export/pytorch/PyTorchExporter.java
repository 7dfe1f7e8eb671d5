package org.layerlab.export.pytorch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.layerlab.engine.Shape;
import org.layerlab.export.core.ExportPlan;
import org.layerlab.export.core.Exporter;
import org.layerlab.export.core.Identifiers;
import org.layerlab.nn.graph.GanChecks;
import org.layerlab.nn.layers.Embedding;
import org.layerlab.nn.layers.HasActivation;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerKind;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.project.Project;

/**
 * The network as PyTorch code a person could have written: {@code model.py} (an nn.Module whose
 * forward has one line per layer, in the graph's order, merges as plain arithmetic) and
 * {@code model.safetensors} (the weights in PyTorch's layouts under the module's own names, so
 * {@code load_state_dict} takes them as they are). model.py reads the weights with numpy alone,
 * so it runs on Debian's torch 1.13 (no safetensors package) as on PyTorch 2.
 *
 * <p>Values between layers keep LayerLab's (Keras') layouts: images (batch, height, width,
 * channels), sequences (batch, steps, features). The model's input is what LayerLab's network
 * takes: normalized features, images in [0, 1], token ids as floats.
 */
public final class PyTorchExporter implements Exporter {
    @Override
    public String format() {
        return "pytorch";
    }

    @Override
    public String description() {
        return "PyTorch module (model.py + model.safetensors)";
    }

    @Override
    public List<String> extensions() {
        return List.of(".py");
    }

    /** Always model.py: train.py imports it by that name. */
    @Override
    public String fileName(String baseName) {
        return "model.py";
    }

    @Override
    public boolean supports(LayerKind kind) {
        return TorchLayers.ALL.supports(kind);
    }

    @Override
    public String problem(ExportPlan.Step step) {
        return TorchLayers.ALL.problem(step);
    }

    /**
     * Writes model.py, model.safetensors, train.py, training.json, data.safetensors (when the data
     * loads) and README.md into the folder; returns model.py.
     */
    @Override
    public Path export(Project project, String baseName, Path projectDir, Path targetDir) throws IOException {
        Files.createDirectories(targetDir);
        ExportPlan plan = ExportPlan.of(project);
        TorchModule m = module(plan);
        Path model = targetDir.resolve(fileName(baseName));
        Files.writeString(model, source(project, plan, m));
        m.weights().meta("format", "pt").meta("project", project.name()).write(targetDir.resolve("model.safetensors"));
        if (GanChecks.seamOf(project.graph()) != null) {
            // A GAN's generator: train.py trains one network on labelled data, which a GAN is not.
            Files.writeString(targetDir.resolve("README.md"), ExportReadme.generator(project));
            return model;
        }
        String noData = TrainingFiles.write(project, projectDir, targetDir);
        Files.writeString(targetDir.resolve("README.md"), ExportReadme.text(project, noData));
        return model;
    }

    /** The module of a project that has no {@link #problems}. */
    static TorchModule module(Project project) {
        return module(ExportPlan.of(project));
    }

    private static TorchModule module(ExportPlan plan) {
        TorchModule m = new TorchModule();
        Identifiers ids = new Identifiers();
        Map<String, String> vars = new HashMap<>();
        Map<String, String> masks = new HashMap<>();
        for (ExportPlan.Step s : plan.steps()) {
            LayerSpec spec = s.node().spec();
            String id = s.node().id();
            if (spec instanceof Input) {
                vars.put(id, "x");
                continue;
            }
            List<String> inputs = s.node().inputs().stream().map(vars::get).toList();
            String name = ids.of(s.node().name());
            String mask = s.masked() ? masks.get(s.node().inputs().get(0)) : null;
            LayerSpec core = spec instanceof HasActivation h ? h.withoutActivation() : spec;
            List<String> inputMasks = new ArrayList<>();
            s.node().inputs().forEach(in -> inputMasks.add(masks.get(in)));
            String expression = TorchLayers.ALL.emit(core, new TorchLayer.Context(m, s, inputs, name, mask, inputMasks));
            if (spec instanceof HasActivation h) {
                expression = TorchActivations.apply(h.activation(), expression);
            }
            if (s.carriesMask()) {
                if (spec instanceof Embedding) {
                    mask = ids.of(name + "_mask");
                    m.assign(mask, "(" + inputs.get(0) + " != 0).float()", "1 for real tokens, 0 for padding");
                }
                masks.put(id, mask);
            }
            m.assign(name, expression, shape(s.outputShape()));
            vars.put(id, name);
        }
        m.returns(vars.get(plan.output().node().id()));
        return m;
    }

    private static String source(Project project, ExportPlan plan, TorchModule m) {
        String doc = project.name() + ": the network of a LayerLab project, as a PyTorch module.\n\n"
                + "Input: float32 " + shape(plan.input().outputShape()) + ", as LayerLab feeds the network. Output: "
                + shape(plan.output().outputShape()) + ".\nWeights: model.safetensors beside this file"
                + (project.isTrained() ? " (trained, " + project.history().size() + " epochs)." : " (untrained: the initial"
                + " weights).") + "\n\n    model = load_model()\n    y = model(x)";
        return m.source(doc, "x", shape(plan.input().outputShape()));
    }

    /** "(batch, 28, 28, 1)". */
    static String shape(Shape s) {
        StringBuilder b = new StringBuilder("(batch");
        for (int d : s.dims()) {
            b.append(", ").append(d);
        }
        return b.append(")").toString();
    }
}
