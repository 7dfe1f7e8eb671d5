package org.layerlab.export.pytorch;

import static org.layerlab.export.pytorch.TorchActivations.py;

import org.layerlab.engine.Shape;
import org.layerlab.export.core.Layouts;
import org.layerlab.nn.Edges;
import org.layerlab.nn.layers.BatchNormalization;
import org.layerlab.nn.layers.Concatenate;
import org.layerlab.nn.layers.Cropping1D;
import org.layerlab.nn.layers.Cropping2D;
import org.layerlab.nn.layers.Sampling;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Dropout;
import org.layerlab.nn.layers.ELU;
import org.layerlab.nn.layers.LayerNormalization;
import org.layerlab.nn.layers.LeakyReLU;
import org.layerlab.nn.layers.MergeLayer;
import org.layerlab.nn.layers.PReLU;
import org.layerlab.nn.layers.Reshape;
import org.layerlab.nn.layers.SpatialDropout2D;
import org.layerlab.nn.layers.ZeroPadding2D;

/** Dense, activations, dropout, shape changes, normalization and merges in PyTorch. */
final class TorchCoreLayers {
    private TorchCoreLayers() {
    }

    /** nn.Linear acts on the last axis, as Keras' Dense does on sequences; its weight is the kernel transposed. */
    static final TorchLayer<Dense> DENSE = (c, s) -> {
        c.weight("weight", Layouts.transpose(c.tensor("kernel")));
        if (s.useBias()) {
            c.weight("bias", c.tensor("bias"));
        }
        return c.submodule("nn.Linear(" + c.inputShape().last() + ", " + s.units() + (s.useBias() ? "" : ", bias=False")
                + ")") + "(" + c.input() + ")";
    };

    static final TorchLayer<?> IDENTITY = (c, s) -> c.input();

    static final TorchLayer<Dropout> DROPOUT = (c, s) -> c.submodule("nn.Dropout(" + py(s.rate()) + ")") + "(" + c.input() + ")";

    /** Whole channels dropped: F.dropout2d wants them first. */
    static final TorchLayer<SpatialDropout2D> SPATIAL_DROPOUT_2D = (c, s) -> "F.dropout2d(" + c.input()
            + ".permute(0, 3, 1, 2), " + py(s.rate()) + ", self.training).permute(0, 2, 3, 1)";

    static final TorchLayer<LeakyReLU> LEAKY_RELU = (c, s) -> "F.leaky_relu(" + c.input() + ", " + py(s.negativeSlope()) + ")";

    /** A sample in training, the mean in evaluation; the KL term reaches train.py's loss through the model. */
    static final TorchLayer<Sampling> SAMPLING = (c, s) -> {
        c.module().use(TorchHelpers.SAMPLING);
        return "sampling(self, \"" + c.name() + "\", " + c.inputs().get(0) + ", " + c.inputs().get(1) + ", "
                + py(s.klWeight()) + ")";
    };

    static final TorchLayer<ELU> ELU = (c, s) -> "F.elu(" + c.input() + ", " + py(s.alpha()) + ")";

    /** Keras' PReLU learns a slope per value (the sample's shape), unlike nn.PReLU's per channel. */
    static final TorchLayer<PReLU> PRELU = (c, s) -> {
        c.module().parameter(c.name() + "_alpha", c.tensor("alpha"));
        return "torch.where(" + c.input() + " > 0, " + c.input() + ", self." + c.name() + "_alpha * " + c.input() + ")";
    };

    /** Flatten keeps the channels-last order of Keras (and of LayerLab's weights after it). */
    static final TorchLayer<?> FLATTEN = (c, s) -> c.input() + ".flatten(1)";

    static final TorchLayer<Reshape> RESHAPE = (c, s) -> c.input() + ".reshape(" + dims(-1, s.targetShape()) + ")";

    static final TorchLayer<BatchNormalization> BATCH_NORMALIZATION = (c, s) -> {
        c.module().use(TorchHelpers.BATCH_NORMALIZATION);
        for (String w : new String[] {"gamma", "beta", "moving_mean", "moving_variance"}) {
            if (c.hasWeight(w)) {
                c.weight(w, c.tensor(w));
            }
        }
        return c.submodule("BatchNormalization(" + c.inputShape().last() + ", momentum=" + py(s.momentum()) + ", epsilon="
                + py(s.epsilon()) + ", center=" + pyBool(s.center()) + ", scale=" + pyBool(s.scale()) + ")")
                + "(" + c.input() + ")";
    };

    static final TorchLayer<LayerNormalization> LAYER_NORMALIZATION = (c, s) -> {
        c.weight("weight", c.tensor("gamma"));
        c.weight("bias", c.tensor("beta"));
        return c.submodule("nn.LayerNorm(" + c.inputShape().last() + ", eps=" + py(s.epsilon()) + ")") + "(" + c.input() + ")";
    };

    /** Merges are plain arithmetic on the branches. */
    static final TorchLayer<MergeLayer> MERGE = (c, s) -> switch (s.operation()) {
        case ADD -> String.join(" + ", c.inputs());
        case SUBTRACT -> String.join(" - ", c.inputs());
        case MULTIPLY -> String.join(" * ", c.inputs());
        case AVERAGE -> "(" + String.join(" + ", c.inputs()) + ") / " + c.inputs().size();
    };

    static final TorchLayer<Concatenate> CONCATENATE = (c, s) -> {
        Shape first = c.inputShape();
        int sampleAxis = s.axis() < 0 ? first.rank() + s.axis() : s.axis() - 1;
        return "torch.cat([" + String.join(", ", c.inputs()) + "], dim=" + (sampleAxis + 1) + ")";
    };

    /** F.pad pads the last axes first: channels (none), then width (left, right), then height (top, bottom). */
    static final TorchLayer<ZeroPadding2D> ZERO_PADDING_2D = (c, s) -> {
        Edges e = s.padding();
        return "F.pad(" + c.input() + ", (0, 0, " + e.left() + ", " + e.right() + ", " + e.top() + ", " + e.bottom() + "))";
    };

    static final TorchLayer<Cropping2D> CROPPING_2D = (c, s) -> {
        Edges e = s.cropping();
        Shape in = c.inputShape();
        return c.input() + "[:, " + e.top() + ":" + (in.dim(0) - e.bottom()) + ", " + e.left() + ":" + (in.dim(1) - e.right())
                + "]";
    };

    static final TorchLayer<Cropping1D> CROPPING_1D = (c, s) -> c.input() + "[:, " + s.cropping().start() + ":"
            + (c.inputShape().dim(0) - s.cropping().end()) + "]";

    static String pyBool(boolean b) {
        return b ? "True" : "False";
    }

    /** "first, d1, d2": a leading size then the shape's dims. */
    static String dims(int first, Shape shape) {
        StringBuilder b = new StringBuilder(Integer.toString(first));
        for (int d : shape.dims()) {
            b.append(", ").append(d);
        }
        return b.toString();
    }
}
