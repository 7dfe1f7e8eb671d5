/** Networks as editable graphs: nodes, edges, shape inference, validation with fixes, compiling. */
package org.layerlab.nn.graph;
