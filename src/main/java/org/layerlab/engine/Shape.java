package org.layerlab.engine;

import java.util.Arrays;

/**
 * The shape of one sample, without the batch dimension: (784) for a flat vector, (28, 28, 1) for
 * an image (height, width, channels; LayerLab keeps images NHWC like Keras).
 */
public final class Shape {
    private final int[] dims;

    private Shape(int[] dims) {
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] <= 0) {
                throw new IllegalArgumentException("every dimension of a shape must be a positive integer, but dimension "
                        + (i + 1) + " of " + Arrays.toString(dims) + " is " + dims[i]);
            }
        }
        this.dims = dims;
    }

    public static Shape of(int... dims) {
        if (dims.length == 0) {
            throw new IllegalArgumentException("a shape needs at least one dimension");
        }
        return new Shape(dims.clone());
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int axis) {
        return dims[axis];
    }

    public int last() {
        return dims[dims.length - 1];
    }

    public int[] dims() {
        return dims.clone();
    }

    /** Number of values in one sample. */
    /** The values per sample as a long, saturating at Long.MAX_VALUE: for checking a shape before using it. */
    public long longSize() {
        long n = 1;
        for (int d : dims) {
            if (d != 0 && n > Long.MAX_VALUE / d) {
                return Long.MAX_VALUE;
            }
            n *= d;
        }
        return n;
    }

    public int size() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + this + " holds more than 2^31 values per sample");
        }
        return (int) n;
    }

    /** Dims with the batch dimension in front, for allocating a tensor of this sample shape. */
    public int[] withBatch(int batch) {
        int[] full = new int[dims.length + 1];
        full[0] = batch;
        System.arraycopy(dims, 0, full, 1, dims.length);
        return full;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** As a user sees it: (26, 26, 32). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return sb.append(dims.length == 1 ? ",)" : ")").toString().replace(",)", ")");
    }

    /** With the batch dimension shown as '?', as in a layer summary: (?, 26, 26, 32). */
    public String toBatchString() {
        return "(?, " + toString().substring(1);
    }
}
