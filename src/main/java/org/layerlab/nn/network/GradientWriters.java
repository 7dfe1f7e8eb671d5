package org.layerlab.nn.network;

import java.util.List;

/**
 * Finds the activation gradients that one step alone writes, and lets that step write them
 * (see {@link org.layerlab.nn.LayerRuntime#writeInputGradient}) so that
 * {@link Network#zeroGradients} can leave them be. Not the output step's input: a loss on logits
 * seeds that gradient itself, by adding, and the output step's backward does not run.
 */
final class GradientWriters {
    private GradientWriters() {
    }

    static void mark(List<Step> steps) {
        int[] readers = new int[steps.size()];
        for (Step s : steps) {
            for (int i : s.inputs) {
                readers[i]++;
            }
        }
        for (int i = 0; i < steps.size() - 1; i++) {
            Step s = steps.get(i);
            if (s.isInput || s.inputs.length != 1 || readers[s.inputs[0]] != 1) {
                continue;
            }
            steps.get(s.inputs[0]).writtenByReader = s.runtime.writeInputGradient();
        }
    }
}
