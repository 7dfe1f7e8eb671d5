package org.layerlab.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

import org.layerlab.data.ArrayDataset;
import org.layerlab.data.Augmentation;
import org.layerlab.data.AugmentedDataset;
import org.layerlab.data.ByteImageDataset;
import org.layerlab.data.Corpus;
import org.layerlab.data.CsvLoader;
import org.layerlab.data.CsvTable;
import org.layerlab.data.DataException;
import org.layerlab.data.Dataset;
import org.layerlab.data.FeatureEncoder;
import org.layerlab.data.ImageFolderLoader;
import org.layerlab.data.LargeCsvLoader;
import org.layerlab.data.MappedTableDataset;
import org.layerlab.data.Normalization;
import org.layerlab.data.ReconstructionDataset;
import org.layerlab.data.Split;
import org.layerlab.data.Synthetic;
import org.layerlab.data.TextTable;
import org.layerlab.data.TimeWindows;
import org.layerlab.nn.graph.DataSummary;

/** Loads a project's {@link DatasetSource}, resolving its paths inside the project's folder. */
public final class DataLoader {
    private DataLoader() {
    }

    /**
     * Resolves a saved path against the project folder, refusing absolute paths and paths that
     * climb out of it (a project from elsewhere must not read arbitrary files).
     */
    public static Path resolve(Path projectDir, String relative) {
        if (relative == null || relative.isBlank()) {
            throw new DataException("the dataset path is empty");
        }
        Path p = pathOf(relative, "dataset path");
        if (p.isAbsolute()) {
            throw new DataException("dataset path '" + relative + "' is absolute; project files name data relative to"
                    + " the project's folder: copy the data next to the project");
        }
        Path dir = projectDir.toAbsolutePath().normalize();
        Path resolved = dir.resolve(p).normalize();
        if (!resolved.startsWith(dir)) {
            throw new DataException("dataset path '" + relative + "' points outside the project's folder " + dir);
        }
        try {
            if (Files.exists(resolved) && !resolved.toRealPath().startsWith(dir.toRealPath())) {
                throw new DataException("dataset path '" + relative + "' is a link that leads outside the project's folder");
            }
        } catch (IOException e) {
            throw new DataException("cannot read " + relative + ": " + e.getMessage());
        }
        if (!Files.isRegularFile(resolved)) {
            throw new DataException(Files.isDirectory(resolved) ? "dataset file '" + relative + "' is a folder, not a"
                    + " file: name the CSV or IDX file inside it (or choose an image folder dataset)"
                    : "dataset file '" + relative + "' does not exist (looked in " + dir + ")");
        }
        return resolved;
    }

    /** A saved path as a Path, or a clear error when the system refuses its characters (a NUL, say). */
    private static Path pathOf(String relative, String what) {
        try {
            return Path.of(relative);
        } catch (InvalidPathException e) {
            throw new DataException(what + " '" + relative.replace("\0", "\\0") + "' is not a file name this system accepts: "
                    + e.getReason() + "; correct it in the project file or choose the data again");
        }
    }

    /** Like {@link #resolve} for a folder. */
    public static Path resolveFolder(Path projectDir, String relative) throws IOException {
        Path p = pathOf(relative, "image folder");
        Path dir = projectDir.toAbsolutePath().normalize();
        Path resolved = dir.resolve(p).normalize();
        if (p.isAbsolute() || !resolved.startsWith(dir)) {
            throw new DataException("image folder '" + relative + "' must lie inside the project's folder " + dir);
        }
        if (!Files.isDirectory(resolved)) {
            throw new DataException("image folder '" + relative + "' does not exist (looked in " + dir + ")");
        }
        if (!resolved.toRealPath().startsWith(dir.toRealPath())) {
            throw new DataException("image folder '" + relative + "' is a link that leads outside the project's folder");
        }
        return resolved;
    }

