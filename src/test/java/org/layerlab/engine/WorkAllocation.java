package org.layerlab.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/** For allocation tests: bytes allocated so far by the threads that do the engine's work. */
public final class WorkAllocation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private WorkAllocation() {
    }

    /**
     * This thread and the pool's workers. Other threads left from earlier tests (JavaFX's among
     * them) allocate on their own schedule. A reading itself allocates arrays as long as the
     * number of live threads, which lands in the next interval: take it off or cancel it out.
     */
    public static long bytesSoFar() {
        long sum = THREADS.getCurrentThreadAllocatedBytes();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("layerlab-worker-")) {
                sum += Math.max(0, THREADS.getThreadAllocatedBytes(info.getThreadId()));
            }
        }
        return sum;
    }
}
