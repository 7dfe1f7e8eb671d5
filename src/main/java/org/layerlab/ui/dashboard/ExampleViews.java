package org.layerlab.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.layerlab.data.Dataset;
import org.layerlab.engine.Shape;
import org.layerlab.nn.graph.GanChecks;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NodeInfo;
import org.layerlab.nn.layers.GRU;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LSTM;
import org.layerlab.nn.layers.MultiHeadAttention;
import org.layerlab.nn.layers.Sampling;
import org.layerlab.nn.layers.SimpleRNN;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.LoadedData;
import org.layerlab.project.Project;
import org.layerlab.training.AttentionSnapshot;
import org.layerlab.training.EpochSnapshot;
import org.layerlab.training.ForecastSnapshot;
import org.layerlab.training.GeneratedSnapshot;
import org.layerlab.training.LatentSnapshot;
import org.layerlab.training.ReconstructionSnapshot;
import org.layerlab.training.StatesSnapshot;
import org.layerlab.training.TextSamples;

/**
 * Which of the views of what the network does with examples apply to a project (Forecast,
 * Attention, States, Samples), and the snapshots they need: taken after each epoch of a run, or
 * once from a reopened project's saved weights. One place, so a run and a reopening agree.
 */
final class ExampleViews {
    /** Tokens written per temperature: a few lines, a fraction of a second. */
    static final int SAMPLE_TOKENS = 160;

    private ExampleViews() {
    }

    static boolean hasAttention(Project p) {
        return p.graph().nodes().stream().anyMatch(n -> n.spec() instanceof MultiHeadAttention);
    }

    /** Layers whose states the States tab shows (Bidirectional keeps its two directions to itself). */
    static boolean hasRecurrent(Project p) {
        return p.graph().nodes().stream().anyMatch(n -> n.spec() instanceof LSTM || n.spec() instanceof GRU
                || n.spec() instanceof SimpleRNN);
    }

    /** Shows the tabs that apply to the project as it is before its data has loaded. */
    static void showTabs(DashboardView view, Project p) {
        view.showTab("tab-forecast", p.dataset() instanceof DatasetSource.Windows);
        view.showTab("tab-attention", hasAttention(p));
        view.showTab("tab-states", hasRecurrent(p));
        view.showTab("tab-samples", p.dataset() instanceof DatasetSource.Corpus);
        view.showTab("tab-reconstructions", reconstructsImages(p));
        view.showTab("tab-latent", vaeSampling(p) != null);
        view.showTab("tab-generated", generatesImages(p));
        view.showTab("tab-playground", playground(p, null));
        // Until the data has loaded and says, the network's input decides: images never get regions.
        view.showTab("tab-boundary", p.graph().nodes().stream().filter(n -> n.spec() instanceof Input)
                .allMatch(n -> ((Input) n.spec()).shape().size() <= 2));
    }

    /**
     * Whether the Playground applies: a network that takes images, or a table of more than two
     * features (with one or two, the decision-boundary view already shows every input at once,
     * and the tab row has room for only so many). features: the data's sample shape once
     * loaded, else null (the network's input decides).
     */
    static boolean playground(Project p, Shape features) {
        if (GanChecks.seamOf(p.graph()) != null) {
            return false; // noise in, a judgement out: nothing a person could draw or type
        }
        if (takesImages(p)) {
            return true;
        }
        if (p.dataset() != null && p.dataset().underlying() instanceof DatasetSource.Text) {
            return true; // text typed and tokenised
        }
        boolean table = p.dataset() != null && p.dataset().underlying() instanceof DatasetSource.Csv;
        int size = features != null ? features.size() : p.graph().nodes().stream().filter(n -> n.spec() instanceof Input)
                .mapToInt(n -> ((Input) n.spec()).shape().size()).max().orElse(0);
        return table && size > 2;
    }

