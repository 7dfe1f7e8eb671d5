package org.layerlab.export;

import java.util.List;
import java.util.Optional;

import org.layerlab.export.core.Exporter;
import org.layerlab.export.diagram.DiagramExporter;
import org.layerlab.export.keras.KerasExporter;
import org.layerlab.export.onnx.OnnxExporter;
import org.layerlab.export.pytorch.PyTorchExporter;

/** The export formats this build offers, in menu order: one entry per {@link Exporter}. */
public final class Exporters {
    private static final List<Exporter> ALL = List.of(new OnnxExporter(), new PyTorchExporter(), new KerasExporter(),
            DiagramExporter.svg(), DiagramExporter.png());

    private Exporters() {
    }

    public static List<Exporter> all() {
        return ALL;
    }

    public static Optional<Exporter> find(String format) {
        return ALL.stream().filter(e -> e.format().equalsIgnoreCase(format)).findFirst();
    }
}
