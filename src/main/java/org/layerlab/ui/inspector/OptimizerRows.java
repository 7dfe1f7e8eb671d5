package org.layerlab.ui.inspector;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.layerlab.nn.optimizers.GradientClipping;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.ui.common.SettingFormat;

/**
 * The rows of the training settings that belong to the optimizer: each option its kind takes
 * (Keras names and defaults: beta_1, momentum, nesterov, ...) and gradient clipping. A change
 * goes out as a function from the old settings to the new, whose checks may refuse it.
 */
final class OptimizerRows {
    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("momentum", "Share of the previous update kept in the next (0 = plain gradient descent)"),
            Map.entry("nesterov", "Look ahead along the momentum before taking the gradient"),
            Map.entry("rho", "Decay of the running average of squared gradients"),
            Map.entry("centered", "Divide by the variance of the gradients instead of their mean square"),
            Map.entry("epsilon", "Added to the denominator so tiny gradients do not give huge steps"),
            Map.entry("beta_1", "Decay of the running average of gradients (first moment)"),
            Map.entry("beta_2", "Decay of the running average of squared gradients (second moment)"),
            Map.entry("weight_decay", "Shrinks every weight by lr × decay each step (decoupled, as in Keras)"),
            Map.entry("initial_accumulator_value", "Starting value of the sum of squared gradients"),
            Map.entry("amsgrad", "Divide by the largest second moment seen so far (AMSGrad), so steps never grow back"),
            Map.entry("global_clipnorm", "Scale all gradients together so their norm is at most this (0 = off)"),
            Map.entry("clipvalue", "Clamp each gradient value to ± this (0 = off)"));

    private OptimizerRows() {
    }

    /** An edit of the optimizer settings, named by the option it sets. */
    interface Change {
        void apply(String option, UnaryOperator<OptimizerSpec> edit);
    }

    /** Adds the rows to grid from row on; returns the next free row. */
    static int add(GridPane grid, int row, OptimizerSpec spec, Change change, Consumer<String> refuse) {
        for (String option : OptimizerSpec.defaults(spec.kind()).keySet()) {
            Node editor = OptimizerSpec.isSwitch(option)
                    ? toggle(option, spec.option(option) != 0, on -> change.apply(option, s -> s.with(option, on ? 1 : 0)))
                    : number(option, spec.option(option), v -> change.apply(option, s -> s.with(option, v)), refuse);
            grid.addRow(row++, label(option), editor);
        }
        GradientClipping c = spec.clipping();
        grid.addRow(row++, label("global_clipnorm"), number("global_clipnorm", c.globalNorm(),
                v -> change.apply("global_clipnorm", s -> s.withClipping(new GradientClipping(v, s.clipping().value()))), refuse));
        grid.addRow(row++, label("clipvalue"), number("clipvalue", c.value(),
                v -> change.apply("clipvalue", s -> s.withClipping(new GradientClipping(s.clipping().globalNorm(), v))), refuse));
        return row;
    }

    private static Label label(String option) {
        return SettingRows.label(option, HELP.getOrDefault(option, option));
    }

    private static CheckBox toggle(String option, boolean on, Consumer<Boolean> commit) {
        return SettingRows.toggle(option, on, HELP.getOrDefault(option, option), commit);
    }

    private static TextField number(String option, double value, Consumer<Double> commit, Consumer<String> refuse) {
        return SettingRows.number(option, value, HELP.getOrDefault(option, option), commit, refuse);
    }
}
