package org.layerlab.nn.layers;

/** Token ids arrive as the float values of an input: the embedding layers read them through here. */
final class TokenIds {
    private TokenIds() {
    }

    static int id(String kind, float value, int inputDim) {
        int id = (int) value;
        if (id != value || id < 0 || id >= inputDim) {
            throw new IllegalArgumentException(kind + " received the id " + value + ", but ids must be whole numbers from 0"
                    + " to input_dim − 1 = " + (inputDim - 1) + ": raise input_dim or check the data");
        }
        return id;
    }
}
