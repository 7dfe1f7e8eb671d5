package org.layerlab.export.pytorch;

import org.layerlab.engine.ops.Window;
import org.layerlab.export.core.Layouts;
import org.layerlab.nn.layers.AveragePooling1D;
import org.layerlab.nn.layers.AveragePooling2D;
import org.layerlab.nn.layers.Conv1D;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Conv2DTranspose;
import org.layerlab.nn.layers.MaxPooling1D;
import org.layerlab.nn.layers.MaxPooling2D;
import org.layerlab.nn.layers.UpSampling2D;

/**
 * Convolution and pooling in PyTorch. Values between layers stay channels-last as in Keras (so
 * Flatten and the Dense weights after it keep Keras' order); each layer permutes to PyTorch's
 * channels-first and back. Keras' "same" puts an odd padding's extra row and column at the
 * bottom and right, which PyTorch's symmetric {@code padding=} cannot say: then F.pad does it.
 */
final class TorchConvolutionLayers {
    private static final String TO_NCHW = ".permute(0, 3, 1, 2)";
    private static final String TO_NHWC = ".permute(0, 2, 3, 1)";

    private TorchConvolutionLayers() {
    }

    static final TorchLayer<Conv2D> CONV_2D = (c, s) -> {
        Window w = s.window(c.inputShape());
        boolean symmetric = w.padTop() == w.padBottom() && w.padLeft() == w.padRight();
        c.weight("weight", Layouts.hwioToOihw(c.tensor("kernel")));
        if (s.useBias()) {
            c.weight("bias", c.tensor("bias"));
        }
        String conv = c.submodule("nn.Conv2d(" + w.channels() + ", " + s.filters() + ", " + pair(w.kh(), w.kw())
                + ", stride=" + pair(w.strideH(), w.strideW()) + ", dilation=" + pair(w.dilationH(), w.dilationW())
                + (symmetric && (w.padTop() > 0 || w.padLeft() > 0) ? ", padding=" + pair(w.padTop(), w.padLeft()) : "")
                + (s.useBias() ? "" : ", bias=False") + ")");
        String x = c.input() + TO_NCHW;
        return conv + "(" + (symmetric ? x : pad2d(x, w, null)) + ")" + TO_NHWC;
    };

    /** Padding never wins a max: it is −∞. */
    static final TorchLayer<MaxPooling2D> MAX_POOLING_2D = (c, s) -> {
        Window w = s.window(c.inputShape());
        return "F.max_pool2d(" + pad2d(c.input() + TO_NCHW, w, "float(\"-inf\")") + ", " + pair(w.kh(), w.kw()) + ", "
                + pair(w.strideH(), w.strideW()) + ")" + TO_NHWC;
    };

    /** Keras leaves padding out of the mean, which {@code average_pool} does for any padding. */
    static final TorchLayer<AveragePooling2D> AVERAGE_POOLING_2D = (c, s) -> {
        Window w = s.window(c.inputShape());
        String x = c.input() + TO_NCHW;
        if (!padded(w)) {
            return "F.avg_pool2d(" + x + ", " + pair(w.kh(), w.kw()) + ", " + pair(w.strideH(), w.strideW()) + ")" + TO_NHWC;
        }
        c.module().use(TorchHelpers.AVERAGE_POOL);
        return "average_pool(" + x + ", " + pair(w.kh(), w.kw()) + ", " + pair(w.strideH(), w.strideW()) + ", "
                + pads(w) + ")" + TO_NHWC;
    };

    static final TorchLayer<Conv1D> CONV_1D = (c, s) -> {
        Window w = s.window(c.inputShape());
        c.weight("weight", Layouts.kioToOik(c.tensor("kernel")));
        if (s.useBias()) {
            c.weight("bias", c.tensor("bias"));
        }
        String conv = c.submodule("nn.Conv1d(" + w.channels() + ", " + s.filters() + ", " + w.kw() + ", stride="
                + w.strideW() + ", dilation=" + w.dilationW() + (s.useBias() ? "" : ", bias=False") + ")");
        return conv + "(" + pad1d(c.input() + ".transpose(1, 2)", w, null) + ").transpose(1, 2)";
    };

    static final TorchLayer<MaxPooling1D> MAX_POOLING_1D = (c, s) -> {
        Window w = s.window(c.inputShape());
        return "F.max_pool1d(" + pad1d(c.input() + ".transpose(1, 2)", w, "float(\"-inf\")") + ", " + w.kw() + ", "
                + w.strideW() + ").transpose(1, 2)";
    };

