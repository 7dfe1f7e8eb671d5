package org.layerlab.ui.dashboard;

import org.layerlab.training.EpochEvent;
import org.layerlab.training.TrainingResult;

/**
 * What the progress row and the notice say when a run ends: the caption under the bar, the
 * status line (how it ended, then every metric of the last epoch), and the notice's brief (a
 * glance: epochs, loss and the charted metric). A failed run's status is its message alone.
 */
record RunEnding(String caption, String status, String brief) {
    static RunEnding of(TrainingResult r, int epochsAsked, String chartedMetric) {
        EpochEvent last = r.last();
        String caption = last == null ? "" : "Epoch " + last.epoch() + "/" + epochsAsked;
        String summary = last == null ? "" : " Last epoch: " + last.metrics().entrySet().stream()
                .map(e -> e.getKey() + " " + PlotView.format(e.getValue())).reduce((a, b) -> a + ", " + b).orElse("");
        String brief = last == null ? "" : last.epoch() + " epoch" + (last.epoch() == 1 ? "" : "s") + " · loss "
                + PlotView.format(last.get("loss")) + (last.metrics().containsKey(chartedMetric)
                ? " · " + chartedMetric + " " + PlotView.format(last.get(chartedMetric)) : "");
        String status = switch (r.outcome()) {
            case COMPLETED -> "Done." + summary
                    + (last == null ? "" : String.format(" · %,.0f samples/s", last.samplesPerSecond()));
            case STOPPED -> "Stopped; the weights so far are kept." + summary;
            case EARLY_STOPPED -> r.message() + "." + summary;
            case FAILED -> r.message();
        };
        return new RunEnding(caption, status, brief);
    }
}
