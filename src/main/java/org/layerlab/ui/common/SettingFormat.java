package org.layerlab.ui.common;

/**
 * How a setting's number is written in fields and messages: as the user would type it ("0.9",
 * "1e-7", "0"), and so that it parses back to the same double.
 */
public final class SettingFormat {
    private SettingFormat() {
    }

    public static String of(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace(".0E", "E").replace('E', 'e');
    }
}
