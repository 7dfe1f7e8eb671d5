/**
 * Instruments and tuning for the window's cost to training, apart from the product's paths: the
 * JavaFX-thread pause watch that {@code --report} prints, and the JIT settings that keep UI code
 * out of the C2 compiler.
 */
package org.layerlab.ui.perf;
