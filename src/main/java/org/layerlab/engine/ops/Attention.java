package org.layerlab.engine.ops;

import java.util.Arrays;

import org.layerlab.engine.Gemm;
import org.layerlab.engine.Parallel;
import org.layerlab.engine.Tensor;

/**
 * Keras' MultiHeadAttention, batch first: query (N, T, Dq), value (N, S, Dv), key (N, S, Dk).
 * Per head h: Q = (x_q·Wq + bq)/√key_dim, K = x_k·Wk + bk, V = x_v·Wv + bv; P = softmax(Q·Kᵀ)
 * over the S positions (with the causal mask, position t sees s ≤ t only); O = P·V; the heads side
 * by side go through the output projection, y = O·Wo + bo. Kernels keep Keras' layouts, (D, heads,
 * key_dim) for query and key, (D, heads, value_dim) for value, (heads, value_dim, out) for the
 * output, which are row-major the same memory as the (D, heads·key_dim) matrices used here.
 * PyTorch's nn.MultiheadAttention packs q, k, v into one in_proj_weight (3·E, E) and requires
 * key_dim = E / heads; Keras (and this) lets key_dim be chosen freely. With dropout (training
 * only), P's entries are dropped at that rate and the rest scaled by 1/(1 − rate) before they mix
 * the values, as Keras does; the view shows P before dropout.
 */
public final class Attention {
    /** Per attention weight: an exponential and a few adds and multiplies. */
    private static final int SOFTMAX_COST = 20;
    private final int heads;
    private final int keyDim;
    private final int valueDim;
    private final boolean causal;
    private final float scale;
    private int n;
    private int t;
    private int s;
    /** Projections (N·T or N·S rows, heads·dim columns), attention weights (N, heads, T, S), heads' outputs. */
    private float[] q = new float[0];
    private float[] k = new float[0];
    private float[] v = new float[0];
    private float[] p = new float[0];
    private float[] o = new float[0];
    private float[] dq = new float[0];
    private float[] dk = new float[0];
    private float[] dv = new float[0];
    private float[] dp = new float[0];
    private float[] dO = new float[0];

    /** Keras' dropout on the attention weights while training: the rate, the mask's random stream, the last mask. */
    private double dropout;
    private long rng;
    private byte[] keep = new byte[0];
    /** The weights after dropout (what mixed the values) in the last training pass; p when none was dropped. */
    private float[] pd = new float[0];
    private boolean dropped;
    /** Reuse the last mask instead of drawing one (gradient checks compare passes through one mask). */
    private boolean holdMask;

    /** Padding keys (value positions) of the next forward pass, (N, S); null for none. */
    private byte[] keyMask;

    /** Keras' value mask: padding positions get no attention (their scores move by −10⁹). */
    public void setKeyMask(byte[] mask) {
        this.keyMask = mask;
    }

    public Attention(int heads, int keyDim, int valueDim, boolean causal) {
        this.heads = heads;
        this.keyDim = keyDim;
        this.valueDim = valueDim;
        this.causal = causal;
        this.scale = (float) (1.0 / Math.sqrt(keyDim));
    }

    /**
     * Drops this share of the attention weights while training (scaling the rest by 1/(1 − rate)),
     * as Keras' MultiHeadAttention(dropout=...) does after the softmax; seed starts the masks'
     * random stream (the network's seed and the node: the same seed, the same masks).
     */
    public void setDropout(double rate, long seed) {
        this.dropout = rate;
        this.rng = seed;
    }

    /** From now on the dropout mask of the last pass is used again (for gradient checks). */
    public void holdMask() {
        holdMask = true;
    }

    /** The weights of the last forward pass, (N, heads, T, S): what the attention view draws. */
    public float[] weights() {
        return p;
    }

    public int heads() {
        return heads;
    }

    /** Query positions (T) and key positions (S) of the last forward pass. */
    public int queries() {
        return t;
    }

    public int keys() {
        return s;
    }

    /**
     * y (N, T, out) from query, value and key (the same tensor for self-attention); b* may be null
     * (use_bias false).
     */
    public void forward(Tensor query, Tensor value, Tensor key, Tensor wq, Tensor bq, Tensor wk, Tensor bk, Tensor wv,
                        Tensor bv, Tensor wo, Tensor bo, Tensor y) {
        forward(query, value, key, wq, bq, wk, bk, wv, bv, wo, bo, y, false);
    }

