package org.layerlab.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Squash} on the Vector API; loaded reflectively, like {@link VectorKernel}.
 *
 * <p>Why its own exponential: the Vector API's {@code lanewise(EXP)} is an intrinsic (SVML) once
 * C2 has compiled the loop and Java code before, and the two differ in the last bits. Which one
 * a value went through depended on when the JIT got there, so two runs of the same seed trained
 * different weights (an LSTM, session 13). This one is range reduction and a polynomial in
 * plain lane arithmetic (multiply, add, shift; x = k·ln 2 + r, |r| ≤ ½ ln 2, e^x = 2^k·p(r)),
 * which rounds the same compiled or not.
 * The polynomial is Cephes' expf (relative error about 1e-7 on the reduced range).
 */
final class VectorSquash extends Squash {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** exp overflows a float above this and is 0 (as a normal number) below the lower bound. */
    static final float HIGH = 88.3762626647949f;
    static final float LOW = -87.3365478515625f;
    static final float LOG2E = 1.44269504088896341f;
    /** ln 2 in two parts, so k·ln 2 is subtracted without rounding away r's digits. */
    static final float LN2_HIGH = 0.693359375f;
    static final float LN2_LOW = -2.12194440e-4f;
    /** 1.5·2^23: adding and subtracting it rounds a float to the nearest integer. */
    static final float ROUND = 12582912f;
    static final int ROUND_BITS = Float.floatToRawIntBits(ROUND);
    /** Cephes' expf polynomial: e^r ≈ 1 + r + r²·(P0 + P1·r + ... + P5·r⁵) for |r| ≤ ½ ln 2. */
    static final float P0 = 5.0000001201E-1f;
    static final float P1 = 1.6666665459E-1f;
    static final float P2 = 4.1665795894E-2f;
    static final float P3 = 8.3334519073E-3f;
    static final float P4 = 1.3981999507E-3f;
    static final float P5 = 1.9875691500E-4f;

    @Override
    void sigmoidRun(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            // exp(−x), written out here: as a method of its own the JIT kept its vectors as objects.
            FloatVector v = FloatVector.fromArray(S, x, xOff + i).neg().max(LOW).min(HIGH);
            FloatVector k = v.mul(LOG2E).add(ROUND).sub(ROUND);
            FloatVector r = v.sub(k.mul(LN2_HIGH)).sub(k.mul(LN2_LOW));
            FloatVector p = r.mul(P5).add(P4).mul(r).add(P3).mul(r).add(P2).mul(r).add(P1).mul(r).add(P0);
            p = p.mul(r.mul(r)).add(r).add(1f);
            FloatVector e = p.mul(k.add(ROUND + 127f).reinterpretAsInts().sub(ROUND_BITS)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
            FloatVector.broadcast(S, 1f).div(e.add(1f)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = sigmoid(x[xOff + i]);
        }
    }

    @Override
    void tanhRun(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int end = S.loopBound(n); i < end; i += S.length()) {
            // exp(2x), written out as in sigmoidRun.
            FloatVector v = FloatVector.fromArray(S, x, xOff + i).mul(2f).max(LOW).min(HIGH);
            FloatVector k = v.mul(LOG2E).add(ROUND).sub(ROUND);
            FloatVector r = v.sub(k.mul(LN2_HIGH)).sub(k.mul(LN2_LOW));
            FloatVector p = r.mul(P5).add(P4).mul(r).add(P3).mul(r).add(P2).mul(r).add(P1).mul(r).add(P0);
            p = p.mul(r.mul(r)).add(r).add(1f);
            FloatVector e = p.mul(k.add(ROUND + 127f).reinterpretAsInts().sub(ROUND_BITS)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
            FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(e.add(1f))).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = tanh(x[xOff + i]);
        }
    }
}
