package org.layerlab.training;

import org.layerlab.engine.ops.Reparameterize;
import org.layerlab.engine.ops.SplitMix;

/**
 * A GAN generator's random input, drawn from a seed whose whole state is one long (as the
 * Sampling layer's ε): "normal" N(0, 1) or "uniform" in [−1, 1], the RealOrFake layer's choice.
 */
public final class GanNoise {
    private GanNoise() {
    }

    /** Fills out[0, n) with draws of the named kind; returns the next state. */
    public static long fill(float[] out, int n, String kind, long state) {
        if (kind.equals("normal")) {
            return Reparameterize.drawNormal(out, n, state);
        }
        for (int i = 0; i < n; i++) {
            state = SplitMix.next(state);
            out[i] = (float) (2 * ((SplitMix.mix(state) >>> 11) * 0x1.0p-53) - 1);
        }
        return state;
    }
}
