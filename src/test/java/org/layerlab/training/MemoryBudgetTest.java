package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
    private static final long MB = 1L << 20;
    private static final long GB = 1L << 30;

    @Test
    void aRunThatFitsPasses() {
        assertNull(MemoryBudget.check(500 * MB, 2 * GB, GB, 64));
        assertNull(MemoryBudget.check(GB, 2 * GB, GB, 64), "exactly what is left");
    }

    @Test
    void aRunThatDoesNotFitIsRefusedWithTheNumbersAndWhatToChange() {
        assertEquals("Training needs about 3.0 GB at batch 256 (activations, gradients and optimizer state), but Java"
                + " may take only 1.5 GB more here (of 2.0 GB). Use a smaller batch size or a smaller network, or give"
                + " Java more memory, e.g. -Xmx6g.", MemoryBudget.check(3 * GB, 2 * GB, 512 * MB, 256));
    }

    @Test
    void sizesReadInMegabytesOrGigabytes() {
        assertEquals("12 MB", MemoryBudget.size(12 * MB + 1000));
        assertEquals("1.5 GB", MemoryBudget.size(3 * GB / 2));
    }
}
