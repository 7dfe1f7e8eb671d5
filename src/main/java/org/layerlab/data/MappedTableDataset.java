package org.layerlab.data;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;

/**
 * Table rows kept in a file of float32 values (each row: its features, then its target) and
 * mapped into memory, so a table larger than the heap trains batch by batch through the OS page
 * cache. A normalization, when set, is applied as rows are gathered rather than rewriting the file.
 */
public final class MappedTableDataset implements Dataset {
    /** Rows per mapped region: a region is indexed by int, so at most 2^31 − 1 floats. */
    private final int rowsPerRegion;
    private final FloatBuffer[] regions;
    private final int rows;
    private final int features;
    private final List<String> classNames;
    private final List<String> featureNames;
    private final Normalization normalization;

    private MappedTableDataset(FloatBuffer[] regions, int rowsPerRegion, int rows, int features, List<String> classNames,
                               List<String> featureNames, Normalization normalization) {
        this.regions = regions;
        this.rowsPerRegion = rowsPerRegion;
        this.rows = rows;
        this.features = features;
        this.classNames = List.copyOf(classNames);
        this.featureNames = List.copyOf(featureNames);
        this.normalization = normalization;
    }

    /** Maps a file of rows × (features + 1) little-endian floats. */
    public static MappedTableDataset map(Path file, int rows, int features, List<String> classNames,
                                         List<String> featureNames) throws IOException {
        int width = features + 1;
        int perRegion = Math.max(1, (1 << 28) / width);
        int n = (rows + perRegion - 1) / perRegion;
        FloatBuffer[] regions = new FloatBuffer[n];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int i = 0; i < n; i++) {
                long first = (long) i * perRegion;
                long count = Math.min(perRegion, rows - first);
                regions[i] = ch.map(FileChannel.MapMode.READ_ONLY, first * width * 4, count * width * 4)
                        .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            }
        }
        return new MappedTableDataset(regions, perRegion, rows, features, classNames, featureNames, null);
    }

    /** The same rows seen through a normalization (sharing the mapping). */
    public MappedTableDataset withNormalization(Normalization n) {
        return new MappedTableDataset(regions, rowsPerRegion, rows, features, classNames, featureNames, n);
    }

    @Override
    public int size() {
        return rows;
    }

    @Override
    public Shape featureShape() {
        return Shape.of(features);
    }

    @Override
    public int targetWidth() {
        return 1;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public List<String> featureNames() {
        return featureNames;
    }

    @Override
    public float target(int i) {
        return regions[i / rowsPerRegion].get((i % rowsPerRegion) * (features + 1) + features);
    }

    @Override
    public void gather(int[] order, int from, int to, Tensor x, Tensor y) {
        int n = to - from;
        x.setBatch(n);
        y.setBatch(n);
        float[] xd = x.data();
        float[] yd = y.data();
        for (int r = 0; r < n; r++) {
            int i = order[from + r];
            FloatBuffer region = regions[i / rowsPerRegion];
            int at = (i % rowsPerRegion) * (features + 1);
            region.get(at, xd, r * features, features);
            yd[r] = region.get(at + features);
            if (normalization != null) {
                float[] off = normalization.offset();
                float[] sc = normalization.scale();
                for (int j = 0; j < features; j++) {
                    xd[r * features + j] = (xd[r * features + j] - off[j]) / sc[j];
                }
            }
        }
    }
}
