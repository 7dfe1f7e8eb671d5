package org.layerlab.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.LossOp;
import org.layerlab.nn.AuxiliaryLoss;
import org.layerlab.nn.Loss;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.network.Network;

/**
 * The loss of a network's batch, fused with the output activation when they match (see {@link
 * Loss#fusesWith}), plus the weight penalties and the terms layers add themselves ({@link
 * AuxiliaryLoss}, e.g. a VAE's KL divergence), which are also kept apart by name for reporting;
 * seeds the network's gradient when asked.
 */
final class LossComputation {
    private final Network net;
    private final LossOp op;
    private final boolean onLogits;
    private final List<Parameter> penalized;
    private final AuxiliaryLoss[] auxiliary;
    /** Per auxiliary term, the index of its name in termNames: layers reporting one name add up. */
    private final int[] slot;
    private final String[] termNames;
    private final double[] terms;

    LossComputation(Network net, Loss loss) {
        this.net = net;
        boolean fused = loss.fusesWith(net.outputActivation().function());
        this.onLogits = fused;
        this.op = loss.op(fused || loss.fromLogits());
        this.penalized = net.parameters().stream().filter(p -> !p.regularizer().isNone()).toList();
        this.auxiliary = net.runtimesOf(AuxiliaryLoss.class).values().toArray(new AuxiliaryLoss[0]);
        List<String> names = new ArrayList<>();
        slot = new int[auxiliary.length];
        for (int i = 0; i < auxiliary.length; i++) {
            String name = auxiliary[i].lossName();
            if (!names.contains(name)) {
                names.add(name);
            }
            slot[i] = names.indexOf(name);
        }
        termNames = names.toArray(new String[0]);
        terms = new double[termNames.length];
    }

    /** The names of the layers' own loss terms ("kl_loss"), empty for most networks. */
    String[] termNames() {
        return termNames.clone();
    }

    /** The layers' own loss terms in the last computed loss, in {@link #termNames} order; reused, not a copy. */
    double[] lastTerms() {
        return terms;
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
        Arrays.fill(terms, 0);
        for (int i = 0; i < auxiliary.length; i++) {
            double term = auxiliary[i].lastLoss();
            terms[slot[i]] += term;
            value += term;
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
