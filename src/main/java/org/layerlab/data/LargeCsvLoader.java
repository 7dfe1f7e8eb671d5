package org.layerlab.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.layerlab.engine.Shape;

/**
 * Loads a CSV file too large to hold as text, in two streaming passes: the first fits the
 * feature encoding and collects the classes, the second encodes each row straight into floats,
 * on the heap when they fit in the given limit, else into a temporary file that training maps
 * ({@link MappedTableDataset}). The task is detected from the first rows; memory use does not
 * grow with the file beyond the encoded numbers themselves.
 */
public final class LargeCsvLoader {
    /** Files above this size are streamed instead of read whole. */
    public static final long STREAM_ABOVE_BYTES = 64L << 20;
    private static final int HEAD_ROWS = 5000;

    private LargeCsvLoader() {
    }

    /** The rows read, as a dataset in memory or on disk, with the encoding that made them. */
    public record Loaded(Dataset data, FeatureEncoder encoder, int droppedRows) {
    }

    public static Loaded load(Path file, CsvLoader.Options options, long inMemoryLimit) throws IOException {
        String source = file.getFileName().toString();
        CsvTable head = CsvTable.head(file, HEAD_ROWS);
        int targetCol = CsvLoader.targetColumn(head, options);
        CsvLoader.Task task = options.task() == CsvLoader.Task.AUTO ? CsvLoader.detectTask(head, targetCol) : options.task();
        FirstPass first = firstPass(file, head, options);
        FeatureEncoder encoder = first.encoder;
        List<String> classNames = task == CsvLoader.Task.CLASSIFICATION ? first.labels.names(source) : List.of();
        int f = encoder.width();
        long bytes = (long) first.rows * (f + 1) * 4;
        boolean toDisk = bytes > inMemoryLimit;
        Path spill = toDisk ? Files.createTempFile("layerlab-table-", ".f32") : null;
        if (toDisk) {
            spill.toFile().deleteOnExit();
        }
        float[] heapX = toDisk ? null : new float[Math.toIntExact((long) first.rows * f)];
        float[] heapY = toDisk ? null : new float[first.rows];
        float[] row = new float[f];
        ByteBuffer buf = ByteBuffer.allocate((f + 1) * 4).order(ByteOrder.LITTLE_ENDIAN);
        int[] kept = {0};
        int[] dropped = {0};
        try (OutputStream out = toDisk ? new BufferedOutputStream(Files.newOutputStream(spill), 1 << 20) : null) {
            CsvTable.forEachRow(file, head, (fields, line) -> {
                if (!CsvLoader.encodeRow(encoder, fields, targetCol, task, options.missing(), row, 0, source + " line " + line)) {
                    dropped[0]++;
                    return true;
                }
                String y = fields[targetCol];
                float target = task == CsvLoader.Task.CLASSIFICATION ? first.labels.index(y) : Float.parseFloat(y);
                if (toDisk) {
                    buf.clear();
                    for (float v : row) {
                        buf.putFloat(v);
                    }
                    buf.putFloat(target);
                    write(out, buf.array());
                } else {
                    System.arraycopy(row, 0, heapX, kept[0] * f, f);
                    heapY[kept[0]] = target;
                }
                kept[0]++;
                return true;
            });
        }
        int n = kept[0];
        if (n == 0) {
            throw new DataException(source + ": no complete rows are left after dropping incomplete ones");
        }
        Dataset data = toDisk
                ? MappedTableDataset.map(spill, n, f, classNames, encoder.featureNames())
                : new ArrayDataset(Arrays.copyOf(heapX, n * f), Shape.of(f), Arrays.copyOf(heapY, n), 1,
                        classNames).withFeatureNames(encoder.featureNames());
        return new Loaded(data, encoder, dropped[0]);
    }

    private static void write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record FirstPass(FeatureEncoder encoder, ClassLabels labels, int rows) {
    }

    private static FirstPass firstPass(Path file, CsvTable head, CsvLoader.Options options) throws IOException {
        String source = file.getFileName().toString();
        int targetCol = CsvLoader.targetColumn(head, options);
        FeatureEncoder.Fitter fitter = new FeatureEncoder.Fitter(head.header(), CsvLoader.featureColumns(head, options, source));
        ClassLabels labels = new ClassLabels();
        int[] rows = {0};
        CsvTable.forEachRow(file, head, (fields, line) -> {
            fitter.add(fields);
            if (!FeatureEncoder.isMissing(fields[targetCol])) {
                labels.add(fields[targetCol]);
                rows[0]++;
            }
            return true;
        });
        return new FirstPass(fitter.finish(options.missing(), source), labels, rows[0]);
    }
}
