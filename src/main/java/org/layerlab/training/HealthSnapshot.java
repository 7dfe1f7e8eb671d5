package org.layerlab.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.layerlab.nn.Parameter;
import org.layerlab.nn.network.Network;

/** {@link LayerHealth} of every layer with weights, at one step, plus whether validation loss is rising while training loss falls. */
public record HealthSnapshot(long step, List<LayerHealth> layers, boolean overfitting, double loss) implements Snapshot {
    /** Below this training loss, gradients near zero mean the data is fit, not that they vanished. */
    public static final double CONVERGED_LOSS = 1e-4;

    public boolean converged() {
        return loss < CONVERGED_LOSS;
    }

    /** Measures net as its last forward and backward pass left it: weights, gradients and dead units. */
    static HealthSnapshot measure(Network net, long step, double learningRate, double loss, boolean overfitting) {
        Map<String, double[]> norms = new LinkedHashMap<>();
        for (Parameter p : net.parameters()) {
            double[] wg = norms.computeIfAbsent(p.nodeId(), k -> new double[2]);
            float[] w = p.value().data();
            float[] g = p.grad().data();
            for (int i = 0; i < p.size(); i++) {
                wg[0] += (double) w[i] * w[i];
                wg[1] += (double) g[i] * g[i];
            }
        }
        Map<String, Double> dead = net.deadReluShares();
        List<LayerHealth> layers = new ArrayList<>();
        norms.forEach((id, wg) -> {
            double wn = Math.sqrt(wg[0]);
            double gn = Math.sqrt(wg[1]);
            layers.add(new LayerHealth(id, wn, gn, wn == 0 ? 0 : learningRate * gn / wn,
                    dead.getOrDefault(id, Double.NaN)));
        });
        return new HealthSnapshot(step, layers, overfitting, loss);
    }

    /** Validation loss up for two epochs in a row while training loss went down. */
    static boolean overfitting(List<EpochEvent> epochs) {
        int n = epochs.size();
        if (n < 3 || !epochs.get(n - 1).metrics().containsKey("val_loss")) {
            return false;
        }
        EpochEvent a = epochs.get(n - 3);
        EpochEvent b = epochs.get(n - 2);
        EpochEvent c = epochs.get(n - 1);
        return b.get("val_loss") > a.get("val_loss") && c.get("val_loss") > b.get("val_loss")
                && c.get("loss") < a.get("loss");
    }
}
