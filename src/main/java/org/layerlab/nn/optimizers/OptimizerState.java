package org.layerlab.nn.optimizers;

import java.util.Map;

/**
 * An optimizer's state at a point of a run, detached from the parameters it belongs to: its
 * kind, step counts, last rate, rule state beyond the moments (Nadam's momentum product) and
 * each parameter's moments keyed "node/name". What a checkpoint keeps so a run forked from it
 * continues exactly as its parent would have.
 */
public record OptimizerState(String kind, long iterations, long scheduleSteps, double lastRate, double[] rule,
                             Map<String, float[][]> slots) {
    public OptimizerState {
        rule = rule.clone();
        slots = Map.copyOf(slots);
    }

    public static String key(String nodeId, String name) {
        return nodeId + "/" + name;
    }
}
