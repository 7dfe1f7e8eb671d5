package org.layerlab.training;

import java.util.List;

import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.LossOp;
import org.layerlab.nn.Loss;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.network.Network;

/**
 * The loss of a network's batch, fused with the output activation when they match (see {@link
 * Loss#fusesWith}), plus the weight penalties; seeds the network's gradient when asked.
 */
final class LossComputation {
    private final Network net;
    private final LossOp op;
    private final boolean onLogits;
    private final List<Parameter> penalized;

    LossComputation(Network net, Loss loss) {
        this.net = net;
        boolean fused = loss.fusesWith(net.outputActivation().function());
        this.onLogits = fused;
        this.op = loss.op(fused || loss.fromLogits());
        this.penalized = net.parameters().stream().filter(p -> !p.regularizer().isNone()).toList();
    }

    /** Loss of the last forward pass against target; with backward, also seeds and runs backprop. */
    double compute(Tensor target, boolean backward) {
        Tensor prediction = onLogits ? net.logits() : net.output();
        double value = op.compute(prediction, target, backward ? net.seedGradient(onLogits) : null);
        // Indexed loops: this runs every step, and an iterator is an allocation.
        for (int i = 0; i < penalized.size(); i++) {
            Parameter p = penalized.get(i);
            value += p.regularizer().penalty(p.value().data(), p.size());
        }
        if (backward && Double.isFinite(value)) {
            net.backward(onLogits);
            for (int i = 0; i < penalized.size(); i++) {
                Parameter p = penalized.get(i);
                p.regularizer().addGradient(p.value().data(), p.grad().data(), p.size());
            }
        }
        return value;
    }
}
