package org.layerlab.data;

import org.layerlab.engine.Shape;

/**
 * A table whose columns are the pixels of an image (the digits sample: 64 columns of 0–16 that
 * the network reshapes to 8 × 8 × 1), seen as an image again so the playground can draw it:
 * grey in [0, 1] ↔ the column's raw units (grey times the largest value any pixel column had in
 * training), encoded and normalised as training was.
 */
public final class PixelTable {
    private final TabularInput table;
    private final Shape image;
    private final double largest;

    private PixelTable(TabularInput table, Shape image, double largest) {
        this.table = table;
        this.image = image;
        this.largest = largest;
    }

    /** The pixel view of a table that the network reshapes to image (h × w × 1 or 3), or null if it is not one. */
    public static PixelTable of(TabularInput table, Shape image) {
        if (image == null || image.rank() != 3 || (image.dim(2) != 1 && image.dim(2) != 3)
                || image.size() != table.width() || table.features().size() != table.width()) {
            return null;
        }
        double largest = 0;
        for (TabularInput.Feature f : table.features()) {
            if (!f.numeric()) {
                return null;
            }
            largest = Math.max(largest, f.max());
        }
        return largest > 0 ? new PixelTable(table, image, largest) : null;
    }

    public Shape image() {
        return image;
    }

    /** A grey image (values in [0, 1], in the image's layout) as the network's input row. */
    public float[] toInput(float[] grey) {
        double[] raw = new double[grey.length];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = grey[i] * largest;
        }
        return table.encode(raw);
    }

    /** A row as the network gets it, as a grey image. */
    public float[] toGrey(float[] row) {
        double[] raw = table.values(row);
        float[] grey = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            grey[i] = (float) (raw[i] / largest);
        }
        return grey;
    }
}
