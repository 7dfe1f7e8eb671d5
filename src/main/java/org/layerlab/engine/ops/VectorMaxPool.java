package org.layerlab.engine.ops;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * 2×2, stride-2 max pooling on the Vector API: one vector of channels at a time, the winner of
 * each comparison chosen by mask, so there is no branch to mispredict (which input wins is
 * random). Same rule as the scalar path: the first of tied maxima wins, NaN always wins.
 * {@link MaxPool2D} loads this class reflectively and keeps its scalar loop when the module is absent.
 */
final class VectorMaxPool implements MaxPool2D.Pairs {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, S.vectorShape());
    private static final int V = S.length();
    private static final IntVector IOTA = IntVector.zero(I).addIndex(1);
    private static final FloatVector ZERO = FloatVector.zero(S);

    @Override
    public void forward(float[] xd, float[] yd, Window w, int[] argMax, int from, int to) {
        int c = w.channels();
        int vectorPart = c - c % V;
        int rowStride = w.inW() * c;
        for (int b = from; b < to; b++) {
            int xb = b * w.inputSize();
            int o = b * w.outH() * w.outW() * c;
            for (int oh = 0; oh < w.outH(); oh++) {
                for (int ow = 0; ow < w.outW(); ow++, o += c) {
                    int i00 = xb + (2 * oh * w.inW() + 2 * ow) * c;
                    int i01 = i00 + c;
                    int i10 = i00 + rowStride;
                    int i11 = i10 + c;
                    for (int ch = 0; ch < vectorPart; ch += V) {
                        FloatVector best = FloatVector.fromArray(S, xd, i00 + ch);
                        IntVector at = IOTA.add(i00 + ch);
                        FloatVector v = FloatVector.fromArray(S, xd, i01 + ch);
                        VectorMask<Float> m = v.compare(VectorOperators.GT, best).or(v.test(VectorOperators.IS_NAN));
                        best = best.blend(v, m);
                        at = at.blend(IOTA.add(i01 + ch), m.cast(I));
                        v = FloatVector.fromArray(S, xd, i10 + ch);
                        m = v.compare(VectorOperators.GT, best).or(v.test(VectorOperators.IS_NAN));
                        best = best.blend(v, m);
                        at = at.blend(IOTA.add(i10 + ch), m.cast(I));
                        v = FloatVector.fromArray(S, xd, i11 + ch);
                        m = v.compare(VectorOperators.GT, best).or(v.test(VectorOperators.IS_NAN));
                        best = best.blend(v, m);
                        at = at.blend(IOTA.add(i11 + ch), m.cast(I));
                        best.intoArray(yd, o + ch);
                        at.intoArray(argMax, o + ch);
                    }
                    if (vectorPart < c) {
                        MaxPool2D.pairChannels(xd, yd, argMax, i00, i01, i10, i11, o, vectorPart, c);
                    }
                }
            }
        }
    }

    @Override
    public void backward(float[] g, float[] d, Window w, int[] argMax, int from, int to, boolean write) {
        int c = w.channels();
        int vectorPart = c - c % V;
        int rowStride = w.inW() * c;
        for (int b = from; b < to; b++) {
            int xb = b * w.inputSize();
            int o = b * w.outH() * w.outW() * c;
            for (int oh = 0; oh < w.outH(); oh++) {
                for (int ow = 0; ow < w.outW(); ow++, o += c) {
                    int i00 = xb + (2 * oh * w.inW() + 2 * ow) * c;
                    int i01 = i00 + c;
                    int i10 = i00 + rowStride;
                    int i11 = i10 + c;
                    for (int ch = 0; ch < vectorPart; ch += V) {
                        FloatVector gv = FloatVector.fromArray(S, g, o + ch);
                        IntVector at = IntVector.fromArray(I, argMax, o + ch);
                        route(d, i00 + ch, at, gv, write);
                        route(d, i01 + ch, at, gv, write);
                        route(d, i10 + ch, at, gv, write);
                        route(d, i11 + ch, at, gv, write);
                    }
                    if (vectorPart < c) {
                        MaxPool2D.routeChannels(g, d, argMax, i00, i01, i10, i11, o, vectorPart, c, write);
                    }
                }
            }
            if (write) {
                MaxPool2D.zeroUncovered(d, w, xb);
            }
        }
    }

    /** One cell's vector of channels: 0 + g or d + g where it won, 0 or d as it was elsewhere. */
    private static void route(float[] d, int cell, IntVector winner, FloatVector g, boolean write) {
        VectorMask<Float> won = winner.compare(VectorOperators.EQ, IOTA.add(cell)).cast(S);
        FloatVector base = write ? ZERO : FloatVector.fromArray(S, d, cell);
        base.add(g, won).intoArray(d, cell);
    }
}
