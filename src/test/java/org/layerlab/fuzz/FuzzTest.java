package org.layerlab.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.cli.Main;
import org.layerlab.data.CsvLoader;
import org.layerlab.data.DataException;
import org.layerlab.data.FeatureEncoder;

/**
 * Seeded fuzzing of what users hand LayerLab: mutants of every small sample project go through
 * {@code validate} and {@code summary} (parse, data, analysis), mutants of CSV files through the
 * loader with each missing-value choice. A mutant may be refused, with an error line and exit
 * code 1 or 2, never crash (exit 3, any other exception) or hang (10 s). Bounded to
 * {@code layerlab.fuzz.seconds} (default 40) so it fits in {@code mvn verify}; for a longer run:
 * {@code mvn test -Dtest=FuzzTest -Dlayerlab.fuzz.seconds=600 -Dlayerlab.fuzz.seed=7}. A failing
 * mutant is written to target/fuzz-failures/ with its seed.
 */
class FuzzTest {
    private static final long SEED = Long.getLong("layerlab.fuzz.seed", 20261206L);
    private static final long SECONDS = Long.getLong("layerlab.fuzz.seconds", 40);
    private static final long HANG_SECONDS = 10;
    private static final List<String> PROJECTS = List.of("xor", "square", "iris", "wine", "breast_cancer",
            "boston_housing", "digits_cnn", "residual_digits", "spirals");
    private static final List<String> CSVS = List.of("iris.csv", "xor.csv", "boston_housing.csv");

    @TempDir
    static Path dir;
    private static ExecutorService worker;

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        try (var files = Files.list(Path.of("samples", "data"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve("data").resolve(f.getFileName()));
            }
        }
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() {
        worker.shutdownNow();
    }

    @Test
    void mutatedProjectsAreRefusedOrAcceptedButNeverCrashOrHang() throws Exception {
        Mutator m = new Mutator(SEED);
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L / 2;
        List<String> failures = new ArrayList<>();
        int mutants = 0;
        int refused = 0;
        while (System.nanoTime() < deadline && failures.size() < 5) {
            String sample = PROJECTS.get(mutants % PROJECTS.size());
            String mutant = m.mutate(Files.readString(Path.of("samples", sample + ".layerlab")), 0.7);
            Path file = dir.resolve("m.layerlab");
            Files.writeString(file, mutant);
            for (String command : List.of("validate", "summary")) {
                String outcome = runCommand(command, file);
                if (outcome.startsWith("crash")) {
                    failures.add(save("project-" + sample + "-" + mutants, mutant, command + ": " + outcome));
                } else if (outcome.equals("2")) {
                    refused++;
                }
            }
            mutants++;
        }
        System.out.printf("fuzz: %d project mutants, %d refusals by validate or summary, %d failures (seed %d)%n",
                mutants, refused, failures.size(), SEED);
        assertEquals(List.of(), failures, mutants + " mutants, seed " + SEED);
        assertTrue(mutants > 100, "only " + mutants + " mutants in the time");
        assertTrue(refused > 0 && refused < 2 * mutants, "some refused and some not: " + refused + " of " + mutants);
    }

    @Test
    void mutatedCsvFilesLoadOrAreRefusedWithAMessage() throws Exception {
        Mutator m = new Mutator(SEED + 1);
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L / 2;
        List<String> failures = new ArrayList<>();
        int mutants = 0;
        while (System.nanoTime() < deadline && failures.size() < 5) {
            String sample = CSVS.get(mutants % CSVS.size());
            String mutant = m.mutate(Files.readString(dir.resolve("data").resolve(sample)), 0);
            Path file = dir.resolve("m.csv");
            Files.writeString(file, mutant);
            FeatureEncoder.Missing missing = FeatureEncoder.Missing.values()[mutants % 3];
            Future<?> f = worker.submit(() -> {
                try {
                    CsvLoader.load(file, new CsvLoader.Options(null, CsvLoader.Task.AUTO, List.of(), missing));
                } catch (DataException | IOException e) {
                    if (e.getMessage() == null || e.getMessage().isBlank()) {
                        throw new AssertionError("a refusal without a message", e);
                    }
                }
                return null;
            });
            String outcome = outcome(f);
            if (outcome != null) {
                failures.add(save("csv-" + sample + "-" + mutants, mutant, missing + ": " + outcome));
            }
            mutants++;
        }
        System.out.printf("fuzz: %d CSV mutants, %d failures (seed %d)%n", mutants, failures.size(), SEED);
        assertEquals(List.of(), failures, mutants + " mutants, seed " + SEED);
        assertTrue(mutants > 100, "only " + mutants + " mutants in the time");
    }

    /** The exit code as text, or "crash: ..." for exit 3, an exception or a hang. */
    private static String runCommand(String command, Path file) throws InterruptedException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Future<Integer> f = worker.submit(() -> Main.run(List.of(command, file.toString()),
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        String problem = outcome(f);
        if (problem != null) {
            return "crash: " + problem;
        }
        try {
            int code = f.get();
            return code == 3 ? "crash: " + err.toString(StandardCharsets.UTF_8) : Integer.toString(code);
        } catch (Exception e) {
            return "crash: " + e;
        }
    }

    /** Null when the task ended normally, else what went wrong (a hang leaves the worker replaced). */
    private static String outcome(Future<?> f) throws InterruptedException {
        try {
            f.get(HANG_SECONDS, TimeUnit.SECONDS);
            return null;
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "fuzz");
                t.setDaemon(true);
                return t;
            });
            return "hang (over " + HANG_SECONDS + " s)";
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        }
    }

    private static String save(String name, String mutant, String what) {
        try {
            Path out = Files.createDirectories(Path.of("target", "fuzz-failures"));
            Files.writeString(out.resolve(name + ".txt"), "seed " + SEED + "\n" + what + "\n----\n" + mutant);
        } catch (IOException e) {
            // The failure is reported either way.
        }
        return name + ": " + (what.length() > 300 ? what.substring(0, 300) + "…" : what);
    }
}
