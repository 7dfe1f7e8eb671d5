package org.layerlab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.layerlab.engine.Tensor;

/**
 * A table's row as a person sets it in the playground: each numeric column as a number within
 * the range the training rows had, each category column as one of its categories; encoded
 * (one-hot) and normalised as training was (with the statistics fitted on the training rows),
 * ready for the network. It also reads a test row back into these values, undoing both.
 */
public final class TabularInput {
    /** One column: numeric (min..max of the training rows, raw units) or categorical (its categories). */
    public record Feature(String name, boolean numeric, double min, double max, List<String> categories, int at) {
    }

    private final List<Feature> features;
    private final int width;
    private final float[] offset;
    private final float[] scale;

    /**
     * encoder: the CSV's fitted encoding; offset and scale: its normalisation (null for none);
     * train: the training rows as the network gets them (encoded and normalised), for the ranges.
     */
    public TabularInput(FeatureEncoder encoder, float[] offset, float[] scale, Dataset train) {
        this.width = encoder.width();
        this.offset = offset;
        this.scale = scale;
        double[] lo = new double[width];
        double[] hi = new double[width];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        int n = train.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Tensor x = Tensor.ofBatch(Math.max(1, n), train.featureShape());
        train.gather(order, 0, n, x, Tensor.zeros(Math.max(1, n), train.targetWidth()));
        for (int r = 0; r < n; r++) {
            for (int f = 0; f < width; f++) {
                double raw = raw(x.get(r * width + f), f);
                lo[f] = Math.min(lo[f], raw);
                hi[f] = Math.max(hi[f], raw);
            }
        }
        List<Feature> out = new ArrayList<>();
        int at = 0;
        for (FeatureEncoder.Column c : encoder.columns()) {
            if (c instanceof FeatureEncoder.Categorical k) {
                out.add(new Feature(k.name(), false, 0, k.categories().size() - 1, k.categories(), at));
            } else {
                out.add(new Feature(c.name(), true, n == 0 ? 0 : lo[at], n == 0 ? 1 : hi[at], List.of(), at));
            }
            at += c.width();
        }
        this.features = List.copyOf(out);
    }

    public List<Feature> features() {
        return features;
    }

    /** The network's input width. */
    public int width() {
        return width;
    }

    /** values[i]: the number of numeric feature i, or the index of the chosen category. */
    public float[] encode(double[] values) {
        float[] x = new float[width];
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            if (f.numeric()) {
                x[f.at()] = (float) values[i];
            } else {
                x[f.at() + (int) Math.round(values[i])] = 1;
            }
        }
        for (int k = 0; k < width && offset != null; k++) {
            x[k] = (x[k] - offset[k]) / scale[k];
        }
        return x;
    }

    /** A row as the network gets it, back in the features' own terms (numbers, category indices). */
    public double[] values(float[] row) {
        double[] v = new double[features.size()];
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            if (f.numeric()) {
                v[i] = raw(row[f.at()], f.at());
            } else {
                int best = 0;
                for (int k = 1; k < f.categories().size(); k++) {
                    best = row[f.at() + k] > row[f.at() + best] ? k : best;
                }
                v[i] = best;
            }
        }
        return v;
    }

    /** What the network receives for a feature's input position: value as shown → normalised. */
    public double normalised(int position, double raw) {
        return offset == null ? raw : (raw - offset[position]) / scale[position];
    }

    private double raw(float normalised, int position) {
        return offset == null ? normalised : normalised * (double) scale[position] + offset[position];
    }
}
