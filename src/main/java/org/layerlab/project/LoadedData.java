package org.layerlab.project;

import org.layerlab.data.AugmentedDataset;
import org.layerlab.data.Dataset;
import org.layerlab.data.FeatureEncoder;
import org.layerlab.data.TimeWindows;
import org.layerlab.nn.graph.DataSummary;

/**
 * A project's data ready to train on: training and test parts (test may be null), what
 * validation needs, the source as loaded (CSV: with its fitted normalization) and, for CSV data,
 * the feature encoding that predictions must apply (null otherwise), and for a time series its
 * windows with the series they come from (null otherwise), for plotting forecasts.
 */
public record LoadedData(Dataset train, Dataset test, DataSummary summary, DatasetSource source,
                         FeatureEncoder encoder, TimeWindows.Result series) {
    public LoadedData(Dataset train, Dataset test, DataSummary summary, DatasetSource source) {
        this(train, test, summary, source, null, null);
    }

    public LoadedData(Dataset train, Dataset test, DataSummary summary, DatasetSource source, FeatureEncoder encoder) {
        this(train, test, summary, source, encoder, null);
    }

    /**
     * The data for one more run: the same, but augmentation restarts its seeded random stream, so
     * a run on data loaded once trains as it would on data just loaded.
     */
    public LoadedData forNewRun() {
        return train instanceof AugmentedDataset a
                ? new LoadedData(a.restarted(), test, summary, source, encoder, series) : this;
    }
}
