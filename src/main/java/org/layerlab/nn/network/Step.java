package org.layerlab.nn.network;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Activation;
import org.layerlab.nn.LayerRuntime;

/** One compiled step: a layer runtime or a layer's activation, with its buffers. */
final class Step {
    final NetworkNode node;
    final LayerRuntime runtime;
    final int[] inputs;
    final Shape shape;
    final boolean isInput;
    final Tensor[] inBuf;
    final Tensor[] gradBuf;
    /** The masks of this step's inputs for a mask user, filled before each forward pass. */
    final byte[][] inMasks;
    Activation activation;
    boolean needsGrad;
    /** The mask of this step's output (null: none); maskBuffer is this step's own when it makes masks. */
    byte[] mask;
    byte[] maskBuffer;
    boolean passesMask;
    Tensor out;
    Tensor grad;
    /** grad is written (=) by the one step that reads this one's output: no need to zero it. */
    boolean writtenByReader;
    /** The ReLU step before this pooling whose backward this step's runs ({@link ReluThroughPooling}), or -1. */
    int reluBefore = -1;
    /** This ReLU's backward is run by its reader, a pooling ({@link ReluThroughPooling}): skip it. */
    boolean backwardByReader;

    Step(NetworkNode node, LayerRuntime runtime, int[] inputs, Shape shape, boolean isInput) {
        this.node = node;
        this.runtime = runtime;
        this.inputs = inputs;
        this.shape = shape;
        this.isInput = isInput;
        this.inBuf = new Tensor[inputs.length];
        this.gradBuf = new Tensor[inputs.length];
        this.inMasks = new byte[inputs.length][];
    }

    /** How many steps read each step's output. */
    static int[] readers(List<Step> steps) {
        int[] readers = new int[steps.size()];
        for (Step s : steps) {
            for (int i : s.inputs) {
                readers[i]++;
            }
        }
        return readers;
    }

    Tensor[] inputTensors(List<Step> all) {
        for (int i = 0; i < inputs.length; i++) {
            inBuf[i] = all.get(inputs[i]).out;
        }
        return inBuf;
    }

    Tensor[] inputGrads(List<Step> all) {
        for (int i = 0; i < inputs.length; i++) {
            Step src = all.get(inputs[i]);
            gradBuf[i] = src.needsGrad ? src.grad : null;
        }
        return gradBuf;
    }
}