    /** As {@link #forward(Tensor, Tensor, Tensor, Tensor, Tensor, Tensor, Tensor, Tensor, Tensor, Tensor, Tensor, Tensor)}; training applies the dropout. */
    public void forward(Tensor query, Tensor value, Tensor key, Tensor wq, Tensor bq, Tensor wk, Tensor bk, Tensor wv,
                        Tensor bv, Tensor wo, Tensor bo, Tensor y, boolean training) {
        n = query.batch();
        t = query.dim(1);
        s = value.dim(1);
        int hk = heads * keyDim;
        int hv = heads * valueDim;
        ensure();
        project(query, wq, bq, q, hk);
        project(key, wk, bk, k, hk);
        project(value, wv, bv, v, hv);
        for (int i = 0; i < n * t * hk; i++) {
            q[i] *= scale;
        }
        dropped = training && dropout > 0;
        int weights = n * heads * t * s;
        if (dropped) {
            if (keep.length < weights) {
                keep = new byte[weights];
                pd = new float[weights];
            }
            if (!holdMask) {
                rng = Dropout.drawMask(keep, weights, dropout, rng);
            }
        }
        // Each (sample, head) pair on its own: its scores, their masks and softmax (an exponential per
        // weight), the mix of values; the pairs split over the cores, each pair's numbers computed
        // as on one core, and its outputs its own (rows of its sample, columns of its head).
        Parallel.Args args = Parallel.args();
        args.object = this;
        Parallel.range(n * heads, (long) n * heads * t * s * (2L * (keyDim + valueDim) + SOFTMAX_COST), args,
                (a, from, to) -> ((Attention) a.object).forwardPairs(from, to));
        int out = wo.dim(wo.rank() - 1);
        Gemm.multiply(false, false, n * t, out, hv, o, 0, hv, wo.data(), 0, out, y.data(), 0, out, false);
        if (bo != null) {
            AddBias.forward(y, bo);
        }
    }

    /** Sample-head pairs [from, to) of the forward pass (see forward). */
    private void forwardPairs(int from, int to) {
        int hk = heads * keyDim;
        int hv = heads * valueDim;
        for (int pair = from; pair < to; pair++) {
            int b = pair / heads;
            int h = pair % heads;
            int pOff = pair * t * s;
            Gemm.multiplyHere(false, true, t, s, keyDim, q, b * t * hk + h * keyDim, hk, k, b * s * hk + h * keyDim, hk,
                    p, pOff, s, false);
            weightRows(pair * t, (pair + 1) * t);
            Gemm.multiplyHere(false, false, t, valueDim, s, dropped ? pd : p, pOff, s, v, b * s * hv + h * valueDim, hv,
                    o, b * t * hv + h * valueDim, hv, false);
        }
    }

    /** Rows [from, to) of all heads' attention weights: masked, softmaxed and (training) dropped. */
    private void weightRows(int from, int to) {
        float kept = (float) (1.0 / (1.0 - dropout));
        for (int r = from; r < to; r++) {
            int i = r % t;
            int b = r / (heads * t);
            int row = r * s;
            if (causal) {
                Arrays.fill(p, row + Math.min(s, i + 1), row + s, Float.NEGATIVE_INFINITY);
            }
            for (int j = 0; j < s && keyMask != null; j++) {
                if (keyMask[b * s + j] == 0) {
                    p[row + j] -= 1e9f;
                }
            }
            Softmax.row(p, p, row, s);
            if (dropped) {
                for (int j = row; j < row + s; j++) {
                    pd[j] = keep[j] != 0 ? p[j] * kept : 0f;
                }
            }
        }
    }

    /**
     * After {@link #forward}: accumulates the inputs' gradients (dValue and dKey may be the same
     * tensor as dQuery, or null when nothing upstream needs them) and every weight's.
     */
    public void backward(Tensor query, Tensor value, Tensor key, Tensor wq, Tensor wk, Tensor wv, Tensor wo, Tensor dy,
                         Tensor dQuery, Tensor dValue, Tensor dKey, Tensor dwq, Tensor dbq, Tensor dwk, Tensor dbk,
                         Tensor dwv, Tensor dbv, Tensor dwo, Tensor dbo) {
        int hk = heads * keyDim;
        int hv = heads * valueDim;
        int out = wo.dim(wo.rank() - 1);
        Gemm.multiply(false, true, n * t, hv, out, dy.data(), 0, out, wo.data(), 0, out, dO, 0, hv, false);
        Gemm.multiply(true, false, hv, out, n * t, o, 0, hv, dy.data(), 0, out, dwo.data(), 0, out, true);
        if (dbo != null) {
            AddBias.backward(dy, dbo);
        }
        Arrays.fill(dq, 0, n * t * hk, 0f);
        Arrays.fill(dk, 0, n * s * hk, 0f);
        Arrays.fill(dv, 0, n * s * hv, 0f);
        // As in forward: the (sample, head) pairs over the cores, each its own scratch and outputs.
        Parallel.Args args = Parallel.args();
        args.object = this;
        Parallel.range(n * heads, (long) n * heads * t * s * (4L * (keyDim + valueDim) + SOFTMAX_COST), args,
                (a, from, to) -> ((Attention) a.object).backwardPairs(from, to));
        for (int i = 0; i < n * t * hk; i++) {
            dq[i] *= scale;
        }
        unproject(query, wq, dq, hk, dQuery, dwq, dbq);
        unproject(key, wk, dk, hk, dKey, dwk, dbk);
        unproject(value, wv, dv, hv, dValue, dwv, dbv);
    }

