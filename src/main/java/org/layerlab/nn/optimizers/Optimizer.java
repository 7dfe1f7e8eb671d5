package org.layerlab.nn.optimizers;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.layerlab.engine.Parallel;
import org.layerlab.nn.Checks;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.schedules.ConstantRate;
import org.layerlab.nn.schedules.LearningRateSchedule;

/**
 * Updates parameters from their gradients. Order of use: compute gradients, then {@link #step}
 * once per batch; the optimizer clips gradients, applies weight decay (w −= lr·decay·w, decoupled,
 * as Keras 3 does for every optimizer), then its own rule. State (moments) is kept per parameter
 * and created on first use.
 */
public abstract class Optimizer {
    private LearningRateSchedule schedule;
    private GradientClipping clipping = GradientClipping.NONE;
    private double weightDecay;
    /** Steps of the update rule with the current moments (its bias corrections count these). */
    private long iterations;
    /** Steps of the run, which the schedule follows even across a change of optimizer. */
    private long scheduleSteps;
    private double lastRate;
    private final Map<Parameter, float[][]> slots = new IdentityHashMap<>();

    protected Optimizer(double learningRate) {
        this.schedule = new ConstantRate(learningRate);
        this.lastRate = learningRate;
    }

    /** The Keras class name. */
    public abstract String kind();

    /** How many state arrays of a parameter's size this optimizer keeps. */
    protected abstract int slotCount();

    /** Initial value of slot i (Adagrad starts its accumulator above zero). */
    protected float slotInitialValue(int slot) {
        return 0f;
    }

    /** Called once per step before the per-parameter updates; t is the 1-based step number. */
    protected void beginStep(long t) {
    }

    /**
     * Updates w[from..to) in place from gradient g with this optimizer's rule. Called on ranges
     * of one parameter from both cores at once, so it must touch only those indices.
     */
    protected abstract void update(float[] w, float[] g, float[][] slots, int from, int to, double lr, long t);

    // Each element is a handful of flops and a square root: weigh it so that only large tensors split.
    private static final int COST = 8;

