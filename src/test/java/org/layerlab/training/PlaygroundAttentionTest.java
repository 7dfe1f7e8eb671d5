package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.nn.ParameterStore;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;

/** The Playground shows where a Transformer's heads looked in the text typed, cut to its tokens. */
class PlaygroundAttentionTest {
    @Test
    void theAttentionOfTheLastInputIsCutToItsTokens() throws Exception {
        Project p = ProjectFiles.load(Path.of("samples/fortunes_transformer.layerlab"));
        Playground play = new Playground(p.graph(), new ParameterStore(7), List.of("a", "b", "c"));
        int length = play.inputShape().size();
        float[] ids = new float[length];
        for (int i = 0; i < 5; i++) {
            ids[i] = 10 + i;
        }
        play.predict(ids, -1);
        AttentionSnapshot a = play.attention(5, 3);
        assertNotNull(a);
        assertEquals(3, a.epoch());
        AttentionSnapshot.Layer l = a.layers().get(0);
        assertEquals(5, l.queries());
        assertEquals(5, l.keys());
        assertEquals(2, l.heads());
        for (int h = 0; h < l.heads(); h++) {
            for (int q = 0; q < 5; q++) {
                double row = 0;
                for (int k = 0; k < 5; k++) {
                    float w = l.weight(h, q, k);
                    assertTrue(w >= 0 && w <= 1, "a softmax weight: " + w);
                    row += w;
                }
                assertTrue(row <= 1 + 1e-5, "the five real tokens' share of the row: " + row);
            }
        }
        Project text = ProjectFiles.load(Path.of("samples/fortunes_text.layerlab"));
        Playground noAttention = new Playground(text.graph(), new ParameterStore(7), List.of("a", "b", "c"));
        noAttention.predict(new float[noAttention.inputShape().size()], -1);
        assertNull(noAttention.attention(5, 0));
    }
}
