package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * The VAE's reparameterisation trick and its KL divergence from the unit Gaussian, for inputs
 * z_mean (μ) and z_log_var (log σ²) of one shape: z = μ + exp(½·log σ²)·ε with ε ~ N(0, 1), so
 * the gradient reaches μ and σ through a sample; KL = −½·Σ(1 + log σ² − μ² − σ²) summed over
 * the latent values of a sample and averaged over the batch, as in the Keras VAE example.
 */
public final class Reparameterize {
    private Reparameterize() {
    }

    /** Fills eps[0, n) with standard normal draws (Box–Muller on SplitMix); returns the next state. */
    public static long drawNormal(float[] eps, int n, long state) {
        for (int i = 0; i < n; i += 2) {
            state = SplitMix.next(state);
            double u1 = ((SplitMix.mix(state) >>> 11) + 1) * 0x1.0p-53; // (0, 1]: log stays finite
            state = SplitMix.next(state);
            double u2 = (SplitMix.mix(state) >>> 11) * 0x1.0p-53;
            double r = Math.sqrt(-2 * Math.log(u1));
            eps[i] = (float) (r * Math.cos(2 * Math.PI * u2));
            if (i + 1 < n) {
                eps[i + 1] = (float) (r * Math.sin(2 * Math.PI * u2));
            }
        }
        return state;
    }

    /** z = μ + exp(½·log σ²)·ε elementwise. */
    public static void forward(Tensor mean, Tensor logVar, float[] eps, Tensor z) {
        float[] m = mean.data();
        float[] v = logVar.data();
        float[] out = z.data();
        for (int i = 0, n = mean.size(); i < n; i++) {
            out[i] = m[i] + (float) Math.exp(0.5 * v[i]) * eps[i];
        }
    }

    /** The batch's KL divergence: summed over each sample's values, averaged over the samples. */
    public static double kl(Tensor mean, Tensor logVar) {
        float[] m = mean.data();
        float[] v = logVar.data();
        double sum = 0;
        for (int i = 0, n = mean.size(); i < n; i++) {
            sum += 1 + v[i] - (double) m[i] * m[i] - Math.exp(v[i]);
        }
        return -0.5 * sum / mean.batch();
    }

    /**
     * Adds to dMean and dLogVar (either may be null) the gradients of the weighted KL term and,
     * when sampled, of z (gradient dz from above) through the sample.
     */
    public static void backward(Tensor mean, Tensor logVar, float[] eps, boolean sampled, Tensor dz, double weight,
                                Tensor dMean, Tensor dLogVar) {
        float[] m = mean.data();
        float[] v = logVar.data();
        float[] g = dz.data();
        double w = weight / mean.batch();
        int n = mean.size();
        if (dMean != null) {
            float[] d = dMean.data();
            for (int i = 0; i < n; i++) {
                d[i] += g[i] + (float) (w * m[i]);
            }
        }
        if (dLogVar != null) {
            float[] d = dLogVar.data();
            for (int i = 0; i < n; i++) {
                double sigma2 = Math.exp(v[i]);
                double through = sampled ? g[i] * 0.5 * Math.sqrt(sigma2) * eps[i] : 0;
                d[i] += (float) (through + w * 0.5 * (sigma2 - 1));
            }
        }
    }
}
