/**
 * The export seam: {@link org.layerlab.export.core.Exporter} (one per format, in a sub-package of
 * {@code export}), the {@link org.layerlab.export.core.ExportPlan} every format reads, and safe
 * names for user text. Formats depend on this package; {@code export.Exporters} lists them.
 */
package org.layerlab.export.core;
