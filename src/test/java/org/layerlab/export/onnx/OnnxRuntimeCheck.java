package org.layerlab.export.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.layerlab.engine.Tensor;
import org.layerlab.export.core.ExportPlan;
import org.layerlab.export.core.Identifiers;
import org.layerlab.project.Project;

/** Runs a project's ONNX export in ONNX Runtime and compares its outputs with LayerLab's. */
final class OnnxRuntimeCheck {
    /** The agreement asked of an export: 1e-5 of the value, or of 1 for values near zero. */
    static final double TOLERANCE = 1e-5;

    private OnnxRuntimeCheck() {
    }

    /** ONNX Runtime's outputs for x (batch first), with their shape. */
    static Tensor run(byte[] model, Tensor x) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] shape = new long[x.rank()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = x.dim(i);
        }
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x.data(), 0, x.size()), shape);
             OrtSession.Result result = session.run(Map.of("input", input))) {
            OnnxTensor out = (OnnxTensor) result.get(0);
            long[] dims = out.getInfo().getShape();
            int[] d = new int[dims.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = (int) dims[i];
            }
            FloatBuffer fb = out.getFloatBuffer();
            float[] values = new float[fb.remaining()];
            fb.get(values);
            return Tensor.wrap(values, d);
        }
    }

    /**
     * Where each checked model is also written, for ONNX's own checker (src/test/python/check_onnx.py),
     * which .ci/run runs over the folder after the tests.
     */
    static final Path KEPT = Path.of("target", "onnx-exports");

    /** Exports the project, runs both on x and asserts the same shape and values within {@link #TOLERANCE}. */
    static void agrees(Project project, Tensor x, String what) throws OrtException, IOException {
        byte[] model = new OnnxExporter().model(project).toByteArray();
        Files.createDirectories(KEPT);
        Files.write(KEPT.resolve(Identifiers.clean(what) + "_" + Integer.toHexString(what.hashCode()) + ".onnx"), model);
        Tensor expected = ExportPlan.of(project).network().predict(x);
        Tensor actual = run(model, x);
        assertArrayEquals(expected.dims(), actual.dims(), what + ": output shape");
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.data()[i];
            double err = Math.abs(actual.data()[i] - e) / Math.max(1, Math.abs(e));
            if (!(err <= worst)) {
                worst = err;
                at = i;
            }
        }
        double w = worst;
        int a = at;
        assertTrue(worst <= TOLERANCE, () -> what + ": ONNX Runtime differs from LayerLab by " + w + " (relative) at "
                + a + ": " + actual.data()[a] + " vs " + expected.data()[a]);
    }
}
