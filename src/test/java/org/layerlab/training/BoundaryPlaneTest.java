package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.data.Dataset;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.ProjectSession;

/** Regions for a table of more than two features: a plane through the inputs, its points and the network over it. */
class BoundaryPlaneTest {
    @TempDir
    Path dir;

    @Test
    void irisRegionsAreDrawnInThePlaneOfItsPrincipalComponentsOrOfTwoFeatures() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("samples/data/iris.csv"), dir.resolve("data/iris.csv"));
        Project p = ProjectSession.open(ProjectFiles.load(Path.of("samples/iris.layerlab")), dir).train(30, List.of())
                .project();
        ProjectSession s = ProjectSession.open(p, dir);
        Dataset train = s.data().train();

        BoundaryPlane pca = BoundaryPlane.principal(train);
        assertTrue(pca.xName().startsWith("PC 1 ("), pca.xName());
        // A point of the plane lifted into the inputs projects back onto itself.
        float[] x = new float[4];
        pca.lift(1.5, -0.5, x, 0);
        double[] uv = pca.project(x, 0);
        assertEquals(1.5, uv[0], 1e-5);
        assertEquals(-0.5, uv[1], 1e-5);

        BoundaryPlane pair = BoundaryPlane.features(train, 2, 3);
        pair.lift(0.7, -1.2, x, 0);
        assertEquals(0.7, x[2], 1e-6);
        assertEquals(-1.2, x[3], 1e-6);
        assertEquals(0.7, pair.project(x, 0)[0], 1e-6);

        // The trained network over the plane: iris's three classes each hold ground.
        BoundarySnapshot b = BoundarySnapshot.of(s.network(), new double[] {-4, 4, -3, 3}, -1, pca);
        assertNotNull(b);
        assertEquals(64 * 64, b.values().length);
        assertEquals(3, IntStream.range(0, b.values().length).map(i -> (int) b.values()[i]).distinct().count());
        assertEquals(null, BoundarySnapshot.of(s.network(), new double[] {-4, 4, -3, 3}, -1, null));
    }
}
