/** The ONNX export: one {@code .onnx} file, each layer kind translated by an entry of {@code OnnxLayers}. */
package org.layerlab.export.onnx;