    /** Sample-head pairs [from, to) of the backward pass: from dO to dq, dk and dv. */
    private void backwardPairs(int from, int to) {
        int hk = heads * keyDim;
        int hv = heads * valueDim;
        float kept = (float) (1.0 / (1.0 - dropout));
        for (int pair = from; pair < to; pair++) {
            int b = pair / heads;
            int h = pair % heads;
            int pOff = pair * t * s;
            int oOff = b * t * hv + h * valueDim;
            int vOff = b * s * hv + h * valueDim;
            int qOff = b * t * hk + h * keyDim;
            int kOff = b * s * hk + h * keyDim;
            // dP = dO·Vᵀ, dV += Pᵀ·dO (P as it mixed the values: after dropout, when dropped)
            Gemm.multiplyHere(false, true, t, s, valueDim, dO, oOff, hv, v, vOff, hv, dp, pOff, s, false);
            Gemm.multiplyHere(true, false, s, valueDim, t, dropped ? pd : p, pOff, s, dO, oOff, hv, dv, vOff, hv, true);
            if (dropped) {
                // Through the dropout: the kept weights' gradients scaled as they were, the dropped ones' zero.
                for (int i = pOff; i < pOff + t * s; i++) {
                    dp[i] = keep[i] != 0 ? dp[i] * kept : 0f;
                }
            }
            // Through the softmax: dZ = P ⊙ (dP − Σ dP ⊙ P), in place in dp.
            for (int i = 0; i < t; i++) {
                int row = pOff + i * s;
                double dot = 0;
                for (int j = 0; j < s; j++) {
                    dot += dp[row + j] * p[row + j];
                }
                for (int j = 0; j < s; j++) {
                    dp[row + j] = (float) (p[row + j] * (dp[row + j] - dot));
                }
            }
            // Z = Qs·Kᵀ: dQs = dZ·K, dK = dZᵀ·Qs
            Gemm.multiplyHere(false, false, t, keyDim, s, dp, pOff, s, k, kOff, hk, dq, qOff, hk, true);
            Gemm.multiplyHere(true, false, s, keyDim, t, dp, pOff, s, q, qOff, hk, dk, kOff, hk, true);
        }
    }

    /** out (rows, width) = x·W + b. */
    private static void project(Tensor x, Tensor w, Tensor b, float[] out, int width) {
        int d = x.dim(2);
        int rows = x.batch() * x.dim(1);
        Gemm.multiply(false, false, rows, width, d, x.data(), 0, d, w.data(), 0, width, out, 0, width, false);
        if (b != null) {
            float[] bd = b.data();
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < width; j++) {
                    out[r * width + j] += bd[j];
                }
            }
        }
    }

    /** From the gradient g of a projection: dx += g·Wᵀ (when dx is wanted), dW += xᵀ·g, db += Σ g. */
    private static void unproject(Tensor x, Tensor w, float[] g, int width, Tensor dx, Tensor dw, Tensor db) {
        int d = x.dim(2);
        int rows = x.batch() * x.dim(1);
        if (dx != null) {
            Gemm.multiply(false, true, rows, d, width, g, 0, width, w.data(), 0, width, dx.data(), 0, d, true);
        }
        Gemm.multiply(true, false, d, width, rows, x.data(), 0, d, g, 0, width, dw.data(), 0, width, true);
        if (db != null) {
            float[] bd = db.data();
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < width; j++) {
                    bd[j] += g[r * width + j];
                }
            }
        }
    }

    private void ensure() {
        int hk = heads * keyDim;
        int hv = heads * valueDim;
        q = grow(q, n * t * hk);
        dq = grow(dq, n * t * hk);
        k = grow(k, n * s * hk);
        dk = grow(dk, n * s * hk);
        v = grow(v, n * s * hv);
        dv = grow(dv, n * s * hv);
        p = grow(p, n * heads * t * s);
        dp = grow(dp, n * heads * t * s);
        o = grow(o, n * t * hv);
        dO = grow(dO, n * t * hv);
    }

    private static float[] grow(float[] a, int size) {
        return a.length >= size ? a : new float[size];
    }
}
