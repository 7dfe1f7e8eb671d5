package org.layerlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.layerlab.data.CsvTable;
import org.layerlab.data.DataException;
import org.layerlab.data.FeatureEncoder;
import org.layerlab.data.IdxReader;
import org.layerlab.data.ImageFolderLoader;
import org.layerlab.data.Tokenizer;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.ProjectSession;

/**
 * What predict runs the network on, read from --input the way the project's training data was
 * prepared: CSV rows encoded and normalized, text tokenised with the saved vocabulary, images
 * scaled and converted like the training images (one file, a folder of them, or an IDX file).
 * Each row gets an id when there is one to give: the --id column, the image's file, the IDX index.
 */
final class PredictInputs {
    /** The network's input batch and, when known, each row's id. */
    record Rows(Tensor x, List<String> ids) {
    }

    private PredictInputs() {
    }

    static Rows csv(ProjectSession s, DatasetSource.Csv csv, Path input, String idColumn) throws IOException {
        int features = s.network().inputShape().size();
        CsvTable table = table(input);
        // The encoding fitted when the session loaded the training file, not a second read of it.
        FeatureEncoder encoder = s.data().encoder();
        if (encoder.width() != features) {
            throw new UserError("the network takes " + features + " inputs but " + csv.path() + " now gives "
                    + encoder.width() + ": the training file changed since training; train again");
        }
        int id = idColumn == null ? -1 : column(table, idColumn, input);
        int[] source = inputColumns(table, csv, encoder, id);
        int n = table.rows().size();
        float[] x = new float[n * features];
        String[] cells = new String[encoder.columns().stream().mapToInt(FeatureEncoder.Column::index).max().orElse(0) + 1];
        for (int r = 0; r < n; r++) {
            String[] row = table.rows().get(r);
            for (int j = 0; j < source.length; j++) {
                cells[encoder.columns().get(j).index()] = row[source[j]];
            }
            String problem = encoder.encode(cells, x, r * features);
            if (problem != null) {
                throw new UserError(input.getFileName() + " line " + table.lineNumbers().get(r) + ": " + problem);
            }
            for (int f = 0; f < features && csv.offset() != null; f++) {
                x[r * features + f] = (x[r * features + f] - csv.offset()[f]) / csv.scale()[f];
            }
        }
        return new Rows(Tensor.wrap(x, n, features), ids(table, id));
    }

    /** The CSV's column named as the training's text column (or its only column), tokenised with the saved vocabulary. */
    static Rows text(ProjectSession s, DatasetSource.Text text, Path input, String idColumn) throws IOException {
        CsvTable table = table(input);
        int column;
        try {
            column = table.columnCount() == 1 ? 0 : table.column(text.textColumn());
        } catch (DataException e) {
            throw new UserError(input.getFileName() + " has no column '" + text.textColumn() + "' (the training's text"
                    + " column) and more than one column: name the text column so");
        }
        int id = idColumn == null ? -1 : column(table, idColumn, input);
        Tokenizer tokenizer = ((DatasetSource.Text) s.data().source()).tokenizer();
        int n = table.rows().size();
        float[] x = new float[n * text.length()];
        for (int r = 0; r < n; r++) {
            String[] row = table.rows().get(r);
            tokenizer.encode(column < row.length ? row[column] : "", text.length(), x, r * text.length());
        }
        return new Rows(Tensor.wrap(x, n, text.length()), ids(table, id));
    }

