/** Tensors and numeric kernels: float32 storage, batch first, no knowledge of networks or projects. */
package org.layerlab.engine;
