package org.layerlab.export.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GanChecks;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.graph.Problem;
import org.layerlab.nn.graph.SubGraphs;
import org.layerlab.nn.layers.Embedding;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.NetworkNode;
import org.layerlab.project.Project;

/**
 * What every exporter reads: the project's layers in execution order, each with its input and
 * output shapes and its weights. An untrained project exports its initial weights, the ones a
 * run would start from (same seed), so an export can always be compared with LayerLab.
 */
public final class ExportPlan {
    /**
     * One layer: its node, the shapes it receives and gives (no batch dimension), its tensors by
     * Keras name, whether a padding mask (Embedding's mask_zero) reaches it and whether its output
     * carries one (it makes the mask, or keeps the time axis and passes it on).
     */
    public record Step(NetworkNode node, List<Shape> inputShapes, Shape outputShape, Map<String, Tensor> weights,
                       boolean masked, boolean carriesMask) {
        public Tensor weight(String name) {
            Tensor t = weights.get(name);
            if (t == null) {
                throw new IllegalStateException(node.name() + " has no weight '" + name + "' (it has " + weights.keySet() + ")");
            }
            return t;
        }
    }

    private final List<Step> steps;
    private final Network network;

    private ExportPlan(List<Step> steps, Network network) {
        this.steps = List.copyOf(steps);
        this.network = network;
    }

    /**
     * The plan of a project whose graph has no errors; otherwise an IllegalArgumentException that
     * lists them. A GAN exports its generator, noise in and image out: the part a user takes
     * elsewhere (its discriminator only ever served the training).
     */
    public static ExportPlan of(Project project) {
        GraphAnalysis analysis = GraphAnalysis.of(exported(project.graph()));
        if (analysis.hasErrors()) {
            throw new IllegalArgumentException("the network has problems to fix before it can be exported: "
                    + String.join("; ", analysis.problems().stream().filter(Problem::isError).map(Problem::message).toList()));
        }
        ParameterStore store = project.weights() != null ? project.weights().copy()
                : new ParameterStore(project.training().seed());
        Network network = Network.compile(analysis.plan(), store);
        Map<String, Shape> shapes = new LinkedHashMap<>();
        Map<String, Boolean> carries = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        for (NetworkNode n : analysis.plan()) {
            Shape out = analysis.info(n.id()).outputShape();
            shapes.put(n.id(), out);
            List<Shape> ins = n.inputs().stream().map(shapes::get).toList();
            Map<String, Tensor> weights = new LinkedHashMap<>();
            for (Map.Entry<String, Parameter> e : store.ofNode(n.id()).entrySet()) {
                weights.put(e.getKey(), e.getValue().value());
            }
            boolean masked = !n.inputs().isEmpty() && carries.get(n.inputs().get(0));
            boolean carriesMask = n.spec() instanceof Embedding e ? e.maskZero() : masked && n.spec().passesMask();
            carries.put(n.id(), carriesMask);
            steps.add(new Step(n, ins, out, weights, masked, carriesMask));
        }
        return new ExportPlan(steps, network);
    }

    /** The graph an export holds: a GAN's generator (up to its RealOrFake), else the whole graph. */
    public static NetworkGraph exported(NetworkGraph g) {
        GraphNode seam = GanChecks.seamOf(g);
        return seam == null ? g : SubGraphs.upTo(g, seam.id());
    }

    public List<Step> steps() {
        return steps;
    }

    /** The Input layer (LayerLab networks have exactly one). */
    public Step input() {
        return steps.stream().filter(s -> s.node().spec() instanceof Input).findFirst().orElseThrow();
    }

    /** The last layer: the network's output. */
    public Step output() {
        return steps.get(steps.size() - 1);
    }

    /** The network with these weights, for comparing an export's outputs with LayerLab's. */
    public Network network() {
        return network;
    }
}
