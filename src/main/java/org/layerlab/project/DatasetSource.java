package org.layerlab.project;

/**
 * Where a project's data comes from, as saved: a CSV file, an MNIST-style IDX pair, or a
 * synthetic generator. Paths are relative to the project file.
 */
public sealed interface DatasetSource permits DatasetSource.Csv, DatasetSource.Idx, DatasetSource.Generated {
    /** A short description for summaries, e.g. "csv data/iris.csv → species". */
    String describe();

    /**
     * A CSV table: target column (null = last), task ("auto", "classification", "regression"),
     * normalization ("standardize", "min_max", "none") fitted on the training part, the share
     * held out for testing, and the split seed. offset and scale hold the fitted statistics once
     * the project was trained (null before), so predictions see the same transform.
     */
    record Csv(String path, String target, String task, String normalization, double testSplit, long seed,
               float[] offset, float[] scale) implements DatasetSource {
        @Override
        public String describe() {
            return "csv " + path + (target == null ? "" : " → " + target);
        }

        public Csv withStatistics(float[] o, float[] s) {
            return new Csv(path, target, task, normalization, testSplit, seed, o, s);
        }
    }

    /** IDX image and label files for training and (optionally) testing. */
    record Idx(String trainImages, String trainLabels, String testImages, String testLabels) implements DatasetSource {
        @Override
        public String describe() {
            return "idx " + trainImages;
        }
    }

    /** A synthetic generator (see {@link org.layerlab.data.Synthetic}) with its parameters. */
    record Generated(String generator, int samples, double noise, int classes, long seed, double testSplit)
            implements DatasetSource {
        @Override
        public String describe() {
            return "synthetic " + generator + " (" + samples + " samples, noise " + noise + ")";
        }
    }
}