    /** A network whose input is an image (height × width × 1 or 3): what the Playground can draw for. */
    static boolean takesImages(Project p) {
        return p.graph().nodes().stream().filter(n -> n.spec() instanceof Input).map(n -> ((Input) n.spec()).shape())
                .anyMatch(s -> s.rank() == 3 && (s.dim(2) == 1 || s.dim(2) == 3));
    }

    /** A GAN whose generator makes images: its grid is drawable. */
    static boolean generatesImages(Project p) {
        GraphNode seam = GanChecks.seamOf(p.graph());
        if (seam == null) {
            return false;
        }
        GraphAnalysis a = GraphAnalysis.of(p.graph());
        NodeInfo made = a.info(seam.id());
        return made != null && made.outputShape() != null
                && ReconstructionSnapshot.applies(made.outputShape(), made.outputShape());
    }

    /** The Sampling node of a VAE on images (any latent size), or null. */
    static GraphNode vaeSampling(Project p) {
        if (!reconstructsImages(p)) {
            return null;
        }
        return p.graph().nodes().stream().filter(n -> n.spec() instanceof Sampling).findFirst().orElse(null);
    }

    /** The Sampling node of a VAE on images with a 2-D latent space, or null. */
    static GraphNode latentSampling(Project p) {
        if (!reconstructsImages(p)) {
            return null;
        }
        return p.graph().nodes().stream().filter(n -> n.spec() instanceof Input)
                .map(n -> LatentSnapshot.sampling(p.graph(), ((Input) n.spec()).shape())).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** An autoencoder on images: the target is the input, an image whose output has the same size. */
    static boolean reconstructsImages(Project p) {
        if (!(p.dataset() instanceof DatasetSource.Reconstruct)) {
            return false;
        }
        GraphAnalysis a = GraphAnalysis.of(p.graph());
        Shape input = p.graph().nodes().stream().filter(n -> n.spec() instanceof Input).map(n -> ((Input) n.spec()).shape())
                .findFirst().orElse(null);
        NodeInfo output = a.outputId() == null ? null : a.info(a.outputId());
        return input != null && output != null && output.outputShape() != null
                && ReconstructionSnapshot.applies(input, output.outputShape());
    }

    static List<EpochSnapshot> of(Project p, LoadedData d) {
        List<EpochSnapshot> out = new ArrayList<>();
        if (d.series() != null && d.test() != null) {
            out.add((net, step, epoch) -> ForecastSnapshot.of(net, d.test(), step, epoch));
        }
        if (hasAttention(p)) {
            out.add((net, step, epoch) -> AttentionSnapshot.of(net, d.train().original(), step, epoch));
        }
        if (hasRecurrent(p)) {
            out.add((net, step, epoch) -> StatesSnapshot.of(net, d.train().original(), step, epoch));
        }
        Dataset shown = d.test() != null ? d.test() : d.train().original();
        if (reconstructsImages(p) && shown.size() > 0) {
            out.add((net, step, epoch) -> ReconstructionSnapshot.applies(shown.featureShape(), net.outputShape())
                    ? ReconstructionSnapshot.of(net, shown, ReconstructionSnapshot.COUNT, step, epoch) : null);
        }
        if (generatesImages(p)) {
            out.add((net, step, epoch) -> GeneratedSnapshot.of(net, GeneratedSnapshot.COUNT, step, epoch));
        }
        GraphNode sampling = latentSampling(p);
        if (sampling != null && shown.size() > 0) {
            out.add((net, step, epoch) -> LatentSnapshot.of(p.graph(), net.parameterStore(), sampling, shown, step,
                    epoch));
        }
        if (d.source() instanceof DatasetSource.Corpus c && d.test() != null) {
            String seed = TextSamples.seedOf(d.test(), c.tokenizer());
            out.add((net, step, epoch) -> TextSamples.of(net, c.tokenizer(), seed, SAMPLE_TOKENS, step, epoch));
        }
        return out;
    }
}
