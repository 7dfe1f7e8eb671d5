package org.layerlab.ui.perf;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Formatter;
import javax.management.ObjectName;

/**
 * Keeps JavaFX's scene graph, layout, CSS, text and event code out of the C2 compiler (C1 still
 * compiles it). Measured on 2 cores during training: this code runs a few times a second, so its
 * methods reach C2's thresholds one by one for minutes, and C2 took 6.7% of a core a minute
 * into a second run (12% in the first), out of the core of a training thread. With this
 * directive, in the same second run: C2 1.7%, the window's own threads 5.3% (5.7% before), and
 * the training pool's worker got 89% of its core instead of 84%. The rasterizer (Marlin, Prism)
 * keeps C2: excluding it too brought C2 to 0.7% but made view updates take up to 33 ms instead
 * of 21 and the longest window pause 54 ms. Two rasterizer methods are the exception: Marlin's
 * crossing sort and Renderer._endRendering, which the charts' long paths make hot, were
 * compiled, thrown out and compiled again by C2 16 times each in half a minute (session 5,
 * -XX:+PrintCompilation), C2 taking 14-21% of a core 35-55 s into a CNN run against 5% headless.
 * Left to C1: C2 7-12%, the pool's worker 72% of its core on average instead of 66%, and the
 * renderer's share and the longest view update (21 ms) unchanged. String formatting
 * (Formatter, DecimalFormat), which the views call a few times an update, was next
 * (session 6, JFR, 25-55 s into an mlp run: 460 of C2's 1,300 ms); left to C1, C2 fell from
 * 3.4-4.3% of a core to 1.5% at that point. Uses HotSpot's Compiler Control (JEP 165) through
 * its diagnostic-command bean; on another JVM it does nothing.
 */
public final class UiCompilation {
    private static final String DIRECTIVE = """
            [{
              match: ["javafx/*.*", "com/sun/javafx/*.*", "com/sun/glass/*.*", "com/sun/scenario/*.*",
                      "com/sun/marlin/DualPivotQuicksort20191112Ext.*", "com/sun/marlin/Renderer._endRendering",
                      "java/util/Formatter*.*", "java/text/DecimalFormat*.*"],
              c2: { Exclude: true }
            }]
            """;

    private UiCompilation() {
    }

    /** Adds the directive; true when the JVM took it. */
    public static boolean keepJavaFxOutOfC2() {
        try {
            Path file = Files.createTempFile("layerlab-jit", ".json");
            try {
                Files.writeString(file, DIRECTIVE);
                Object result = ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                        new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
                return String.valueOf(result).contains("1 compiler directives added");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (Exception | LinkageError e) {
            // Not HotSpot, or no management: the window works the same, only the JIT does more.
            return false;
        }
    }
}
