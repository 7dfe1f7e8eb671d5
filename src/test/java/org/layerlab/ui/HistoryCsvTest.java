package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.layerlab.training.EpochEvent;
import org.layerlab.ui.dashboard.HistoryCsv;

class HistoryCsvTest {
    @Test
    void historyCsvHasOneRowPerEpochAndAColumnPerMetric() {
        String csv = HistoryCsv.of(List.of(
                new EpochEvent(1, Map.of("loss", 0.5), 0, 0.01, 1.5),
                new EpochEvent(2, new LinkedHashMap<>(Map.of("loss", 0.25, "val_loss", 0.375)), 0, 0.01, 1.25)));
        assertEquals("epoch,seconds,learning_rate,loss,val_loss\n1,1.500,0.0100000,0.500000,\n2,1.250,0.0100000,0.250000,0.375000\n",
                csv);
    }
}
