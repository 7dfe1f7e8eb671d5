package org.layerlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.GsonBuilder;
import org.layerlab.data.ByteImageDataset;
import org.layerlab.data.Dataset;
import org.layerlab.engine.Gemm;
import org.layerlab.engine.Parallel;

/**
 * {@code bench}: runs the PERFORMANCE.md workloads (xor, mlp, cnn on full Fashion-MNIST, gemm
 * 256–2048) and prints one table; training workloads as the median of timed windows with their
 * spread ({@link TimedWindows}); {@code --quick} uses the shipped 6000-image subset and shorter
 * runs, {@code --json FILE} also writes the rows as JSON (read by bench/compare.py), {@code
 * --profile} adds where the mlp's, cnn's, lstm's and transformer's step time goes ({@link BenchProfile}).
 */
final class BenchCommand {
    static final Path DEFAULT_DATA = Path.of("/usr/share/datasets/fashion-mnist");
    static final Path SUBSET = Path.of("samples", "data", "fashion-mnist-small");
    private final PrintStream out;

    BenchCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argv) {
        Args args = new Args(argv, Set.of("json", "data", "only"), Set.of("quick", "profile"));
        boolean quick = args.flag("quick");
        Set<String> only = Set.copyOf(Arrays.asList(args.get("only", "xor,mlp,cnn,lstm,transformer,gemm").split(",")));
        for (String w : only) {
            if (!Set.of("xor", "mlp", "cnn", "lstm", "transformer", "gemm", "fma", "memory").contains(w)) {
                throw new UserError("unknown workload '" + w + "' in --only; choose from xor, mlp, cnn, lstm, transformer,"
                        + " gemm, fma (the peak alone), memory (the bandwidth alone)");
            }
        }
        out.printf("LayerLab bench: %d threads, GEMM kernel %s, Java %s, max heap %d MB%s%n", Parallel.threads(),
                Gemm.kernelName(), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                Gemm.vectorAvailable() ? "" : " (run java with --add-modules jdk.incubator.vector for the fast kernel)");
        // Quick: a smoke run of the same protocol (CI's test), its figures mean little.
        double window = quick ? 0.3 : 2.0;
        int windows = quick ? 3 : 5;
        List<BenchResult> rows = new ArrayList<>();
        if (only.contains("xor")) {
            rows.add(print(BenchWorkloads.xor(window, windows)));
        }
        if (only.contains("mlp") || only.contains("cnn")) {
            Dataset[] data = loadData(args.get("data", null), quick);
            if (only.contains("mlp")) {
                rows.add(print(BenchWorkloads.mlp(data[0], data[1], window, windows)));
            }
            if (only.contains("cnn")) {
                rows.add(print(BenchWorkloads.cnn(data[0], data[1], window, windows)));
            }
            if (args.flag("profile") && only.contains("mlp")) {
                BenchProfile.print(out, "mlp", BenchWorkloads.mlpNetwork(data[0]), 64, data[0], quick ? 2_000 : 20_000);
            }
            if (args.flag("profile") && only.contains("cnn")) {
                BenchProfile.print(out, "cnn", BenchWorkloads.cnnNetwork(data[0]), 32, data[0], quick ? 500 : 4_000);
            }
        }
        if (only.contains("lstm")) {
            rows.add(print(BenchSequences.lstm(quick, window, windows)));
        }
        if (only.contains("transformer")) {
            rows.add(print(BenchSequences.transformer(quick, window, windows)));
        }
        if (args.flag("profile") && only.contains("lstm")) {
            BenchProfile.print(out, "lstm", BenchSequences.lstmNetwork(), 64, BenchSequences.sequences(2048, 1),
                    quick ? 512 : 2048);
        }
        if (args.flag("profile") && only.contains("transformer")) {
            BenchProfile.print(out, "transformer", BenchSequences.transformerNetwork(), 32,
                    BenchSequences.markedTokens(2048, 1), quick ? 512 : 2048);
        }
        if (only.contains("memory")) {
            rows.add(print(BenchWorkloads.memoryBandwidth(quick ? 0.3 : 1.0)));
        }
        if (only.contains("fma") && !only.contains("gemm")) {
            rows.add(print(BenchWorkloads.fmaPeak(quick ? 0.3 : 2.0)));
        }
        if (only.contains("gemm")) {
            BenchResult peak = print(BenchWorkloads.fmaPeak(quick ? 0.3 : 2.0));
            rows.add(peak);
            for (int n : quick ? new int[] {256, 1024} : new int[] {256, 512, 1024, 2048}) {
                BenchResult r = BenchWorkloads.gemm(n, quick ? 0.3 : 2.0);
                rows.add(print(r.withNote(String.format("%s, %.0f%% of fma peak", r.note(),
                        100 * r.figure() / peak.figure()))));
            }
        }
        String json = args.get("json", null);
        if (json != null) {
            writeJson(CliPaths.of(json, "--json file"), rows);
        }
        return 0;
    }

    private Dataset[] loadData(String dir, boolean quick) {
        return loadData(dir, quick, out);
    }

    /** Fashion-MNIST's training and test sets from dir, or the full set or else the subset shipped in samples/. */
    static Dataset[] loadData(String dir, boolean quick, PrintStream out) {
        Path base = dir != null ? CliPaths.of(dir, "--data folder") : quick || !Files.isDirectory(DEFAULT_DATA) ? SUBSET : DEFAULT_DATA;
        if (dir == null && !quick && base == SUBSET) {
            out.println("note: full Fashion-MNIST not found in " + DEFAULT_DATA
                    + " (apt-get install dataset-fashion-mnist); using the 6000-image subset");
        }
        try {
            return new Dataset[] {
                ByteImageDataset.loadIdx(find(base, "train-images-idx3-ubyte"), find(base, "train-labels-idx1-ubyte"), null),
                ByteImageDataset.loadIdx(find(base, "t10k-images-idx3-ubyte"), find(base, "t10k-labels-idx1-ubyte"), null)
            };
        } catch (IOException e) {
            throw new UserError("cannot read Fashion-MNIST from " + base + ": " + e.getMessage());
        }
    }

    private static Path find(Path dir, String stem) {
        for (String name : new String[] {stem + ".gz", stem}) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new UserError("no " + stem + "(.gz) in " + dir);
    }

    private BenchResult print(BenchResult r) {
        String spread = r.hasSpread() ? String.format("%,.0f–%,.0f", r.low(), r.high()) : "";
        out.printf("%-11s %13s %-10s %-17s %8s %8s  %s%n", r.workload(), String.format("%,.1f", r.figure()), r.unit(),
                spread,
                Double.isNaN(r.accuracy()) ? "" : String.format("%.2f%%", 100 * r.accuracy()),
                String.format("%d MB", r.peakHeapBytes() >> 20), r.note());
        return r;
    }

    private static void writeJson(Path file, List<BenchResult> rows) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (BenchResult r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("workload", r.workload());
            m.put("figure", r.figure());
            if (r.hasSpread()) {
                m.put("low", r.low());
                m.put("high", r.high());
            }
            m.put("unit", r.unit());
            if (!Double.isNaN(r.accuracy())) {
                m.put("testAccuracy", r.accuracy());
            }
            m.put("peakHeapBytes", r.peakHeapBytes());
            m.put("note", r.note());
            list.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("threads", Parallel.threads());
        doc.put("gemmKernel", Gemm.kernelName());
        doc.put("java", System.getProperty("java.version"));
        doc.put("results", list);
        try {
            Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(doc) + "\n");
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage());
        }
    }
}
