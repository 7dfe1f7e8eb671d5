/** Models that leave LayerLab: one {@link org.layerlab.export.Exporter} per format, reading the saved project only. */
package org.layerlab.export;
