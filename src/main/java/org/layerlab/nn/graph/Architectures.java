package org.layerlab.nn.graph;

import org.layerlab.engine.Shape;
import org.layerlab.engine.ops.Merge;
import org.layerlab.nn.Activation;
import org.layerlab.nn.Ends;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.Padding;
import org.layerlab.nn.Size2;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Conv2DTranspose;
import org.layerlab.nn.layers.Cropping1D;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.GlobalAveragePooling1D;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.RealOrFake;
import org.layerlab.nn.layers.Dropout;
import org.layerlab.nn.layers.LeakyReLU;
import org.layerlab.nn.layers.BatchNormalization;
import org.layerlab.nn.layers.LayerNormalization;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.layers.MergeLayer;
import org.layerlab.nn.layers.MultiHeadAttention;
import org.layerlab.nn.layers.PositionalEmbedding;
import org.layerlab.nn.layers.Reshape;
import org.layerlab.nn.layers.Sampling;

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
        Encoder e = encoder(length, vocabulary, dim, heads, keyDim, feedForward, blocks, false, x);
        double y = e.y();
        return e.graph().withNode(new GraphNode("globalaveragepooling1d", "globalaveragepooling1d",
                        new GlobalAveragePooling1D(), x, y += 125))
                .withNode(new GraphNode("dense", "dense", new Dense(classes, "softmax"), x, y + 125))
                .withEdge(new GraphEdge(e.last(), "globalaveragepooling1d", 0))
                .withEdge(new GraphEdge("globalaveragepooling1d", "dense", 0));
    }

    /**
     * A small causal Transformer that predicts the token after a window, as the decoder-only
     * models do: the encoder blocks of {@link #transformerClassifier} with causal self-attention
     * (each position sees only those before it), then the last position alone (Cropping1D, Keras
     * code's x[:, -1, :]) → Flatten → softmax over the vocabulary. Trained on next-token windows,
     * only the last position's prediction is scored (one target a window).
     */
    public static NetworkGraph transformerLanguageModel(int length, int vocabulary, int dim, int heads, int keyDim,
                                                        int feedForward, int blocks, double x) {
        Encoder e = encoder(length, vocabulary, dim, heads, keyDim, feedForward, blocks, true, x);
        double y = e.y();
        return e.graph().withNode(new GraphNode("last_step", "last_step", new Cropping1D(new Ends(length - 1, 0)), x,
                        y += 125))
                .withNode(new GraphNode("flatten", "flatten", new Flatten(), x, y += 125))
                .withNode(new GraphNode("next_token", "next_token", new Dense(vocabulary, "softmax"), x, y + 125))
                .withEdge(new GraphEdge(e.last(), "last_step", 0))
                .withEdge(new GraphEdge("last_step", "flatten", 0))
                .withEdge(new GraphEdge("flatten", "next_token", 0));
    }

    /** The graph so far, its last node, and the height reached. */
    private record Encoder(NetworkGraph graph, String last, double y) {
    }

    /**
     * Token ids → PositionalEmbedding → blocks of self-attention with a residual Add and
     * LayerNormalization, then a two-layer feed-forward part with its own; the residual edges run
     * straight down the main column at x and the blocks they skip sit beside it.
     */
    private static Encoder encoder(int length, int vocabulary, int dim, int heads, int keyDim, int feedForward,
                                   int blocks, boolean causal, double x) {
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
            MultiHeadAttention attention = new MultiHeadAttention(heads, keyDim);
            g = g.withNode(new GraphNode(mha, mha, causal ? attention.causal() : attention, side, y += 125))
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
        return new Encoder(g, last, y);
    }

    /**
     * The convolutional VAE of the Keras example, for 28×28×1 images: encoder Conv2D(32, 3,
     * stride 2) → Conv2D(64, 3, stride 2) → Dense(16) → z_mean and z_log_var (Dense(latent) each,
     * side by side) → Sampling → decoder Dense(7·7·64) → Reshape → Conv2DTranspose(64) →
     * Conv2DTranspose(32) → Conv2DTranspose(1, sigmoid). Trained on "target: the input itself"
     * with binary cross-entropy; klWeight as {@link Sampling} explains.
     */
    public static NetworkGraph convolutionalVae(int latent, double klWeight, double x) {
        Size2 two = Size2.square(2);
        Size2 three = Size2.square(3);
        // Encoder down the left column, decoder down a column to its right: half the height of one
        // column, so the canvas fits it at a zoom where the names still read.
        NetworkGraph g = chainAt(NetworkGraph.empty(), x, 40, "input", new Input(Shape.of(28, 28, 1)),
                "conv2d", new Conv2D(32, 3, "relu").withStrides(two).withPadding(Padding.SAME),
                "conv2d_1", new Conv2D(64, 3, "relu").withStrides(two).withPadding(Padding.SAME),
                "flatten", new Flatten(),
                "dense", new Dense(16, "relu"),
                "z_mean", new Dense(latent));
        g = g.withNode(new GraphNode("z_log_var", "z_log_var", new Dense(latent), x + 240, 40 + 5 * 125))
                .withEdge(new GraphEdge("dense", "z_log_var", 0));
        g = chainAt(g, x + 520, 40, "sampling", new Sampling(klWeight),
                "decoder_dense", new Dense(7 * 7 * 64, "relu"),
                "reshape", new Reshape(Shape.of(7, 7, 64)),
                "conv2d_transpose", up(64, three, two, "relu"),
                "conv2d_transpose_1", up(32, three, two, "relu"),
                "reconstruction", up(1, three, Size2.square(1), "sigmoid"));
        return g.withEdge(new GraphEdge("z_mean", "sampling", 0)).withEdge(new GraphEdge("z_log_var", "sampling", 1));
    }

    /** A dense autoencoder for 28×28×1 images: 784 → 128 → code → 128 → 784 (sigmoid) → 28×28×1. */
    public static NetworkGraph denseAutoencoder(int code, double x) {
        return chainAt(NetworkGraph.empty(), x, 40, "input", new Input(Shape.of(28, 28, 1)),
                "flatten", new Flatten(),
                "encoder", new Dense(128, "relu"),
                "code", new Dense(code, "relu"),
                "decoder", new Dense(128, "relu"),
                "decoder_out", new Dense(784, "sigmoid"),
                "reconstruction", new Reshape(Shape.of(28, 28, 1)));
    }

    /**
     * A DCGAN for 28×28×1 images, scaled to train in minutes on two cores: the generator
     * Dense(7·7·64) → Reshape → BatchNormalization → LeakyReLU → Conv2DTranspose(32, 4, stride 2)
     * → BatchNormalization → LeakyReLU → Conv2DTranspose(1, 4, stride 2, sigmoid), then the seam
     * (RealOrFake), then the discriminator Conv2D(32, 4, stride 2) → LeakyReLU → Conv2D(64, 4,
     * stride 2) → LeakyReLU → Flatten → Dropout(0.3) → Dense(1, sigmoid): the Keras DCGAN
     * example's shape (LeakyReLU 0.2, no BatchNormalization in the discriminator) at a quarter of
     * its width. Generator down the left column, discriminator down the next.
     */
    public static NetworkGraph dcgan(int noise, double x) {
        Size2 two = Size2.square(2);
        Size2 four = Size2.square(4);
        NetworkGraph g = chainAt(NetworkGraph.empty(), x, 40, "noise", new Input(Shape.of(noise)),
                "project", new Dense(7 * 7 * 64),
                "reshape", new Reshape(Shape.of(7, 7, 64)),
                "batchnorm", new BatchNormalization(),
                "leakyrelu", new LeakyReLU(0.2),
                "up", up(32, four, two, "linear"),
                "batchnorm_1", new BatchNormalization(),
                "leakyrelu_1", new LeakyReLU(0.2),
                "image", up(1, four, two, "sigmoid"));
        g = chainAt(g, x + 400, 40, "real_or_fake", new RealOrFake("normal", 1, 0.0, 2e-4, "same"),
                "conv2d", new Conv2D(32, 4, "linear").withStrides(two).withPadding(Padding.SAME),
                "leakyrelu_2", new LeakyReLU(0.2),
                "conv2d_1", new Conv2D(64, 4, "linear").withStrides(two).withPadding(Padding.SAME),
                "leakyrelu_3", new LeakyReLU(0.2),
                "flatten", new Flatten(),
                "dropout", new Dropout(0.3),
                "judgement", new Dense(1, "sigmoid"));
        return g.withEdge(new GraphEdge("image", "real_or_fake", 0));
    }

    private static Conv2DTranspose up(int filters, Size2 kernel, Size2 strides, String activation) {
        return new Conv2DTranspose(filters, kernel, strides, Padding.SAME, Activation.parse(activation), true,
                Initializer.GLOROT_UNIFORM, Initializer.ZEROS);
    }

    /** Adds (id, spec) pairs as a column from (x, y) down, each wired to the one before; the first is not wired in. */
    private static NetworkGraph chainAt(NetworkGraph g, double x, double y, Object... idsAndSpecs) {
        String prev = null;
        for (int i = 0; i < idsAndSpecs.length; i += 2) {
            String id = (String) idsAndSpecs[i];
            g = g.withNode(new GraphNode(id, id, (LayerSpec) idsAndSpecs[i + 1], x, y + 125 * (i / 2)));
            if (prev != null) {
                g = g.withEdge(new GraphEdge(prev, id, 0));
            }
            prev = id;
        }
        return g;
    }
}
