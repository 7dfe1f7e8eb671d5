package org.layerlab.nn.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.layerlab.engine.Shape;
import org.layerlab.nn.Activation;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.ShapeException;
import org.layerlab.nn.layers.ActivationLayer;
import org.layerlab.nn.layers.HasActivation;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerSpec;

/**
 * Turns a plan's nodes into the {@link Network}'s steps: each layer built from its spec, its
 * activation split off as a step of its own (so a final softmax or sigmoid can be fused with the
 * loss), and per step whether it needs an input gradient and whether it writes the one it reads.
 */
final class StepPlanner {
    private StepPlanner() {
    }

    /** The steps, and which of them are Input layers. */
    record Plan(List<Step> steps, List<Integer> inputs) {
    }

    /** The steps of nodes in topological order, with the indices of the Input steps; see {@link Network#compile}. */
    static Plan plan(List<NetworkNode> nodes, ParameterStore store) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("the network has no layers");
        }
        List<Step> steps = new ArrayList<>();
        List<Integer> inputs = new ArrayList<>();
        Map<String, Integer> stepOfNode = new HashMap<>();
        for (NetworkNode node : nodes) {
            LayerSpec spec = node.spec();
            int[] in = new int[node.inputs().size()];
            List<Shape> inShapes = new ArrayList<>();
            for (int i = 0; i < in.length; i++) {
                Integer s = stepOfNode.get(node.inputs().get(i));
                if (s == null) {
                    throw new IllegalArgumentException(node.name() + " takes its input from '" + node.inputs().get(i)
                            + "', which is not an earlier node of the network");
                }
                in[i] = s;
                inShapes.add(steps.get(s).shape);
            }
            if (in.length < spec.minInputs() || in.length > spec.maxInputs()) {
                throw new ShapeException(node.name() + " (" + spec.kind() + ") needs "
                        + arity(spec) + " but has " + in.length);
            }
            Shape out;
            try {
                out = spec.outputShape(inShapes);
            } catch (ShapeException e) {
                throw new ShapeException(node.name() + ": " + e.getMessage());
            }
            Activation act = spec instanceof HasActivation h ? h.activation() : Activation.LINEAR;
            LayerSpec core = act.isLinear() || spec instanceof ActivationLayer ? spec : ((HasActivation) spec).withoutActivation();
            BuildContext ctx = new BuildContext(node.id(), inShapes, store, store.seed());
            steps.add(new Step(node, core.build(ctx), in, out, spec instanceof Input));
            steps.get(steps.size() - 1).passesMask = spec.passesMask();
            if (spec instanceof Input) {
                inputs.add(steps.size() - 1);
            }
            if (!act.isLinear() && !(spec instanceof ActivationLayer)) {
                steps.add(new Step(node, ActivationLayer.runtime(act), new int[] {steps.size() - 1}, out, false));
                steps.get(steps.size() - 1).passesMask = true;
                steps.get(steps.size() - 1).activation = act;
            } else if (spec instanceof ActivationLayer a) {
                steps.get(steps.size() - 1).activation = a.activation();
            }
            stepOfNode.put(node.id(), steps.size() - 1);
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("the network has no Input layer");
        }
        List<String> ids = new ArrayList<>();
        nodes.forEach(n -> ids.add(n.id()));
        store.retainNodes(ids);
        markGradients(steps);
        GradientWriters.mark(steps);
        ReluThroughPooling.mark(steps);
        return new Plan(steps, inputs);
    }

    private static String arity(LayerSpec spec) {
        if (spec.minInputs() == spec.maxInputs()) {
            return spec.minInputs() == 1 ? "exactly one input" : spec.minInputs() + " inputs";
        }
        return "at least " + spec.minInputs() + " inputs";
    }

    /** A step needs an input gradient only if something upstream has parameters. */
    private static void markGradients(List<Step> steps) {
        for (Step s : steps) {
            boolean needs = !s.runtime.parameters().isEmpty();
            for (int i : s.inputs) {
                needs |= steps.get(i).needsGrad;
            }
            s.needsGrad = needs;
        }
    }
}
