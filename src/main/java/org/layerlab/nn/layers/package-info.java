/** One immutable record per layer kind, with its checks, shape inference, parameter count and runtime. */
package org.layerlab.nn.layers;
