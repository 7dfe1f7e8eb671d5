/** Live training views: controls and progress, loss and accuracy charts, weight heatmaps, decision boundary. */
package org.layerlab.ui.dashboard;
