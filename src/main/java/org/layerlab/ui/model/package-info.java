/** The open document as the window edits it: graph, settings, selection and the undo stack. */
package org.layerlab.ui.model;
