package org.layerlab.export.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.layerlab.engine.Tensor;

/**
 * Writes float32 tensors in the safetensors format (Hugging Face's): an 8-byte little-endian
 * header length, a JSON header naming each tensor's dtype, shape and byte range, then the raw
 * little-endian data. Simple enough to write here and to read with numpy alone, which the
 * generated code does where the {@code safetensors} package is missing (Debian's torch 1.13).
 */
public final class SafeTensors {
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    /** Adds a tensor under a name (in file order); the values are copied when written. */
    public SafeTensors put(String name, Tensor t) {
        if (tensors.putIfAbsent(name, t) != null) {
            throw new IllegalArgumentException("two tensors named " + name);
        }
        return this;
    }

    public SafeTensors meta(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    public Map<String, Tensor> tensors() {
        return tensors;
    }

    /**
     * The float32 tensors of a .safetensors file by name, or an IOException that says what is
     * wrong with it (not that format, another dtype, a tensor outside the file).
     */
    public static Map<String, Tensor> read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        if (all.length < 8) {
            throw new IOException(name + " is not a safetensors file: it is only " + all.length + " bytes long");
        }
        long size = ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (size <= 0 || size > all.length - 8) {
            throw new IOException(name + " is not a safetensors file: its header length " + size + " does not fit the file");
        }
        JsonObject header;
        try {
            header = JsonParser.parseString(new String(all, 8, (int) size, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(name + " is not a safetensors file: its header is not a JSON object");
        }
        int start = 8 + (int) size;
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : header.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            try {
                JsonObject info = e.getValue().getAsJsonObject();
                String dtype = info.get("dtype").getAsString();
                if (!dtype.equals("F32")) {
                    throw new IOException(name + ": tensor " + e.getKey() + " is " + dtype + "; LayerLab reads F32 (float32)"
                            + " only: convert it with tensor.float() before saving");
                }
                JsonArray shape = info.getAsJsonArray("shape");
                int[] dims = new int[shape.size()];
                long count = 1;
                for (int i = 0; i < dims.length; i++) {
                    dims[i] = shape.get(i).getAsInt();
                    count *= dims[i];
                }
                JsonArray range = info.getAsJsonArray("data_offsets");
                long from = range.get(0).getAsLong();
                long to = range.get(1).getAsLong();
                if (from < 0 || to - from != 4 * count || start + to > all.length) {
                    throw new IOException(name + ": tensor " + e.getKey() + " lies outside the file or does not match its shape");
                }
                float[] values = new float[(int) count];
                ByteBuffer.wrap(all, start + (int) from, (int) (to - from)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
                        .get(values);
                out.put(e.getKey(), Tensor.wrap(values, dims));
            } catch (RuntimeException bad) {
                throw new IOException(name + ": the header entry of " + e.getKey() + " is not a tensor description");
            }
        }
        return out;
    }

    public void write(Path file) throws IOException {
        JsonObject header = new JsonObject();
        if (!metadata.isEmpty()) {
            JsonObject m = new JsonObject();
            metadata.forEach(m::addProperty);
            header.add("__metadata__", m);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            JsonObject info = new JsonObject();
            info.addProperty("dtype", "F32");
            JsonArray shape = new JsonArray();
            for (int d : t.dims()) {
                shape.add(d);
            }
            info.add("shape", shape);
            JsonArray range = new JsonArray();
            range.add(offset);
            offset += 4L * t.size();
            range.add(offset);
            info.add("data_offsets", range);
            header.add(e.getKey(), info);
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        // The format asks the data to start on an 8-byte boundary: pad the header with spaces.
        int padded = (json.length + 7) / 8 * 8;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
            out.write(json);
            out.write(" ".repeat(padded - json.length).getBytes(StandardCharsets.US_ASCII));
            for (Tensor t : tensors.values()) {
                ByteBuffer b = ByteBuffer.allocate(4 * t.size()).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(t.data(), 0, t.size());
                out.write(b.array());
            }
        }
    }
}
