package org.layerlab.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.layerlab.nn.Loss;

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
              train PROJECT [--epochs N] [--out FILE]
                    Trains the project's network on its dataset and saves weights and history.
              evaluate PROJECT
                    Loss and metrics of the trained network on the project's test data.
              predict PROJECT --input CSV
                    Predictions for each row of a CSV file with the training features.
              validate PROJECT
                    Lists problems with the network, loss and data; exit code 1 if any is an error.
              summary PROJECT
                    Layers, output shapes and parameter counts, as Keras' model.summary().
              bench [--quick] [--json FILE] [--data DIR] [--only xor,mlp,cnn,gemm]
                    Runs the performance workloads of PERFORMANCE.md and prints one table.
              help  Shows this text.
            """;

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs a command and returns its exit code (0 ok, 1 failed, 2 usage or input error). */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "train" -> new TrainCommand(out).run(rest);
                case "evaluate" -> new EvaluateCommand(out).run(rest);
                case "predict" -> new PredictCommand(out).run(rest);
                case "validate" -> new ValidateCommand(out).run(rest);
                case "summary" -> new SummaryCommand(out).run(rest);
                case "bench" -> new BenchCommand(out).run(rest);
                default -> throw new UserError("unknown command '" + args.get(0) + "'; run 'help' for the list");
            };
        } catch (UserError e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (java.io.IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
