package org.layerlab.ui.common;

import java.lang.reflect.Field;

/**
 * Names the application to the desktop. On Linux the window manager groups windows, picks the
 * dock icon and matches the .desktop entry (StartupWMClass) by the X11 WM_CLASS, which JavaFX
 * takes from the Application subclass's name ("org.layerlab.ui.App") at launch and then never
 * lets go: glass's public setName only replaces its default "java". Only the field can be set,
 * and only where JavaFX is on the class path (our shaded jar and installers); on a module path it
 * is closed, and the window then keeps JavaFX's name, which is cosmetic.
 */
public final class WindowClass {
    private WindowClass() {
    }

    /** Call on the FX thread before the first window is shown: each window reads it when created. */
    public static void set(String name) {
        try {
            Object glass = Class.forName("com.sun.glass.ui.Application").getMethod("GetApplication").invoke(null);
            if (glass == null) {
                return;
            }
            Field field = Class.forName("com.sun.glass.ui.Application").getDeclaredField("name");
            field.setAccessible(true);
            field.set(glass, name);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Monocle (tests) has no WM_CLASS, and a closed module keeps JavaFX's name: nothing to do.
        }
    }
}
