package org.layerlab.nn.graph;

import org.layerlab.engine.Shape;
import org.layerlab.engine.ops.Merge;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.GlobalAveragePooling1D;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerNormalization;
import org.layerlab.nn.layers.MergeLayer;
import org.layerlab.nn.layers.MultiHeadAttention;
import org.layerlab.nn.layers.PositionalEmbedding;

/**
 * Networks of several blocks that more than one place draws (a template, a sample, a benchmark):
 * built once here so they cannot drift apart.
 */
public final class Architectures {
    private Architectures() {
    }

    /**
     * The Keras text-classification Transformer: token ids → PositionalEmbedding → {@code blocks}
     * encoder blocks (self-attention with a residual Add and LayerNormalization, then a two-layer
     * feed-forward part with its own) → mean over positions → softmax classifier. Laid out top to
     * bottom with the residual edges straight down the main column at x and the blocks they skip
     * beside it.
     */
    public static NetworkGraph transformerClassifier(int length, int vocabulary, int dim, int heads, int keyDim,
                                                     int feedForward, int blocks, int classes, double x) {
        double side = x + 240;
        double y = 40;
        NetworkGraph g = NetworkGraph.empty()
                .withNode(new GraphNode("input", "input", new Input(Shape.of(length)), x, y))
                .withNode(new GraphNode("positionalembedding", "positionalembedding",
                        new PositionalEmbedding(length, vocabulary, dim), x, y += 125))
                .withEdge(new GraphEdge("input", "positionalembedding", 0));
        String last = "positionalembedding";
        for (int b = 0; b < blocks; b++) {
            String s = b == 0 ? "" : "_" + b;
            String mha = "multiheadattention" + s;
            String add = "add" + s;
            String norm = "layernormalization" + s;
            String ff = "feed_forward" + s;
            String ffOut = "feed_forward_out" + s;
            String add2 = "add_ff" + s;
            String norm2 = "layernormalization_ff" + s;
            g = g.withNode(new GraphNode(mha, mha, new MultiHeadAttention(heads, keyDim), side, y += 125))
                    .withNode(new GraphNode(add, add, new MergeLayer(Merge.Kind.ADD), x, y += 125))
                    .withNode(new GraphNode(norm, norm, new LayerNormalization(), x, y += 125))
                    .withNode(new GraphNode(ff, ff, new Dense(feedForward, "relu"), side, y += 125))
                    .withNode(new GraphNode(ffOut, ffOut, new Dense(dim), side, y += 125))
                    .withNode(new GraphNode(add2, add2, new MergeLayer(Merge.Kind.ADD), x, y += 125))
                    .withNode(new GraphNode(norm2, norm2, new LayerNormalization(), x, y += 125))
                    .withEdge(new GraphEdge(last, mha, 0)).withEdge(new GraphEdge(mha, add, 0))
                    .withEdge(new GraphEdge(last, add, 1)).withEdge(new GraphEdge(add, norm, 0))
                    .withEdge(new GraphEdge(norm, ff, 0)).withEdge(new GraphEdge(ff, ffOut, 0))
                    .withEdge(new GraphEdge(ffOut, add2, 0)).withEdge(new GraphEdge(norm, add2, 1))
                    .withEdge(new GraphEdge(add2, norm2, 0));
            last = norm2;
        }
        return g.withNode(new GraphNode("globalaveragepooling1d", "globalaveragepooling1d", new GlobalAveragePooling1D(),
                        x, y += 125))
                .withNode(new GraphNode("dense", "dense", new Dense(classes, "softmax"), x, y + 125))
                .withEdge(new GraphEdge(last, "globalaveragepooling1d", 0))
                .withEdge(new GraphEdge("globalaveragepooling1d", "dense", 0));
    }
}
