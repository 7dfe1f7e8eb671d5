package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

/** The grids of several epochs as one looping GIF, a frame each. */
class GridAnimationTest {
    @TempDir
    Path dir;

    @Test
    void oneLoopingFramePerEpochWithItsCaptionStrip() throws Exception {
        List<SampleGrid> grids = List.of(grid(0xff000000), grid(0xff808080), grid(0xffffffff));
        Path file = dir.resolve("grids.gif");
        GridAnimation.writeGif(grids, List.of(1, 2, 3), file, 2, 500);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true));
            assertEquals(10 * 2, reader.getWidth(0));
            assertEquals(6 * 2 + 22, reader.getHeight(0), "the grid below a caption strip");
            // The last frame's grid is white, the first's black: the frames are the epochs in order.
            assertEquals(0xffffff, reader.read(2).getRGB(5, 30) & 0xffffff);
            assertEquals(0x000000, reader.read(0).getRGB(5, 30) & 0xffffff);
            IIOMetadata meta = reader.getImageMetadata(0);
            Node root = meta.getAsTree(meta.getNativeMetadataFormatName());
            assertTrue(find(root, "ApplicationExtension"), "the NETSCAPE2.0 loop extension");
            reader.dispose();
        }
    }

    private static SampleGrid grid(int colour) {
        int[] argb = new int[10 * 6];
        java.util.Arrays.fill(argb, colour);
        return new SampleGrid(10, 6, argb);
    }

    private static boolean find(Node n, String name) {
        if (n.getNodeName().equals(name)) {
            return true;
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (find(c, name)) {
                return true;
            }
        }
        return false;
    }
}
