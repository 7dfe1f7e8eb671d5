/** The layer palette: the catalog of layer kinds with their explanations, and the view that lists them. */
package org.layerlab.ui.palette;
