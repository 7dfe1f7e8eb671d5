/** Optimizers with Keras update rules and defaults, and gradient clipping. */
package org.layerlab.nn.optimizers;
