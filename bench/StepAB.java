import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntSupplier;

/**
 * Two builds' training of the benchmark's mlp or cnn in one JVM, taking turns in windows of
 * about 0.5 s (BenchSlices in each jar, each in its own class loader with its own worker threads),
 * so that the machine's slow spells fall on both alike. Separate runs of `bench` cannot tell a
 * 5% change here: the same build's mlp gave 71k and 173k samples/s in runs a minute apart.
 *
 *   java --add-modules jdk.incubator.vector bench/StepAB.java base.jar new.jar mlp|cnn [ROUNDS] [DATA_DIR]
 *
 * Each round runs both builds, in alternating order, one window each; after a warm-up of 4 s a
 * build. Prints both medians (samples/s) and the median and range of the per-round ratios
 * new/base. As with GemmAB, each loader's code is compiled on its own: run it twice, the jars
 * in both orders, before believing a difference of a few percent.
 */
public class StepAB {
    public static void main(String[] s) throws Exception {
        String workload = s[2];
        int rounds = s.length > 3 ? Integer.parseInt(s[3]) : 12;
        String data = s.length > 4 ? s[4] : null;
        IntSupplier[] sides = new IntSupplier[2];
        for (int i = 0; i < 2; i++) {
            ClassLoader loader = new URLClassLoader(new URL[] {Path.of(s[i]).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            sides[i] = (IntSupplier) Class.forName("org.layerlab.cli.BenchSlices", true, loader)
                    .getMethod("of", String.class, String.class).invoke(null, workload, data);
        }
        for (IntSupplier side : sides) {
            window(side, 4.0);
        }
        double[][] rates = new double[2][rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < 2; j++) {
                int i = r % 2 == 0 ? j : 1 - j;
                rates[i][r] = window(sides[i], 0.5);
            }
            ratios[r] = rates[1][r] / rates[0][r];
            System.out.printf("round %2d: base %,.0f new %,.0f samples/s, new/base %.3f%n", r + 1, rates[0][r],
                    rates[1][r], ratios[r]);
        }
        Arrays.sort(ratios);
        System.out.printf("%s: base %,.0f, new %,.0f samples/s (medians); new/base per round %.3f (%.3f-%.3f)%n",
                workload, median(rates[0]), median(rates[1]), median(ratios), ratios[0], ratios[rounds - 1]);
        System.exit(0);
    }

    /** Trains slices for at least the given seconds; samples a second. */
    private static double window(IntSupplier side, double seconds) {
        long start = System.nanoTime();
        long samples = 0;
        long now;
        do {
            samples += side.getAsInt();
            now = System.nanoTime();
        } while (now - start < seconds * 1e9);
        return samples / ((now - start) / 1e9);
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
