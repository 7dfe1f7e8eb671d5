package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.ops.Window;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Padding;
import org.layerlab.nn.Size2;

/** The mean of each window per channel: (N, H, W, C) → (N, outH, outW, C). Strides default to the pool size. */
public record AveragePooling2D(Size2 poolSize, Size2 strides, Padding padding) implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("AveragePooling2D", AveragePooling2D.class, LayerCategory.POOLING)
            .describe("Averages each window: smaller, smoother maps.", "y[i,j,c] = mean over the window of x")
            .param(LayerParam.optional("pool_size", ParamType.SIZE2, Size2.square(2), "The window (height × width).").range(1, 64))
            .param(LayerParam.optional("strides", ParamType.SIZE2, null, "How far the window moves; by default the pool size.")
                    .range(1, 64))
            .param(LayerParam.optional("padding", ParamType.PADDING, Padding.VALID,
                    "valid: windows inside the map only; same: zeros around it, size kept (÷ strides)."))
            .example(() -> new AveragePooling2D(2))
            .build();

    public AveragePooling2D {
        Size2.check("AveragePooling2D", "poolSize", poolSize);
        strides = strides == null ? poolSize : strides;
        Checks.notNull("AveragePooling2D", "padding", padding);
    }

    public AveragePooling2D(int pool) {
        this(Size2.square(pool), null, Padding.VALID);
    }

    @Override
    public String kind() {
        return "AveragePooling2D";
    }

    /** The window over this input as the layer computes it (sizes, strides, padding); exporters read it too. */
    public Window window(Shape in) {
        return Images.window(kind(), in, poolSize, strides, Size2.square(1), padding);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Window w = window(inputs.get(0));
        return Shape.of(w.outH(), w.outW(), w.channels());
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        return WindowPooling.average(window(c.input()));
    }

    @Override
    public String summary() {
        return "AveragePooling2D " + poolSize + (strides.equals(poolSize) ? "" : " /" + strides);
    }
}
