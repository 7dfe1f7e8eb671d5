package org.layerlab.training.perf;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the machine's processor time went between two reports (for {@code --report} in the
 * window and in {@code train}, once per epoch): the training threads (the one running the
 * {@link Trainer} and the pool's workers), every other Java thread (in the window: JavaFX and what
 * feeds it), and the rest of the process, which is the JIT compiler and the garbage collector
 * (Java does not list their threads). The window's share is the time it takes from training
 * directly (sharing the caches may cost training more), and unlike samples per second it hardly
 * moves with whatever else the machine is doing.
 */
public final class CpuShares {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final String trainingThread;
    private Map<Long, Long> lastCpu = new HashMap<>();
    private long lastProcess;
    private long lastWall;

    /** trainingThread: the name of the thread that runs the training loop. */
    public CpuShares(String trainingThread) {
        this.trainingThread = trainingThread;
    }

    public void start() {
        lastCpu = threadTimes();
        lastProcess = PROCESS.getProcessCpuTime();
        lastWall = System.nanoTime();
    }

    /** One line: each group's share of all cores' time since the last report (or the start). */
    public String report() {
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        Map<Long, Long> now = new HashMap<>();
        long training = 0;
        long window = 0;
        for (int i = 0; i < ids.length; i++) {
            long cpu = THREADS.getThreadCpuTime(ids[i]);
            if (cpu < 0 || infos[i] == null) {
                continue;
            }
            now.put(ids[i], cpu);
            long used = cpu - lastCpu.getOrDefault(ids[i], 0L);
            if (isTraining(infos[i].getThreadName())) {
                training += used;
            } else {
                window += used;
            }
        }
        long process = PROCESS.getProcessCpuTime();
        long wall = System.nanoTime();
        int cores = Runtime.getRuntime().availableProcessors();
        double machine = (double) (wall - lastWall) * cores;
        long rest = Math.max(0, (process - lastProcess) - training - window);
        lastCpu = now;
        lastProcess = process;
        lastWall = wall;
        return String.format("processor time, share of all %d cores: training %.1f%%, other threads "
                + "%.1f%%, JIT compiler and garbage collector %.1f%%", cores, 100 * training / machine,
                100 * window / machine, 100 * rest / machine);
    }

    private static Map<Long, Long> threadTimes() {
        Map<Long, Long> times = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            times.put(id, Math.max(0, THREADS.getThreadCpuTime(id)));
        }
        return times;
    }

    private boolean isTraining(String name) {
        return name.equals(trainingThread) || name.startsWith("layerlab-worker-");
    }
}
