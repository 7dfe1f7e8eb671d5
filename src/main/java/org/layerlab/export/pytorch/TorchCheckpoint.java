package org.layerlab.export.pytorch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.layerlab.engine.Tensor;
import org.layerlab.export.core.ExportPlan;
import org.layerlab.export.core.SafeTensors;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterStore;
import org.layerlab.project.Project;

/**
 * Reads weights that the exported train.py (or any code using the exported model.py) saved back
 * into the project's own layouts. The mapping is not written twice: the export itself is run with
 * one LayerLab tensor at a time filled with 1, 2, 3, ... and the rest zero, and where each number
 * lands in PyTorch's tensors says where each value comes back from. Biases PyTorch keeps twice
 * (LSTM and SimpleRNN: bias_ih and bias_hh, where Keras has one) are added back together.
 */
public final class TorchCheckpoint {
    /** Values of one tensor that floats count exactly (2^24). */
    private static final int MAX_TAGGED = 1 << 24;

    private TorchCheckpoint() {
    }

    /** The project's weights as the checkpoint has them, or an IOException that says what does not fit. */
    public static ParameterStore read(Project project, Path file) throws IOException {
        Map<String, Tensor> checkpoint = SafeTensors.read(file);
        ParameterStore store = ExportPlan.of(project).network().parameterStore().copy();
        List<Parameter> params = store.all();
        Map<String, Parameter[]> fromParam = new HashMap<>();
        Map<String, int[]> fromIndex = new HashMap<>();
        for (Parameter target : params) {
            if (target.size() >= MAX_TAGGED) {
                throw new IOException(target.nodeId() + "/" + target.name() + " has " + target.size()
                        + " values, more than this import can map (16,777,215)");
            }
            ParameterStore tagged = store.copy();
            for (Parameter p : tagged.all()) {
                boolean isTarget = p.nodeId().equals(target.nodeId()) && p.name().equals(target.name());
                float[] v = p.value().data();
                for (int i = 0; i < v.length; i++) {
                    v[i] = isTarget ? i + 1 : 0;
                }
            }
            Project probe = new Project(project.name(), project.graph(), project.training(), project.dataset(),
                    project.history(), tagged);
            for (Map.Entry<String, Tensor> e : PyTorchExporter.module(probe).weights().tensors().entrySet()) {
                float[] tags = e.getValue().data();
                Parameter[] owner = fromParam.computeIfAbsent(e.getKey(), k -> new Parameter[tags.length]);
                int[] index = fromIndex.computeIfAbsent(e.getKey(), k -> new int[tags.length]);
                for (int j = 0; j < tags.length; j++) {
                    if (tags[j] != 0) {
                        owner[j] = target;
                        index[j] = (int) tags[j] - 1;
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : fromParam.keySet()) {
            if (!checkpoint.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException(file.getFileName() + " lacks " + String.join(", ", missing.stream().sorted().toList())
                    + ": it does not come from this project's PyTorch export (export again, then train that)");
        }
        Map<Parameter, boolean[]> filled = new HashMap<>();
        // Tensors with a source first; the second biases are added onto them after.
        List<Map.Entry<String, Parameter[]>> entries = new ArrayList<>(fromParam.entrySet());
        entries.sort((a, b) -> Boolean.compare(allUnsourced(a.getValue()), allUnsourced(b.getValue())));
        for (Map.Entry<String, Parameter[]> e : entries) {
            Tensor values = checkpoint.get(e.getKey());
            Parameter[] owner = e.getValue();
            if (values.size() != owner.length) {
                throw new IOException(file.getFileName() + ": " + e.getKey() + " has " + values.size() + " values where"
                        + " this project's network has " + owner.length + ": the network changed since the export");
            }
            boolean folded = e.getKey().contains("bias_hh") && allUnsourced(owner);
            Parameter[] foldOwner = folded ? fromParam.get(e.getKey().replace("bias_hh", "bias_ih")) : owner;
            int[] index = folded ? fromIndex.get(e.getKey().replace("bias_hh", "bias_ih")) : fromIndex.get(e.getKey());
            for (int j = 0; j < owner.length; j++) {
                float v = values.data()[j];
                if (!Float.isFinite(v)) {
                    throw new IOException(file.getFileName() + ": " + e.getKey() + " holds a value that is not a number"
                            + " (training diverged): nothing was imported");
                }
                if (foldOwner == null || foldOwner[j] == null) {
                    continue;
                }
                float[] data = foldOwner[j].value().data();
                data[index[j]] = folded ? data[index[j]] + v : v;
                filled.computeIfAbsent(foldOwner[j], p -> new boolean[p.size()])[index[j]] = true;
            }
        }
        for (Parameter p : params) {
            boolean[] f = filled.get(p);
            for (int i = 0; i < p.size(); i++) {
                if (f == null || !f[i]) {
                    throw new IllegalStateException("the PyTorch export does not map " + p.nodeId() + "/" + p.name());
                }
            }
        }
        return store;
    }

    private static boolean allUnsourced(Parameter[] owner) {
        for (Parameter p : owner) {
            if (p != null) {
                return false;
            }
        }
        return true;
    }
}
