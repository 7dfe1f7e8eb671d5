package org.layerlab.nn.graph;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.ops.ActivationFunction;
import org.layerlab.nn.Loss;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.HasActivation;
import org.layerlab.nn.layers.Input;

/**
 * Whether a network fits what it will train with: its output against the loss and the data's
 * targets, its Input against the data's samples. Part of {@link GraphAnalysis} (a GAN's training
 * is checked by {@link GanChecks} instead); each problem in plain words, with a fix where one is obvious.
 */
final class TrainingChecks {
    private TrainingChecks() {
    }

    /** The output against the loss (units, activation) and the data's targets (classes, width). */
    static void checkLoss(NetworkGraph graph, NodeInfo oi, String outputId, Loss loss, DataSummary data,
                          List<Problem> problems) {
        GraphNode out = graph.require(outputId);
        if (oi == null || oi.outputShape() == null) {
            return;
        }
        int units = oi.outputShape().size();
        if (reproducesInputWithoutInputTarget(graph, units, data)) {
            // The other checks would say "set units to 1" or blame the loss: the network is fine, the target is not.
            problems.add(Problem.error(outputId, out.name() + " gives " + units + " values, the size of the input, as"
                    + " an autoencoder does, but the data's target is " + (data.classes() > 0 ? "a class"
                    : data.targetWidth() + " value(s)") + " per sample: in the data dialog tick \"Target: the input"
                    + " itself\""));
            return;
        }
        ActivationFunction act = out.spec() instanceof HasActivation h ? h.activation().function() : ActivationFunction.LINEAR;
        Loss.Kind kind = loss.kind();
        Fix unitsFix = null;
        if (kind.isCategorical()) {
            if (units == 1) {
                Problem p = Problem.error(outputId, kind.kerasName() + " needs one output unit per class but " + out.name()
                        + " has 1: use binary_crossentropy with a sigmoid output for two classes, or set units to the class count");
                if (data != null && data.classes() > 1 && out.spec() instanceof Dense d) {
                    p = p.withFix(Fixes.setUnits(outputId, d, data.classes()));
                }
                problems.add(p);
            } else if (act != ActivationFunction.SOFTMAX && !loss.fromLogits()) {
                problems.add(Problem.warning(outputId, kind.kerasName() + " expects probabilities, but " + out.name()
                        + " ends in " + act.kerasName() + ": give it a softmax activation"));
            }
            if (data != null && data.classes() > units) {
                unitsFix = out.spec() instanceof Dense d ? Fixes.setUnits(outputId, d, data.classes()) : null;
                Problem p = Problem.error(outputId, "The data has " + data.classes() + " classes (labels 0.."
                        + (data.classes() - 1) + ") but " + out.name() + " has " + units + " units: set units to "
                        + data.classes());
                problems.add(unitsFix == null ? p : p.withFix(unitsFix));
            }
        }
        if (kind.isBinary() && act != ActivationFunction.SIGMOID && !loss.fromLogits()) {
            problems.add(Problem.warning(outputId, kind.kerasName() + " expects probabilities, but " + out.name()
                    + " ends in " + act.kerasName() + ": give it a sigmoid activation"));
        }
        // kl_divergence and cosine_similarity compare distributions or directions: a softmax output suits them.
        boolean comparesShapes = kind == Loss.Kind.KL_DIVERGENCE || kind == Loss.Kind.COSINE_SIMILARITY;
        if (!kind.isClassification() && !comparesShapes && act == ActivationFunction.SOFTMAX) {
            problems.add(Problem.warning(outputId, out.name() + " ends in softmax but the loss is " + kind.kerasName()
                    + ", a regression loss: for classes use categorical_crossentropy, for values a linear output"));
        }
        if (!kind.isClassification() && data != null && data.classes() == 0 && data.targetWidth() != units) {
            Problem p = Problem.error(outputId, "The data has " + data.targetWidth() + " target value(s) per sample but "
                    + out.name() + " has " + units + " units: set units to " + data.targetWidth());
            problems.add(out.spec() instanceof Dense d ? p.withFix(Fixes.setUnits(outputId, d, data.targetWidth())) : p);
        }
    }

    /**
     * An image network (or one with a Sampling layer) whose output has the input's size, trained
     * on data whose target is something else: an autoencoder given labels.
     */
    private static boolean reproducesInputWithoutInputTarget(NetworkGraph graph, int units, DataSummary data) {
        if (data == null || units <= 1 || units != data.featureShape().size() || data.targetWidth() == units) {
            return false;
        }
        return data.featureShape().rank() == 3 || graph.nodes().stream().anyMatch(n -> n.spec().addedLoss() != null);
    }

    /** The Input's shape against the data's samples. */
    static void checkData(NetworkGraph graph, String inputId, DataSummary data, List<Problem> problems) {
        Shape in = ((Input) graph.require(inputId).spec()).shape();
        if (!in.equals(data.featureShape())) {
            String how = in.longSize() == data.featureShape().longSize() ? " (same number of values, different layout)" : "";
            problems.add(Problem.error(inputId, "The data has samples of shape " + data.featureShape() + " but "
                    + graph.require(inputId).name() + " expects " + in + how + ": set the Input shape to "
                    + data.featureShape()).withFix(Fixes.setInputShape(inputId, data.featureShape())));
        }
    }
}
