package org.layerlab.training;

import java.util.Arrays;
import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.Reshape;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.NetworkNode;

/**
 * The inference playground's model: one input in, the network's output and, for a chosen class,
 * the saliency map: the gradient of that class's score (the logit where the output has softmax
 * or sigmoid, else the output itself) with respect to each input value, which says which pixels
 * would change the verdict most. The network is compiled on a copy of the weights given, so a
 * run training the project's own is not disturbed. BatchNormalization is differentiated with
 * its inference statistics as constants, which is what a saliency map of the deployed network
 * means.
 */
public final class Playground {
    private final Network net;
    private final List<String> classNames;
    private final Tensor x;

    /** What the network makes of one input: its outputs, their order by size, and the saliency asked for (else null). */
    public record Prediction(float[] outputs, int[] ranking, float[] saliency) {
        public int top() {
            return ranking[0];
        }
    }

    public Playground(NetworkGraph graph, ParameterStore weights, List<String> classNames) {
        this.net = Network.compile(GraphAnalysis.of(graph).plan(), weights.copy()).withInputGradient();
        this.classNames = List.copyOf(classNames);
        this.x = Tensor.ofBatch(1, net.inputShape());
    }

    /** The layers whose outputs can be shown, in network order (the Input excepted). */
    public List<NetworkNode> layers() {
        return net.plan().stream().filter(n -> !(n.spec() instanceof Input)).toList();
    }

    /**
     * What a layer computed for the last input predicted, one sample: its values and per-sample
     * shape (feature maps are height × width × channels), or null before any prediction.
     */
    public LayerOutput outputOf(NetworkNode layer) {
        Tensor t = net.outputOf(layer.id());
        if (t == null || t.batch() < 1) {
            return null;
        }
        float[] values = new float[t.sampleSize()];
        System.arraycopy(t.data(), 0, values, 0, values.length);
        int[] dims = t.dims();
        return new LayerOutput(layer.name(), Shape.of(Arrays.copyOfRange(dims, 1, dims.length)), values);
    }

    /**
     * Where the attention layers looked for the last input predicted, cut to its first n
     * positions (the rest is padding); null for a network without attention. epoch labels it.
     */
    public AttentionSnapshot attention(int n, int epoch) {
        AttentionSnapshot a = AttentionSnapshot.ofLastPass(net, -1, epoch);
        return a == null ? null : a.firstPositions(Math.max(1, n));
    }

    /** One layer's output for one input. */
    public record LayerOutput(String layer, Shape shape, float[] values) {
    }

    /**
     * The image shape a flat input is reshaped to by the network's first layer (a table of
     * pixels, as the digits sample), or null when the first layer is not such a Reshape.
     */
    public Shape reshapedInput() {
        List<NetworkNode> plan = net.plan();
        for (NetworkNode n : plan) {
            if (n.spec() instanceof Reshape r && n.inputs().size() == 1 && plan.stream().anyMatch(i -> i.id().equals(
                    n.inputs().get(0)) && i.spec() instanceof Input)) {
                return r.targetShape();
            }
        }
        return null;
    }

    public Shape inputShape() {
        return net.inputShape();
    }

    public List<String> classNames() {
        return classNames;
    }

    /** The outputs for one input (the input shape's values, as the training data feeds them); saliencyFor −1 for none. */
    public Prediction predict(float[] input, int saliencyFor) {
        System.arraycopy(input, 0, x.data(), 0, x.size());
        float[] out = net.forward(x, false).data().clone();
        Integer[] order = new Integer[out.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(out[b], out[a]));
        int[] ranking = new int[out.length];
        for (int i = 0; i < ranking.length; i++) {
            ranking[i] = order[i];
        }
        float[] saliency = null;
        if (saliencyFor >= 0 && saliencyFor < out.length) {
            boolean logits = net.logits() != null;
            net.zeroGradients();
            Tensor seed = net.seedGradient(logits);
            seed.zero();
            seed.data()[saliencyFor] = 1;
            net.backward(logits);
            saliency = net.inputGradient().data().clone();
        }
        return new Prediction(out, ranking, saliency);
    }

    /**
     * Occlusion sensitivity: how much class c's probability falls when a square patch of the
     * image (height × width × channels) is blacked out, averaged over the patches covering each
     * pixel (positive: the pixel supports c). Model-agnostic, unlike the gradient, and slower:
     * one forward pass per patch position.
     */
    public float[] occlusion(float[] input, Shape image, int c, int patch, int stride) {
        int h = image.dim(0);
        int w = image.dim(1);
        int ch = image.dim(2);
        float base = predict(input, -1).outputs()[c];
        float[] sum = new float[h * w];
        int[] count = new int[h * w];
        float[] masked = input.clone();
        for (int y0 = 0; y0 < h; y0 += stride) {
            for (int x0 = 0; x0 < w; x0 += stride) {
                System.arraycopy(input, 0, masked, 0, input.length);
                for (int y = y0; y < Math.min(h, y0 + patch); y++) {
                    for (int x = x0; x < Math.min(w, x0 + patch); x++) {
                        for (int k = 0; k < ch; k++) {
                            masked[(y * w + x) * ch + k] = 0;
                        }
                    }
                }
                float drop = base - predict(masked, -1).outputs()[c];
                for (int y = y0; y < Math.min(h, y0 + patch); y++) {
                    for (int x = x0; x < Math.min(w, x0 + patch); x++) {
                        sum[y * w + x] += drop;
                        count[y * w + x]++;
                    }
                }
            }
        }
        float[] out = new float[input.length];
        for (int i = 0; i < h * w; i++) {
            for (int k = 0; k < ch; k++) {
                out[i * ch + k] = count[i] == 0 ? 0 : sum[i] / count[i];
            }
        }
        return out;
    }

    /**
     * A drawing (grey levels in [0, 1], row by row, width × height) brought to the network's image
     * input as training images are: each target pixel the mean of the drawing's pixels it covers,
     * the grey copied into every channel. The input must be height × width × channels.
     */
    public static float[] fromDrawing(float[] drawing, int width, int height, Shape input) {
        int h = input.dim(0);
        int w = input.dim(1);
        int c = input.dim(2);
        float[] out = new float[h * w * c];
        for (int y = 0; y < h; y++) {
            int y0 = y * height / h;
            int y1 = Math.max(y0 + 1, (y + 1) * height / h);
            for (int xx = 0; xx < w; xx++) {
                int x0 = xx * width / w;
                int x1 = Math.max(x0 + 1, (xx + 1) * width / w);
                double sum = 0;
                for (int yy = y0; yy < y1; yy++) {
                    for (int k = x0; k < x1; k++) {
                        sum += drawing[yy * width + k];
                    }
                }
                float v = (float) (sum / ((y1 - y0) * (x1 - x0)));
                for (int ch = 0; ch < c; ch++) {
                    out[(y * w + xx) * c + ch] = v;
                }
            }
        }
        return out;
    }
}
