package org.layerlab.project;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.layerlab.engine.Tensor;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterStore;

/**
 * The binary weights sidecar (docs/file-format.md): "LLW1", a count, then per tensor the node id,
 * parameter name, trainable flag, rank, dims and float32 little-endian values. Every size is
 * checked against the bytes left in the file before anything is allocated.
 */
public final class WeightsFile {
    private static final int MAGIC = 0x4C4C5731; // "LLW1"
    /** No LayerLab network has more; a header claiming more is corrupt or hostile. */
    public static final long MAX_VALUES = 1L << 30;

    private WeightsFile() {
    }

    public static void write(ParameterStore store, OutputStream raw) throws IOException {
        // A diverged run's NaN or infinite weights are never written: a project reopens with numbers that work.
        for (Parameter p : store.all()) {
            if (!p.value().allFinite()) {
                throw new IOException("the weights of " + p.nodeId() + "/" + p.name() + " hold values that are not finite"
                        + " numbers (the run diverged); they were not saved");
            }
        }
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(store.all().size());
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (Parameter p : store.all()) {
            writeString(out, p.nodeId());
            writeString(out, p.name());
            out.writeBoolean(p.trainable());
            int[] dims = p.value().dims();
            out.writeInt(dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
            float[] v = p.value().data();
            for (int i = 0; i < p.size(); i++) {
                if (buf.remaining() < 4) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putFloat(v[i]);
            }
            out.write(buf.array(), 0, buf.position());
            buf.clear();
        }
        out.flush();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeShort(b.length);
        out.write(b);
    }

    /** Reads into a new store with the given seed (used only for parameters created later). */
    public static ParameterStore read(Path file, long seed) throws ProjectException {
        String name = file.getFileName().toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long size = Files.size(file);
            DataInputStream data = new DataInputStream(in);
            if (size < 8 || data.readInt() != MAGIC) {
                throw new ProjectException(name + " is not a LayerLab weights file (bad header)");
            }
            int count = data.readInt();
            long left = size - 8;
            if (count < 0 || count > 100_000) {
                throw new ProjectException(name + " claims " + count + " tensors; the file is corrupt");
            }
            ParameterStore store = new ParameterStore(seed);
            long total = 0;
            for (int t = 0; t < count; t++) {
                // Where each tensor starts, for whoever opens a damaged file in a hex editor.
                long at = size - left;
                try {
                    String node = readString(data, name);
                    String param = readString(data, name);
                    boolean trainable = data.readBoolean();
                    int rank = data.readInt();
                    if (rank < 1 || rank > 6) {
                        throw new ProjectException(name + ": tensor " + node + "/" + param + " claims rank " + rank);
                    }
                    long n = 1;
                    int[] dims = new int[rank];
                    for (int i = 0; i < rank; i++) {
                        dims[i] = data.readInt();
                        if (dims[i] <= 0) {
                            throw new ProjectException(name + ": tensor " + node + "/" + param + " has dimension "
                                    + dims[i]);
                        }
                        n *= dims[i];
                        if (n > MAX_VALUES) {
                            throw new ProjectException(name + ": tensor " + node + "/" + param + " claims more than "
                                    + MAX_VALUES + " values; the file is corrupt");
                        }
                    }
                    total += n;
                    left -= 4L + utf8(node) + utf8(param) + 1 + 4 + 4L * rank;
                    if (total > MAX_VALUES || n * 4 > left) {
                        throw new ProjectException(name + " is truncated: tensor " + node + "/" + param + " needs " + n * 4
                                + " bytes but only " + Math.max(0, left) + " remain");
                    }
                    byte[] bytes = data.readNBytes((int) (n * 4));
                    if (bytes.length < n * 4) {
                        throw new ProjectException(name + " is truncated inside tensor " + node + "/" + param);
                    }
                    left -= n * 4;
                    float[] v = new float[(int) n];
                    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                    Tensor value = Tensor.wrap(v, dims);
                    if (!value.allFinite()) {
                        throw new ProjectException(name + ": tensor " + node + "/" + param + " holds values that are"
                                + " not finite numbers (saved from a run that diverged); delete " + name + " and \"weights\" from the"
                                + " project to start untrained");
                    }
                    store.put(new Parameter(node, param, value, null, trainable));
                } catch (ProjectException e) {
                    throw new ProjectException(e.getMessage() + " (tensor " + (t + 1) + " of " + count + ", at byte " + at
                            + ")");
                }
            }
            return store;
        } catch (EOFException e) {
            throw new ProjectException(name + " is truncated");
        } catch (IOException e) {
            throw new ProjectException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String readString(DataInputStream in, String file) throws IOException, ProjectException {
        int len = in.readUnsignedShort();
        if (len > 1024) {
            throw new ProjectException(file + ": a name of " + len + " bytes; the file is corrupt");
        }
        return new String(in.readNBytes(len), StandardCharsets.UTF_8);
    }
}
