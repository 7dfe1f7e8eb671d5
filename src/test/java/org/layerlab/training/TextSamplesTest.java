package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.data.Corpus;
import org.layerlab.data.Tokenizer;
import org.layerlab.nn.Loss;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphAnalysisTest;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Embedding;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LSTM;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.optimizers.OptimizerSpec;

/** A next-character LSTM learns a repeating text and, at a low temperature, writes it on from a seed. */
class TextSamplesTest {
    @Test
    void aTrainedModelContinuesTheTextAndSamplingIsSeeded() {
        Corpus.Result data = Corpus.build("hello world. ".repeat(60), new Corpus.Options(Tokenizer.Level.CHARACTERS, false,
                20, 6, 1, 0.2), null, "t");
        int classes = data.tokenizer().vocabulary().size();
        Network net = Network.compile(GraphAnalysis.of(GraphAnalysisTest.chain(Input.of(6), new Embedding(classes, 8),
                new LSTM(24), new Dense(classes, "softmax"))).plan(), new ParameterStore(3));
        new Trainer(net, TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 30).withBatchSize(16)
                .withOptimizer(OptimizerSpec.of("adam", 0.02))).fit(data.train());
        String seed = TextSamples.seedOf(data.test(), data.tokenizer());
        assertEquals(6, seed.length());
        TextSamples s = TextSamples.of(net, data.tokenizer(), seed, 24, 1, 30);
        assertEquals(List.of(0.5, 1.0, 1.5), s.samples().stream().map(TextSamples.Sample::temperature).toList());
        String cool = s.samples().get(0).text();
        assertEquals(24, cool.length());
        assertTrue(("hello world. hello world. hello world. ").contains(cool.substring(0, 12)),
                "at a low temperature it writes the text it learned: '" + cool + "'");
        assertEquals(cool, TextSamples.of(net, data.tokenizer(), seed, 24, 1, 30).samples().get(0).text(), "seeded");
        assertNotEquals(-1, cool.indexOf('o'));
    }
}
