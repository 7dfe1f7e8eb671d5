package org.layerlab.training;

/**
 * Whether a run's estimated memory fits in what Java may still take, checked before training
 * starts: a run that would run out of memory part-way is refused with the numbers and what to
 * change, instead of failing minutes in (an OutOfMemoryError during a run is still caught).
 */
public final class MemoryBudget {
    private MemoryBudget() {
    }

    /**
     * A message when needed bytes do not fit in max − used (null when they fit). batch: the batch
     * size the estimate is for, named in the message since it is the first thing to lower.
     */
    public static String check(long needed, long max, long used, int batch) {
        return check("Training", "activations, gradients and optimizer state", needed, max, used, batch);
    }

    private static String check(String what, String parts, long needed, long max, long used, int batch) {
        long free = max - used;
        if (needed <= free) {
            return null;
        }
        long suggestGb = Math.max(1, (long) Math.ceil((used + needed) * 1.5 / (1L << 30)));
        return String.format("%s needs about %s at batch %d (%s), but Java may take only %s more here (of %s). Use a"
                + " smaller batch size or a smaller network, or give Java more memory, e.g. -Xmx%dg.", what, size(needed),
                batch, parts, size(Math.max(0, free)), size(max), suggestGb);
    }

    /** The same for running a trained network (evaluate, predict): its weights and each layer's output. */
    public static String checkInferenceHere(long needed, int batch) {
        Runtime rt = Runtime.getRuntime();
        String first = check("Running the network", "weights and each layer's output", needed, rt.maxMemory(),
                rt.totalMemory() - rt.freeMemory(), batch);
        if (first == null) {
            return null;
        }
        System.gc();
        return check("Running the network", "weights and each layer's output", needed, rt.maxMemory(),
                rt.totalMemory() - rt.freeMemory(), batch);
    }

    /** The same for this Java process, collecting garbage first if the estimate does not fit at once. */
    public static String checkHere(long needed, int batch) {
        Runtime rt = Runtime.getRuntime();
        if (check(needed, rt.maxMemory(), rt.totalMemory() - rt.freeMemory(), batch) == null) {
            return null;
        }
        // The heap's used figure counts garbage too; only what survives a collection is really taken.
        System.gc();
        return check(needed, rt.maxMemory(), rt.totalMemory() - rt.freeMemory(), batch);
    }

    static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format("%.1f GB", bytes / (double) (1L << 30))
                : String.format("%.0f MB", bytes / (double) (1L << 20));
    }
}
