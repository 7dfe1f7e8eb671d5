package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.ops.Window;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.LayerRuntime;

/** The average of each window of steps per feature: (N, T, C) → (N, outT, C). Strides default to the pool size. */
public record AveragePooling1D(int poolSize, Integer strides, String padding) implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("AveragePooling1D", AveragePooling1D.class, LayerCategory.POOLING)
            .describe("Keeps the average of each window of steps: a shorter sequence.",
                    "y[t,c] = average over the window of x")
            .param(LayerParam.optional("pool_size", ParamType.INT, 2, "How many steps each window spans.").range(1, 1024))
            .param(LayerParam.optional("strides", ParamType.INT, null, "How far the window moves; by default the pool size.")
                    .range(1, 1024))
            .param(LayerParam.choice("padding", "valid", List.of("valid", "same"),
                    "valid: windows inside the sequence only; same: zeros at the ends, length kept (÷ strides)."))
            .example(() -> new AveragePooling1D(2, null, "valid"))
            .build();

    public AveragePooling1D {
        Checks.positive("AveragePooling1D", "poolSize", poolSize);
        strides = strides == null ? poolSize : strides;
        Checks.positive("AveragePooling1D", "strides", strides);
        if (!List.of("valid", "same").contains(padding)) {
            throw new IllegalArgumentException("AveragePooling1D: padding must be valid or same. Received: padding=" + padding);
        }
    }

    @Override
    public String kind() {
        return "AveragePooling1D";
    }

    /** The window over this input as the layer computes it (sizes, strides, padding); exporters read it too. */
    public Window window(Shape in) {
        return Sequences.window(kind(), in, poolSize, strides, 1, padding);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Window w = window(inputs.get(0));
        return Shape.of(w.outW(), w.channels());
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        return WindowPooling.average(window(c.input()));
    }

    @Override
    public String summary() {
        return kind() + " " + poolSize + (strides.intValue() == poolSize ? "" : " /" + strides);
    }
}
