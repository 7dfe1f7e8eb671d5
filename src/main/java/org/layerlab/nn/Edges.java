package org.layerlab.nn;

/**
 * Rows and columns at an image's four edges, as Keras' ZeroPadding2D and Cropping2D take them:
 * ((top, bottom), (left, right)); one number is all four, a pair (h, w) is symmetric.
 */
public record Edges(int top, int bottom, int left, int right) {
    public Edges {
        if (top < 0 || bottom < 0 || left < 0 || right < 0) {
            throw new IllegalArgumentException("edges must be 0 or more. Received: ((" + top + ", " + bottom + "), ("
                    + left + ", " + right + "))");
        }
    }

    public static Edges of(int all) {
        return new Edges(all, all, all, all);
    }

    public int height() {
        return top + bottom;
    }

    public int width() {
        return left + right;
    }

    @Override
    public String toString() {
        return top == bottom && left == right ? (top == left ? Integer.toString(top) : "(" + top + ", " + left + ")")
                : "((" + top + ", " + bottom + "), (" + left + ", " + right + "))";
    }
}
