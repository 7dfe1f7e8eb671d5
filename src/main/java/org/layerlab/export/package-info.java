/** Models that leave LayerLab: {@link org.layerlab.export.Exporters} lists the formats, each in its own sub-package behind the seam in {@code export.core}. */
package org.layerlab.export;
