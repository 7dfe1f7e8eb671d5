package org.layerlab.training;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * The grids of successive epochs as one animated GIF that loops, each frame captioned with its
 * epoch: how the reconstructions sharpen, in a file a learner can show elsewhere. Written with the
 * JDK's own GIF writer (the loop is its NETSCAPE2.0 extension).
 */
public final class GridAnimation {
    /** The caption strip above each grid, in pixels of the written image. */
    private static final int CAPTION = 22;

    private GridAnimation() {
    }

    /** One frame per epoch (grids of one size), scale × scale pixels per grid pixel, delay between frames. */
    public static void writeGif(List<SampleGrid> grids, List<Integer> epochs, Path file, int scale, int delayMillis)
            throws IOException {
        if (grids.isEmpty()) {
            throw new IOException("no epochs to animate yet");
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(tmp))) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < grids.size(); i++) {
                BufferedImage frame = frame(grids.get(i), "epoch " + epochs.get(i), scale);
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
                decorate(meta, delayMillis, i == 0);
                writer.writeToSequence(new IIOImage(frame, null, meta), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static BufferedImage frame(SampleGrid grid, String caption, int scale) {
        BufferedImage image = new BufferedImage(grid.width() * scale, grid.height() * scale + CAPTION,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), CAPTION);
            g.setColor(new Color(0x333333));
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g.drawString(caption, 6, CAPTION - 6);
        } finally {
            g.dispose();
        }
        for (int y = 0; y < grid.height() * scale; y++) {
            for (int x = 0; x < grid.width() * scale; x++) {
                image.setRGB(x, CAPTION + y, grid.argb()[(y / scale) * grid.width() + x / scale]);
            }
        }
        return image;
    }

    /** The frame's delay, and on the first frame the application extension that makes viewers loop forever. */
    private static void decorate(IIOMetadata meta, int delayMillis, boolean first) throws IOException {
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.max(1, delayMillis / 10)));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // loop count 0: forever
            apps.appendChild(app);
        }
        meta.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
