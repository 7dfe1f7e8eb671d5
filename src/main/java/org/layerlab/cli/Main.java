package org.layerlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.layerlab.export.core.Exporter;
import org.layerlab.export.Exporters;
import org.layerlab.training.TrainingSettingsException;

/**
 * Entry point of the headless command line: {@code java -jar layerlab.jar COMMAND ...}. Every user
 * mistake ends as one line on stderr and a non-zero exit code.
 */
public final class Main {
    private Main() {
    }

    static final String USAGE = """
            Usage: java --add-modules jdk.incubator.vector -jar target/layerlab.jar COMMAND [OPTIONS]

            Commands:
              train PROJECT [--epochs N] [--out FILE] [--report] [--samples DIR] [--checkpoint-every N]
                    Trains the project's network on its dataset and saves weights and history
                    (--samples: an autoencoder's reconstructions, or a GAN's images, of each epoch as PNG and GIF).
              evaluate PROJECT
                    Loss and metrics of the trained network on the project's test data.
              predict PROJECT --input FILE [--top K] [--format text|csv|json] [--id COLUMN]
                    Predictions for CSV rows, text, images (a file, a folder, IDX): class and probability or values.
              validate PROJECT
                    Lists problems with the network, loss and data; exit code 1 if any is an error.
              summary PROJECT
                    Layers, output shapes and parameter counts, as Keras' model.summary().
              export PROJECT --format FORMAT --out DIR [--scale S]
                    Writes the network and its weights for another framework (formats: %s).
              import-weights PROJECT FILE [--out FILE]
                    Reads weights trained elsewhere (an exported train.py's checkpoint) into the project.
              sample PROJECT --count N --out DIR [--seed S]
                    New images from a trained VAE (its decoder on codes from N(0, 1)) or GAN (its generator on noise).
              runs PROJECT
                    The project's recorded runs: each Train keeps its settings, data, history and weights.
              sweep PROJECT --param KEY=VALUES [--param ...] [--strategy grid|random] [--count N] [--seed S]
                    [--epochs N] [--halving ETA] [--metric KEY] [--json] [--out FILE]
                    Trains one run per combination (values: a,b,c or low..high[:log][:steps]); ranks them.
              bench [--quick] [--json FILE] [--data DIR] [--only xor,mlp,cnn,lstm,transformer,gemm,fma] [--profile]
                    Runs the benchmark workloads (README, Performance) and prints one table.
              help  Shows this text.
            """;

    /** The words the command line answers to; anything else in first place is not a command. */
    public static final List<String> COMMANDS = List.of("train", "evaluate", "predict", "validate", "summary", "export",
            "import-weights", "sample", "runs", "sweep", "bench", "help", "--help");

    public static boolean isCommand(String word) {
        return COMMANDS.contains(word);
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs a command and returns its exit code (0 ok, 1 failed, 2 usage or input error, 3 a bug in LayerLab). */
    public static int run(List<String> args, PrintStream rawOut, PrintStream rawErr) {
        PrintStream out = new SafePrintStream(rawOut);
        PrintStream err = new SafePrintStream(rawErr);
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            out.print(USAGE.formatted(exportFormats()));
            return args.isEmpty() ? 2 : 0;
        }
        List<String> rest = args.subList(1, args.size());
        return guarded(args, err, () -> switch (args.get(0)) {
                case "train" -> new TrainCommand(out).run(rest);
                case "evaluate" -> new EvaluateCommand(out).run(rest);
                case "predict" -> new PredictCommand(out).run(rest);
                case "validate" -> new ValidateCommand(out).run(rest);
                case "summary" -> new SummaryCommand(out).run(rest);
                case "bench" -> new BenchCommand(out).run(rest);
                case "export" -> ExportCommand.of(out).run(rest);
                case "import-weights" -> new ImportWeightsCommand(out).run(rest);
                case "sample" -> new SampleCommand(out).run(rest);
                case "runs" -> new RunsCommand(out).run(rest);
                case "sweep" -> new SweepCommand(out, err).run(rest);
                default -> throw new UserError(unknownCommand(args.get(0)));
            });
    }

    /** A command's body. */
    interface Body {
        int run() throws IOException;
    }

    /** Runs a command's body and turns what it throws into an error line and an exit code. */
    static int guarded(List<String> args, PrintStream err, Body body) {
        try {
            return body.run();
        } catch (UserError | TrainingSettingsException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (OutOfMemoryError e) {
            err.println("error: Java ran out of memory (at most " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB): give it more with -Xmx (e.g. java -Xmx8g ...), or use a smaller batch size or network");
            return 1;
        } catch (RuntimeException e) {
            err.println("error: internal error, a bug in LayerLab (" + e.getClass().getSimpleName() + "); "
                    + CrashReport.write(args, e) + ". Please report it with that file.");
            return 3;
        }
    }

    private static String exportFormats() {
        List<String> formats = Exporters.all().stream().map(Exporter::format).toList();
        return formats.isEmpty() ? "none yet" : String.join(", ", formats);
    }

    /** "unknown command 'trian'; did you mean 'train'?": the nearest command within two edits, if any. */
    static String unknownCommand(String word) {
        String best = null;
        int bestDistance = 3;
        for (String c : COMMANDS) {
            int d = editDistance(word, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return "unknown command '" + word + "'; " + (best == null ? "" : "did you mean '" + best + "'? ")
                + "run 'help' for the list";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int swap = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + swap);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
