/** The inspector: edits the selected layer's options, or the project's training settings when nothing is selected. */
package org.layerlab.ui.inspector;
