package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.ops.Window;
import org.layerlab.nn.ShapeException;

/** Shared checks of the layers that take sequences (time, features), batch first as in Keras. */
final class Sequences {
    private Sequences() {
    }

    static Shape requireSequence(String kind, Shape in) {
        if (in.rank() == 2) {
            return in;
        }
        if (in.rank() == 1) {
            throw new ShapeException(kind + " needs a sequence (time, features) but receives " + in + ": insert Reshape to ("
                    + in.dim(0) + ", 1) to read it as " + in.dim(0) + " steps of one value, or Embedding for token ids",
                    ShapeException.Remedy.INSERT_RESHAPE_TO_STEPS);
        }
        throw new ShapeException(kind + " needs a sequence (time, features) but receives " + in
                + ": insert Reshape to (time, features) before it");
    }

    /** The 1-D layers' paddings: Keras' valid and same, and causal (zeros before the start only). */
    static final List<String> PADDINGS = List.of("valid", "same", "causal");

    /**
     * A window sliding along time, as the 2-D ops' geometry over a 1 × T image; causal pads
     * dilation·(size − 1) steps before the start, so output t sees inputs up to t only (Keras).
     */
    static Window window(String kind, Shape in, int size, int stride, int dilation, String padding) {
        requireSequence(kind, in);
        int steps = in.dim(0);
        Window w = "causal".equals(padding)
                ? new Window(1, steps, in.dim(1), 1, size, 1, stride, 1, dilation, 1, (steps - 1) / stride + 1, 0,
                        dilation * (size - 1))
                : Window.of(1, steps, in.dim(1), 1, size, 1, stride, 1, dilation, "same".equals(padding));
        if (w.outW() <= 0) {
            throw new ShapeException(kind + " with a window of " + ((size - 1) * dilation + 1) + " steps cannot slide over "
                    + steps + " steps with 'valid' padding: use padding 'same' or 'causal', a smaller window, or longer"
                    + " sequences");
        }
        return w;
    }
}
