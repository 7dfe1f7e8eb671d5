package org.layerlab.training;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Supplier;

import org.layerlab.nn.Parameter;
import org.layerlab.nn.optimizers.Optimizer;

/**
 * One weight followed through a run's optimizer steps, as the math view shows them: before each
 * batch its value; after the step its gradient, the optimizer's state for it (Adam's m and v),
 * the step number, the rate used and the new value. On the training thread; a reader on another
 * thread gets a copy of the last {@link #KEPT} steps. Costs a few reads per batch.
 */
public final class WeightTrace implements TrainingListener {
    /** Steps kept: what fits on screen, enough to see a trend. */
    public static final int KEPT = 12;
    private final Parameter param;
    private final int index;
    private final Supplier<Optimizer> optimizer;
    private final ArrayDeque<Step> steps = new ArrayDeque<>();
    private float before;

    /** One optimizer step of the weight. */
    public record Step(long t, float weight, float gradient, float[] slots, double rate, float after) {
        public float change() {
            return after - weight;
        }
    }

    WeightTrace(Parameter param, int index, Supplier<Optimizer> optimizer) {
        this.param = param;
        this.index = index;
        this.optimizer = optimizer;
    }

    public String nodeId() {
        return param.nodeId();
    }

    public String param() {
        return param.name();
    }

    public int index() {
        return index;
    }

    @Override
    public void beforeBatch() {
        before = param.value().data()[index];
    }

    @Override
    public void onBatch(BatchEvent e) {
        Optimizer o = optimizer.get();
        Step s = new Step(o.iterations(), before, param.grad().data()[index], o.slotValues(param, index),
                o.currentLearningRate(), param.value().data()[index]);
        synchronized (steps) {
            if (steps.size() == KEPT) {
                steps.removeFirst();
            }
            steps.addLast(s);
        }
    }

    /** The last steps, oldest first. */
    public List<Step> steps() {
        synchronized (steps) {
            return List.copyOf(steps);
        }
    }
}
