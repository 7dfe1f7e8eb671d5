/** Choosing a project's data: synthetic generators with a preview, CSV import with column profiles, IDX files. */
package org.layerlab.ui.data;
