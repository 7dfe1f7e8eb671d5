package org.layerlab.project;

import com.google.gson.JsonObject;

/**
 * Brings a project document of an older format version up to {@link ProjectFiles#FORMAT_VERSION},
 * one version at a time: step N → N+1 lives here as its own method, with a golden file of format N
 * in src/test/resources/projects. Format 1 is the first, so there are no steps yet.
 */
final class Migrations {
    private Migrations() {
    }

    static JsonObject toCurrent(JsonObject doc, int version) {
        JsonObject d = doc;
        for (int v = version; v < ProjectFiles.FORMAT_VERSION; v++) {
            throw new IllegalStateException("no migration from format " + v);
        }
        return d;
    }
}
