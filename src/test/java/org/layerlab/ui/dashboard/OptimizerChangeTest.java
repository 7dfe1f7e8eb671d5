package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.layerlab.nn.optimizers.GradientClipping;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.nn.schedules.ConstantRate;

class OptimizerChangeTest {
    private static final OptimizerSpec ADAM = OptimizerSpec.of("adam", 0.001);

    @Test
    void theSameSettingsAreNoChange() {
        assertNull(OptimizerChange.between(ADAM, OptimizerSpec.of("adam", 0.001)));
        // An option set to its default changes the saved settings but not the updates.
        assertEquals("Same updates as before", OptimizerChange.between(ADAM, ADAM.with("beta_1", 0.9)).describe());
    }

    @Test
    void namesEachChangeAndWhetherTheRateIsAmongThem() {
        OptimizerChange c = OptimizerChange.between(ADAM, ADAM.with("beta_2", 0.99).with("weight_decay", 0.01).withKind("sgd")
                .with("nesterov", 1).withSchedule(new ConstantRate(0.1)).withClipping(new GradientClipping(1, 0)));
        assertEquals("Optimizer adam → sgd (fresh state), learning rate 0.1, nesterov on, weight_decay 0.01, global_clipnorm 1", c.describe());
        assertTrue(c.kindChanged());
        assertTrue(c.rateChanged());
        OptimizerChange off = OptimizerChange.between(ADAM.withClipping(new GradientClipping(0, 0.5)), ADAM);
        assertEquals("Clipvalue off", off.describe());
        assertFalse(off.rateChanged());
        assertFalse(off.kindChanged());
    }
}
