package org.layerlab.ui.perf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UiCompilationTest {
    @Test
    void hotSpotTakesTheDirective() {
        // The project builds and tests on OpenJDK, whose HotSpot has Compiler Control.
        assertTrue(UiCompilation.keepJavaFxOutOfC2(), "the diagnostic-command bean refused the directive");
    }
}
