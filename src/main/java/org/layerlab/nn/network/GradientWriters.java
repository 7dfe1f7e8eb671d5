package org.layerlab.nn.network;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.layerlab.nn.Parameter;

/**
 * Finds the activation gradients that one step alone writes, and lets that step write them
 * (see {@link org.layerlab.nn.LayerRuntime#writeInputGradient}) so that
 * {@link Network#zeroGradients} can leave them be. Not the output step's input: a loss on logits
 * seeds that gradient itself, by adding, and the output step's backward does not run. The same
 * for parameter gradients ({@link #parameters}).
 */
final class GradientWriters {
    private GradientWriters() {
    }

    static void mark(List<Step> steps) {
        int[] readers = Step.readers(steps);
        for (int i = 0; i < steps.size() - 1; i++) {
            Step s = steps.get(i);
            if (s.isInput || s.inputs.length != 1 || readers[s.inputs[0]] != 1) {
                continue;
            }
            steps.get(s.inputs[0]).writtenByReader = s.runtime.writeInputGradient();
        }
    }

    /**
     * Lets the steps write their parameters' gradients where they can ({@link
     * org.layerlab.nn.LayerRuntime#writeParameterGradients}) and returns the parameters that
     * still need zeroing before a pass. Not a parameter found in two steps (each adds its part),
     * nor the output step's, whose backward does not run when a loss starts from its logits.
     */
    static List<Parameter> parameters(List<Step> steps) {
        Map<Parameter, Integer> uses = new IdentityHashMap<>();
        for (Step s : steps) {
            s.runtime.parameters().forEach(p -> uses.merge(p, 1, Integer::sum));
        }
        Set<Parameter> written = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < steps.size() - 1; i++) {
            List<Parameter> own = steps.get(i).runtime.parameters();
            if (!own.isEmpty() && own.stream().allMatch(p -> uses.get(p) == 1)) {
                written.addAll(steps.get(i).runtime.writeParameterGradients());
            }
        }
        return steps.stream().flatMap(s -> s.runtime.parameters().stream()).filter(p -> !written.contains(p)).toList();
    }
}
