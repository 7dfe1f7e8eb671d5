package org.layerlab.export.pytorch;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.export.core.ExportPlan;
import org.layerlab.export.core.LayerTranslation;
import org.layerlab.nn.layers.LayerSpec;

/**
 * How one layer kind becomes PyTorch code: submodules, state-dict tensors, and the expression its
 * line of {@code forward} computes (without its built-in activation, which the exporter wraps
 * around it). Implementations are listed in {@link TorchLayers}.
 */
interface TorchLayer<S extends LayerSpec> extends LayerTranslation<S, TorchLayer.Context> {
    /**
     * One layer's translation: the module, its input variables, its name (an identifier, also
     * its submodule's), the padding mask variable that reaches it ((N, T) floats) or null, and each
     * input's mask variable (null where an input has none).
     */
    record Context(TorchModule module, ExportPlan.Step step, List<String> inputs, String name, String mask,
                   List<String> inputMasks) {
        /** The keys' mask in attention: the one input's, or the value's and the key's together (an expression). */
        String keyMask() {
            String value = inputMasks.size() > 1 ? inputMasks.get(1) : inputMasks.isEmpty() ? null : inputMasks.get(0);
            String key = inputMasks.size() > 2 ? inputMasks.get(2) : null;
            if (value == null || key == null) {
                return value != null ? value : key;
            }
            return value + " * " + key;
        }

        String input() {
            return inputs.get(0);
        }

        Shape inputShape() {
            return step.inputShapes().get(0);
        }

        Tensor tensor(String key) {
            return step.weight(key);
        }

        boolean hasWeight(String key) {
            return step.weights().containsKey(key);
        }

        /** A state-dict entry under this layer's submodule: "dense.weight". */
        void weight(String key, Tensor value) {
            module.weight(name + "." + key, value);
        }

        /** {@code self.name = constructor}, returning "self.name". */
        String submodule(String constructor) {
            module.submodule(name, constructor);
            return "self." + name;
        }
    }
}
