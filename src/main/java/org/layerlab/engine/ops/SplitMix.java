package org.layerlab.engine.ops;

/** SplitMix64: a tiny seeded generator whose whole state is one long, so layers carry no objects. */
public final class SplitMix {
    private SplitMix() {
    }

    public static long next(long state) {
        return state + 0x9E3779B97F4A7C15L;
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
