package org.layerlab.ui.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.layerlab.nn.optimizers.GradientClipping;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.ui.common.SettingFormat;

/**
 * What changed between two optimizer settings, in the words the Train panel's status line uses
 * when the change is applied to a run ("Optimizer adam → sgd (fresh state), momentum 0.9").
 */
record OptimizerChange(boolean kindChanged, boolean rateChanged, String describe) {

    /** Null when the settings are the same. */
    static OptimizerChange between(OptimizerSpec before, OptimizerSpec after) {
        if (before.equals(after)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        boolean kind = !before.kind().equals(after.kind());
        if (kind) {
            parts.add("optimizer " + before.kind() + " → " + after.kind() + " (fresh state)");
        }
        boolean rate = !before.schedule().equals(after.schedule());
        if (rate) {
            parts.add("learning rate " + SettingFormat.of(after.schedule().initial()));
        }
        for (String option : OptimizerSpec.defaults(after.kind()).keySet()) {
            double now = after.option(option);
            boolean had = OptimizerSpec.defaults(before.kind()).containsKey(option);
            if (had ? before.option(option) != now : after.options().containsKey(option)) {
                parts.add(option + " " + (OptimizerSpec.isSwitch(option) ? (now != 0 ? "on" : "off") : SettingFormat.of(now)));
            }
        }
        GradientClipping a = before.clipping();
        GradientClipping b = after.clipping();
        if (a.globalNorm() != b.globalNorm()) {
            parts.add("global_clipnorm " + (b.globalNorm() == 0 ? "off" : SettingFormat.of(b.globalNorm())));
        }
        if (a.value() != b.value()) {
            parts.add("clipvalue " + (b.value() == 0 ? "off" : SettingFormat.of(b.value())));
        }
        String text = parts.isEmpty() ? "Same updates as before" : String.join(", ", parts);
        return new OptimizerChange(kind, rate, Character.toUpperCase(text.charAt(0)) + text.substring(1));
    }
}
