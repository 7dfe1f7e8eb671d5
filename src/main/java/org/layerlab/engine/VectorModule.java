package org.layerlab.engine;

/**
 * Loads the Vector API form of an engine piece by name, so that no class touching
 * jdk.incubator.vector is linked unless the module is there: each piece keeps a plain Java form
 * that serves when it is not (or when {@code layerlab.noVector} asks for it, where the piece
 * honours that).
 */
public final class VectorModule {
    private VectorModule() {
    }

    /** A new instance of className (a class with a no-argument constructor), or null without the module. */
    public static <T> T load(String className, Class<T> type) {
        try {
            // The vector forms are package classes of their callers' packages, not of this one.
            var constructor = Class.forName(className).getDeclaredConstructor();
            constructor.setAccessible(true);
            return type.cast(constructor.newInstance());
        } catch (Throwable e) {
            // No jdk.incubator.vector module at run time: the caller's plain form serves.
            return null;
        }
    }

    /** True when the scalar forms are asked for ({@code -Dlayerlab.noVector=true}). */
    public static boolean disabled() {
        return Boolean.getBoolean("layerlab.noVector");
    }
}
