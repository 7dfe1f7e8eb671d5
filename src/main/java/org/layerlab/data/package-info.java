/** Datasets: loaders (CSV, ...), splits, normalization and batching; no network knowledge. */
package org.layerlab.data;
