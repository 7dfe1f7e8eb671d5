package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * Keras' cosine_similarity loss: per sample −Σ t̂·p̂ over the last axis with x̂ = x / √max(Σx², 1e-12),
 * averaged over the batch; −1 when prediction and target point the same way, 0 when orthogonal.
 */
public final class CosineSimilarityLoss implements LossOp {
    private static final double FLOOR = 1e-12;

    @Override
    public double compute(Tensor p, Tensor t, Tensor grad) {
        float[] pd = p.data();
        float[] td = t.data();
        int batch = p.batch();
        int c = p.sampleSize();
        double sum = 0;
        for (int r = 0; r < batch; r++) {
            int o = r * c;
            double pp = 0;
            double tt = 0;
            double pt = 0;
            for (int j = 0; j < c; j++) {
                pp += (double) pd[o + j] * pd[o + j];
                tt += (double) td[o + j] * td[o + j];
                pt += (double) pd[o + j] * td[o + j];
            }
            double pn = Math.sqrt(Math.max(pp, FLOOR));
            double tn = Math.sqrt(Math.max(tt, FLOOR));
            double cos = pt / (pn * tn);
            sum -= cos;
            if (grad != null) {
                float[] g = grad.data();
                // d(−cos)/dp = −(t̂ − cos·p̂)/|p|; below the floor |p| is a constant and only t̂/|p| remains.
                boolean floored = pp < FLOOR;
                for (int j = 0; j < c; j++) {
                    double tHat = td[o + j] / tn;
                    double pHat = pd[o + j] / pn;
                    g[o + j] += (float) (-(tHat - (floored ? 0 : cos * pHat)) / pn / batch);
                }
            }
        }
        return sum / batch;
    }
}
