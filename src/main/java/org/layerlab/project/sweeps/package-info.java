/** Hyperparameter sweeps: parameters and their values, trials by grid or seeded random, run one after another. */
package org.layerlab.project.sweeps;
