package org.layerlab.ui.dashboard;

import org.layerlab.data.TimeWindows;
import org.layerlab.training.ForecastSnapshot;

/**
 * The Forecast tab of a time-series project: the whole series as it is in the file, the line where
 * the held-out part begins, and the network's forecast for each held-out step, in the data's own
 * units, redrawn after every epoch. Before any training it shows the series alone.
 */
final class ForecastView {
    final PlotView plot = new PlotView("Forecast", "row");
    private final Series truth = new Series("series", "#4a7bd1", "#8fb0ea");
    private final Series forecast = new Series("forecast (test part)", "#d9822b");
    private TimeWindows.Result data;
    private ForecastSnapshot last;

    ForecastView() {
        plot.add(truth, false);
        plot.add(forecast, false);
        plot.setEmptyText("Forecasts appear for time-series data: choose a CSV series in Choose data… ▸ Time series.");
    }

    /** The series of the project's data, or null when the data is not a time series. */
    void setData(TimeWindows.Result series) {
        data = series;
        last = null;
        redraw();
    }

    boolean hasData() {
        return data != null;
    }

    void show(ForecastSnapshot s) {
        last = s;
        redraw();
    }

    void clearForecast() {
        last = null;
        redraw();
    }

    /** The forecast's mean absolute error in the data's units, or NaN before there is one. */
    double meanAbsoluteError() {
        if (data == null || last == null || last.predicted().length != data.testTargetRows().length) {
            return Double.NaN;
        }
        double sum = 0;
        int[] rows = data.testTargetRows();
        for (int i = 0; i < rows.length; i++) {
            sum += Math.abs(data.unscale(last.predicted()[i]) - data.series()[rows[i]]);
        }
        return sum / rows.length;
    }

    /**
     * The baseline a forecaster must beat: the mean absolute error of "the next value is the last
     * one" over the same test targets (for a horizon h, the value h steps before). NaN without data.
     */
    double persistenceError() {
        if (data == null || data.testTargetRows().length == 0) {
            return Double.NaN;
        }
        int[] rows = data.testTargetRows();
        int horizon = data.horizon();
        double sum = 0;
        for (int row : rows) {
            sum += Math.abs(data.series()[row] - data.series()[row - horizon]);
        }
        return sum / rows.length;
    }

    Series truth() {
        return truth;
    }

    Series forecast() {
        return forecast;
    }

    private void redraw() {
        plot.clear();
        if (data == null) {
            return;
        }
        plot.setXLabel(data.timeName());
        plot.setPlainX(!"row".equals(data.timeName()));
        String target = data.columns().get(data.columns().size() - 1);
        float[] t = data.time();
        for (int r = 0; r < data.series().length; r++) {
            truth.add(t[r], data.series()[r]);
        }
        int[] rows = data.testTargetRows();
        if (rows.length > 0) {
            plot.mark(t[rows[0]]);
        }
        if (last != null && last.predicted().length == rows.length) {
            for (int i = 0; i < rows.length; i++) {
                forecast.add(t[rows[i]], data.unscale(last.predicted()[i]));
            }
            plot.setTitle(target + ": forecast after epoch " + last.epoch() + " · test MAE "
                    + PlotView.format(meanAbsoluteError()) + " (same as " + (data.horizon() == 1 ? "the last step" : data.horizon()
                    + " steps before") + ": " + PlotView.format(persistenceError()) + ")");
        } else {
            plot.setTitle(target + (rows.length > 0 ? " (the line marks where the test part begins)" : ""));
        }
        plot.changed();
        plot.refresh();
    }
}
