/** The training loop, its configuration, metrics, early stopping and the events it publishes. */
package org.layerlab.training;
