package org.layerlab.engine;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link Lanes} on the Vector API; loaded reflectively, like {@link VectorKernel}. */
final class VectorLanes extends Lanes {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int V = S.length();
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, S.vectorShape());
    private static final Lanes.Scalar TAIL = new Lanes.Scalar();
    /** As many bytes as S has floats. */
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class,
            jdk.incubator.vector.VectorShape.forBitSize(S.vectorBitSize() / 4));
    /** The bits of a float's magnitude; at least this many are an infinity or a NaN. */
    private static final int MAGNITUDE = 0x7fffffff;
    private static final int INFINITY_BITS = 0x7f800000;

    /**
     * On the floats' bits as integers: the largest magnitude's bits reach the infinity's exactly
     * when some value is not finite; integer maxima in two chains, since each waits for the last
     * (100k values in L2: 5.1 µs; one chain 6.9; the scalar loop, which C2 did not vectorize, 21).
     */
    @Override
    boolean allFiniteRun(float[] a, int from, int to) {
        IntVector largest = IntVector.zero(I);
        IntVector other = largest;
        int i = from;
        for (; i + 2 * V <= to; i += 2 * V) {
            largest = largest.max(FloatVector.fromArray(S, a, i).reinterpretAsInts().and(MAGNITUDE));
            other = other.max(FloatVector.fromArray(S, a, i + V).reinterpretAsInts().and(MAGNITUDE));
        }
        return largest.max(other).reduceLanes(VectorOperators.MAX) < INFINITY_BITS && TAIL.allFiniteRun(a, i, to);
    }

    @Override
    void sumColumnsRun(float[] g, int rows, int width, int j0, int j1, float[] sums) {
        int j = j0;
        for (; j + V <= j1; j += V) {
            FloatVector acc = FloatVector.fromArray(S, sums, j);
            for (int r = 0, o = j; r < rows; r++, o += width) {
                acc = acc.add(FloatVector.fromArray(S, g, o));
            }
            acc.intoArray(sums, j);
        }
        if (j < j1) {
            TAIL.sumColumnsRun(g, rows, width, j, j1, sums);
        }
    }

    @Override
    void addToRowsRun(float[] y, int from, int to, int width, float[] b) {
        if (width < V) {
            TAIL.addToRowsRun(y, from, to, width, b);
            return;
        }
        int vectorPart = width - width % V;
        for (int r = from; r < to; r++) {
            int o = r * width;
            for (int j = 0; j < vectorPart; j += V) {
                FloatVector.fromArray(S, y, o + j).add(FloatVector.fromArray(S, b, j)).intoArray(y, o + j);
            }
            for (int j = vectorPart; j < width; j++) {
                y[o + j] += b[j];
            }
        }
    }

    /**
     * Bytes widened to ints (sign-extended, then masked to 0-255), converted and scaled: the same
     * float products as the scalar loop, which C2 did not vectorize (a batch of 64 Fashion-MNIST
     * images took 17 µs to convert).
     */
    @Override
    void unsignedBytesScaledRun(byte[] src, int srcOff, float[] dst, int dstOff, int n, float scale) {
        int k = 0;
        for (; k + V <= n; k += V) {
            ((IntVector) ByteVector.fromArray(B, src, srcOff + k).convertShape(VectorOperators.B2I, I, 0))
                    .and(0xff).convert(VectorOperators.I2F, 0).reinterpretAsFloats().mul(scale)
                    .intoArray(dst, dstOff + k);
        }
        TAIL.unsignedBytesScaledRun(src, srcOff + k, dst, dstOff + k, n - k, scale);
    }

    @Override
    void addRun(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        int k = 0;
        for (; k + V <= n; k += V) {
            FloatVector.fromArray(S, dst, dstOff + k).add(FloatVector.fromArray(S, src, srcOff + k))
                    .intoArray(dst, dstOff + k);
        }
        for (; k < n; k++) {
            dst[dstOff + k] += src[srcOff + k];
        }
    }
}
