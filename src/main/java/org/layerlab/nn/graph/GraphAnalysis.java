package org.layerlab.nn.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.layerlab.engine.Shape;
import org.layerlab.nn.Loss;
import org.layerlab.nn.ParameterSpec;
import org.layerlab.nn.ShapeException;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.NetworkNode;

/**
 * Shape inference and validation of a whole graph: per node output shape and parameter count,
 * totals, a training-memory estimate, and the list of problems (each tied to a node or edge, in
 * plain words, with a fix where one is obvious). Pure and quick: the editor runs it on every change.
 */
public final class GraphAnalysis {
    private final NetworkGraph graph;
    private final Map<String, NodeInfo> info = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private List<String> order = List.of();
    private String outputId;

    private GraphAnalysis(NetworkGraph graph) {
        this.graph = graph;
    }

    /** Analyses the graph alone. */
    public static GraphAnalysis of(NetworkGraph graph) {
        return of(graph, null, null);
    }

    /** Analyses the graph with the loss and data it will train on (either may be null). */
    public static GraphAnalysis of(NetworkGraph graph, Loss loss, DataSummary data) {
        return of(graph, loss, data, null);
    }

    /**
     * Like the other, for a project whose data could not be read (unreadable says why, or is
     * null): that is an error of the project, shown with the graph's, since it cannot train.
     */
    public static GraphAnalysis of(NetworkGraph graph, Loss loss, DataSummary data, String unreadable) {
        GraphAnalysis a = new GraphAnalysis(graph);
        if (unreadable != null) {
            a.problems.add(Problem.error(null, "The data cannot be read: " + unreadable
                    + " Pick it again with Change data… in the inspector (with nothing selected on the canvas)."));
        }
        a.run(loss, data);
        return a;
    }

    private void run(Loss loss, DataSummary data) {
        if (graph.size() == 0) {
            problems.add(Problem.error(null, "The network is empty: drag an Input and some layers onto the canvas."));
            return;
        }
        Optional<List<String>> topo = graph.topologicalOrder();
        if (topo.isEmpty()) {
            reportCycle();
            return;
        }
        order = topo.get();
        List<String> inputs = new ArrayList<>();
        for (String id : order) {
            if (graph.require(id).spec() instanceof Input) {
                inputs.add(id);
            }
        }
        if (inputs.isEmpty()) {
            problems.add(Problem.error(null, "The network has no Input layer: add one and connect it to the first layer."));
        }
        inferShapes();
        checkReachability(inputs);
        GanChecks.checkStructure(graph, problems);
        boolean gan = !GanChecks.seams(graph).isEmpty();
        if (gan && outputId != null && loss != null) {
            GanChecks.checkTraining(graph, info, outputId, loss, data, problems);
            return;
        }
        if (outputId != null && loss != null) {
            TrainingChecks.checkLoss(graph, info.get(outputId), outputId, loss, data, problems);
        }
        if (data != null && inputs.size() == 1 && !gan) {
            TrainingChecks.checkData(graph, inputs.get(0), data, problems);
        }
    }

    private void reportCycle() {
        // Nodes left after peeling off, from the front, everything whose inputs are all peeled, and
        // then, from the back, everything whose outputs are all peeled, sit on a cycle or between
        // two. Each peel is one pass of Kahn's algorithm: linear in nodes and edges.
        Set<String> left = new HashSet<>();
        graph.nodes().forEach(n -> left.add(n.id()));
        peel(left, true);
        peel(left, false);
        for (String id : left) {
            problems.add(Problem.error(id, graph.require(id).name() + " is part of a cycle: a layer cannot feed its own"
                    + " input. Remove one of the connections that loop back."));
        }
    }

    /** Removes from left every node reachable by peeling nodes with no edge from (forward) or to (backward) the rest. */
    private void peel(Set<String> left, boolean forward) {
        Map<String, Integer> pending = new HashMap<>();
        Deque<String> free = new ArrayDeque<>();
        for (String id : left) {
            int n = 0;
            for (GraphEdge e : forward ? graph.inputsOf(id) : graph.outputsOf(id)) {
                if (left.contains(forward ? e.from() : e.to())) {
                    n++;
                }
            }
            pending.put(id, n);
            if (n == 0) {
                free.add(id);
            }
        }
        while (!free.isEmpty()) {
            String id = free.poll();
            left.remove(id);
            for (GraphEdge e : forward ? graph.outputsOf(id) : graph.inputsOf(id)) {
                String next = forward ? e.to() : e.from();
                if (left.contains(next) && pending.merge(next, -1, Integer::sum) == 0) {
                    free.add(next);
                }
            }
        }
    }

