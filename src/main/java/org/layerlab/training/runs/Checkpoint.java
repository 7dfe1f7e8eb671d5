package org.layerlab.training.runs;

import java.io.IOException;

import org.layerlab.nn.ParameterStore;

/**
 * The weights of a run at the end of an epoch (or where the run ended). Kept in memory by the
 * run that made it; read from the run's folder on demand once saved, so a project with many runs
 * opens without reading every checkpoint.
 */
public record Checkpoint(int epoch, Source source) {
    /** Where the weights are. */
    public interface Source {
        ParameterStore read() throws IOException;
    }

    /** Weights held in memory (a copy, so the run going on does not change them). */
    public static Checkpoint of(int epoch, ParameterStore weights) {
        ParameterStore copy = weights.copy();
        return new Checkpoint(epoch, new InMemory(copy));
    }

    /** A fresh copy each time: whoever restores a checkpoint trains on, and must not change it. */
    public ParameterStore load() throws IOException {
        return source.read().copy();
    }

    /** The weights when they are in memory, else null (the file writer copies files it already has). */
    public ParameterStore inMemory() {
        return source instanceof InMemory m ? m.weights() : null;
    }

    private record InMemory(ParameterStore weights) implements Source {
        @Override
        public ParameterStore read() {
            return weights;
        }
    }
}
