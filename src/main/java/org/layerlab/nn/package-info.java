/** The vocabulary of networks: layer specs, activations, losses, initializers, and compiling them into a runnable network. */
package org.layerlab.nn;
