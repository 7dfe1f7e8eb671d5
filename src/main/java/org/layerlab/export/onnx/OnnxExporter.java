package org.layerlab.export.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import org.layerlab.engine.Shape;
import org.layerlab.export.core.ExportPlan;
import org.layerlab.export.core.Exporter;
import org.layerlab.export.core.Identifiers;
import org.layerlab.nn.layers.Embedding;
import org.layerlab.nn.layers.HasActivation;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerKind;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.project.DataFiles;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.Project;

/**
 * The network as one {@code .onnx} file for ONNX Runtime and every other ONNX tool: the trained
 * weights as initializers, one float32 input "input" (batch, sample shape...) with a free batch
 * size, one output "output" (after the last layer's activation, as {@code predict} gives), and
 * the project's provenance as metadata (LayerLab's version, the project, epochs trained, seed, loss,
 * the dataset and a fingerprint of its files). Opset 13, raised to 17 by LayerNormalization.
 *
 * <p>The model takes the network's input as LayerLab feeds it: features after the project's
 * normalization (its statistics are in the metadata, {@code input_offset} and {@code input_scale}),
 * images as floats in [0, 1], token ids as floats.
 */
public final class OnnxExporter implements Exporter {
    /** ONNX IR version 8 goes with opsets up to 17 and is what ONNX 1.12+ and every current runtime read. */
    private static final long IR_VERSION = 8;

    @Override
    public String format() {
        return "onnx";
    }

    @Override
    public String description() {
        return "ONNX model (.onnx) for ONNX Runtime and other ONNX tools";
    }

    @Override
    public List<String> extensions() {
        return List.of(".onnx");
    }

    @Override
    public boolean supports(LayerKind kind) {
        return OnnxLayers.ALL.supports(kind);
    }

    @Override
    public String problem(ExportPlan.Step step) {
        return OnnxLayers.ALL.problem(step);
    }

    @Override
    public Path export(Project project, String baseName, Path projectDir, Path targetDir) throws IOException {
        Files.createDirectories(targetDir);
        Path file = targetDir.resolve(fileName(baseName));
        Files.write(file, model(project, projectDir).toByteArray());
        return file;
    }

    /** The ONNX model of a project that has no {@link #problems}. */
    public ModelProto model(Project project) {
        return model(project, null);
    }

    /** The same, with the fingerprint of the project's data (read from projectDir) in the metadata when it is there. */
    public ModelProto model(Project project, Path projectDir) {
        ExportPlan plan = ExportPlan.of(project);
        OnnxGraph g = new OnnxGraph();
        Identifiers ids = new Identifiers();
        Map<String, String> values = new HashMap<>();
        Map<String, String> masks = new HashMap<>();
        for (ExportPlan.Step s : plan.steps()) {
            LayerSpec spec = s.node().spec();
            String id = s.node().id();
            if (spec instanceof Input in) {
                values.put(id, g.fresh("input"));
                g.proto().addInput(valueInfo(values.get(id), in.shape()));
                continue;
            }
            List<String> inputs = s.node().inputs().stream().map(values::get).toList();
            String name = ids.of(s.node().name());
            String incomingMask = s.masked() ? masks.get(s.node().inputs().get(0)) : null;
            LayerSpec core = spec instanceof HasActivation h ? h.withoutActivation() : spec;
            List<String> inputMasks = new ArrayList<>();
            s.node().inputs().forEach(in -> inputMasks.add(masks.get(in)));
            String y = OnnxLayers.ALL.emit(core, new OnnxLayer.Context(g, s, inputs, name, incomingMask, inputMasks));
            if (spec instanceof HasActivation h) {
                y = OnnxActivations.apply(g, h.activation(), y, name + "/" + h.activation().name());
            }
            values.put(id, y);
            if (s.carriesMask()) {
                masks.put(id, spec instanceof Embedding ? SequenceLayers.paddingMask(g, name, inputs.get(0)) : incomingMask);
            }
        }
        String last = values.get(plan.output().node().id());
        g.proto().addNode(ai.onnx.proto.OnnxMl.NodeProto.newBuilder().setOpType("Identity").setName("output_node")
                .addInput(last).addOutput("output"));
        g.proto().addOutput(valueInfo("output", plan.output().outputShape()));
        g.proto().setName(Identifiers.clean(project.name()));
        ModelProto.Builder m = ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("LayerLab")
                .setProducerVersion(version()).setGraph(g.proto())
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(g.opset()))
                .setDocString("Exported by LayerLab from the project '" + project.name() + "'.");
        metadata(project, projectDir).forEach((k, v) -> m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return m.build();
    }

    /** Where the model came from: LayerLab's version, the project, how it was trained and on what. */
    private static Map<String, String> metadata(Project p, Path projectDir) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("layerlab_version", version());
        m.put("project", p.name());
        m.put("trained", Boolean.toString(p.isTrained()));
        m.put("epochs_trained", Integer.toString(p.history().size()));
        m.put("seed", Long.toString(p.training().seed()));
        m.put("loss", p.training().loss().toString());
        if (p.dataset() != null) {
            m.put("dataset", p.dataset().describe());
            String fingerprint = fingerprint(p, projectDir);
            if (fingerprint != null) {
                m.put("dataset_fingerprint", fingerprint);
            }
            float[][] stats = statistics(p.dataset());
            if (stats != null) {
                m.put("input_offset", join(stats[0]));
                m.put("input_scale", join(stats[1]));
                m.put("input_normalization", "the network's input is (feature - input_offset) / input_scale");
            }
        }
        return m;
    }

    private static String fingerprint(Project p, Path projectDir) {
        try {
            return projectDir == null ? null : DataFiles.fingerprint(p.dataset(), projectDir);
        } catch (IOException e) {
            return null;
        }
    }

    private static float[][] statistics(DatasetSource source) {
        DatasetSource d = source == null ? null : source.underlying();
        if (d instanceof DatasetSource.Csv c && c.offset() != null) {
            return new float[][] {c.offset(), c.scale()};
        }
        if (d instanceof DatasetSource.Windows w && w.offset() != null) {
            return new float[][] {w.offset(), w.scale()};
        }
        return null;
    }

    private static String join(float[] values) {
        StringBuilder b = new StringBuilder();
        for (float v : values) {
            b.append(b.length() == 0 ? "" : ",").append(v);
        }
        return b.toString();
    }

    private static String version() {
        String v = OnnxExporter.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    /** A float32 tensor of (batch, shape...) with a named, free batch dimension. */
    private static ValueInfoProto valueInfo(String name, Shape shape) {
        TensorShapeProto.Builder dims = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (int d : shape.dims()) {
            dims.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(dims))).build();
    }
}
