package org.layerlab.ui.inspector;

import java.util.function.Consumer;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.layerlab.ui.common.SettingFormat;

/** The editors of numeric training settings (optimizer and loss options): a named label, a switch, a number field. */
final class SettingRows {
    private SettingRows() {
    }

    static Label label(String option, String help) {
        Label l = InspectorView.label(option);
        l.setTooltip(new Tooltip(help));
        return l;
    }

    static CheckBox toggle(String option, boolean on, String help, Consumer<Boolean> commit) {
        CheckBox box = new CheckBox();
        box.setId("param-" + option);
        box.setSelected(on);
        box.setTooltip(new Tooltip(help));
        box.selectedProperty().addListener((o, a, b) -> commit.accept(b));
        return box;
    }

    /** A number committed on Enter or leaving the field, only when it changed; text that is no number is refused. */
    static TextField number(String option, double value, String help, Consumer<Double> commit, Consumer<String> refuse) {
        TextField t = ParamEditors.text(option, SettingFormat.of(value));
        t.setTooltip(new Tooltip(help));
        ParamEditors.onCommit(t, () -> {
            try {
                double v = Double.parseDouble(t.getText().trim());
                if (v != value) {
                    commit.accept(v);
                }
            } catch (NumberFormatException e) {
                refuse.accept(option.replace('_', ' ') + " must be a number, such as " + SettingFormat.of(value));
            }
        });
        return t;
    }
}
