/** One op per file, its forward and backward side by side; backward always accumulates into gradients. */
package org.layerlab.engine.ops;
