package org.layerlab.engine.ops;

/**
 * The geometry of a sliding window over NHWC images (convolution or pooling): input and output
 * sizes, window, strides, dilation and the top/left padding, with Keras' rules for "valid"
 * (no padding) and "same" (output = ⌈input / stride⌉, padding split with the extra on the bottom/right).
 */
public record Window(int inH, int inW, int channels, int kh, int kw, int strideH, int strideW,
                     int dilationH, int dilationW, int outH, int outW, int padTop, int padLeft) {

    public static Window of(int inH, int inW, int channels, int kh, int kw, int strideH, int strideW,
                            int dilationH, int dilationW, boolean same) {
        int effH = (kh - 1) * dilationH + 1;
        int effW = (kw - 1) * dilationW + 1;
        int outH;
        int outW;
        int padTop = 0;
        int padLeft = 0;
        if (same) {
            outH = (inH + strideH - 1) / strideH;
            outW = (inW + strideW - 1) / strideW;
            padTop = Math.max((outH - 1) * strideH + effH - inH, 0) / 2;
            padLeft = Math.max((outW - 1) * strideW + effW - inW, 0) / 2;
        } else {
            outH = inH >= effH ? (inH - effH) / strideH + 1 : 0;
            outW = inW >= effW ? (inW - effW) / strideW + 1 : 0;
        }
        return new Window(inH, inW, channels, kh, kw, strideH, strideW, dilationH, dilationW, outH, outW, padTop, padLeft);
    }

    /** Values of one im2col row: a whole window across all channels. */
    public int patchSize() {
        return kh * kw * channels;
    }

    public int inputSize() {
        return inH * inW * channels;
    }

    /** The padding below the input that the last window row reaches into (0 when it stays inside). */
    public int padBottom() {
        return Math.max(0, (outH - 1) * strideH + (kh - 1) * dilationH + 1 - inH - padTop);
    }

    /** The padding right of the input that the last window column reaches into. */
    public int padRight() {
        return Math.max(0, (outW - 1) * strideW + (kw - 1) * dilationW + 1 - inW - padLeft);
    }
}
