package org.layerlab.training;

import org.layerlab.engine.Tensor;
import org.layerlab.nn.network.Network;

/**
 * The network's output over a grid spanning two input features, or a plane through more of them
 * ({@link BoundaryPlane}) (row-major, resolution × resolution, y from bottom to top): for a 2-feature classifier the probability of class 1 (or
 * the arg-max class), for a 1-feature regression the fitted curve (resolution values).
 * step is -1 for a trained network outside a run.
 */
public record BoundarySnapshot(long step, double minX, double maxX, double minY, double maxY, int resolution,
                               float[] values, int classes) implements Snapshot {

    /**
     * The network's outputs over bounds (minX, maxX, minY, maxY; the y range is unused for one
     * feature); for more than two features over that rectangle of the plane (null without one).
     */
    public static BoundarySnapshot of(Network net, double[] bounds, long step, BoundaryPlane plane) {
        int features = net.inputShape().size();
        if (features > 2 && (plane == null || plane.features() != features)) {
            return null;
        }
        boolean grid = features >= 2;
        int res = grid ? 64 : 200;
        int n = grid ? res * res : res;
        float[] x = new float[n * features];
        for (int i = 0; i < n; i++) {
            double fx = bounds[0] + (bounds[1] - bounds[0]) * ((grid ? i % res : i) + 0.5) / res;
            double fy = bounds[2] + (bounds[3] - bounds[2]) * (i / res + 0.5) / res;
            if (features > 2) {
                plane.lift(fx, fy, x, i * features);
            } else {
                x[i * features] = (float) fx;
                if (features == 2) {
                    x[i * 2 + 1] = (float) fy;
                }
            }
        }
        Tensor y = net.predict(Tensor.wrap(x, n, features));
        int outs = y.sampleSize();
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            if (outs == 1) {
                values[i] = y.get(i);
            } else {
                int best = 0;
                for (int j = 1; j < outs; j++) {
                    if (y.get(i * outs + j) > y.get(i * outs + best)) {
                        best = j;
                    }
                }
                values[i] = best;
            }
        }
        return new BoundarySnapshot(step, bounds[0], bounds[1], bounds[2], bounds[3], res, values, outs == 1 ? 2 : outs);
    }
}
