/** Instruments for {@code --report}: where the processor time of a run went, per thread group. */
package org.layerlab.training.perf;
