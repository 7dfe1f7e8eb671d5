/** The main window: menus, toolbar, the three panels and the status bar, and the file actions. */
package org.layerlab.ui.shell;
