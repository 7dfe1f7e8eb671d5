/** The graph editor canvas: node and edge views drawn from the document, and the gestures that edit it. */
package org.layerlab.ui.canvas;
