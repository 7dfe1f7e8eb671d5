package org.layerlab.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
        return new Heap(values);
    }

    /** Maps count bytes of file from offset, read-only. */
    public static PixelStore map(Path file, long offset, long count) throws IOException {
        return new Mapped(file, offset, count);
    }

    static final class Heap extends PixelStore {
        private final byte[] values;

        Heap(byte[] values) {
            this.values = values;
        }

        byte[] bytes() {
            return values;
        }

        @Override
        public long size() {
            return values.length;
        }

        @Override
        public void copyScaled(long at, float[] dst, int off, int len, float scale) {
            int src = (int) at;
            for (int k = 0; k < len; k++) {
                dst[off + k] = (values[src + k] & 0xff) * scale;
            }
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
            int done = 0;
            while (done < len) {
                long pos = at + done;
                ByteBuffer region = regions[(int) (pos / REGION)];
                int in = (int) (pos % REGION);
                int take = (int) Math.min(len - done, region.limit() - in);
                for (int k = 0; k < take; k++) {
                    dst[off + done + k] = (region.get(in + k) & 0xff) * scale;
                }
                done += take;
            }
        }

        @Override
        public boolean onDisk() {
            return true;
        }
    }
}
