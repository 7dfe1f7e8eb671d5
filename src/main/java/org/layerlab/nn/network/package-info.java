/** A network compiled from layer specs into an executable: forward, backward and its parameters. */
package org.layerlab.nn.network;
