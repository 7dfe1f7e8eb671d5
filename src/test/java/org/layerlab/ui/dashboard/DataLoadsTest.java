package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.LoadedData;

class DataLoadsTest {
    private final Path dir = Path.of("").toAbsolutePath();
    private final DatasetSource spirals = new DatasetSource.Generated("spirals", 400, 0.02, 2, 7, 0.2);

    @Test
    void trainReusesTheReadTheDataTabStarted() throws Exception {
        DataLoads loads = new DataLoads();
        var first = loads.reload(spirals, dir);
        assertSame(first, loads.of(new DatasetSource.Generated("spirals", 400, 0.02, 2, 7, 0.2), dir), "equal source");
        LoadedData d = DataLoads.await(first);
        assertEquals(320, d.train().size());
        assertNotSame(first, loads.of(new DatasetSource.Generated("spirals", 500, 0.02, 2, 7, 0.2), dir), "other data");
        assertNotSame(first, loads.reload(spirals, dir), "setting the dataset reads it again");
    }

    @Test
    void aFailedReadReportsTheLoadersMessageAndIsTriedAgain() {
        DataLoads loads = new DataLoads();
        DatasetSource missing = new DatasetSource.Idx("no-such-file.gz", "labels.gz", null, null);
        var failed = loads.of(missing, dir);
        Exception e = assertThrows(Exception.class, () -> DataLoads.await(failed));
        assertTrue(e.getMessage().contains("no-such-file.gz"), e.getMessage());
        assertNotSame(failed, loads.of(missing, dir));
    }
}
