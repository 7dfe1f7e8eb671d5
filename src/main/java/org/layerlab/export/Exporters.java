package org.layerlab.export;

import java.util.List;
import java.util.Optional;

/** The export formats this build offers, in menu order: one entry per {@link Exporter}. */
public final class Exporters {
    private static final List<Exporter> ALL = List.of();

    private Exporters() {
    }

    public static List<Exporter> all() {
        return ALL;
    }

    public static Optional<Exporter> find(String format) {
        return ALL.stream().filter(e -> e.format().equalsIgnoreCase(format)).findFirst();
    }
}