    /**
     * Images for an image project: an image file, a folder of them (every image below it, in name
     * order; other files are passed over), or an IDX file of images the training's size.
     */
    static Rows images(ProjectSession s, Path input) throws IOException {
        Shape sample = s.data().train().featureShape();
        int h = sample.dim(0);
        int w = sample.rank() > 1 ? sample.dim(1) : 1;
        int channels = sample.rank() > 2 ? sample.dim(2) : 1;
        int per = h * w * channels;
        if (per != s.network().inputShape().size()) {
            throw new UserError("the network takes " + s.network().inputShape() + " but its training images are " + sample);
        }
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(input) && ImageFolderLoader.EXTENSIONS.stream().noneMatch(name::endsWith)) {
            return idx(input, sample, per);
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(input)) {
            try (Stream<Path> all = Files.walk(input)) {
                all.filter(Files::isRegularFile).filter(f -> ImageFolderLoader.EXTENSIONS.stream()
                        .anyMatch(f.getFileName().toString().toLowerCase(Locale.ROOT)::endsWith)).sorted().forEach(files::add);
            }
            if (files.isEmpty()) {
                throw new UserError(input + " holds no PNG, JPEG, BMP or GIF image");
            }
        } else {
            files.add(input);
        }
        byte[] pixels = new byte[files.size() * per];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String problem = ImageFolderLoader.decode(files.get(i), w, h, channels, pixels, i * per);
            if (problem != null) {
                throw new UserError(files.get(i) + " " + problem);
            }
            ids.add(Files.isDirectory(input) ? input.relativize(files.get(i)).toString().replace('\\', '/')
                    : files.get(i).getFileName().toString());
        }
        return new Rows(scaled(pixels, files.size(), sample), ids);
    }

    private static Rows idx(Path input, Shape sample, int per) throws IOException {
        IdxReader.Idx idx;
        try {
            idx = IdxReader.read(input);
        } catch (DataException e) {
            throw new UserError(input.getFileName() + " is neither an image (PNG, JPEG, BMP, GIF) nor an IDX file: "
                    + e.getMessage());
        }
        int n = idx.count();
        if (n == 0 || idx.values().length / n != per) {
            throw new UserError(input.getFileName() + " holds " + n + " images of " + (n == 0 ? 0 : idx.values().length / n)
                    + " values, but the network was trained on images of " + sample + " (" + per + " values)");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(Integer.toString(i));
        }
        return new Rows(scaled(idx.values(), n, sample), ids);
    }

    /** Bytes to floats in [0, 1], as the training images are. */
    private static Tensor scaled(byte[] pixels, int n, Shape sample) {
        float[] x = new float[pixels.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (pixels[i] & 0xff) / 255f;
        }
        int[] dims = new int[sample.rank() + 1];
        dims[0] = n;
        System.arraycopy(sample.dims(), 0, dims, 1, sample.rank());
        return Tensor.wrap(x, dims);
    }

    private static CsvTable table(Path input) throws IOException {
        try {
            return CsvTable.read(input);
        } catch (DataException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static int column(CsvTable table, String name, Path input) {
        int c = indexOf(table.header(), name);
        if (c < 0) {
            throw new UserError(input.getFileName() + " has no column '" + name + "' for --id; its columns: "
                    + String.join(", ", table.header()));
        }
        return c;
    }

    private static List<String> ids(CsvTable table, int column) {
        if (column < 0) {
            return null;
        }
        return table.rows().stream().map(row -> column < row.length ? row[column] : "").toList();
    }

    /**
     * For each training feature column, the input column that holds it: by name when the input's
     * header has every name, else by position (the input's columns minus target, left-out and id ones).
     */
    private static int[] inputColumns(CsvTable table, DatasetSource.Csv csv, FeatureEncoder encoder, int id) {
        List<FeatureEncoder.Column> wanted = encoder.columns();
        int[] byName = new int[wanted.size()];
        boolean allNamed = true;
        for (int j = 0; j < wanted.size() && allNamed; j++) {
            byName[j] = indexOf(table.header(), wanted.get(j).name());
            allNamed = byName[j] >= 0;
        }
        if (allNamed) {
            return byName;
        }
        List<Integer> cols = new ArrayList<>();
        for (int c = 0; c < table.columnCount(); c++) {
            String name = table.header().get(c);
            if (c == id || csv.target() != null && name.equalsIgnoreCase(csv.target())
                    || csv.ignore().stream().anyMatch(name::equalsIgnoreCase)) {
                continue;
            }
            cols.add(c);
        }
        if (cols.size() == wanted.size() + 1 && csv.target() == null) {
            cols.remove(cols.size() - 1);
        }
        if (cols.size() != wanted.size()) {
            throw new UserError("the network was trained on the columns "
                    + String.join(", ", wanted.stream().map(FeatureEncoder.Column::name).toList()) + " but the input has "
                    + cols.size() + " columns besides the target, and not all of those names");
        }
        return cols.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
