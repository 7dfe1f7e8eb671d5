/** Small helpers every part of the window shares: FX-thread hand-off, images, number formats, screenshots. */
package org.layerlab.ui.common;
