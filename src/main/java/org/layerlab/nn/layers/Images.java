package org.layerlab.nn.layers;

import org.layerlab.engine.Shape;
import org.layerlab.engine.ops.Window;
import org.layerlab.nn.Padding;
import org.layerlab.nn.ShapeException;
import org.layerlab.nn.Size2;

/** Shared checks of the layers that take images (height, width, channels). */
final class Images {
    private Images() {
    }

    static Shape requireImage(String kind, Shape in) {
        if (in.rank() != 3) {
            String hint = in.rank() == 1
                    ? "insert Reshape to (height, width, channels) before it, or give the Input an image shape"
                    : "it needs exactly three dimensions";
            throw new ShapeException(kind + " needs an image input (height, width, channels) but receives " + in + ": "
                    + hint);
        }
        return in;
    }

    static Window window(String kind, Shape in, Size2 size, Size2 strides, Size2 dilation, Padding padding) {
        requireImage(kind, in);
        Window w = Window.of(in.dim(0), in.dim(1), in.dim(2), size.h(), size.w(), strides.h(), strides.w(),
                dilation.h(), dilation.w(), padding == Padding.SAME);
        if (w.outH() <= 0 || w.outW() <= 0) {
            throw new ShapeException(kind + " with a " + size + " window cannot slide over a " + in.dim(0) + "×"
                    + in.dim(1) + " input with 'valid' padding: use padding 'same', a smaller window, or a larger input");
        }
        return w;
    }
}
