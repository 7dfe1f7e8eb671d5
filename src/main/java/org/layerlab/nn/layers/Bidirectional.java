package org.layerlab.nn.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.Recurrence;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Masks;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterSpec;

/**
 * Keras' Bidirectional around a recurrent layer: one copy reads the sequence forwards, another
 * backwards, and their outputs are merged (concat, sum, mul or ave). As in Keras, a returned
 * sequence of the backward copy is flipped back to input order before the merge, so step t of
 * the output joins what both directions know at input t. The wrapped layer here is chosen by name
 * with its units and Keras' defaults for the rest; weights are named forward/… and backward/….
 */
public record Bidirectional(String layer, int units, boolean returnSequences, String mergeMode) implements LayerSpec {
    private static final List<String> LAYERS = List.of("LSTM", "GRU", "SimpleRNN");
    private static final List<String> MERGES = List.of("concat", "sum", "mul", "ave");

    public static final LayerKind KIND = LayerKind.builder("Bidirectional", Bidirectional.class, LayerCategory.SEQUENCE)
            .describe("Runs a recurrent layer forwards and a copy backwards and joins them: each step knows what"
                    + " comes before and after it.", "y = merge(layer(x), reverse(layer(reverse(x))))")
            .param(LayerParam.choice("layer", "LSTM", LAYERS, "The recurrent layer to run in both directions."))
            .param(Recurrent.UNITS)
            .param(Recurrent.RETURN_SEQUENCES)
            .param(LayerParam.choice("merge_mode", "concat", MERGES,
                    "How the two directions join: concat (twice the units), sum, mul or ave."))
            .example(() -> new Bidirectional("LSTM", 16, false, "concat"))
            .build();

    public Bidirectional {
        Checks.positive("Bidirectional", "units", units);
        if (!LAYERS.contains(layer)) {
            throw new IllegalArgumentException("Bidirectional: layer must be LSTM, GRU or SimpleRNN. Received: " + layer);
        }
        if (!MERGES.contains(mergeMode)) {
            throw new IllegalArgumentException("Bidirectional: merge_mode must be concat, sum, mul or ave. Received: "
                    + mergeMode);
        }
    }

    @Override
    public String kind() {
        return "Bidirectional";
    }

    /** The wrapped layer, reading forwards or backwards. */
    LayerSpec direction(boolean backwards) {
        return switch (layer) {
            case "GRU" -> {
                GRU g = new GRU(units, returnSequences);
                yield new GRU(units, g.activation(), g.recurrentActivation(), true, g.kernelInitializer(),
                        g.recurrentInitializer(), g.biasInitializer(), returnSequences, backwards);
            }
            case "SimpleRNN" -> {
                SimpleRNN r = new SimpleRNN(units);
                yield new SimpleRNN(units, r.activation(), true, r.kernelInitializer(), r.recurrentInitializer(),
                        r.biasInitializer(), returnSequences, backwards);
            }
            default -> {
                LSTM l = new LSTM(units, returnSequences);
                yield new LSTM(units, l.activation(), l.recurrentActivation(), true, l.kernelInitializer(),
                        l.recurrentInitializer(), l.biasInitializer(), true, returnSequences, backwards);
            }
        };
    }

    private static Recurrence op(LayerSpec s) {
        return s instanceof LSTM l ? l.op() : s instanceof GRU g ? g.op() : ((SimpleRNN) s).op();
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape one = direction(false).outputShape(inputs);
        int width = "concat".equals(mergeMode) ? 2 * units : units;
        return returnSequences ? Shape.of(one.dim(0), width) : Shape.of(width);
    }

    @Override
    public List<ParameterSpec> parameters(List<Shape> inputs) {
        List<ParameterSpec> out = new ArrayList<>();
        for (String side : List.of("forward", "backward")) {
            for (ParameterSpec p : direction(side.equals("backward")).parameters(inputs)) {
                out.add(new ParameterSpec(side + "/" + p.name(), p.dims(), p.initializer(), p.fanIn(), p.fanOut(),
                        p.regularizer(), p.trainable(), p.initial()));
            }
        }
        return out;
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        Shape out = outputShape(c.inputShapes());
        Shape one = direction(false).outputShape(c.inputShapes());
        int[] biasDims = direction(false).parameters(c.inputShapes()).get(2).dims();
        boolean freshForward = Recurrent.isNew(c, "forward/bias", biasDims);
        boolean freshBackward = Recurrent.isNew(c, "backward/bias", biasDims);
        Map<String, Parameter> p = c.parameters(parameters(c.inputShapes()));
        if ("LSTM".equals(layer)) {
            if (freshForward) {
                Recurrent.forgetGateStartsAtOne(c, "forward/bias", units);
            }
            if (freshBackward) {
                Recurrent.forgetGateStartsAtOne(c, "backward/bias", units);
            }
        }
        return new Runtime(op(direction(false)), op(direction(true)), p, one, out, units, returnSequences, mergeMode);
    }

