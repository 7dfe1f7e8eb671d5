package org.layerlab.training.runs;

import java.io.IOException;

import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.optimizers.OptimizerState;

/**
 * The weights of a run at the end of an epoch (or where the run ended), and the optimizer's state
 * there when it was kept (a fork then continues its moments). Kept in memory by the
 * run that made it; read from the run's folder on demand once saved, so a project with many runs
 * opens without reading every checkpoint.
 */
public record Checkpoint(int epoch, Source source, StateSource optimizer) {
    /** Where the weights are. */
    public interface Source {
        ParameterStore read() throws IOException;
    }

    /** Where the optimizer's state is. */
    public interface StateSource {
        OptimizerState read() throws IOException;
    }

    /** Weights held in memory (a copy, so the run going on does not change them), without the optimizer's state. */
    public static Checkpoint of(int epoch, ParameterStore weights) {
        return of(epoch, weights, null);
    }

    /** Weights (copied) and the optimizer's state (already a copy; null when not kept) in memory. */
    public static Checkpoint of(int epoch, ParameterStore weights, OptimizerState state) {
        ParameterStore copy = weights.copy();
        return new Checkpoint(epoch, new InMemory(copy), state == null ? null : new HeldState(state));
    }

    /** The optimizer's state when this checkpoint kept it, else null. */
    public OptimizerState loadOptimizer() throws IOException {
        return optimizer == null ? null : optimizer.read();
    }

    /** The optimizer's state when it is in memory, else null. */
    public OptimizerState optimizerInMemory() {
        return optimizer instanceof HeldState h ? h.state() : null;
    }

    private record HeldState(OptimizerState state) implements StateSource {
        @Override
        public OptimizerState read() {
            return state;
        }
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
