package org.layerlab.ui.palette;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.shape.SVGPath;
import org.layerlab.nn.layers.LayerCategory;

/**
 * Each palette group's icon, from assets/icons/category-NAME.svg: plain SVG files a designer can
 * open and edit, drawn here as a JavaFX SVGPath so they stay sharp at any scale and take the
 * group's colour from the theme (the stroke in the file is only for viewing it elsewhere). Only
 * the path data is read: one or more path elements on a 16×16 viewBox.
 */
final class CategoryIcons {
    private static final Pattern PATH_DATA = Pattern.compile("<path[^>]*\\sd=\"([^\"]+)\"");

    private CategoryIcons() {
    }

    static String resource(LayerCategory category) {
        return "/assets/icons/category-" + category.name().toLowerCase(Locale.ROOT) + ".svg";
    }

    /** The path data of the group's icon; fails loudly when the file is missing, a packaging bug. */
    static String pathData(LayerCategory category) {
        String name = resource(category);
        try (InputStream in = CategoryIcons.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("palette icon " + name + " is missing from the jar");
            }
            Matcher m = PATH_DATA.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            StringBuilder d = new StringBuilder();
            while (m.find()) {
                d.append(d.length() == 0 ? "" : " ").append(m.group(1));
            }
            if (d.length() == 0) {
                throw new IllegalStateException("palette icon " + name + " has no <path d=...>");
            }
            return d.toString();
        } catch (IOException e) {
            throw new IllegalStateException("palette icon " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    static SVGPath create(LayerCategory category) {
        SVGPath icon = new SVGPath();
        icon.setContent(pathData(category));
        icon.getStyleClass().add("palette-icon");
        return icon;
    }
}