    public final void step(List<Parameter> params) {
        clipping.apply(params);
        double lr = schedule.at(scheduleSteps);
        scheduleSteps++;
        iterations++;
        lastRate = lr;
        beginStep(iterations);
        long t = iterations;
        float keep = (float) (1 - lr * weightDecay);
        // Indexed, not for-each: the list's iterator was an allocation per step.
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            Parallel.Args args = Parallel.args();
            args.object = this;
            args.a = p.value().data();
            args.b = p.grad().data();
            args.arrays = slotsOf(p);
            args.number = lr;
            args.number2 = keep;
            args.count = t;
            Parallel.range(p.size(), (long) p.size() * COST, args, (a, from, to) -> ((Optimizer) a.object)
                    .decayAndUpdate(a.a, a.b, a.arrays, from, to, a.number, a.count, (float) a.number2));
        }
    }

    private void decayAndUpdate(float[] w, float[] g, float[][] s, int from, int to, double lr, long t, float keep) {
        if (weightDecay > 0) {
            for (int i = from; i < to; i++) {
                w[i] *= keep;
            }
        }
        update(w, g, s, from, to, lr, t);
    }

    private float[][] slotsOf(Parameter p) {
        float[][] s = slots.get(p);
        if (s == null) {
            // Not computeIfAbsent: its lambda captures this and would be a new object every step.
            s = new float[slotCount()][p.size()];
            for (int i = 0; i < s.length; i++) {
                Arrays.fill(s[i], slotInitialValue(i));
            }
            slots.put(p, s);
        }
        return s;
    }

    /** The state this optimizer keeps for one element of a parameter (Adam: m, v), as now; initial values before its first step. */
    public float[] slotValues(Parameter p, int index) {
        float[][] s = slots.get(p);
        float[] out = new float[slotCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s == null ? slotInitialValue(i) : s[i][index];
        }
        return out;
    }

    public Optimizer schedule(LearningRateSchedule s) {
        this.schedule = Checks.notNull(kind(), "learning rate schedule", s);
        return this;
    }

    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** Replaces the schedule by a constant rate from the next step on (e.g. changed while paused). */
    public void setLearningRate(double rate) {
        schedule = new ConstantRate(rate);
    }

    public Optimizer clipping(GradientClipping c) {
        this.clipping = Checks.notNull(kind(), "clipping", c);
        return this;
    }

    public GradientClipping clipping() {
        return clipping;
    }

    public Optimizer weightDecay(double decay) {
        this.weightDecay = Checks.nonNegative(kind(), "weight_decay", decay);
        return this;
    }

    public double weightDecay() {
        return weightDecay;
    }

    public long iterations() {
        return iterations;
    }

    /** The rate the last step used (the initial rate before any step). */
    public double currentLearningRate() {
        return scheduleSteps == 0 ? schedule.initial() : lastRate;
    }

    /** Forgets moments and the step count, e.g. after the weights were reset. */
    public void reset() {
        slots.clear();
        iterations = 0;
        scheduleSteps = 0;
    }

    /**
     * Takes over mid-run from the optimizer used so far, when the settings changed (typically
     * while paused). The schedule goes on from the run's step. The moments and the rule's step
     * count are kept when the rule is of the same kind and keeps the same state (beta_1 changed,
     * say); otherwise they start from zero, as a new optimizer's do, because another rule's
     * moments mean something else and bias corrections must count from the first step with them.
     * Call before this optimizer's first step. Returns whether the moments were kept.
     */
    public boolean continueFrom(Optimizer previous) {
        if (iterations != 0 || scheduleSteps != 0) {
            throw new IllegalStateException("continueFrom must come before the optimizer's first step");
        }
        scheduleSteps = previous.scheduleSteps;
        lastRate = previous.lastRate;
        boolean same = previous.getClass() == getClass() && previous.slotCount() == slotCount();
        if (same) {
            slots.putAll(previous.slots);
            iterations = previous.iterations;
            continueRuleState(previous);
        }
        return same;
    }

    /** Copies state of the rule beyond the moments (called only with the same kind of optimizer). */
    protected void continueRuleState(Optimizer previous) {
    }

    /** The rule's state beyond the moments, for {@link #state()}; none by default. */
    protected double[] ruleState() {
        return new double[0];
    }

    /** Takes back what {@link #ruleState()} gave (called only with the same kind of optimizer). */
    protected void restoreRuleState(double[] s) {
    }

    /** A copy of the state now: moments per parameter, step counts, rate. */
    public OptimizerState state() {
        Map<String, float[][]> copy = new java.util.HashMap<>();
        slots.forEach((p, s) -> {
            float[][] c = new float[s.length][];
            for (int i = 0; i < s.length; i++) {
                c[i] = s[i].clone();
            }
            copy.put(OptimizerState.key(p.nodeId(), p.name()), c);
        });
        return new OptimizerState(kind(), iterations, scheduleSteps, lastRate, ruleState(), copy);
    }

    /**
     * Goes on from a saved state, as {@link #continueFrom} goes on from a live optimizer: the
     * schedule from the saved step; the moments and the rule's step count only when the state is
     * of this kind, each parameter's where its size still fits (a resized layer's start from zero).
     * Call before the first step. Returns whether the moments were kept.
     */
    public boolean continueFrom(OptimizerState s, List<Parameter> params) {
        if (iterations != 0 || scheduleSteps != 0) {
            throw new IllegalStateException("continueFrom must come before the optimizer's first step");
        }
        scheduleSteps = s.scheduleSteps();
        lastRate = s.lastRate();
        if (!s.kind().equals(kind())) {
            return false;
        }
        for (Parameter p : params) {
            float[][] saved = s.slots().get(OptimizerState.key(p.nodeId(), p.name()));
            if (saved != null && saved.length == slotCount() && (saved.length == 0 || saved[0].length == p.size())) {
                float[][] c = new float[saved.length][];
                for (int i = 0; i < saved.length; i++) {
                    c[i] = saved[i].clone();
                }
                slots.put(p, c);
            }
        }
        iterations = s.iterations();
        restoreRuleState(s.rule());
        return true;
    }
}
