package org.layerlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.layerlab.data.Dataset;
import org.layerlab.engine.ops.Recurrence;
import org.layerlab.nn.RecurrentLayer;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.NetworkNode;

/**
 * The hidden state of each recurrent layer over time for one example (the first sample of the
 * data given): per layer a steps × units matrix, in the order the layer read the sequence. Taken
 * after an epoch, or from saved weights (epoch = the saved history's length).
 */
public record StatesSnapshot(long step, int epoch, List<Layer> layers) implements Snapshot {
    /** One layer's states, (steps, units) row-major. */
    public record Layer(String name, int steps, int units, float[] states) {
        public float state(int t, int unit) {
            return states[t * units + unit];
        }
    }

    /** Null when the network has no recurrent layer or the data no sample. */
    public static StatesSnapshot of(Network net, Dataset data, long step, int epoch) {
        Map<NetworkNode, RecurrentLayer> found = net.recurrentLayers();
        if (found.isEmpty() || data.size() == 0) {
            return null;
        }
        AttentionSnapshot.runFirstSample(net, data);
        List<Layer> layers = new ArrayList<>();
        found.forEach((node, layer) -> {
            Recurrence r = layer.recurrence();
            float[] s = new float[r.steps() * r.units()];
            r.states(0, s);
            layers.add(new Layer(node.name(), r.steps(), r.units(), s));
        });
        return new StatesSnapshot(step, epoch, List.copyOf(layers));
    }

    @Override
    public boolean deliverAtOnce() {
        return true;
    }
}
