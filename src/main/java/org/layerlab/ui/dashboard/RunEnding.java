package org.layerlab.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.layerlab.training.EpochEvent;
import org.layerlab.training.TrainingResult;

/**
 * What the progress row and the notice say when a run ends: the caption under the bar, the
 * status line (how it ended, the loss and the charted metric, on the held-out data when the run
 * has it), the status's tooltip (every metric of the last epoch), and the notice's brief (a
 * glance: epochs, loss and the charted metric). The status stays short enough for its one line
 * beside the bar in a 1280-pixel window: with every metric it was cut off after val_loss. A
 * failed run's status is its message alone.
 */
record RunEnding(String caption, String status, String details, String brief) {
    static RunEnding of(TrainingResult r, int epochsAsked, String chartedMetric) {
        EpochEvent last = r.last();
        String caption = last == null ? "" : "Epoch " + last.epoch() + "/" + epochsAsked;
        String details = last == null ? "" : "Last epoch: " + last.metrics().entrySet().stream()
                .map(e -> e.getKey() + " " + PlotView.format(e.getValue())).reduce((a, b) -> a + ", " + b).orElse("");
        String brief = last == null ? "" : last.epoch() + " epoch" + (last.epoch() == 1 ? "" : "s") + " · loss "
                + PlotView.format(last.get("loss")) + (last.metrics().containsKey(chartedMetric)
                ? " · " + chartedMetric + " " + PlotView.format(last.get(chartedMetric)) : "");
        String figures = last == null ? "" : headline(last.metrics(), chartedMetric);
        String speed = last == null ? "" : String.format(" · %,.0f samples/s", last.samplesPerSecond());
        String status = switch (r.outcome()) {
            case COMPLETED -> "Done" + figures + speed;
            case STOPPED -> "Stopped, weights kept" + figures;
            case EARLY_STOPPED -> r.message() + figures;
            case FAILED -> r.message();
        };
        return new RunEnding(caption, status, r.outcome() == TrainingResult.Outcome.FAILED ? r.message()
                : details + speed, brief);
    }

    /** " · loss x · accuracy y", each the val_ figure where the run has one. */
    private static String headline(Map<String, Double> metrics, String chartedMetric) {
        List<String> keys = new ArrayList<>(List.of("loss"));
        if (chartedMetric != null && !chartedMetric.equals("loss")) {
            keys.add(chartedMetric);
        }
        StringBuilder s = new StringBuilder();
        for (String k : keys) {
            String shown = metrics.containsKey("val_" + k) ? "val_" + k : k;
            if (metrics.containsKey(shown)) {
                s.append(" · ").append(shown).append(' ').append(PlotView.format(metrics.get(shown)));
            }
        }
        return s.toString();
    }
}
