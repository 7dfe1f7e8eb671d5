package org.layerlab.ui.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.prefs.Preferences;

/**
 * What the window remembers between sessions (recent projects, ...). In the product it lives in
 * the user's Java preferences; with {@code -Dlayerlab.settings=memory} (the test suite's setting)
 * it lives in memory only, so running the tests never changes the user's Open Recent list.
 */
public final class Settings {
    private static final boolean IN_MEMORY = "memory".equals(System.getProperty("layerlab.settings"));
    private static final Map<String, String> MEMORY = new ConcurrentHashMap<>();

    private Settings() {
    }

    public static String get(String key, String fallback) {
        return IN_MEMORY ? MEMORY.getOrDefault(key, fallback) : node().get(key, fallback);
    }

    public static void put(String key, String value) {
        if (IN_MEMORY) {
            MEMORY.put(key, value);
        } else {
            node().put(key, value);
        }
    }

    private static Preferences node() {
        return Preferences.userRoot().node("org/layerlab");
    }
}
