/** The saved document: versioned JSON written from plain records, a binary weights sidecar, atomic saves. */
package org.layerlab.project;
