package org.layerlab.training;

import org.layerlab.data.Dataset;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.network.Network;

/**
 * A forecaster's predictions for the test windows of a time series, in the data's standardised
 * units (the view maps them back), taken after an epoch; step −1 for a trained network outside a run.
 */
public record ForecastSnapshot(long step, int epoch, float[] predicted) implements Snapshot {
    private static final int BATCH = 256;

    public static ForecastSnapshot of(Network net, Dataset windows, long step, int epoch) {
        int n = windows.size();
        float[] out = new float[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Tensor x = Tensor.ofBatch(Math.min(BATCH, Math.max(1, n)), windows.featureShape());
        Tensor y = Tensor.zeros(Math.min(BATCH, Math.max(1, n)), windows.targetWidth());
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            x.setBatch(to - from);
            y.setBatch(to - from);
            windows.gather(order, from, to, x, y);
            Tensor p = net.predict(x);
            int width = p.sampleSize();
            for (int i = 0; i < to - from; i++) {
                out[from + i] = p.get(i * width);
            }
        }
        return new ForecastSnapshot(step, epoch, out);
    }

    @Override
    public boolean deliverAtOnce() {
        return true;
    }
}
