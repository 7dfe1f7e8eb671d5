package org.layerlab.export.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.engine.Shape;
import org.layerlab.export.ExportCases;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.Input;
import org.layerlab.project.LayerCodec;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.w3c.dom.Document;

/** The diagram as SVG and PNG: one card per layer, one curve per connection, user text escaped, the size the scale asks. */
class DiagramExporterTest {
    @TempDir
    Path dir;

    @Test
    void theSvgHasACardPerLayerAndACurvePerConnection() throws Exception {
        Project p = ProjectFiles.load(Path.of("samples", "residual_digits.layerlab"));
        Path svg = DiagramExporter.svg().export(p, "residual", dir, dir);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals(p.graph().size(), doc.getElementsByTagName("g").getLength());
        assertEquals(p.graph().edges().size(), doc.getElementsByTagName("path").getLength());
        String text = Files.readString(svg);
        assertTrue(text.contains(">branch_a<") && text.contains("2,320 params") && text.contains("→ (?, 8, 8, 16)"), text);
    }

    @Test
    void userTextCannotBreakTheSvg() throws Exception {
        String hostile = "<script>alert('x')</script> & \"more\"\u0007";
        NetworkGraph g = NetworkGraph.empty().withNode(new GraphNode("in", "in", new Input(Shape.of(3)), 0, 0))
                .withNode(new GraphNode("d", hostile, LayerCodec.decode("Dense", ExportCases.obj("{units: 2}"), "$"), 0, 140))
                .withEdge(new GraphEdge("in", "d", 0));
        Project p = new Project("</title><b>", g, ExportCases.project(g).training(), null, null, null);
        Path svg = DiagramExporter.svg().export(p, "x", dir, dir);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals("</title><b>", doc.getElementsByTagName("title").item(0).getTextContent());
        assertTrue(Files.readString(svg).contains("&lt;script&gt;"));
    }

    @Test
    void thePngIsTheDrawingAtTheChosenScale() throws Exception {
        Project p = ProjectFiles.load(Path.of("samples", "xor.layerlab"));
        Diagram d = Diagram.of(p.graph());
        Path png = DiagramExporter.png().withScale(1.5).export(p, "xor", dir, dir);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals((int) Math.ceil(d.width() * 1.5), image.getWidth());
        assertEquals((int) Math.ceil(d.height() * 1.5), image.getHeight());
        Diagram.Card first = d.cards().get(0);
        // Inside a card is white; the background around the cards is not.
        int inside = image.getRGB((int) ((first.x() + Diagram.CARD_W / 2) * 1.5), (int) ((first.y() + 52) * 1.5)) & 0xffffff;
        assertEquals(0xffffff, inside);
        assertEquals(0xf6f7f9, image.getRGB(2, 2) & 0xffffff);
        assertThrows(IllegalArgumentException.class, () -> DiagramExporter.png().withScale(0));
    }
}
