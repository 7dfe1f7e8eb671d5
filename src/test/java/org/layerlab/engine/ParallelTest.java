package org.layerlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

/** Every index of every loop runs exactly once, loops of all sizes back to back, and failures surface. */
class ParallelTest {
    @Test
    void manyLoopsBackToBackCoverEachIndexExactlyOnce() {
        java.util.Random rng = new java.util.Random(4);
        for (int loop = 0; loop < 20_000; loop++) {
            int n = 1 + rng.nextInt(300);
            AtomicIntegerArray hits = new AtomicIntegerArray(n);
            Parallel.range(n, 1_000_000, (from, to) -> {
                for (int i = from; i < to; i++) {
                    hits.incrementAndGet(i);
                }
            });
            for (int i = 0; i < n; i++) {
                assertEquals(1, hits.get(i), "loop " + loop + " index " + i);
            }
        }
    }

    @Test
    void aFailingChunkFailsTheLoopAndTheNextLoopRunsNormally() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.range(64, 1_000_000, (from, to) -> {
            if (from == 0) {
                throw boom;
            }
        }));
        assertSame(boom, e);
        AtomicIntegerArray hits = new AtomicIntegerArray(64);
        Parallel.range(64, 1_000_000, (from, to) -> {
            for (int i = from; i < to; i++) {
                hits.incrementAndGet(i);
            }
        });
        for (int i = 0; i < 64; i++) {
            assertEquals(1, hits.get(i));
        }
    }

    @Test
    void loopsWithArgumentsSeeTheirOwnArgumentsAndLeaveTheHolderEmpty() {
        java.util.Random rng = new java.util.Random(5);
        for (int loop = 0; loop < 5_000; loop++) {
            int n = 1 + rng.nextInt(300);
            float[] out = new float[n];
            Parallel.Args args = Parallel.args();
            args.a = out;
            args.number = loop;
            // Small loops run inline, large ones split: both paths read the same holder.
            Parallel.range(n, loop % 2 == 0 ? 10 : 1_000_000, args, (p, from, to) -> {
                for (int i = from; i < to; i++) {
                    p.a[i] += (float) p.number + 1;
                }
            });
            assertNull(args.a, "the holder is emptied after the loop, so it keeps no array alive");
            for (int i = 0; i < n; i++) {
                assertEquals(loop + 1f, out[i], "loop " + loop + " index " + i);
            }
        }
    }

    @Test
    void aBodyThatStartsALoopOnTheSameThreadIsStoppedAndTheHolderRecovers() {
        Parallel.Args args = Parallel.args();
        args.a = new float[4];
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Parallel.range(4, 10, args, (p, from, to) -> Parallel.args()));
        assertEquals("a loop body started another loop on the same thread", e.getMessage());
        Parallel.Args again = Parallel.args();
        assertNull(again.a, "emptied after the failed loop");
    }
}
