package org.layerlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.layerlab.data.Dataset;
import org.layerlab.nn.graph.GanChecks;
import org.layerlab.project.DataFiles;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.ProjectSession;
import org.layerlab.training.BatchEvent;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.TrainingListener;
import org.layerlab.training.TrainingResult;
import org.layerlab.training.perf.CpuShares;

/**
 * {@code train PROJECT [--epochs N] [--out FILE] [--checkpoint-every N]}: trains with a live progress line,
 * prints one line per epoch, and saves weights and history into the project (or FILE), the run recorded
 * with its weights at the end (and every N epochs). Ctrl-C stops after
 * the current batch and still saves.
 */
final class TrainCommand {
    private final PrintStream out;

    TrainCommand(PrintStream out) {
        this.out = out;
    }

    /**
     * Saves the trained project; if that fails (the disk filled up, the folder went away), saves it
     * beside the project under another name rather than lose the run, and says where.
     */
    private void saveOrRescue(Project trained, Path target, Path projectFile) throws IOException {
        try {
            // Saved into another folder, the project brings its data along (its paths are relative).
            int copied = DataFiles.bringAlong(trained.dataset(), projectFile.toAbsolutePath().getParent(),
                    target.toAbsolutePath().getParent());
            if (copied > 0) {
                out.println("Copied " + copied + " data file(s) beside " + target.getFileName());
            }
            ProjectFiles.save(trained, target);
        } catch (IOException first) {
            String stem = projectFile.getFileName().toString().replaceFirst("\\.layerlab$", "");
            Path rescue = projectFile.toAbsolutePath().resolveSibling(stem + ".rescued-" + System.currentTimeMillis()
                    + ProjectFiles.EXTENSION);
            ProjectFiles.save(trained, rescue);
            throw new IOException("could not save to " + target + " (" + first.getMessage() + "); the trained project"
                    + " was saved to " + rescue + " instead");
        }
    }

    int run(List<String> argv) throws IOException {
        Args args = new Args(argv, Set.of("epochs", "out", "samples", "checkpoint-every"), Set.of("report"));
        Path file = ProjectArgs.path(args, "train PROJECT [--epochs N] [--out FILE] [--report] [--samples DIR] [--checkpoint-every N]");
        // Refused before an hour of training, not after.
        Path target = ProjectArgs.saveTarget(args, file, "trained");
        int epochs = args.intValue("epochs", 0);
        Project project = ProjectArgs.load(file);
        ProjectSession session = ProjectArgs.openValid(project, file);
        String memory = session.memoryProblem();
        if (memory != null) {
            throw new UserError(memory);
        }
        out.printf("Training %s: %,d parameters, %d training samples%s%n", project.name(),
                session.network().paramCount(), session.data().train().size(),
                session.data().test() == null ? "" : ", " + session.data().test().size() + " test samples");
        // Refused before the shutdown hook is added: a hook left behind would wait for a save forever.
        String samples = args.get("samples", null);
        Dataset shown = session.data().test() != null ? session.data().test() : session.data().train().original();
        TrainingListener pictures = samples == null ? null : new EpochGridPngs(session.network(), shown,
                CliPaths.of(samples, "--samples folder"), project.history().size(), out);
        List<TrainingListener> listeners = new ArrayList<>(List.of(new Progress(out, args.flag("report")
                ? new CpuShares(Thread.currentThread().getName()) : null)));
        if (pictures != null) {
            listeners.add(pictures);
        }
        CountDownLatch saved = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            session.requestStop();
            try {
                saved.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        ProjectSession.Outcome outcome;
        try {
            outcome = session.train(epochs, args.intValue("checkpoint-every", 0), listeners);
            saveOrRescue(outcome.project(), target, file);
        } finally {
            saved.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is already running and waits for the save above.
            }
        }
        TrainingResult r = outcome.result();
        if (r.outcome() == TrainingResult.Outcome.FAILED) {
            out.println("Training failed: " + r.message());
        } else if (r.message() != null) {
            out.println(r.message());
        } else if (r.outcome() == TrainingResult.Outcome.STOPPED) {
            out.println("Stopped after " + r.steps() + " steps.");
        }
        // A GAN has no test metric: its discriminator's labels are real and generated, not the data's.
        if (session.data().test() != null && r.outcome() != TrainingResult.Outcome.FAILED
                && GanChecks.seamOf(project.graph()) == null) {
            out.println("Test: " + format(session.evaluate()));
        }
        out.println("Saved weights and history to " + target);
        return r.outcome() == TrainingResult.Outcome.FAILED ? 1 : 0;
    }

    static String format(Map<String, Double> metrics) {
        StringBuilder sb = new StringBuilder();
        metrics.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "  ").append(k).append(' ')
                .append(k.contains("accuracy") ? String.format("%.2f%%", 100 * v) : String.format("%.4f", v)));
        return sb.toString();
    }

    /** A progress line redrawn at most ten times a second, and a line per epoch. */
    private static final class Progress implements TrainingListener {
        private final PrintStream out;
        private final CpuShares cpu;
        private long lastDraw;
        private long epochStart;

        /** cpu: where processor time went, printed after each epoch; null for none. */
        Progress(PrintStream out, CpuShares cpu) {
            this.out = out;
            this.cpu = cpu;
            if (cpu != null) {
                cpu.start();
            }
        }

        @Override
        public void onBatch(BatchEvent e) {
            long now = System.nanoTime();
            if (e.batch() == 1) {
                epochStart = now;
            }
            // Redrawing a line only makes sense on a terminal; logs get the epoch lines alone.
            if (System.console() == null || now - lastDraw < 100_000_000L && e.batch() != e.batchesPerEpoch()) {
                return;
            }
            lastDraw = now;
            int width = 24;
            int done = (int) ((long) width * e.batch() / e.batchesPerEpoch());
            double elapsed = (now - epochStart) / 1e9;
            double eta = elapsed * (e.batchesPerEpoch() - e.batch()) / e.batch();
            out.printf("\repoch %d  [%s%s] %d/%d  loss %.4f  %,.0f samples/s  ETA %.0f s  ", e.epoch(), "=".repeat(done),
                    " ".repeat(width - done), e.batch(), e.batchesPerEpoch(), e.loss(), e.samplesPerSecond(), eta);
            out.flush();
        }

        @Override
        public void onEpoch(EpochEvent e) {
            out.printf("%sepoch %d  %s  (%.1f s, %,.0f samples/s)%s%n", System.console() == null ? "" : "\r", e.epoch(),
                    format(e.metrics()), e.seconds(), e.samplesPerSecond(), System.console() == null ? "" : " ".repeat(10));
            if (cpu != null) {
                out.println("  " + cpu.report());
            }
        }
    }
}