    static final TorchLayer<AveragePooling1D> AVERAGE_POOLING_1D = (c, s) -> {
        Window w = s.window(c.inputShape());
        String x = c.input() + ".transpose(1, 2)";
        if (!padded(w)) {
            return "F.avg_pool1d(" + x + ", " + w.kw() + ", " + w.strideW() + ").transpose(1, 2)";
        }
        c.module().use(TorchHelpers.AVERAGE_POOL);
        return "average_pool(" + x + ".unsqueeze(2), (1, " + w.kw() + "), (1, " + w.strideW() + "), " + pads(w)
                + ").squeeze(2).transpose(1, 2)";
    };

    static final TorchLayer<?> GLOBAL_AVERAGE_POOLING_2D = (c, s) -> c.input() + ".mean(dim=(1, 2))";

    static final TorchLayer<?> GLOBAL_MAX_POOLING_2D = (c, s) -> c.input() + ".amax(dim=(1, 2))";

    /** The mean over time; with a padding mask, over the real steps only, as Keras does. */
    static final TorchLayer<?> GLOBAL_AVERAGE_POOLING_1D = (c, s) -> {
        if (c.mask() == null) {
            return c.input() + ".mean(dim=1)";
        }
        c.module().use(TorchHelpers.MASKED_MEAN);
        return "masked_mean(" + c.input() + ", " + c.mask() + ")";
    };

    static final TorchLayer<?> GLOBAL_MAX_POOLING_1D = (c, s) -> c.input() + ".amax(dim=1)";

    /**
     * nn.ConvTranspose2d without padding gives the kernel's full spread; Keras' output is cut out of
     * it (top/left first, as the adjoint convolution pads), or extended at the end by output_padding
     * (bias included, as in Keras) when the kernel is smaller than the stride.
     */
    static final TorchLayer<Conv2DTranspose> CONV_2D_TRANSPOSE = (c, s) -> {
        Window w = s.window(c.inputShape());
        int extraH = (w.outH() - 1) * w.strideH() + w.kh() - w.inH();
        int extraW = (w.outW() - 1) * w.strideW() + w.kw() - w.inW();
        c.weight("weight", Layouts.transposedKernel(c.tensor("kernel")));
        if (s.useBias()) {
            c.weight("bias", c.tensor("bias"));
        }
        boolean shortfall = extraH < 0 || extraW < 0;
        String conv = c.submodule("nn.ConvTranspose2d(" + c.inputShape().dim(2) + ", " + s.filters() + ", "
                + pair(w.kh(), w.kw()) + ", stride=" + pair(w.strideH(), w.strideW())
                + (shortfall ? ", output_padding=" + pair(Math.max(-extraH, 0), Math.max(-extraW, 0)) : "")
                + (s.useBias() ? "" : ", bias=False") + ")");
        String y = conv + "(" + c.input() + TO_NCHW + ")";
        if (extraH > 0 || extraW > 0) {
            int top = extraH > 0 ? w.padTop() : 0;
            int left = extraW > 0 ? w.padLeft() : 0;
            y = y + "[:, :, " + top + ":" + (top + w.inH()) + ", " + left + ":" + (left + w.inW()) + "]";
        }
        return y + TO_NHWC;
    };

    /**
     * F.interpolate on channels-first: nearest repeats pixels for whole factors; bilinear with
     * align_corners=False is Keras' half-pixel resize.
     */
    static final TorchLayer<UpSampling2D> UP_SAMPLING_2D = (c, s) -> "F.interpolate(" + c.input() + TO_NCHW
            + ", scale_factor=" + pair(s.size().h(), s.size().w()) + ", mode=\"" + s.interpolation() + "\""
            + (s.interpolation().equals("bilinear") ? ", align_corners=False" : "") + ")" + TO_NHWC;

    private static boolean padded(Window w) {
        return w.padTop() + w.padBottom() + w.padLeft() + w.padRight() > 0;
    }

    private static String pair(int a, int b) {
        return "(" + a + ", " + b + ")";
    }

    /** F.pad's order: (left, right, top, bottom). */
    private static String pads(Window w) {
        return "(" + w.padLeft() + ", " + w.padRight() + ", " + w.padTop() + ", " + w.padBottom() + ")";
    }

    private static String pad2d(String x, Window w, String value) {
        return padded(w) ? "F.pad(" + x + ", " + pads(w) + (value == null ? "" : ", value=" + value) + ")" : x;
    }

    private static String pad1d(String x, Window w, String value) {
        return padded(w) ? "F.pad(" + x + ", (" + w.padLeft() + ", " + w.padRight() + ")"
                + (value == null ? "" : ", value=" + value) + ")" : x;
    }
}
