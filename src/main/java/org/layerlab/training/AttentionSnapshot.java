package org.layerlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.layerlab.data.Dataset;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.Attention;
import org.layerlab.nn.AttentionLayer;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.NetworkNode;

/**
 * Where each attention layer looks for one example (the first sample of the data given): per
 * layer, per head, a queries × keys matrix of weights, each row summing to 1. Taken after an
 * epoch, or from saved weights (step −1).
 */
public record AttentionSnapshot(long step, int epoch, List<Layer> layers) implements Snapshot {
    /** One layer's weights, (heads, queries, keys) row-major. */
    public record Layer(String name, int heads, int queries, int keys, float[] weights) {
        public float weight(int head, int query, int key) {
            return weights[(head * queries + query) * keys + key];
        }
    }

    /** Null when the network has no attention layer or the data no sample. */
    public static AttentionSnapshot of(Network net, Dataset data, long step, int epoch) {
        Map<NetworkNode, AttentionLayer> found = net.attentionLayers();
        if (found.isEmpty() || data.size() == 0) {
            return null;
        }
        runFirstSample(net, data);
        return ofLastPass(net, step, epoch);
    }

    /** What the attention layers made of the last sample the network ran on (null without attention layers). */
    public static AttentionSnapshot ofLastPass(Network net, long step, int epoch) {
        Map<NetworkNode, AttentionLayer> found = net.attentionLayers();
        if (found.isEmpty()) {
            return null;
        }
        List<Layer> layers = new ArrayList<>();
        found.forEach((node, layer) -> {
            Attention a = layer.attention();
            int size = a.heads() * a.queries() * a.keys();
            float[] w = new float[size];
            System.arraycopy(a.weights(), 0, w, 0, size);
            layers.add(new Layer(node.name(), a.heads(), a.queries(), a.keys(), w));
        });
        return new AttentionSnapshot(step, epoch, List.copyOf(layers));
    }

    /** The same with each layer cut to its first n queries and keys (a short text in a long padded window). */
    public AttentionSnapshot firstPositions(int n) {
        List<Layer> cut = new ArrayList<>();
        for (Layer l : layers) {
            int q = Math.min(n, l.queries());
            int k = Math.min(n, l.keys());
            float[] w = new float[l.heads() * q * k];
            for (int h = 0; h < l.heads(); h++) {
                for (int i = 0; i < q; i++) {
                    for (int j = 0; j < k; j++) {
                        w[(h * q + i) * k + j] = l.weight(h, i, j);
                    }
                }
            }
            cut.add(new Layer(l.name(), l.heads(), q, k, w));
        }
        return new AttentionSnapshot(step, epoch, List.copyOf(cut));
    }

    /** One forward pass on the data's first sample: the layers then hold what it made of it. */
    static void runFirstSample(Network net, Dataset data) {
        Tensor x = Tensor.ofBatch(1, data.featureShape());
        Tensor y = Tensor.zeros(1, data.targetWidth());
        data.gather(new int[] {0}, 0, 1, x, y);
        net.predict(x);
    }

    @Override
    public boolean deliverAtOnce() {
        return true;
    }
}
