package org.layerlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.layerlab.data.Dataset;
import org.layerlab.data.Tokenizer;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.network.Network;

/**
 * Text a next-token model writes from a seed, at a few temperatures, taken after an epoch (or
 * from saved weights, epoch = the saved history's length). Temperature T reshapes the model's
 * probabilities p to p^(1/T), renormalised: below 1 it keeps to the likeliest tokens and repeats
 * itself, above 1 it takes risks and misspells. Sampling is seeded, so an epoch's samples are the
 * same on every run; the padding id is never drawn.
 */
public record TextSamples(long step, int epoch, String seed, List<Sample> samples) implements Snapshot {
    public static final double[] TEMPERATURES = {0.5, 1.0, 1.5};

    public record Sample(double temperature, String text) {
    }

    public static TextSamples of(Network net, Tokenizer tokenizer, String seed, int count, long step, int epoch) {
        int length = net.inputShape().size();
        List<Sample> out = new ArrayList<>();
        for (double t : TEMPERATURES) {
            out.add(new Sample(t, generate(net, tokenizer, seed, length, count, t, 42)));
        }
        return new TextSamples(step, epoch, seed, List.copyOf(out));
    }

    /** The first window of these data as text: a seed the model has the full context for. */
    public static String seedOf(Dataset windows, Tokenizer tokenizer) {
        Tensor x = Tensor.ofBatch(1, windows.featureShape());
        Tensor y = Tensor.zeros(1, windows.targetWidth());
        windows.gather(new int[] {0}, 0, 1, x, y);
        return tokenizer.decode(x.data(), 0, x.size());
    }

    /** What the network writes after this seed at one temperature (the Samples tab's "Write"). */
    public static String write(Network net, Tokenizer tokenizer, String seed, int count, double temperature,
                               long rngSeed) {
        return generate(net, tokenizer, seed, net.inputShape().size(), count, temperature, rngSeed);
    }

    /** count tokens after the seed's last length tokens (padded with 0 in front when the seed is shorter). */
    static String generate(Network net, Tokenizer tokenizer, String seed, int length, int count, double temperature,
                           long rngSeed) {
        List<String> tokens = tokenizer.tokens(seed);
        float[] window = new float[length];
        float[] all = new float[tokens.size()];
        tokenizer.encode(seed, tokens.size(), all, 0);
        for (int i = 0; i < length; i++) {
            int from = tokens.size() - length + i;
            window[i] = from >= 0 ? all[from] : 0;
        }
        SplittableRandom rng = new SplittableRandom(rngSeed);
        StringBuilder text = new StringBuilder();
        String joiner = tokenizer.level() == Tokenizer.Level.WORDS ? " " : "";
        List<String> vocabulary = tokenizer.vocabulary();
        double[] weights = new double[vocabulary.size()];
        for (int n = 0; n < count; n++) {
            Tensor p = net.predict(Tensor.wrap(window.clone(), 1, length));
            double sum = 0;
            for (int v = 1; v < weights.length && v < p.size(); v++) {
                weights[v] = Math.pow(Math.max(p.get(v), 1e-30), 1 / temperature);
                sum += weights[v];
            }
            double r = rng.nextDouble() * sum;
            int pick = 1;
            for (int v = 1; v < weights.length && v < p.size(); v++) {
                r -= weights[v];
                if (r <= 0) {
                    pick = v;
                    break;
                }
            }
            text.append(text.length() == 0 && joiner.isEmpty() ? "" : joiner).append(vocabulary.get(pick));
            System.arraycopy(window, 1, window, 0, length - 1);
            window[length - 1] = pick;
        }
        return text.toString();
    }

    @Override
    public boolean deliverAtOnce() {
        return true;
    }
}
