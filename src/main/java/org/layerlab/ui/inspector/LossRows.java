package org.layerlab.ui.inspector;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import org.layerlab.nn.Loss;

/** The rows of the training settings that belong to the loss: each option its kind takes, with the Keras defaults. */
final class LossRows {
    private static final Map<String, String> HELP = Map.of(
            "delta", "Errors smaller than this count squared, larger ones linearly",
            "label_smoothing", "Pulls the targets towards uniform by this share (0 = off), against overconfidence",
            "gamma", "Focusing: how much less confident right answers count (0 = plain cross-entropy)",
            "alpha", "Weight of the positive class when class balancing is on (negatives get 1 − alpha)",
            "apply_class_balancing", "Weight positives by alpha and negatives by 1 − alpha");

    private LossRows() {
    }

    /** Adds the rows to grid from row on; returns the next free row. */
    static int add(GridPane grid, int row, Loss loss, Consumer<UnaryOperator<Loss>> change, Consumer<String> refuse) {
        for (String option : loss.kind().defaults().keySet()) {
            String help = HELP.getOrDefault(option, option);
            Node editor = Loss.isSwitch(option)
                    ? SettingRows.toggle(option, loss.option(option) != 0, help, on -> change.accept(l -> l.with(option, on ? 1 : 0)))
                    : SettingRows.number(option, loss.option(option), help, v -> change.accept(l -> l.with(option, v)), refuse);
            grid.addRow(row++, SettingRows.label(option, help), editor);
        }
        return row;
    }
}
