package org.layerlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.layerlab.engine.Lanes;

/**
 * Unsigned-byte pixels, either on the heap or mapped from a file on disk. A mapped store lets a
 * dataset larger than memory train: each batch reads its rows through the OS page cache, which
 * keeps what fits and drops the rest, and the Java heap holds none of it.
 */
public abstract sealed class PixelStore permits PixelStore.Heap, PixelStore.Mapped {
    /** Number of pixel values. */
    public abstract long size();

    /** Copies len values from position at, scaled to floats, into dst[off...]. */
    public abstract void copyScaled(long at, float[] dst, int off, int len, float scale);

    /** Whether the values live in a file rather than on the heap. */
    public abstract boolean onDisk();

    public static PixelStore of(byte[] values) {
        return new Heap(new byte[][] {values}, Math.max(1, values.length));
    }

    /** Maps count bytes of file from offset, read-only. */
    public static PixelStore map(Path file, long offset, long count) throws IOException {
        return new Mapped(file, offset, count);
    }

    /**
     * The most bytes one heap array of pixels holds. The JVM zeroes a new array before the thread
     * that asked for it can stop for a garbage collection, and zeroing memory the process never
     * touched is slow: one 47 MB array of Fashion-MNIST images held every other thread at a
     * collection for 120-160 ms while the window opened. Chunks of 4 MiB keep each wait short.
     */
    static final int CHUNK = 1 << 22;

    /** Reads count bytes from in onto the heap, in chunks; if in ends first, no store and how much it held. */
    static Filled readHeap(InputStream in, long count) throws IOException {
        int n = (int) Math.max(1, (count + CHUNK - 1) / CHUNK);
        byte[][] chunks = new byte[n][];
        long got = 0;
        for (int i = 0; i < n; i++) {
            chunks[i] = new byte[(int) Math.min(CHUNK, count - (long) i * CHUNK)];
            int read = in.readNBytes(chunks[i], 0, chunks[i].length);
            got += read;
            if (read < chunks[i].length) {
                return new Filled(null, got);
            }
        }
        return new Filled(new Heap(chunks, CHUNK), got);
    }

    /** What {@link #readHeap} read: the store (null when the stream ended early) and how many bytes it held. */
    record Filled(PixelStore store, long got) {
    }

    static final class Heap extends PixelStore {
        /** The chunks as buffers, copied from as a mapped file's regions are. */
        private final ByteBuffer[] views;
        private final int chunkLength;
        private final long size;

        /** chunks all chunkLength long but the last. */
        Heap(byte[][] chunks, int chunkLength) {
            this.views = Arrays.stream(chunks).map(ByteBuffer::wrap).toArray(ByteBuffer[]::new);
            this.chunkLength = chunkLength;
            long total = 0;
            for (byte[] c : chunks) {
                total += c.length;
            }
            this.size = total;
        }

        /** All values in one array (for files small enough to be read whole, such as labels). */
        byte[] bytes() {
            if (views.length == 1) {
                return views[0].array();
            }
            byte[] all = new byte[(int) size];
            for (int i = 0; i < views.length; i++) {
                System.arraycopy(views[i].array(), 0, all, i * chunkLength, views[i].capacity());
            }
            return all;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public void copyScaled(long at, float[] dst, int off, int len, float scale) {
            copyRegions(views, chunkLength, at, dst, off, len, scale);
        }

        @Override
        public boolean onDisk() {
            return false;
        }
    }

    static final class Mapped extends PixelStore {
        /** Regions of at most 1 GiB: a MappedByteBuffer is indexed by int. */
        private static final long REGION = 1L << 30;
        private final MappedByteBuffer[] regions;
        private final long size;

        Mapped(Path file, long offset, long count) throws IOException {
            this.size = count;
            int n = (int) ((count + REGION - 1) / REGION);
            regions = new MappedByteBuffer[n];
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                if (ch.size() < offset + count) {
                    throw new DataException(file.getFileName() + " is " + ch.size() + " bytes, shorter than the "
                            + (offset + count) + " its header promises: the file is truncated");
                }
                for (int i = 0; i < n; i++) {
                    long start = offset + i * REGION;
                    regions[i] = ch.map(FileChannel.MapMode.READ_ONLY, start, Math.min(REGION, count - i * REGION));
                }
            }
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public void copyScaled(long at, float[] dst, int off, int len, float scale) {
            copyRegions(regions, REGION, at, dst, off, len, scale);
        }

        @Override
        public boolean onDisk() {
            return true;
        }
    }

    // Per thread, grown to the longest run asked for: the batch is gathered on the training thread.
    private static final ThreadLocal<byte[][]> BYTES = ThreadLocal.withInitial(() -> new byte[1][0]);

    /**
     * copyScaled over values kept in regions, each regionLength long but the last. The bytes are
     * copied out in bulk and converted on the Vector API ({@link Lanes#unsignedBytesScaled}): a
     * buffer read and a conversion per byte took 23 µs for a batch of 64 Fashion-MNIST images, 7%
     * of the benchmark MLP's step.
     */
    private static void copyRegions(ByteBuffer[] regions, long regionLength, long at, float[] dst, int off, int len,
                                    float scale) {
        byte[][] holder = BYTES.get();
        int done = 0;
        while (done < len) {
            long pos = at + done;
            ByteBuffer region = regions[(int) (pos / regionLength)];
            int in = (int) (pos % regionLength);
            int take = (int) Math.min(len - done, region.limit() - in);
            if (holder[0].length < take) {
                holder[0] = new byte[take];
            }
            byte[] bytes = holder[0];
            region.get(in, bytes, 0, take);
            Lanes.unsignedBytesScaled(bytes, 0, dst, off + done, take, scale);
            done += take;
        }
    }
}
