/** Every change to the document is a command with undo, kept on a stack with a revision counter. */
package org.layerlab.ui.commands;
