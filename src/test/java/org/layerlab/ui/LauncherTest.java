package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which first words open the window and which go to the command line. */
class LauncherTest {
    @Test
    void commandsAndMistypedCommandsNeverOpenTheWindow() {
        assertFalse(Launcher.opensWindow(new String[] {"train", "samples/xor.layerlab"}));
        assertFalse(Launcher.opensWindow(new String[] {"trian", "samples/xor.layerlab"}));
        assertFalse(Launcher.opensWindow(new String[] {"export"}));
        assertFalse(Launcher.opensWindow(new String[] {"no-such-word"}));
        assertFalse(Launcher.opensWindow(new String[] {"bad\0path"}));
    }

    @Test
    void nothingOptionsOrAProjectOpenTheWindow() {
        assertTrue(Launcher.opensWindow(new String[0]));
        assertTrue(Launcher.opensWindow(new String[] {"--theme=dark"}));
        assertTrue(Launcher.opensWindow(new String[] {"samples/xor.layerlab"}));
        assertTrue(Launcher.opensWindow(new String[] {"--screenshot=out.png", "--theme=dark", "new.layerlab"}));
        assertTrue(Launcher.opensWindow(new String[] {"samples"}));
    }
}
