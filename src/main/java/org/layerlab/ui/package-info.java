/** The JavaFX window: the only package that uses JavaFX; it draws the document and owns no data of its own. */
package org.layerlab.ui;
