package org.layerlab.export.onnx;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.export.core.ExportPlan;
import org.layerlab.export.core.LayerTranslation;
import org.layerlab.nn.layers.LayerSpec;

/**
 * How one layer kind becomes ONNX nodes. Implementations are listed in {@link OnnxLayers}; a kind
 * not listed there is reported as unsupported before anything is written.
 */
interface OnnxLayer<S extends LayerSpec> extends LayerTranslation<S, OnnxLayer.Context> {
    private static String keyMask(OnnxGraph g, String name, List<String> masks) {
        String value = masks.size() > 1 ? masks.get(1) : masks.isEmpty() ? null : masks.get(0);
        String key = masks.size() > 2 ? masks.get(2) : null;
        if (value == null || key == null) {
            return value != null ? value : key;
        }
        return g.op("Mul", name + "/key_mask", OnnxGraph.in(value, key));
    }

    /**
     * What one layer's translation works with: the graph, its input values and shapes, its weights,
     * the padding mask that reaches it (a (N, T) float value of 1 for real steps, 0 for padding), or
     * null, and each input's mask (null where an input has none).
     */
    record Context(OnnxGraph graph, ExportPlan.Step step, List<String> inputs, String name, String mask,
                   List<String> inputMasks) {
        /** The mask of the keys in attention: the one input's, or the value's and the key's together. */
        String keyMask() {
            return OnnxLayer.keyMask(graph, name, inputMasks);
        }

        String input() {
            return inputs.get(0);
        }

        Shape inputShape() {
            return step.inputShapes().get(0);
        }

        /** A weight of this layer as stored (Keras layout), under "name/weight". */
        String weight(String key) {
            return graph.floats(name + "/" + key, step.weight(key));
        }

        Tensor tensor(String key) {
            return step.weight(key);
        }

        boolean hasWeight(String key) {
            return step.weights().containsKey(key);
        }
    }
}
