package org.layerlab.project;

import java.util.List;

import org.layerlab.data.Augmentation;
import org.layerlab.data.CsvLoader;
import org.layerlab.data.FeatureEncoder;
import org.layerlab.data.Synthetic;
import org.layerlab.data.TextTable;
import org.layerlab.data.TimeWindows;
import org.layerlab.data.Tokenizer;

/**
 * Where a project's data comes from, as saved: a CSV file, an MNIST-style IDX pair, or a
 * synthetic generator. Paths are relative to the project file.
 */
public sealed interface DatasetSource permits DatasetSource.Csv, DatasetSource.Idx, DatasetSource.Generated,
        DatasetSource.ImageFolder, DatasetSource.Windows, DatasetSource.Text, DatasetSource.Corpus,
        DatasetSource.Reconstruct {
    /** A short description for summaries, e.g. "csv data/iris.csv → species". */
    String describe();

    /**
     * A CSV table: target column (null = last), columns to leave out, what happens to rows with
     * missing values (refused with a message, dropped, or filled with mean / most frequent), task ("auto", "classification", "regression"),
     * normalization ("standardize", "min_max", "none") fitted on the training part, the share
     * held out for testing, and the split seed. offset and scale hold the fitted statistics once
     * the project was trained (null before), so predictions see the same transform.
     */
    record Csv(String path, String target, List<String> ignore, FeatureEncoder.Missing missing, String task,
               String normalization, double testSplit, long seed, float[] offset, float[] scale) implements DatasetSource {
        public Csv {
            ignore = ignore == null ? List.of() : List.copyOf(ignore);
            missing = missing == null ? FeatureEncoder.Missing.REFUSE : missing;
        }

        public Csv(String path, String target, String task, String normalization, double testSplit, long seed,
                   float[] offset, float[] scale) {
            this(path, target, List.of(), FeatureEncoder.Missing.REFUSE, task, normalization, testSplit, seed, offset, scale);
        }

        @Override
        public String describe() {
            return "csv " + path + (target == null ? "" : " → " + target);
        }

        public Csv withPath(String p) {
            return new Csv(p, target, ignore, missing, task, normalization, testSplit, seed, offset, scale);
        }

        public Csv withStatistics(float[] o, float[] s) {
            return new Csv(path, target, ignore, missing, task, normalization, testSplit, seed, o, s);
        }

        /** The loader options these settings stand for. */
        public CsvLoader.Options options(CsvLoader.Task t) {
            return new CsvLoader.Options(target, t, ignore, missing);
        }
    }

    /** IDX image and label files for training and (optionally) testing, and how training images are augmented. */
    record Idx(String trainImages, String trainLabels, String testImages, String testLabels, Augmentation augment)
            implements DatasetSource {
        public Idx {
            augment = augment == null ? Augmentation.NONE : augment;
        }

        public Idx(String trainImages, String trainLabels, String testImages, String testLabels) {
            this(trainImages, trainLabels, testImages, testLabels, Augmentation.NONE);
        }

        public Idx withAugmentation(Augmentation a) {
            return new Idx(trainImages, trainLabels, testImages, testLabels, a);
        }

        @Override
        public String describe() {
            return "idx " + trainImages;
        }
    }

    /** A synthetic generator (see {@link Synthetic}) with its parameters. */
    record Generated(String generator, int samples, double noise, int classes, long seed, double testSplit)
            implements DatasetSource {
        @Override
        public String describe() {
            return "synthetic " + generator + " (" + samples + " samples, noise " + noise + ")";
        }
    }

    /**
     * A folder with one subfolder of images per class, resized to width × height with 1 or 3
     * channels, and how training images are augmented.
     */
    record ImageFolder(String path, int width, int height, int channels, double testSplit, long seed, Augmentation augment)
            implements DatasetSource {
        public ImageFolder {
            augment = augment == null ? Augmentation.NONE : augment;
        }

        public ImageFolder(String path, int width, int height, int channels, double testSplit, long seed) {
            this(path, width, height, channels, testSplit, seed, Augmentation.NONE);
        }

        public ImageFolder withAugmentation(Augmentation a) {
            return new ImageFolder(path, width, height, channels, testSplit, seed, a);
        }

        @Override
        public String describe() {
            return "images " + path + " (" + width + "×" + height + (channels == 1 ? " gray" : " RGB") + ")";
        }
    }

    /**
     * A time series in a CSV file, cut into windows (see {@link TimeWindows}): the columns each step
     * carries (empty: the target alone), the column forecast, the window length, how many steps
     * ahead the target lies, the step between windows, and the share at the end held out for
     * testing. offset and scale hold the fitted standardisation once loaded (null before).
     */
    record Windows(String path, List<String> inputs, String target, int window, int horizon, int stride,
                   double testSplit, boolean standardize, float[] offset, float[] scale) implements DatasetSource {
        public Windows {
            inputs = inputs == null ? List.of() : List.copyOf(inputs);
        }

        @Override
        public String describe() {
            return "time series " + path + " → " + target + " (windows of " + window + ", " + horizon + " ahead)";
        }

        public Windows withPath(String p) {
            return new Windows(p, inputs, target, window, horizon, stride, testSplit, standardize, offset, scale);
        }

        public Windows withStatistics(float[] o, float[] s) {
            return new Windows(path, inputs, target, window, horizon, stride, testSplit, standardize, o, s);
        }

        public TimeWindows.Options options() {
            return new TimeWindows.Options(inputs, target, window, horizon, stride, testSplit, standardize);
        }
    }

    /**
     * Labelled text in a CSV file (see {@link TextTable}): the text and label columns, words or
     * characters, lower-casing with punctuation stripped, the vocabulary's size cap (padding and
     * "[UNK]" included), the sequence length, the test share and split seed. vocabulary holds the
     * fitted tokens once trained (null before): a trained network's ids keep their meaning, and
     * predict tokenises new text the same way.
     */
    record Text(String path, String textColumn, String labelColumn, Tokenizer.Level level, boolean lowercase,
                int maxTokens, int length, double testSplit, long seed, List<String> vocabulary) implements DatasetSource {
        public Text {
            vocabulary = vocabulary == null ? null : List.copyOf(vocabulary);
        }

        @Override
        public String describe() {
            return "text " + path + " (" + textColumn + " → " + labelColumn + ", " + length + " "
                    + (level == Tokenizer.Level.WORDS ? "words" : "characters") + ")";
        }

        public Text withPath(String p) {
            return new Text(p, textColumn, labelColumn, level, lowercase, maxTokens, length, testSplit, seed, vocabulary);
        }

        public Text withVocabulary(List<String> v) {
            return new Text(path, textColumn, labelColumn, level, lowercase, maxTokens, length, testSplit, seed, v);
        }

        public TextTable.Options options() {
            return new TextTable.Options(textColumn, labelColumn, level, lowercase, maxTokens, length, testSplit, seed);
        }

        /** The fitted tokenizer; only for a source that has its vocabulary (loaded or trained). */
        public Tokenizer tokenizer() {
            if (vocabulary == null) {
                throw new IllegalStateException("no vocabulary yet: load the data first");
            }
            return new Tokenizer(level, lowercase, vocabulary);
        }
    }

    /**
     * A plain text file for next-token prediction (see {@link org.layerlab.data.Corpus}): words or
     * characters, lower-casing, the vocabulary's size cap, window length and stride, and the share
     * at the end held out. vocabulary holds the fitted tokens once trained (null before).
     */
    record Corpus(String path, Tokenizer.Level level, boolean lowercase, int maxTokens, int length, int stride,
                  double testSplit, List<String> vocabulary) implements DatasetSource {
        public Corpus {
            vocabulary = vocabulary == null ? null : List.copyOf(vocabulary);
        }

        @Override
        public String describe() {
            return "corpus " + path + " (next " + (level == Tokenizer.Level.WORDS ? "word" : "character") + " after "
                    + length + ")";
        }

        public Corpus withPath(String p) {
            return new Corpus(p, level, lowercase, maxTokens, length, stride, testSplit, vocabulary);
        }

        public Corpus withVocabulary(List<String> v) {
            return new Corpus(path, level, lowercase, maxTokens, length, stride, testSplit, v);
        }

        public org.layerlab.data.Corpus.Options options() {
            return new org.layerlab.data.Corpus.Options(level, lowercase, maxTokens, length, stride, testSplit);
        }

        /** The fitted tokenizer; only for a source that has its vocabulary (loaded or trained). */
        public Tokenizer tokenizer() {
            if (vocabulary == null) {
                throw new IllegalStateException("no vocabulary yet: load the data first");
            }
            return new Tokenizer(level, lowercase, vocabulary);
        }
    }

    /**
     * Another source's data with the target replaced by the input itself ("target: the input
     * itself"), for autoencoders and VAEs: the network learns to reproduce what it is shown.
     */
    record Reconstruct(DatasetSource of) implements DatasetSource {
        public Reconstruct {
            if (of == null || of instanceof Reconstruct) {
                throw new IllegalArgumentException("reconstruct needs a data source of its own to reproduce");
            }
        }

        @Override
        public String describe() {
            return of.describe() + ", target: the input itself";
        }
    }

    /** The source as it is read from disk: the one a Reconstruct wraps, or this one. */
    default DatasetSource underlying() {
        return this instanceof Reconstruct r ? r.of() : this;
    }
}
