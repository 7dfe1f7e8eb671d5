/** Learning-rate schedules, evaluated per optimizer step as in Keras. */
package org.layerlab.nn.schedules;
