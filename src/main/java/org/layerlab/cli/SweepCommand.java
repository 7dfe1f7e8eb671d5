package org.layerlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.ProjectSession;
import org.layerlab.project.sweeps.Sweep;
import org.layerlab.project.sweeps.SweepParameter;
import org.layerlab.project.sweeps.SweepRunner;

/**
 * {@code sweep PROJECT --param KEY=VALUES ... [--strategy grid|random] [--count N] [--seed S]
 * [--epochs N] [--halving ETA] [--metric KEY] [--json] [--out FILE]}: trains one trial per combination, prints a
 * line per trial and then the results best first (or JSON), and saves every trial as a run of the
 * project after it ends, so Ctrl-C keeps the finished ones.
 */
final class SweepCommand {
    static final String USAGE = "sweep PROJECT --param KEY=VALUES [--param ...] [--strategy grid|random] [--count N]"
            + " [--seed S] [--epochs N] [--halving ETA] [--metric KEY] [--json] [--out FILE]";
    private final PrintStream out;
    /** Where progress goes when out carries JSON. */
    private final PrintStream err;

    SweepCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> argv) throws IOException {
        Args args = new Args(argv, Set.of("param", "strategy", "count", "seed", "epochs", "metric", "out", "halving"), Set.of("json"));
        Path file = ProjectArgs.path(args, USAGE);
        Path target = ProjectArgs.saveTarget(args, file, "swept");
        Project project = ProjectArgs.load(file);
        ProjectSession session = ProjectArgs.openValid(project, file);
        Sweep sweep = sweep(args, project, session.data().test() != null);
        try {
            SweepRunner.check(project, session.data(), sweep);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        int total = sweep.trials().size();
        boolean json = args.flag("json");
        PrintStream log = json ? err : out;
        log.printf("Sweep of %s: %d trial%s of %d epoch%s, ranked by %s (%s is better)%n", project.name(), total,
                total == 1 ? "" : "s", sweep.epochs(), sweep.epochs() == 1 ? "" : "s", sweep.metric(), sweep.higherIsBetter() ? "higher" : "lower");
        SweepRunner runner = new SweepRunner();
        Thread hook = new Thread(runner::cancel);
        Runtime.getRuntime().addShutdownHook(hook);
        SweepRunner.Result result;
        try {
            result = runner.run(project, file.toAbsolutePath().getParent(), session.data(), sweep, new SweepRunner.Progress() {
                @Override
                public void trialStarted(int number, int of, Map<String, String> settings) {
                    log.printf("trial %d/%d  %s%n", number, of, SweepRunner.describe(settings));
                }

                @Override
                public void roundStarted(int round, int trials, int epochs) {
                    log.printf("round %d: the best %d go on to %d epochs%n", round + 1, trials, epochs);
                }

                @Override
                public void trialEnded(SweepRunner.Trial t, int of, Project p) {
                    log.println(t.error() != null ? "  failed: " + t.error()
                            : String.format(Locale.ROOT, "  %s %s  (run %s)", sweep.metric(), number(t.metric()), t.runId()));
                    try {
                        ProjectFiles.save(p, target);
                    } catch (IOException e) {
                        throw new UserError("cannot save the trials to " + target + ": " + e.getMessage());
                    }
                }
            });
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the trial in progress stops after its batch; the finished ones are saved.
            }
        }
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(toJson(sweep, result)));
        } else {
            table(sweep, result);
        }
        long saved = result.project().runs().runs().size() - project.runs().runs().size();
        log.println((result.cancelled() ? "Cancelled; " : "") + "saved " + saved + " run" + (saved == 1 ? "" : "s") + " to "
                + target);
        return result.trials().stream().allMatch(t -> t.error() != null) ? 1 : 0;
    }

    private static Sweep sweep(Args args, Project project, boolean testData) {
        List<String> params = args.all("param");
        if (params.isEmpty()) {
            throw new UserError("give at least one --param, e.g. --param learning_rate=1e-4..1e-1:log:4 --param "
                    + "dense.units=16,32,64\nusage: " + USAGE);
        }
        try {
            List<SweepParameter> parsed = new ArrayList<>();
            params.forEach(p -> parsed.add(SweepParameter.parse(p)));
            String strategy = args.get("strategy", args.get("count", null) != null ? "random" : "grid");
            Sweep.Strategy s = switch (strategy) {
                case "grid" -> Sweep.Strategy.GRID;
                case "random" -> Sweep.Strategy.RANDOM;
                default -> throw new UserError("--strategy is grid or random, not '" + strategy + "'");
            };
            String metric = args.get("metric", defaultMetric(project, testData));
            long seed;
            try {
                seed = Long.parseLong(args.get("seed", "42"));
            } catch (NumberFormatException e) {
                throw new UserError("--seed must be a whole number");
            }
            int halving;
            try {
                halving = Integer.parseInt(args.get("halving", "0"));
            } catch (NumberFormatException e) {
                throw new UserError("--halving is η, a whole number from 2 to 10 (the best 1/η of the trials go on each round)");
            }
            return new Sweep(parsed, s, args.intValue("count", 10), seed,
                    args.intValue("epochs", project.training().epochs()), metric, halving);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Validation accuracy (or loss) when the runs validate, else the training figure. */
    private static String defaultMetric(Project p, boolean testData) {
        boolean validated = p.training().validationSplit() > 0 || testData;
        String m = p.training().loss().kind().isClassification() && p.training().metrics().stream()
                .anyMatch(x -> x.key().equals("accuracy")) ? "accuracy" : "loss";
        return validated ? "val_" + m : m;
    }

    private void table(Sweep sweep, SweepRunner.Result result) {
        List<String> keys = sweep.parameters().stream().map(SweepParameter::key).toList();
        List<SweepRunner.Trial> ranked = ranked(sweep, result);
        StringBuilder head = new StringBuilder(String.format("%-6s", "trial"));
        keys.forEach(k -> head.append(String.format("  %-14s", k)));
        head.append(String.format("  %6s  %-12s  %s", "epochs", sweep.metric(), "run"));
        out.println();
        out.println(head);
        for (SweepRunner.Trial t : ranked) {
            StringBuilder row = new StringBuilder(String.format("%-6d", t.number()));
            keys.forEach(k -> row.append(String.format("  %-14s", t.settings().get(k))));
            row.append(String.format(Locale.ROOT, "  %6d  %-12s  %s", t.epochs(), t.error() != null ? "failed" : number(t.metric()),
                    t.runId() == null ? "-" : t.runId()));
            out.println(row);
        }
        SweepRunner.Trial best = result.best(sweep);
        if (best != null) {
            out.println("Best: trial " + best.number() + " (" + SweepRunner.describe(best.settings()) + "), run "
                    + best.runId() + "; restore it in the window's Runs tab");
        }
    }

    private static List<SweepRunner.Trial> ranked(Sweep sweep, SweepRunner.Result result) {
        Comparator<SweepRunner.Trial> byMetric = Comparator.comparingDouble(t -> sweep.higherIsBetter() ? -t.metric() : t.metric());
        List<SweepRunner.Trial> ranked = new ArrayList<>(result.trials());
        // Failed trials and NaN metrics last, in the order they ran.
        ranked.sort(Comparator.<SweepRunner.Trial, Boolean>comparing(t -> t.error() != null || Double.isNaN(t.metric()))
                .thenComparing(byMetric));
        return ranked;
    }

    private static JsonObject toJson(Sweep sweep, SweepRunner.Result result) {
        JsonObject o = new JsonObject();
        o.addProperty("metric", sweep.metric());
        o.addProperty("higher_is_better", sweep.higherIsBetter());
        o.addProperty("cancelled", result.cancelled());
        JsonArray trials = new JsonArray();
        for (SweepRunner.Trial t : ranked(sweep, result)) {
            JsonObject j = new JsonObject();
            j.addProperty("trial", t.number());
            JsonObject s = new JsonObject();
            t.settings().forEach(s::addProperty);
            j.add("settings", s);
            if (t.runId() != null) {
                j.addProperty("run", t.runId());
            }
            j.addProperty("epochs", t.epochs());
            if (!Double.isNaN(t.metric())) {
                j.addProperty(sweep.metric(), t.metric());
            }
            if (t.error() != null) {
                j.addProperty("error", t.error());
            }
            trials.add(j);
        }
        o.add("trials", trials);
        SweepRunner.Trial best = result.best(sweep);
        if (best != null) {
            o.addProperty("best_run", best.runId());
        }
        return o;
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }
}
