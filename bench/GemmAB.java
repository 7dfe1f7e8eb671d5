import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Two builds' Gemm.multiply in one JVM, alternating windows of 0.5 s, so that the drift of a
 * shared machine (10-50% from minute to minute) falls on both sides alike; separate runs of
 * `bench` cannot tell a 5% change from that drift. Each jar gets its own class loader (and its
 * own worker threads).
 *
 *   java --add-modules jdk.incubator.vector bench/GemmAB.java base.jar new.jar M N K NN|NT|TN|TT [ROUNDS]
 *
 * Prints both medians (GFLOP/s) and the median and range of the per-round ratios new/base. A
 * flag read by the new build only (-Dsome.flag=...) goes before the source file's name.
 *
 * <p>Each loader's copy of the engine is compiled by the JIT on its own, and compiles differ: the
 * same jar on both sides gave 1.10, 1.03, 1.00 and 1.01 in four launches (1024³, 2026-12-06). A
 * difference under about 5% needs several launches, with the jars also in the other order.
 */
public class GemmAB {
    public static void main(String[] s) throws Exception {
        int m = Integer.parseInt(s[2]);
        int n = Integer.parseInt(s[3]);
        int k = Integer.parseInt(s[4]);
        boolean ta = s[5].charAt(0) == 'T';
        boolean tb = s[5].charAt(1) == 'T';
        int rounds = s.length > 6 ? Integer.parseInt(s[6]) : 8;
        Method[] multiply = new Method[2];
        for (int i = 0; i < 2; i++) {
            ClassLoader loader = new URLClassLoader(new URL[] {Path.of(s[i]).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            multiply[i] = Class.forName("org.layerlab.engine.Gemm", true, loader).getMethod("multiply",
                    boolean.class, boolean.class, int.class, int.class, int.class, float[].class, int.class, int.class,
                    float[].class, int.class, int.class, float[].class, int.class, int.class, boolean.class);
        }
        Random rng = new Random(1);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextFloat() - 0.5f;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextFloat() - 0.5f;
        }
        int lda = ta ? m : k;
        int ldb = tb ? k : n;
        double[][] rate = new double[2][rounds];
        // Two rounds untimed (the JIT), then A B, B A, A B ... so neither side always goes first.
        for (int round = -2; round < rounds; round++) {
            for (int turn = 0; turn < 2; turn++) {
                int side = (round & 1) == 0 ? turn : 1 - turn;
                long reps = 0;
                long start = System.nanoTime();
                double seconds;
                do {
                    multiply[side].invoke(null, ta, tb, m, n, k, a, 0, lda, b, 0, ldb, c, 0, n, false);
                    reps++;
                    seconds = (System.nanoTime() - start) / 1e9;
                } while (seconds < 0.5);
                if (round >= 0) {
                    rate[side][round] = 2.0 * m * n * k * reps / seconds / 1e9;
                }
            }
        }
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratio[r] = rate[1][r] / rate[0][r];
        }
        Arrays.sort(ratio);
        Arrays.sort(rate[0]);
        Arrays.sort(rate[1]);
        System.out.printf("%s %dx%dx%d: base %.0f, new %.0f GFLOP/s (medians); new/base per round %.3f (%.3f-%.3f)%n",
                s[5], m, n, k, rate[0][rounds / 2], rate[1][rounds / 2], ratio[rounds / 2], ratio[0], ratio[rounds - 1]);
    }
}
