package org.layerlab.training;

import java.util.Locale;

/** Metrics reported besides the loss; accuracy picks its binary/categorical/sparse form from the loss. */
public enum Metric {
    ACCURACY("accuracy"), MSE("mse"), MAE("mae");

    private final String key;

    Metric(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Metric parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Metric m : values()) {
            if (m.key.equals(n) || (m == ACCURACY && n.equals("acc"))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "'; choose accuracy, mse or mae");
    }
}
