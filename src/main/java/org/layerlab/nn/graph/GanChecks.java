package org.layerlab.nn.graph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.layerlab.engine.Shape;
import org.layerlab.engine.ops.ActivationFunction;
import org.layerlab.nn.Loss;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.HasActivation;
import org.layerlab.nn.layers.LayerKind;
import org.layerlab.nn.layers.LayerKinds;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.layers.RealOrFake;

/**
 * What a GAN drawn as one chain needs (see RealOrFake): one seam; a discriminator that sees
 * nothing of the generator but the image at the seam and ends in one probability trained with
 * binary cross-entropy; and a generator whose image has the data's shape. In a GAN these replace
 * the ordinary loss and data checks: the data's labels are not its targets, and its images
 * enter at the seam, not at the Input (which takes noise).
 */
public final class GanChecks {
    private GanChecks() {
    }

    /** The RealOrFake node where a GAN's generator ends, or null when the graph is no GAN. */
    public static GraphNode seamOf(NetworkGraph g) {
        List<GraphNode> seams = seams(g);
        return seams.isEmpty() ? null : seams.get(0);
    }

    /** The graph's RealOrFake nodes, in graph order. */
    static List<GraphNode> seams(NetworkGraph g) {
        return g.nodes().stream().filter(n -> n.spec() instanceof RealOrFake).toList();
    }

    /** The structure's problems, whether or not a loss and data are known. */
    static void checkStructure(NetworkGraph g, List<Problem> problems) {
        List<GraphNode> seams = seams(g);
        for (GraphNode extra : seams.subList(Math.min(1, seams.size()), seams.size())) {
            problems.add(Problem.error(extra.id(), extra.name() + ": a GAN has one RealOrFake, where the generator"
                    + " ends; this network has " + seams.size() + ". Delete all but one."));
        }
        if (seams.isEmpty()) {
            return;
        }
        String seam = seams.get(0).id();
        Set<String> generator = upstreamOf(g, seam);
        Set<String> after = downstreamOf(g, seam);
        for (String id : after) {
            for (GraphEdge e : g.inputsOf(id)) {
                if (generator.contains(e.from()) && !e.from().equals(seam)) {
                    problems.add(Problem.error(id, g.require(id).name() + " takes " + g.require(e.from()).name()
                            + "'s output, a layer of the generator: the discriminator may see only the image at "
                            + g.require(seam).name() + ". Remove that connection.").onEdge(e));
                }
            }
        }
    }

    /**
     * The discriminator's output and loss, and the data's images against the generator's; in
     * place of GraphAnalysis' own loss and data checks. data may be null.
     */
    static void checkTraining(NetworkGraph g, Map<String, NodeInfo> info, String outputId, Loss loss, DataSummary data,
                              List<Problem> problems) {
        GraphNode seam = seams(g).get(0);
        if (outputId.equals(seam.id())) {
            problems.add(Problem.error(seam.id(), seam.name() + " is where the discriminator begins, but nothing"
                    + " follows it: add the layers that judge an image, ending in Dense(1, sigmoid)."));
            return;
        }
        GraphNode out = g.require(outputId);
        NodeInfo oi = info.get(outputId);
        if (oi != null && oi.outputShape() != null && oi.outputShape().size() != 1) {
            Problem p = Problem.error(outputId, "The discriminator's last layer " + out.name() + " gives "
                    + oi.outputShape().size() + " values; it must give one, the probability that the image is real:"
                    + " set units to 1");
            problems.add(out.spec() instanceof Dense d ? p.withFix(Fixes.setUnits(outputId, d, 1)) : p);
        }
        if (loss.kind() != Loss.Kind.BINARY_CROSSENTROPY) {
            problems.add(Problem.error(outputId, "A GAN's discriminator learns real (1) or fake (0): set the loss in"
                    + " the training settings to binary_crossentropy (it is " + loss.kind().kerasName() + ")"));
        }
        ActivationFunction act = out.spec() instanceof HasActivation h ? h.activation().function() : ActivationFunction.LINEAR;
        if (act != ActivationFunction.SIGMOID && !loss.fromLogits()) {
            problems.add(Problem.warning(outputId, "The discriminator's " + out.name() + " ends in " + act.kerasName()
                    + ": give it a sigmoid activation, so its output is a probability"));
        }
        NodeInfo si = info.get(seam.id());
        if (data != null && si != null && si.outputShape() != null && !si.outputShape().equals(data.featureShape())) {
            problems.add(imageMismatch(g, seam, si.outputShape(), data.featureShape()));
        }
    }

    /** The generator's image against the data's, with the fix that sets the channels where that is all. */
    private static Problem imageMismatch(NetworkGraph g, GraphNode seam, Shape made, Shape real) {
        Problem p = Problem.error(seam.id(), "The generator makes " + made + " but the data's images are " + real
                + ": the discriminator must see both alike. Change the generator's last layers so it ends in " + real
                + " (its Dense and Reshape sizes, strides or filters).");
        List<GraphEdge> in = g.inputsOf(seam.id());
        if (in.isEmpty() || made.rank() != 3 || real.rank() != 3 || made.dim(0) != real.dim(0)
                || made.dim(1) != real.dim(1)) {
            return p;
        }
        GraphNode last = g.require(in.get(0).from());
        LayerKind kind = LayerKinds.of(last.spec());
        if (kind.params().stream().noneMatch(x -> x.name().equals("filters"))) {
            return p;
        }
        Map<String, Object> values = new LinkedHashMap<>(kind.values(last.spec()));
        values.put("filters", real.dim(2));
        LayerSpec fixed = kind.create(values);
        return p.withFix(new Fix("Set " + last.name() + "'s filters to " + real.dim(2), x -> x.withSpec(last.id(), fixed)));
    }

    private static Set<String> upstreamOf(NetworkGraph g, String id) {
        return reach(g, id, true);
    }

    private static Set<String> downstreamOf(NetworkGraph g, String id) {
        Set<String> out = reach(g, id, false);
        out.remove(id);
        return out;
    }

    private static Set<String> reach(NetworkGraph g, String id, boolean up) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (seen.add(n)) {
                (up ? g.inputsOf(n) : g.outputsOf(n)).forEach(e -> todo.push(up ? e.from() : e.to()));
            }
        }
        return seen;
    }
}
