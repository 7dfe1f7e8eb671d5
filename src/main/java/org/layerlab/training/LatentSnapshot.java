package org.layerlab.training;

import java.util.Arrays;
import java.util.List;

import org.layerlab.data.Dataset;
import org.layerlab.data.ReconstructionDataset;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.graph.SubGraphs;
import org.layerlab.nn.layers.Sampling;

/**
 * A VAE with a 2-D latent space, seen from inside after an epoch: where the encoder puts test
 * images (z_mean, by class: clothes of a kind gather, and the map shows which kinds the network
 * confuses) and what the decoder makes of a grid of points over the same square (the clothes
 * morph into one another across the plane). Encoder and decoder are the network's own parts,
 * run on its weights ({@link SubGraphs}); step −1 for saved weights.
 */
public record LatentSnapshot(long step, int epoch, float[] x, float[] y, int[] labels, List<String> classNames,
                             float[] extent, int side, Shape image, float[] decoded) implements Snapshot {
    /** Points encoded: enough to see the clusters, few enough to take a fraction of a second. */
    public static final int POINTS = 1000;
    /** Decodings per side of the grid. */
    public static final int SIDE = 12;

    /** The Sampling node of a network whose latent space is 2-D and whose output is an image, or null. */
    public static GraphNode sampling(NetworkGraph g, Shape input) {
        GraphAnalysis a = GraphAnalysis.of(g);
        for (GraphNode n : g.nodes()) {
            if (n.spec() instanceof Sampling && a.info(n.id()) != null && a.info(n.id()).outputShape() != null
                    && a.info(n.id()).outputShape().size() == 2 && a.outputId() != null
                    && ReconstructionSnapshot.applies(input, a.info(a.outputId()).outputShape())) {
                return n;
            }
        }
        return null;
    }

    /** data: test images (labelled through {@link ReconstructionDataset#labelled()} when they are). */
    public static LatentSnapshot of(NetworkGraph g, ParameterStore weights, GraphNode sampling, Dataset data,
                                    long step, int epoch) {
        Interpolator parts = new Interpolator(g, weights, sampling);
        int n = Math.min(POINTS, data.size());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Tensor in = Tensor.ofBatch(Math.max(1, n), data.featureShape());
        data.gather(order, 0, n, in, Tensor.zeros(Math.max(1, n), data.targetWidth()));
        Tensor z = parts.encode(in);
        Dataset labelled = data instanceof ReconstructionDataset r ? r.labelled() : data;
        float[] xs = new float[n];
        float[] ys = new float[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] = z.get(2 * i);
            ys[i] = z.get(2 * i + 1);
            labels[i] = labelled.isClassification() ? (int) labelled.target(i) : 0;
        }
        float[] extent = {quantile(xs, 0.02), quantile(xs, 0.98), quantile(ys, 0.02), quantile(ys, 0.98)};
        float[] grid = new float[SIDE * SIDE * 2];
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                // Row 0 at the top: the largest y, as on the map beside it.
                grid[2 * (r * SIDE + c)] = extent[0] + (extent[1] - extent[0]) * (c + 0.5f) / SIDE;
                grid[2 * (r * SIDE + c) + 1] = extent[3] - (extent[3] - extent[2]) * (r + 0.5f) / SIDE;
            }
        }
        Tensor decoded = parts.decode(Tensor.wrap(grid, SIDE * SIDE, 2));
        return new LatentSnapshot(step, epoch, xs, ys, labels, labelled.classNames(), extent, SIDE,
                data.featureShape(), decoded.data().clone());
    }

    private static float quantile(float[] v, double q) {
        if (v.length == 0) {
            return 0;
        }
        float[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.round(q * (s.length - 1))];
    }

    @Override
    public boolean deliverAtOnce() {
        return true;
    }
}
