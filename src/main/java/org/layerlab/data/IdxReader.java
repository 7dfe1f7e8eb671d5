package org.layerlab.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads MNIST-style IDX files of unsigned bytes (type 0x08), raw or gzip-compressed: header
 * (magic 0x0000 08 rank, then rank big-endian sizes) checked before anything is allocated, and
 * the data checked to be exactly as long as the header says.
 */
public final class IdxReader {
    /** The most values held on the heap: the largest Java array. */
    public static final long MAX_VALUES = Integer.MAX_VALUE - 8;
    /** Refuse files claiming more values than this (1 TiB): a corrupt header, not a dataset. */
    public static final long MAX_ON_DISK = 1L << 40;

    /** The dims and values of one IDX file. */
    public record Idx(int[] dims, byte[] values) {
        public int count() {
            return dims[0];
        }
    }

    private IdxReader() {
    }

    /** Image values that may live on disk: dims as in the header, values on the heap or mapped. */
    public record Stored(int[] dims, PixelStore values) {
        public int count() {
            return dims[0];
        }
    }

    public static Idx read(Path file) throws IOException {
        Stored s = read(file, MAX_VALUES);
        if (!(s.values() instanceof PixelStore.Heap heap)) {
            throw new DataException(file.getFileName() + " holds " + s.values().size() + " values, more than fit in memory ("
                    + MAX_VALUES + ")");
        }
        return new Idx(s.dims(), heap.bytes());
    }

    /**
     * Reads an IDX file, keeping its values on the heap when there are at most inMemoryLimit of
     * them, and otherwise leaving them on disk: a raw file is mapped where it lies, a gzip file is
     * unpacked once into a temporary file (deleted when LayerLab exits) and mapped.
     */
    public static Stored read(Path file, long inMemoryLimit) throws IOException {
        String name = file.getFileName().toString();
        long fileSize = Files.size(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f & raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            DataInputStream data = new DataInputStream(in);
            int[] dims = header(data, name, gzip);
            long total = 1;
            for (int d : dims) {
                total *= d;
            }
            long header = 4 + 4L * dims.length;
            if (!gzip && fileSize != header + total) {
                throw new DataException(name + " is " + fileSize + " bytes but its header (" + dimsText(dims) + ") says "
                        + (header + total) + (fileSize < header + total ? ": the file is truncated" : ": it has extra bytes"));
            }
            if (total > inMemoryLimit) {
                if (!gzip) {
                    return new Stored(dims, PixelStore.map(file, header, total));
                }
                Path unpacked = Files.createTempFile("layerlab-" + name.replace(".gz", ""), ".idx");
                long free = Files.getFileStore(unpacked).getUsableSpace();
                if (free < total + (256L << 20)) {
                    Files.deleteIfExists(unpacked);
                    throw new DataException(name + " unpacks to " + total / (1 << 20) + " MB, more than the " + free / (1 << 20)
                            + " MB free in " + unpacked.getParent() + ": free space there, or unpack the file yourself");
                }
                unpacked.toFile().deleteOnExit();
                long got;
                try (var out = Files.newOutputStream(unpacked)) {
                    got = data.transferTo(out);
                }
                if (got != total) {
                    Files.deleteIfExists(unpacked);
                    throw new DataException(name + (got < total ? " is truncated: its header (" : " has more data than its header (")
                            + dimsText(dims) + ") promises: " + total + " values but it holds " + got);
                }
                return new Stored(dims, PixelStore.map(unpacked, 0, total));
            }
            PixelStore.Filled read = PixelStore.readHeap(data, total);
            if (read.got() < total) {
                throw new DataException(name + " is truncated: its header (" + dimsText(dims) + ") promises " + total
                        + " values but it holds " + read.got());
            }
            if (data.read() >= 0) {
                throw new DataException(name + " has data beyond the " + total + " values its header (" + dimsText(dims)
                        + ") promises");
            }
            return new Stored(dims, read.store());
        }
    }

    /** Magic number and dimensions, each checked before anything is allocated. */
    private static int[] header(DataInputStream data, String name, boolean gzip) throws IOException {
        int magic;
        try {
            magic = data.readInt();
        } catch (EOFException e) {
            throw new DataException(name + " is too short to be an IDX file (no header)");
        }
        if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xff) != 0x08) {
            throw new DataException(name + " is not an IDX file of unsigned bytes: its magic number is 0x"
                    + String.format("%08x", magic) + ", expected 0x000008NN (NN = number of dimensions)"
                    + (gzip ? "" : "; if it is compressed, it must be gzip"));
        }
        int rank = magic & 0xff;
        if (rank < 1 || rank > 4) {
            throw new DataException(name + " claims " + rank + " dimensions; IDX files here have 1 to 4");
        }
        int[] dims = new int[rank];
        long total = 1;
        try {
            for (int i = 0; i < rank; i++) {
                dims[i] = data.readInt();
                if (dims[i] <= 0) {
                    throw new DataException(name + ": dimension " + (i + 1) + " is " + Integer.toUnsignedString(dims[i])
                            + ", which is not a valid size");
                }
                total *= dims[i];
                if (total > MAX_ON_DISK) {
                    throw new DataException(name + " claims " + describe(dims, i) + " values, more than LayerLab can hold"
                            + " even on disk (" + MAX_ON_DISK + "); the header is corrupt or the file is too large");
                }
            }
        } catch (EOFException e) {
            throw new DataException(name + " is truncated inside its header");
        }
        return dims;
    }

    private static String describe(int[] dims, int upTo) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= upTo; i++) {
            sb.append(i == 0 ? "" : "×").append(Integer.toUnsignedString(dims[i]));
        }
        return sb.toString();
    }

    private static String dimsText(int[] dims) {
        return describe(dims, dims.length - 1);
    }
}
