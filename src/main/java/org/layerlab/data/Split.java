package org.layerlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded division of sample indices into a training part and a held-out part; stratified for
 * classification, so each class keeps its share in both parts.
 */
public record Split(int[] train, int[] holdOut) {
    public static Split of(Dataset data, double holdOutFraction, long seed) {
        if (!(holdOutFraction > 0 && holdOutFraction < 1)) {
            throw new IllegalArgumentException("the held-out fraction must be between 0 and 1 (exclusive). Received: "
                    + holdOutFraction);
        }
        int n = data.size();
        SplittableRandom rng = new SplittableRandom(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        if (data.isClassification()) {
            int classes = data.classNames().size();
            List<List<Integer>> byClass = new ArrayList<>();
            for (int c = 0; c < classes; c++) {
                byClass.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                byClass.get((int) data.target(i)).add(i);
            }
            for (List<Integer> members : byClass) {
                int[] idx = members.stream().mapToInt(Integer::intValue).toArray();
                shuffle(idx, rng);
                int h = (int) Math.round(idx.length * holdOutFraction);
                for (int i = 0; i < idx.length; i++) {
                    (i < h ? held : train).add(idx[i]);
                }
            }
        } else {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            shuffle(idx, rng);
            int h = (int) Math.round(n * holdOutFraction);
            for (int i = 0; i < n; i++) {
                (i < h ? held : train).add(idx[i]);
            }
        }
        int[] tr = train.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] ho = held.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new Split(tr, ho);
    }

    /** Fisher–Yates with the given generator. */
    public static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