    /** Why one of the layer's tensors could not exist (over 2^31 values), or null. */
    private static String tooLargeParameter(LayerSpec spec, List<Shape> inputs) {
        for (ParameterSpec p : spec.parameters(inputs)) {
            if (p.size() > Integer.MAX_VALUE) {
                return String.format("its %s would hold %,d values, more than the %,d one tensor may have: use fewer units"
                        + " or filters, or a smaller input", p.name(), p.size(), Integer.MAX_VALUE);
            }
        }
        return null;
    }

    private void inferShapes() {
        List<String> sinks = new ArrayList<>();
        for (String id : order) {
            GraphNode node = graph.require(id);
            LayerSpec spec = node.spec();
            List<GraphEdge> in = graph.inputsOf(id);
            if (graph.outputsOf(id).isEmpty() && !(spec instanceof Input && in.isEmpty() && graph.size() > 1)) {
                sinks.add(id);
            }
            List<Shape> shapes = new ArrayList<>();
            boolean known = true;
            for (GraphEdge e : in) {
                NodeInfo src = info.get(e.from());
                if (src == null || src.outputShape() == null) {
                    known = false;
                } else {
                    shapes.add(src.outputShape());
                }
            }
            if (in.size() < spec.minInputs()) {
                problems.add(Problem.error(id, node.name() + " (" + spec.kind() + ") needs "
                        + (spec.minInputs() == 1 ? "an input" : "at least " + spec.minInputs() + " inputs")
                        + " but has " + (in.isEmpty() ? "none" : in.size()) + ": connect "
                        + (in.isEmpty() ? "a layer's output to it" : "another branch to it")));
                info.put(id, new NodeInfo(null, 0));
                continue;
            }
            if (in.size() > spec.maxInputs()) {
                problems.add(Problem.error(id, node.name() + " (" + spec.kind() + ") takes "
                        + (spec.maxInputs() == 0 ? "no inputs" : spec.maxInputs() == 1 ? "one input" : spec.maxInputs() + " inputs")
                        + " but " + in.size() + " are connected: remove the extra connections"
                        + (spec.maxInputs() == 1 ? ", or join the branches with Add or Concatenate first" : "")));
                info.put(id, new NodeInfo(null, 0));
                continue;
            }
            if (!known) {
                info.put(id, new NodeInfo(null, 0));
                continue;
            }
            try {
                Shape out = spec.outputShape(shapes);
                if (out.longSize() > Integer.MAX_VALUE) {
                    problems.add(Problem.error(id, String.format("%s: its output %s holds %,d values per sample, more than"
                            + " the %,d one sample may have: make it smaller", node.name(), out, out.longSize(),
                            Integer.MAX_VALUE)));
                    info.put(id, new NodeInfo(null, 0));
                    continue;
                }
                String tooLarge = tooLargeParameter(spec, shapes);
                if (tooLarge != null) {
                    problems.add(Problem.error(id, node.name() + ": " + tooLarge));
                    info.put(id, new NodeInfo(null, 0));
                    continue;
                }
                info.put(id, new NodeInfo(out, spec.paramCount(shapes)));
            } catch (ShapeException e) {
                Problem p = Problem.error(id, node.name() + ": " + e.getMessage()).onEdge(in.isEmpty() ? null : in.get(0));
                if (e.remedy() == ShapeException.Remedy.INSERT_FLATTEN) {
                    p = p.withFix(Fixes.insertFlattenBefore(id));
                } else if (e.remedy() == ShapeException.Remedy.INSERT_RESHAPE_TO_STEPS && !shapes.isEmpty()) {
                    p = p.withFix(Fixes.insertReshapeToStepsBefore(id, shapes.get(0)));
                }
                problems.add(p);
                info.put(id, new NodeInfo(null, 0));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.error(id, node.name() + ": " + e.getMessage()));
                info.put(id, new NodeInfo(null, 0));
            }
        }
        if (sinks.size() == 1) {
            outputId = sinks.get(0);
        } else if (sinks.size() > 1) {
            List<String> names = sinks.stream().map(s -> graph.require(s).name()).toList();
            for (String s : sinks) {
                problems.add(Problem.error(s, "The network has " + sinks.size() + " outputs (" + String.join(", ", names)
                        + "); it needs exactly one, which carries the loss: connect or delete the others"));
            }
        }
    }

    private void checkReachability(List<String> inputs) {
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(inputs);
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (reached.add(id)) {
                graph.outputsOf(id).forEach(e -> todo.add(e.to()));
            }
        }
        for (String id : order) {
            GraphNode n = graph.require(id);
            if (!reached.contains(id) && !graph.inputsOf(id).isEmpty()) {
                problems.add(Problem.error(id, n.name() + " is not connected to any Input: its data would come from nowhere"));
            }
        }
        if (outputId == null) {
            return;
        }
        Set<String> feedsOutput = new HashSet<>();
        Deque<String> back = new ArrayDeque<>(List.of(outputId));
        while (!back.isEmpty()) {
            String id = back.poll();
            if (feedsOutput.add(id)) {
                graph.inputsOf(id).forEach(e -> back.add(e.from()));
            }
        }
        for (String id : inputs) {
            if (!feedsOutput.contains(id) && graph.size() > 1) {
                problems.add(Problem.error(id, graph.require(id).name() + " has no path to the output "
                        + graph.require(outputId).name() + ": connect it to the next layer"));
            }
        }
    }

    public NetworkGraph graph() {
        return graph;
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Whether this analysis says the same as another of the same graph: every shape, parameter
     * count and problem (a fix compared by its label). Loading a project's data analyses the
     * graph again, and most often nothing changes, which the editor need not redraw.
     */
    public boolean saysTheSameAs(GraphAnalysis other) {
        return other != null && graph == other.graph && info.equals(other.info)
                && Objects.equals(outputId, other.outputId) && problemKeys().equals(other.problemKeys());
    }

    private List<List<Object>> problemKeys() {
        return problems.stream().map(p -> Arrays.<Object>asList(p.severity(), p.nodeId(), p.edge(), p.message(),
                p.fix() == null ? null : p.fix().label())).toList();
    }

    public List<Problem> problemsOf(String nodeId) {
        return problems.stream().filter(p -> nodeId.equals(p.nodeId())).toList();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public NodeInfo info(String nodeId) {
        return info.get(nodeId);
    }

    /** The single output node, or null when there is none or several. */
    public String outputId() {
        return outputId;
    }

    public long totalParams() {
        return info.values().stream().mapToLong(NodeInfo::params).sum();
    }

    /**
     * Bytes to train with this batch size: weights, their gradients and two optimizer moments
     * (Adam), each layer's output and gradient, and each layer's scratch (the im2col buffers of convolutions).
     */
    public long trainingMemoryBytes(int batch) {
        long bytes = totalParams() * 4 * 4;
        for (String id : order) {
            NodeInfo ni = info.get(id);
            if (ni == null || ni.outputShape() == null) {
                continue;
            }
            bytes += 2L * batch * ni.outputShape().size() * 4;
            List<Shape> inShapes = new ArrayList<>();
            for (GraphEdge e : graph.inputsOf(id)) {
                NodeInfo from = info.get(e.from());
                inShapes.add(from == null ? null : from.outputShape());
            }
            if (!inShapes.isEmpty() && !inShapes.contains(null)) {
                bytes += batch * graph.require(id).spec().workspaceFloatsPerSample(inShapes) * 4;
            }
        }
        return bytes;
    }

    /** Bytes to run the network forward with this batch size: its weights and each layer's output. */
    public long inferenceMemoryBytes(int batch) {
        long bytes = totalParams() * 4;
        for (String id : order) {
            NodeInfo ni = info.get(id);
            if (ni != null && ni.outputShape() != null) {
                bytes += (long) batch * ni.outputShape().size() * 4;
            }
        }
        return bytes;
    }

    /** The nodes in execution order for {@link Network#compile}; only when there are no errors. */
    public List<NetworkNode> plan() {
        if (hasErrors()) {
            throw new IllegalStateException("the network has problems: " + problems.get(0).message());
        }
        List<NetworkNode> nodes = new ArrayList<>();
        for (String id : order) {
            GraphNode n = graph.require(id);
            List<String> ins = graph.inputsOf(id).stream().map(GraphEdge::from).toList();
            nodes.add(new NetworkNode(id, n.name(), n.spec(), ins));
        }
        // The output must come last: move it there (order is topological, and nothing follows the output).
        NetworkNode out = nodes.stream().filter(x -> x.id().equals(outputId)).findFirst().orElseThrow();
        nodes.remove(out);
        nodes.add(out);
        return nodes;
    }
}
