package org.layerlab.training;

import org.layerlab.data.Dataset;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.graph.SubGraphs;
import org.layerlab.nn.network.Network;

/**
 * Walks a VAE's latent space from one test image to another, for any latent size: both images
 * are encoded (z_mean), the straight line between the codes is cut into steps, and the decoder
 * draws each point. A smooth morph says the space is continuous where the data lives; a jump or
 * a blur says where it is not. Encoder and decoder are compiled once, on copies of the weights
 * (compiling drops a store's weights of nodes outside the network compiled); the latent map and
 * the sample command use them too.
 */
public final class Interpolator {
    private final Network encoder;
    private final Network decoder;
    private final Shape latent;

    public Interpolator(NetworkGraph g, ParameterStore weights, GraphNode sampling) {
        String meanId = g.inputsOf(sampling.id()).stream().filter(e -> e.port() == 0).findFirst().orElseThrow().from();
        encoder = Network.compile(GraphAnalysis.of(SubGraphs.upTo(g, meanId)).plan(), weights.copy());
        latent = encoder.outputShape();
        decoder = Network.compile(GraphAnalysis.of(SubGraphs.from(g, sampling.id(), latent)).plan(), weights.copy());
    }

    /** z_mean for a batch of inputs (N, input shape). */
    public Tensor encode(Tensor x) {
        return encoder.predict(x);
    }

    /** The decoder's output for a batch of codes (N, latent shape). */
    public Tensor decode(Tensor z) {
        return decoder.predict(z);
    }

    /** steps decodings from test image a to b (both ends included), one after another in the output's layout. */
    public float[] between(Dataset data, int a, int b, int steps) {
        Tensor x = Tensor.ofBatch(2, data.featureShape());
        data.gather(new int[] {a, b}, 0, 2, x, Tensor.zeros(2, data.targetWidth()));
        float[] z = encode(x).data();
        int d = latent.size();
        float[] codes = new float[steps * d];
        for (int s = 0; s < steps; s++) {
            float t = steps == 1 ? 0 : (float) s / (steps - 1);
            for (int k = 0; k < d; k++) {
                codes[s * d + k] = (1 - t) * z[k] + t * z[d + k];
            }
        }
        return decode(Tensor.wrap(codes, steps, d)).data().clone();
    }

    public Shape latentShape() {
        return latent;
    }

    public Shape outputShape() {
        return decoder.outputShape();
    }
}
