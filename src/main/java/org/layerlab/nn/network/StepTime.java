package org.layerlab.nn.network;

/** One step's time while a network profiles itself ({@link Network#profile}): its name, its kind, nanoseconds in each pass. */
public record StepTime(String name, String kind, long forwardNanos, long backwardNanos) {
}
