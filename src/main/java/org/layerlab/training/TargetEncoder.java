package org.layerlab.training;

import org.layerlab.data.Dataset;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Loss;
import org.layerlab.nn.network.Network;

/**
 * Brings a dataset's targets into the form the loss needs (class indices become one-hot rows for
 * categorical cross-entropy) and checks, before training starts, that data and network fit, with
 * messages that say what to change.
 */
final class TargetEncoder {
    private final boolean oneHot;
    private final int width;

    TargetEncoder(Dataset data, Network net, Loss loss) {
        Shape in = net.inputShape();
        if (data.featureShape().size() != in.size()) {
            throw new IllegalArgumentException("the data has " + data.featureShape().size() + " features per sample "
                    + data.featureShape() + " but the Input layer expects " + in + ": set the Input shape to "
                    + data.featureShape());
        }
        int outputs = net.outputShape().size();
        if (in.rank() == 3 && outputs == in.size() && outputs > 1 && data.targetWidth() != outputs) {
            throw new IllegalArgumentException("the network gives " + outputs + " values, the size of its input image,"
                    + " as an autoencoder does, but the data's target is " + (data.isClassification() ? "a class"
                    : data.targetWidth() + " value(s)") + " per sample: choose \"Target: the input itself\" in the data"
                    + " dialog");
        }
        Loss.Kind kind = loss.kind();
        boolean classes = data.isClassification();
        if (kind.isCategorical()) {
            if (!classes && data.targetWidth() != outputs) {
                throw new IllegalArgumentException(kind.kerasName() + " needs class labels, but the target is a number"
                        + " per sample: choose a regression loss such as mse");
            }
            if (classes && data.classNames().size() > outputs) {
                throw new IllegalArgumentException("the data has " + data.classNames().size()
                        + " classes but the output layer has " + outputs + " units: set its units to "
                        + data.classNames().size());
            }
            if (outputs == 1) {
                throw new IllegalArgumentException(kind.kerasName() + " needs one output unit per class, but the output"
                        + " layer has 1 unit: use binary_crossentropy with a sigmoid output, or set units to the number of classes");
            }
        }
        if (kind.isBinary() && classes && data.classNames().size() > 2) {
            throw new IllegalArgumentException("binary_crossentropy needs two classes but the data has "
                    + data.classNames().size() + ": use sparse_categorical_crossentropy with a softmax output of "
                    + data.classNames().size() + " units");
        }
        oneHot = kind == Loss.Kind.CATEGORICAL_CROSSENTROPY && data.targetWidth() == 1;
        width = oneHot ? outputs : data.targetWidth();
        if (!oneHot && kind != Loss.Kind.SPARSE_CATEGORICAL_CROSSENTROPY && width != outputs) {
            throw new IllegalArgumentException("the data has " + width + " target value(s) per sample but the output layer has "
                    + outputs + " units: set its units to " + width);
        }
    }

    Tensor allocate(int batch) {
        return Tensor.zeros(batch, width);
    }

    Tensor allocateRaw(Dataset data, int batch) {
        return Tensor.zeros(batch, data.targetWidth());
    }

    /** Writes the encoded form of raw (N, targetWidth) into encoded (N, width). */
    void encode(Tensor raw, Tensor encoded) {
        encoded.setBatch(raw.batch());
        if (!oneHot) {
            encoded.copyFrom(raw);
            return;
        }
        encoded.zero();
        float[] e = encoded.data();
        float[] r = raw.data();
        for (int i = 0; i < raw.batch(); i++) {
            e[i * width + (int) r[i]] = 1f;
        }
    }

    boolean needsEncoding() {
        return oneHot;
    }
}