    public static LoadedData load(DatasetSource source, Path projectDir) throws IOException {
        if (source instanceof DatasetSource.Reconstruct r) {
            LoadedData d = load(r.of(), projectDir);
            // The summary is of the data as trained on: targets the size of the input, no classes.
            Dataset train = new ReconstructionDataset(d.train());
            return new LoadedData(train, d.test() == null ? null : new ReconstructionDataset(d.test()), summary(train),
                    new DatasetSource.Reconstruct(d.source()), d.encoder(), d.series());
        }
        if (source instanceof DatasetSource.Csv c) {
            return loadCsv(c, projectDir);
        }
        if (source instanceof DatasetSource.Idx i) {
            Dataset train = ByteImageDataset.loadIdx(resolve(projectDir, i.trainImages()), resolve(projectDir, i.trainLabels()), null);
            Dataset test = i.testImages() == null ? null
                    : ByteImageDataset.loadIdx(resolve(projectDir, i.testImages()), resolve(projectDir, i.testLabels()), null);
            return new LoadedData(augmented(train, i.augment(), 42), test, summary(train), source);
        }
        if (source instanceof DatasetSource.ImageFolder f) {
            Path dir = resolveFolder(projectDir, f.path());
            ImageFolderLoader.Result r = ImageFolderLoader.load(dir, f.width(), f.height(),
                    f.channels(), (done, total) -> { }, () -> false);
            Dataset all = r.dataset();
            if (f.testSplit() <= 0) {
                return new LoadedData(augmented(all, f.augment(), f.seed()), null, summary(all), source);
            }
            Split s = Split.of(all, f.testSplit(), f.seed());
            return new LoadedData(augmented(all.subset(s.train()), f.augment(), f.seed()), all.subset(s.holdOut()),
                    summary(all), source);
        }
        if (source instanceof DatasetSource.Windows w) {
            Path file = resolve(projectDir, w.path());
            TimeWindows.Result r = TimeWindows.build(CsvTable.read(file), w.options(), file.getFileName().toString());
            return new LoadedData(r.train(), r.test(), summary(r.train()), w.withStatistics(r.offset(), r.scale()), null, r);
        }
        if (source instanceof DatasetSource.Text t) {
            Path file = resolve(projectDir, t.path());
            TextTable.Result r = TextTable.build(CsvTable.read(file), t.options(), t.vocabulary(),
                    file.getFileName().toString());
            return new LoadedData(r.train(), r.test(), summary(r.train()), t.withVocabulary(r.tokenizer().vocabulary()));
        }
        if (source instanceof DatasetSource.Corpus c) {
            Path file = resolve(projectDir, c.path());
            if (Files.size(file) > CsvTable.MAX_BYTES) {
                throw new DataException(c.path() + " is larger than " + (CsvTable.MAX_BYTES >> 20) + " MB: use a part of it");
            }
            Corpus.Result r = Corpus.build(Files.readString(file), c.options(), c.vocabulary(),
                    file.getFileName().toString());
            return new LoadedData(r.train(), r.test(), summary(r.train()), c.withVocabulary(r.tokenizer().vocabulary()));
        }
        DatasetSource.Generated g = (DatasetSource.Generated) source;
        ArrayDataset all = Synthetic.generate(g.generator(), g.samples(), g.noise(), g.classes(), g.seed());
        return split(all, g.testSplit(), g.seed(), source);
    }

    /** Training images with augmentation, when the source asks for it; test images stay as they are. */
    private static Dataset augmented(Dataset train, Augmentation a, long seed) {
        return a.isNone() ? train : new AugmentedDataset(train, a, seed);
    }

    /**
     * Loads a CSV source, normalized with statistics of its training rows; the returned source
     * carries those statistics, which is what the project saves for predictions. Files over
     * {@link LargeCsvLoader#STREAM_ABOVE_BYTES} are streamed (and kept on disk if they would not
     * fit in a quarter of the heap).
     */
    private static LoadedData loadCsv(DatasetSource.Csv c, Path projectDir) throws IOException {
        CsvLoader.Task task = switch (c.task() == null ? "auto" : c.task().toLowerCase(Locale.ROOT)) {
            case "classification" -> CsvLoader.Task.CLASSIFICATION;
            case "regression" -> CsvLoader.Task.REGRESSION;
            case "auto" -> CsvLoader.Task.AUTO;
            default -> throw new DataException("task must be auto, classification or regression, not '" + c.task() + "'");
        };
        Path file = resolve(projectDir, c.path());
        Dataset all;
        FeatureEncoder encoder;
        if (Files.size(file) > LargeCsvLoader.STREAM_ABOVE_BYTES) {
            LargeCsvLoader.Loaded l = LargeCsvLoader.load(file, c.options(task), ByteImageDataset.inMemoryLimit());
            all = l.data();
            encoder = l.encoder();
        } else {
            CsvLoader.Encoded e = CsvLoader.encode(CsvTable.read(file), c.options(task), file.getFileName().toString());
            all = e.data();
            encoder = e.encoder();
        }
        Split s = c.testSplit() > 0 ? Split.of(all, c.testSplit(), c.seed()) : null;
        int[] trainRows = s != null ? s.train() : every(all.size());
        Normalization n = Normalization.fit(normalization(c.normalization()), all, trainRows);
        Dataset scaled;
        if (all instanceof ArrayDataset a) {
            // The loader's arrays are ours alone: scale them in place rather than holding a second copy.
            n.applyInPlace(a.featureValues());
            scaled = a;
        } else {
            scaled = ((MappedTableDataset) all).withNormalization(n);
        }
        DatasetSource.Csv fitted = c.withStatistics(n.offset(), n.scale());
        return s == null ? new LoadedData(scaled, null, summary(all), fitted, encoder)
                : new LoadedData(scaled.subset(s.train()), scaled.subset(s.holdOut()), summary(all), fitted, encoder);
    }

    private static int[] every(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    static Normalization.Kind normalization(String name) {
        return switch (name == null ? "none" : name.toLowerCase(Locale.ROOT)) {
            case "standardize" -> Normalization.Kind.STANDARDIZE;
            case "min_max", "minmax" -> Normalization.Kind.MIN_MAX;
            case "none" -> Normalization.Kind.NONE;
            default -> throw new DataException("normalization must be standardize, min_max or none, not '" + name + "'");
        };
    }

    private static LoadedData split(ArrayDataset all, double testSplit, long seed, DatasetSource source) {
        if (testSplit <= 0) {
            return new LoadedData(all, null, summary(all), source);
        }
        Split s = Split.of(all, testSplit, seed);
        return new LoadedData(all.subset(s.train()), all.subset(s.holdOut()), summary(all), source);
    }

    public static DataSummary summary(Dataset d) {
        return new DataSummary(d.featureShape(), d.classNames().size(), d.targetWidth());
    }
}
