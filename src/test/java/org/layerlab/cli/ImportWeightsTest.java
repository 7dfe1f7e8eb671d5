package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * import-weights on files that are not what it wants: each is refused with what is wrong (exit 2),
 * none crashes, and the project file stays byte for byte as it was.
 */
class ImportWeightsTest {
    @TempDir
    Path dir;

    private Path project() throws Exception {
        return XorProject.copyInto(dir);
    }

    private static byte[] safetensors(String header, int dataBytes) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        return b.array();
    }

    private void refused(Path p, byte[] file, String says) throws Exception {
        byte[] before = Files.readAllBytes(p);
        Path f = dir.resolve("checkpoint.safetensors");
        Files.write(f, file);
        Run r = Run.of("import-weights", p.toString(), f.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(says), r.err());
        assertTrue(r.err().contains("the project is unchanged"), r.err());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(p));
    }

    @Test
    void brokenOrForeignFilesAreRefusedAndTheProjectStays() throws Exception {
        Path p = project();
        refused(p, new byte[] {1, 2, 3}, "is not a safetensors file: it is only 3 bytes long");
        byte[] huge = safetensors("{}", 0);
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(0, Long.MAX_VALUE);
        refused(p, huge, "its header length");
        refused(p, safetensors("[1, 2]", 0), "its header is not a JSON object");
        refused(p, safetensors("{\"dense.weight\": {\"dtype\": \"F16\", \"shape\": [4, 2], \"data_offsets\": [0, 16]}}", 16),
                "is F16; LayerLab reads F32");
        refused(p, safetensors("{\"dense.weight\": {\"dtype\": \"F32\", \"shape\": [4, 2], \"data_offsets\": [0, 999]}}", 32),
                "lies outside the file or does not match its shape");
        refused(p, safetensors("{\"other.weight\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}}", 4),
                "lacks dense.bias, dense.weight");
    }

    @Test
    void aCheckpointWithNaNIsRefused() throws Exception {
        Path p = project();
        Path out = dir.resolve("out");
        assertEquals(0, Run.of("export", p.toString(), "--format", "pytorch", "--out", out.toString()).code());
        byte[] weights = Files.readAllBytes(out.resolve("model.safetensors"));
        long headerLength = ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        // The first float of the data becomes NaN: training diverged.
        ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN).putFloat((int) (8 + headerLength), Float.NaN);
        refused(p, weights, "holds a value that is not a number");
    }
}
