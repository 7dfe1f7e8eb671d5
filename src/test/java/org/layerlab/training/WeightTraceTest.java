package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.layerlab.data.ArrayDataset;
import org.layerlab.data.Dataset;
import org.layerlab.nn.Loss;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;
import org.layerlab.nn.optimizers.OptimizerSpec;

/** A weight followed through a run's Adam steps holds Keras' formula step by step; a paused run trains one batch per step. */
class WeightTraceTest {
    @Test
    void eachTracedStepIsAdamsFormulaOnTheStateBefore() {
        Dataset xor = ArrayDataset.regression(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new float[] {0, 1, 1, 0});
        Network net = Sequential.input(2).add(new Dense(4, "tanh")).add(new Dense(1, "sigmoid")).build(1);
        TrainingConfig cfg = TrainingConfig.of(Loss.BINARY_CROSSENTROPY, 20).withBatchSize(4)
                .withOptimizer(OptimizerSpec.of("adam", 0.05)).withSeed(1);
        Trainer trainer = new Trainer(net, cfg);
        Parameter kernel = net.parameters().get(0);
        WeightTrace trace = new WeightTrace(kernel, 3, trainer::optimizer);
        trainer.addListener(trace);
        trainer.fit(xor);
        List<WeightTrace.Step> steps = trace.steps();
        assertEquals(WeightTrace.KEPT, steps.size());
        assertEquals(20, steps.get(steps.size() - 1).t());
        assertEquals(kernel.value().data()[3], steps.get(steps.size() - 1).after());
        for (int i = 1; i < steps.size(); i++) {
            WeightTrace.Step prev = steps.get(i - 1);
            WeightTrace.Step s = steps.get(i);
            assertEquals(prev.after(), s.weight(), "each step starts where the last ended");
            double g = s.gradient();
            double m = 0.9 * prev.slots()[0] + 0.1 * g;
            double v = 0.999 * prev.slots()[1] + 0.001 * g * g;
            assertEquals(m, s.slots()[0], 1e-7);
            assertEquals(v, s.slots()[1], 1e-9);
            double alpha = s.rate() * Math.sqrt(1 - Math.pow(0.999, s.t())) / (1 - Math.pow(0.9, s.t()));
            assertEquals(s.weight() - alpha * m / (Math.sqrt(v) + 1e-7), s.after(), 1e-6);
        }
    }

    @Test
    void aPausedGateLetsOneBatchThroughPerStep() throws Exception {
        PauseGate gate = new PauseGate();
        gate.pause();
        AtomicInteger passed = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            for (int i = 0; i < 3; i++) {
                gate.awaitIfPaused();
                passed.incrementAndGet();
                if (i == 1) {
                    second.countDown();
                }
            }
        });
        t.start();
        Thread.sleep(100);
        assertEquals(0, passed.get(), "paused: nothing passes");
        gate.stepOnce();
        gate.stepOnce();
        assertTrue(second.await(5, TimeUnit.SECONDS));
        Thread.sleep(100);
        assertEquals(2, passed.get(), "two steps: two batches, then held again");
        assertTrue(gate.isPaused());
        gate.resume();
        t.join(5000);
        assertFalse(t.isAlive());
        assertEquals(3, passed.get());
    }
}
