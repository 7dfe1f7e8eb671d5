package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.ParameterSpec;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.ShapeException;

/**
 * The configuration of one layer, immutable and free of weights (those live in a
 * {@link ParameterStore}), so a spec can be shared by undo history, files and threads.
 * Shapes here exclude the batch dimension.
 *
 * <p>The permits clause is the list of layer kinds: each record here declares its
 * {@link LayerKind} (name, options, palette words), which {@link LayerKinds} collects. To add a
 * kind, write its record with its KIND and add it here; see docs/decisions/0005-seams.md.
 */
public sealed interface LayerSpec permits Input, Dense, ActivationLayer, LeakyReLU, ELU, PReLU, Dropout, Conv2D, MaxPooling2D, AveragePooling2D,
        GlobalAveragePooling2D, GlobalMaxPooling2D, Flatten, Reshape, BatchNormalization, LayerNormalization,
        SpatialDropout2D, MergeLayer, Concatenate, Embedding, SimpleRNN, LSTM, GRU, GlobalAveragePooling1D,
        GlobalMaxPooling1D, MultiHeadAttention, PositionalEmbedding, Conv1D, MaxPooling1D, AveragePooling1D,
        Bidirectional, UpSampling2D, Conv2DTranspose, ZeroPadding2D, Cropping2D, Cropping1D, Sampling, RealOrFake {
    /** The Keras class name: "Dense", "Dropout". */
    String kind();

    /** This spec's kind: its options, palette words and arity. */
    default LayerKind descriptor() {
        return LayerKinds.of(this);
    }

    /** How many inputs the layer takes at least (most layers: exactly one). */
    default int minInputs() {
        return descriptor().minInputs();
    }

    default int maxInputs() {
        return descriptor().maxInputs();
    }

    /**
     * The output shape for these input shapes, or a {@link ShapeException} that says in plain
     * words what does not fit and what to do.
     */
    Shape outputShape(List<Shape> inputs);

    /** The tensors the layer creates for these input shapes (none for most layers); the build creates exactly these. */
    default List<ParameterSpec> parameters(List<Shape> inputs) {
        return List.of();
    }

    /** Values the layer stores, trainable or not (Keras' "Total params"), for these input shapes. */
    default long paramCount(List<Shape> inputs) {
        long n = 0;
        for (ParameterSpec p : parameters(inputs)) {
            n += p.size();
        }
        return n;
    }

    /** Floats of scratch memory a training step needs per sample beyond the output and its gradient (im2col buffers). */
    default long workspaceFloatsPerSample(List<Shape> inputs) {
        return 0;
    }

    /**
     * Whether a mask on the input (padding steps, see {@link org.layerlab.nn.Masks}) still applies
     * to the output: layers that keep the time axis step by step. Others drop it, as in Keras.
     */
    default boolean passesMask() {
        return false;
    }

    /** Creates (or reuses) the layer's parameters and returns its executable form. */
    LayerRuntime build(BuildContext context);

    /** A short label with the key settings, e.g. "Dense 16 relu". */
    String summary();

    /**
     * The name of the term this layer adds to the loss itself (Sampling: "kl_loss"; see {@link
     * org.layerlab.nn.AuxiliaryLoss}), or null for the many layers that add none.
     */
    default String addedLoss() {
        return null;
    }
}
