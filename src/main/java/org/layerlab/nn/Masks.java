package org.layerlab.nn;

import org.layerlab.engine.Tensor;

/**
 * Keras' masks: which time steps of a sequence are padding. Embedding with mask_zero makes one
 * (step t of sample b is real when its id is not 0); layers that keep the time axis pass it on;
 * recurrent layers, attention and global average pooling use it. A mask is a byte per (sample,
 * step), 1 for a real step.
 */
public final class Masks {
    private Masks() {
    }

    /** A runtime that makes a mask from its input (Embedding with mask_zero). */
    public interface Producer {
        /** Fills mask (batch × steps) from the input of this forward pass. */
        void mask(Tensor input, byte[] mask);
    }

    /** A runtime that uses the mask of its (first) input, or null for none; called before each forward pass. */
    public interface User {
        void useMask(byte[] mask);

        /**
         * The masks of all its inputs (null where an input has none), before each forward pass; by
         * default only the first input's is used. Attention overrides it: its keys' mask comes
         * from the value (and key) inputs.
         */
        default void useMasks(byte[][] masks) {
            useMask(masks.length == 0 ? null : masks[0]);
        }
    }
}
