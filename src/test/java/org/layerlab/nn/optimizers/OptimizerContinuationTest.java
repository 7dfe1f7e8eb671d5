package org.layerlab.nn.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.schedules.StepDecay;

/** Optimizer settings changed mid-run: what carries over to the new optimizer and what starts over. */
class OptimizerContinuationTest {
    private static final float[] GRADS = {0.3f, -0.1f, 0.25f, -0.4f, 0.05f, 0.2f};

    private static Parameter weight() {
        return new Parameter("n", "kernel", Tensor.wrap(new float[] {0.5f, -0.2f}, 2), null);
    }

    /** Steps o with the fixed gradient sequence GRADS[from..to). */
    private static void steps(Optimizer o, Parameter p, int from, int to) {
        for (int t = from; t < to; t++) {
            p.grad().set(0, GRADS[t]);
            p.grad().set(1, -GRADS[t] / 2);
            o.step(List.of(p));
        }
    }

    @Test
    void sameSettingsContinueExactlyAsIfNothingHadChanged() {
        for (String kind : OptimizerSpec.KINDS) {
            OptimizerSpec spec = OptimizerSpec.of(kind, 0.01);
            Parameter straight = weight();
            steps(spec.create(), straight, 0, 6);

            Parameter switched = weight();
            Optimizer first = spec.create();
            steps(first, switched, 0, 3);
            Optimizer second = spec.create();
            assertTrue(second.continueFrom(first), kind);
            steps(second, switched, 3, 6);
            assertArrayEquals(straight.value().data(), switched.value().data(), kind);
        }
    }

    @Test
    void aSavedStateContinuesExactlyOnAnotherParameterOfTheSameName() {
        // A checkpoint: the state is detached from the parameter objects (a forked run has new ones).
        for (String kind : OptimizerSpec.KINDS) {
            OptimizerSpec spec = OptimizerSpec.of(kind, 0.01);
            Parameter straight = weight();
            steps(spec.create(), straight, 0, 6);

            Parameter before = weight();
            Optimizer first = spec.create();
            steps(first, before, 0, 3);
            OptimizerState saved = first.state();
            steps(first, before, 3, 4); // the parent goes on: the saved state must not change with it
            // Another parameter object of the same node and name, at the weights of step 3.
            Parameter fork = weight();
            steps(spec.create(), fork, 0, 3);
            Optimizer second = spec.create();
            assertTrue(second.continueFrom(saved, List.of(fork)), kind);
            assertEquals(3, second.iterations(), kind);
            steps(second, fork, 3, 6);
            assertArrayEquals(straight.value().data(), fork.value().data(), kind);
        }
    }

    @Test
    void aSavedStateOfAnotherKindOrSizeLeavesTheMomentsAtZero() {
        Parameter p = weight();
        Optimizer adam = OptimizerSpec.of("adam", 0.01).create();
        steps(adam, p, 0, 3);
        Optimizer sgd = OptimizerSpec.of("sgd", 0.01).create();
        assertFalse(sgd.continueFrom(adam.state(), List.of(p)));
        assertEquals(0, sgd.iterations());
        Parameter wider = new Parameter("n", "kernel", Tensor.wrap(new float[] {0.5f, -0.2f, 0.1f}, 3), null);
        Optimizer again = OptimizerSpec.of("adam", 0.01).create();
        assertTrue(again.continueFrom(adam.state(), List.of(wider)));
        assertTrue(again.state().slots().isEmpty(), "a resized parameter starts its moments afresh");
    }

    @Test
    void aChangedOptionOfTheSameKindKeepsTheMoments() {
        // Adam with beta_1 0.9 for three steps, then 0.5: the moments of the first three steps
        // feed the fourth, with bias corrections counting from step 1.
        Parameter p = weight();
        Optimizer first = OptimizerSpec.of("adam", 0.01).create();
        steps(first, p, 0, 3);
        Optimizer second = OptimizerSpec.of("adam", 0.01).with("beta_1", 0.5).create();
        assertTrue(second.continueFrom(first));
        assertEquals(3, second.iterations());
        double m = 0;
        double v = 0;
        double w = 0.5;
        for (int t = 0; t < 4; t++) {
            double b1 = t < 3 ? 0.9 : 0.5;
            double g = GRADS[t];
            m += (g - m) * (1 - b1);
            v += (g * g - v) * (1 - 0.999);
            double alpha = 0.01 * Math.sqrt(1 - Math.pow(0.999, t + 1)) / (1 - Math.pow(b1, t + 1));
            w -= alpha * m / (Math.sqrt(v) + 1e-7);
        }
        steps(second, p, 3, 4);
        assertEquals(w, p.value().get(0), 1e-6);
    }

    @Test
    void anotherKindStartsItsMomentsFromZeroButTheScheduleGoesOn() {
        Parameter p = weight();
        Optimizer adam = OptimizerSpec.of("adam", 0.01).create();
        steps(adam, p, 0, 3);
        float before = p.value().get(0);
        // SGD on a step decay halving every 2 steps: at the run's step 3 the rate is 0.1 · 0.5.
        Optimizer sgd = OptimizerSpec.of("sgd", 0.1).withSchedule(new StepDecay(0.1, 0.5, 2)).create();
        assertFalse(sgd.continueFrom(adam));
        assertEquals(0, sgd.iterations());
        steps(sgd, p, 3, 4);
        assertEquals(before - 0.05 * GRADS[3], p.value().get(0), 1e-7);
        assertEquals(0.05, sgd.currentLearningRate(), 1e-12);
    }

    @Test
    void anOptimizerThatHasSteppedCannotTakeOverAnother() {
        Optimizer a = OptimizerSpec.of("sgd", 0.1).create();
        Optimizer b = OptimizerSpec.of("sgd", 0.1).create();
        steps(b, weight(), 0, 1);
        assertThrows(IllegalStateException.class, () -> b.continueFrom(a));
    }

    @Test
    void everyOptionHasADefaultAndKeepsItsMeaningAcrossKinds() {
        OptimizerSpec adam = OptimizerSpec.of("adam", 0.001).with("weight_decay", 0.01).with("beta_1", 0.8);
        assertEquals(0.999, adam.option("beta_2"));
        assertEquals(0.8, adam.option("beta_1"));
        OptimizerSpec sgd = adam.withKind("sgd");
        assertEquals("sgd", sgd.kind());
        assertEquals(Map.of("weight_decay", 0.01), sgd.options());
        assertEquals(0.0, sgd.option("momentum"));
        assertEquals(0.004, OptimizerSpec.of("adamw", 0.001).option("weight_decay"));
        assertTrue(OptimizerSpec.isSwitch("nesterov"));
        assertEquals(List.of("momentum", "nesterov", "weight_decay"), List.copyOf(OptimizerSpec.defaults("sgd").keySet()));
    }
}
