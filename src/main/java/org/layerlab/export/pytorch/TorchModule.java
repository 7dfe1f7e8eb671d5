package org.layerlab.export.pytorch;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.layerlab.engine.Tensor;
import org.layerlab.export.core.SafeTensors;

/**
 * The model.py being written: submodules for {@code __init__}, one line per layer for
 * {@code forward}, the helpers those lines call, and the state dict (PyTorch layouts, PyTorch
 * names) that goes to model.safetensors and loads with {@code load_state_dict} as is.
 */
final class TorchModule {
    private final List<String> init = new ArrayList<>();
    private final List<String> forward = new ArrayList<>();
    private final Set<TorchHelpers> helpers = EnumSet.of(TorchHelpers.LOAD_WEIGHTS);
    private final SafeTensors weights = new SafeTensors();
    private String output = "x";

    /** {@code self.name = constructor} in {@code __init__}. */
    void submodule(String name, String constructor) {
        init.add("self." + name + " = " + constructor);
    }

    /** A learned tensor held directly by the model: {@code self.name = nn.Parameter(...)}. */
    void parameter(String name, Tensor value) {
        StringBuilder dims = new StringBuilder();
        for (int d : value.dims()) {
            dims.append(dims.length() == 0 ? "" : ", ").append(d);
        }
        init.add("self." + name + " = nn.Parameter(torch.zeros(" + dims + "))");
        weights.put(name, value);
    }

    /** {@code var = expression  # comment} in {@code forward}. */
    void assign(String var, String expression, String comment) {
        forward.add(var + " = " + expression + (comment == null ? "" : "  # " + comment));
    }

    /** A state-dict entry, already in PyTorch's layout. */
    void weight(String key, Tensor value) {
        weights.put(key, value);
    }

    /** The variable forward returns. */
    void returns(String var) {
        output = var;
    }

    void use(TorchHelpers h) {
        helpers.add(h);
    }

    SafeTensors weights() {
        return weights;
    }

    /** The whole model.py: imports, the helpers used, and class Model. */
    String source(String docstring, String input, String inputComment) {
        StringBuilder b = new StringBuilder();
        b.append("\"\"\"").append(docstring.replace("\"\"\"", "'''").replace("\\", "/")).append("\n\"\"\"\n");
        b.append("import json\nimport math\n\nimport numpy as np\nimport torch\nimport torch.nn.functional as F\n")
                .append("from torch import nn\n\n\n");
        for (TorchHelpers h : helpers) {
            b.append(h.code()).append("\n\n");
        }
        b.append("class Model(nn.Module):\n");
        b.append("    def __init__(self):\n        super().__init__()\n");
        for (String line : init) {
            b.append("        ").append(line).append('\n');
        }
        if (init.isEmpty()) {
            b.append("        pass\n");
        }
        b.append("\n    def forward(self, ").append(input).append("):  # ").append(inputComment).append('\n');
        for (String line : forward) {
            b.append("        ").append(line).append('\n');
        }
        b.append("        return ").append(output).append("\n\n\n");
        b.append("""
                def load_model(path="model.safetensors"):
                    \"\"\"The model with the weights exported beside this file, in evaluation mode.\"\"\"
                    model = Model()
                    model.load_state_dict(load_weights(path))
                    return model.eval()
                """);
        return b.toString();
    }
}
