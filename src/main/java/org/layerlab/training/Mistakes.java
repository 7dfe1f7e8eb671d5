package org.layerlab.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.layerlab.data.Dataset;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.network.Network;

/**
 * The test samples a classifier gets wrong, the most confident mistakes first (or all its
 * answers, for a cell of the confusion matrix): where a learner
 * looks to see what the network has not understood (a shirt called a T-shirt at 95% says more
 * than one called a bag at 30%). Computed on a network of its own (a copy of the weights), so it
 * can run in the background while the playground answers on another.
 */
public final class Mistakes {
    /** One answer: the sample's index in the test data, its true class, the answer and its probability. */
    public record Mistake(int index, int truth, int predicted, float confidence) {
        public boolean wrong() {
            return truth != predicted;
        }
    }

    private static final int CHUNK = 256;

    private Mistakes() {
    }

    /** The wrong answers, most confident first. */
    public static List<Mistake> of(NetworkGraph graph, ParameterStore weights, Dataset test) {
        return answers(graph, weights, test).stream().filter(Mistake::wrong).toList();
    }

    /**
     * Every answer, most confident first: what a cell of the confusion matrix stands for is the
     * answers with its true and predicted class.
     */
    public static List<Mistake> answers(NetworkGraph graph, ParameterStore weights, Dataset test) {
        if (!test.isClassification()) {
            return List.of();
        }
        Network net = Network.compile(GraphAnalysis.of(graph).plan(), weights.copy());
        int n = test.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int chunk = Math.max(1, Math.min(CHUNK, n));
        Tensor x = Tensor.ofBatch(chunk, test.featureShape());
        Tensor y = Tensor.zeros(chunk, test.targetWidth());
        List<Mistake> out = new ArrayList<>();
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            test.gather(order, from, to, x, y);
            Tensor p = net.predict(x);
            int width = p.sampleSize();
            for (int i = 0; i < to - from; i++) {
                int truth = (int) y.get(i * test.targetWidth());
                int best = 0;
                float conf;
                if (width == 1) {
                    // A sigmoid output: class 1 above one half.
                    float v = p.get(i);
                    best = v > 0.5f ? 1 : 0;
                    conf = best == 1 ? v : 1 - v;
                } else {
                    for (int k = 1; k < width; k++) {
                        best = p.get(i * width + k) > p.get(i * width + best) ? k : best;
                    }
                    conf = p.get(i * width + best);
                }
                out.add(new Mistake(from + i, truth, best, conf));
            }
        }
        out.sort(Comparator.comparingDouble((Mistake m) -> -m.confidence()).thenComparingInt(Mistake::index));
        return List.copyOf(out);
    }
}