    /** A returned sequence keeps the time axis, and the mask with it (as the wrapped layer's would). */
    @Override
    public boolean passesMask() {
        return returnSequences;
    }

    @Override
    public String summary() {
        return "Bidirectional " + layer + " " + units + (returnSequences ? " seq" : "");
    }

    private static final class Runtime implements LayerRuntime, Masks.User {
        private final Recurrence forward;
        private final Recurrence backward;
        private final Map<String, Parameter> p;
        private final Shape one;
        private final int units;
        private final boolean sequences;
        private final String merge;
        private Tensor yf;
        private Tensor yb;
        private Tensor dyf;
        private Tensor dyb;

        Runtime(Recurrence forward, Recurrence backward, Map<String, Parameter> p, Shape one, Shape out, int units,
                boolean sequences, String merge) {
            this.forward = forward;
            this.backward = backward;
            this.p = p;
            this.one = one;
            this.units = units;
            this.sequences = sequences;
            this.merge = merge;
        }

        /** Keras' mask in both copies: each keeps its state over padding, the backward one reading from the end. */
        @Override
        public void useMask(byte[] mask) {
            forward.setMask(mask);
            backward.setMask(mask);
        }

        @Override
        public void allocate(int batchCapacity) {
            yf = Tensor.ofBatch(batchCapacity, one);
            yb = Tensor.ofBatch(batchCapacity, one);
            dyf = Tensor.ofBatch(batchCapacity, one);
            dyb = Tensor.ofBatch(batchCapacity, one);
        }

        private Tensor v(String name) {
            Parameter x = p.get(name);
            return x == null ? null : x.value();
        }

        private Tensor g(String name) {
            Parameter x = p.get(name);
            return x == null ? null : x.grad();
        }

        /** Position of (b, t, j) of the backward copy's output as merged: its sequence flipped back. */
        private int backIndex(int b, int t, int j, int steps) {
            return sequences ? (b * steps + (steps - 1 - t)) * units + j : b * units + j;
        }

        @Override
        public void forward(Tensor[] inputs, Tensor output, boolean training) {
            int n = inputs[0].batch();
            if (yf == null || yf.capacityBatch() < n) {
                allocate(n);
            }
            yf.setBatch(n);
            yb.setBatch(n);
            forward.forward(inputs[0], v("forward/kernel"), v("forward/recurrent_kernel"), v("forward/bias"), yf, training);
            backward.forward(inputs[0], v("backward/kernel"), v("backward/recurrent_kernel"), v("backward/bias"), yb,
                    training);
            int steps = sequences ? one.dim(0) : 1;
            float[] f = yf.data();
            float[] r = yb.data();
            float[] y = output.data();
            for (int b = 0; b < n; b++) {
                for (int t = 0; t < steps; t++) {
                    int row = (b * steps + t) * units;
                    for (int j = 0; j < units; j++) {
                        float a = f[row + j];
                        float c = r[backIndex(b, t, j, steps)];
                        switch (merge) {
                            case "concat" -> {
                                y[2 * row + j] = a;
                                y[2 * row + units + j] = c;
                            }
                            case "sum" -> y[row + j] = a + c;
                            case "mul" -> y[row + j] = a * c;
                            default -> y[row + j] = 0.5f * (a + c);
                        }
                    }
                }
            }
        }

        @Override
        public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
            int n = inputs[0].batch();
            dyf.setBatch(n);
            dyb.setBatch(n);
            int steps = sequences ? one.dim(0) : 1;
            float[] f = yf.data();
            float[] r = yb.data();
            float[] dy = gradOutput.data();
            float[] df = dyf.data();
            float[] db = dyb.data();
            for (int b = 0; b < n; b++) {
                for (int t = 0; t < steps; t++) {
                    int row = (b * steps + t) * units;
                    for (int j = 0; j < units; j++) {
                        int back = backIndex(b, t, j, steps);
                        switch (merge) {
                            case "concat" -> {
                                df[row + j] = dy[2 * row + j];
                                db[back] = dy[2 * row + units + j];
                            }
                            case "sum" -> {
                                df[row + j] = dy[row + j];
                                db[back] = dy[row + j];
                            }
                            case "mul" -> {
                                df[row + j] = dy[row + j] * r[back];
                                db[back] = dy[row + j] * f[row + j];
                            }
                            default -> {
                                df[row + j] = 0.5f * dy[row + j];
                                db[back] = 0.5f * dy[row + j];
                            }
                        }
                    }
                }
            }
            forward.backward(inputs[0], v("forward/kernel"), v("forward/recurrent_kernel"), dyf, gradInputs[0],
                    g("forward/kernel"), g("forward/recurrent_kernel"), g("forward/bias"));
            backward.backward(inputs[0], v("backward/kernel"), v("backward/recurrent_kernel"), dyb, gradInputs[0],
                    g("backward/kernel"), g("backward/recurrent_kernel"), g("backward/bias"));
        }

        @Override
        public List<Parameter> parameters() {
            return List.copyOf(p.values());
        }
    }
}
