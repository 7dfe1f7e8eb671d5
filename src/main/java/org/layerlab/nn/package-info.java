/** The vocabulary layers are made of: activations, losses, initializers, regularizers, parameters and the checks that name what to fix. */
package org.layerlab.nn;
