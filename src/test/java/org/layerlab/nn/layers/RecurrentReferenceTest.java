package org.layerlab.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterStore;

/**
 * SimpleRNN, LSTM and GRU against PyTorch: outputs and input gradients that PyTorch (float64)
 * computed from the same weights in Keras' layout, mapped to its own (src/test/python/
 * recurrent_reference.py writes the file and says how). This pins the gate order and bias
 * layout, which a gradient check cannot: a layer with two gates swapped still has correct gradients.
 */
class RecurrentReferenceTest {
    static Stream<JsonObject> cases() throws IOException {
        try (InputStream in = RecurrentReferenceTest.class.getResourceAsStream("/reference/recurrent.json")) {
            JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            return root.getAsJsonArray("cases").asList().stream().map(e -> e.getAsJsonObject()).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputsAndInputGradientsArePyTorchs(JsonObject c) {
        int n = c.get("batch").getAsInt();
        int t = c.get("time").getAsInt();
        int f = c.get("features").getAsInt();
        int u = c.get("units").getAsInt();
        LayerSpec spec = switch (c.get("kind").getAsString()) {
            case "SimpleRNN" -> new SimpleRNN(u).withReturnSequences();
            case "LSTM" -> new LSTM(u, true);
            case "GRU" -> new GRU(u, true);
            default -> throw new IllegalArgumentException(c.get("kind").getAsString());
        };
        List<Shape> shapes = List.of(Shape.of(t, f));
        ParameterStore store = new ParameterStore(1);
        for (var p : spec.parameters(shapes)) {
            store.put(new Parameter("n", p.name(), Tensor.wrap(floats(c.getAsJsonArray(p.name())), p.dims()), null));
        }
        LayerRuntime rt = spec.build(new BuildContext("n", shapes, store, 1));
        Tensor x = Tensor.wrap(floats(c.getAsJsonArray("x")), n, t, f);
        Tensor y = Tensor.zeros(n, t, u);
        Tensor dx = Tensor.zeros(n, t, f);
        rt.allocate(n);
        rt.forward(new Tensor[] {x}, y, true);
        rt.backward(new Tensor[] {x}, y, Tensor.wrap(floats(c.getAsJsonArray("weights_of_sum")), n, t, u),
                new Tensor[] {dx});
        close(c.get("kind") + " output", floats(c.getAsJsonArray("y")), y.data());
        close(c.get("kind") + " dx", floats(c.getAsJsonArray("dx")), dx.data());
    }

    private static void close(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 + 1e-5 * Math.abs(expected[i]), what + " element " + i);
        }
    }

    private static float[] floats(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }
}
