package org.layerlab.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.layerlab.engine.Parallel;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;

/**
 * Images kept as unsigned bytes (a quarter of the memory of floats: full Fashion-MNIST is 47 MB),
 * in memory or, for files larger than a quarter of the heap, on disk, and scaled to [0, 1] as
 * each batch is gathered. Shape (H, W, C), NHWC; one class label per image.
 */
public final class ByteImageDataset implements Dataset {
    /** Fashion-MNIST's classes in label order. */
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private final PixelStore pixels;
    private final byte[] labels;
    private final Shape shape;
    private final List<String> classNames;

    public ByteImageDataset(byte[] pixels, byte[] labels, Shape shape, List<String> classNames) {
        this(PixelStore.of(pixels), labels, shape, classNames);
    }

    public ByteImageDataset(PixelStore pixels, byte[] labels, Shape shape, List<String> classNames) {
        if ((long) labels.length * shape.size() != pixels.size()) {
            throw new DataException(labels.length + " labels do not match " + pixels.size() + " pixel values of "
                    + shape + " images");
        }
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xff) >= classNames.size()) {
                throw new DataException("image " + i + " has label " + (labels[i] & 0xff) + " but there are only "
                        + classNames.size() + " classes");
            }
        }
        this.pixels = pixels;
        this.labels = labels;
        this.shape = shape;
        this.classNames = List.copyOf(classNames);
    }

    /**
     * Loads an IDX image file (N, H, W) and label file (N); class names default to Fashion-MNIST's
     * when there are ten classes and to "0".."k−1" otherwise.
     */
    public static ByteImageDataset loadIdx(Path images, Path labels, List<String> classNames) throws IOException {
        return loadIdx(images, labels, classNames, inMemoryLimit());
    }

    /**
     * The most pixels kept on the heap: a quarter of the heap, so that training buffers, the
     * window and a second dataset still fit. Larger image files stay on disk ({@link PixelStore}).
     */
    public static long inMemoryLimit() {
        return Math.min(IdxReader.MAX_VALUES, Runtime.getRuntime().maxMemory() / 4);
    }

    /** Like {@link #loadIdx(Path, Path, List)}, keeping more than inMemoryLimit pixels on disk. */
    public static ByteImageDataset loadIdx(Path images, Path labels, List<String> classNames, long inMemoryLimit)
            throws IOException {
        IdxReader.Stored x = IdxReader.read(images, inMemoryLimit);
        IdxReader.Idx y = IdxReader.read(labels);
        if (x.dims().length != 3 && x.dims().length != 4) {
            throw new DataException(images.getFileName() + " holds " + x.dims().length
                    + "-dimensional data; an image file has 3 (count, rows, columns) or 4 (…, channels)");
        }
        if (y.dims().length != 1) {
            throw new DataException(labels.getFileName() + " holds " + y.dims().length
                    + "-dimensional data; a label file has 1 (count)");
        }
        if (x.count() != y.count()) {
            throw new DataException(images.getFileName() + " has " + x.count() + " images but " + labels.getFileName()
                    + " has " + y.count() + " labels: they must come in matching pairs");
        }
        int channels = x.dims().length == 4 ? x.dims()[3] : 1;
        Shape shape = Shape.of(x.dims()[1], x.dims()[2], channels);
        List<String> names = classNames;
        if (names == null) {
            int max = 0;
            for (byte b : y.values()) {
                max = Math.max(max, b & 0xff);
            }
            names = max == 9 ? FASHION_MNIST_CLASSES : numbered(max + 1);
        }
        return new ByteImageDataset(x.values(), y.values(), shape, names);
    }

    /** Whether the pixels are read from disk per batch rather than held in memory. */
    public boolean onDisk() {
        return pixels.onDisk();
    }

    private static List<String> numbered(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public Shape featureShape() {
        return shape;
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
    public float target(int i) {
        return labels[i] & 0xff;
    }

    @Override
    public void gather(int[] order, int from, int to, Tensor x, Tensor y) {
        int n = to - from;
        x.setBatch(n);
        y.setBatch(n);
        float[] yd = y.data();
        for (int r = 0; r < n; r++) {
            yd[r] = labels[order[from + r]] & 0xff;
        }
        // Both cores convert pixels: on the training thread alone this was 9% of an mlp step.
        Parallel.Args args = Parallel.args();
        args.object = this;
        args.ints = order;
        args.width = from;
        args.a = x.data();
        Parallel.range(n, (long) n * shape.size() * 4, args,
                (p, r0, r1) -> ((ByteImageDataset) p.object).copyRows(p.ints, p.width, p.a, r0, r1));
    }

    private void copyRows(int[] order, int from, float[] xd, int r0, int r1) {
        int per = shape.size();
        for (int r = r0; r < r1; r++) {
            pixels.copyScaled((long) order[from + r] * per, xd, r * per, per, 1f / 255f);
        }
    }
}
