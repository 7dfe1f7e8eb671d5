package org.layerlab.project;

import org.layerlab.data.Dataset;
import org.layerlab.nn.graph.DataSummary;

/** A project's data ready to train on: training and test parts (test may be null), and what validation needs. */
public record LoadedData(Dataset train, Dataset test, DataSummary summary, DatasetSource source) {
}
