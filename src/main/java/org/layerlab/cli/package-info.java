/** The headless command line: one class per command, dispatched by {@link org.layerlab.cli.Main}. */
package org.layerlab.cli;
