package org.layerlab.ui.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import org.layerlab.ui.common.Settings;

/**
 * The window's panels: palette, canvas over dashboard, inspector, in split panes whose positions
 * are remembered between sessions, each side panel and the dashboard hideable, and the side panels
 * giving width back when the window gets narrow.
 */
final class PanelLayout {
    private static final double PALETTE_MIN = 170;
    private static final double INSPECTOR_MIN = 270;
    /** Each side panel's default share of the width; at 1280 px the palette's longest name fits beside its icon. */
    private static final double SIDE_SHARE = 0.22;

    private final SplitPane centre;
    private final SplitPane split;
    private final Node palette;
    private final Node dashboard;
    private final Node inspector;
    private final Runnable afterToggle;
    private final Map<Node, double[]> hiddenAt = new HashMap<>();

    PanelLayout(Region palette, Node canvas, Region dashboard, Region inspector, Runnable afterToggle) {
        this.palette = palette;
        this.dashboard = dashboard;
        this.inspector = inspector;
        this.afterToggle = afterToggle;
        centre = new SplitPane(canvas, dashboard);
        centre.setOrientation(Orientation.VERTICAL);
        // The train controls' row is wider than what a 960-px window leaves the centre: without a
        // smaller minimum the split pane cut the inspector off instead of narrowing the centre.
        centre.setMinWidth(360);
        dashboard.setMinWidth(360);
        // Half and half: at 60/40 the charts, feature table and scatter had under 200 px on a
        // 768-px screen and cut their labels off; the canvas fits a network to what it gets.
        remembered(centre, "split.centre", 0.5);
        split = new SplitPane(palette, centre, inspector);
        remembered(split, "split.main", SIDE_SHARE, 1 - SIDE_SHARE);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(inspector, false);
        palette.setMinWidth(PALETTE_MIN);
        inspector.setMinWidth(INSPECTOR_MIN);
        split.widthProperty().addListener((o, a, b) -> Platform.runLater(() -> keepCentreUsable(split.getWidth())));
    }

    /** The whole arrangement, for the window's centre. */
    Node root() {
        return split;
    }

    void togglePalette() {
        toggle(split, palette, 0);
    }

    void toggleDashboard() {
        toggle(centre, dashboard, 1);
    }

    void toggleInspector() {
        toggle(split, inspector, 2);
    }

    /**
     * Hides a panel (its room goes to the canvas) or shows it again where it was: a smaller window
     * can give the whole height to the graph while editing and bring the charts back to train.
     */
    private void toggle(SplitPane pane, Node panel, int index) {
        if (pane.getItems().contains(panel)) {
            hiddenAt.put(panel, pane.getDividerPositions().clone());
            pane.getItems().remove(panel);
        } else {
            int at = Math.min(index, pane.getItems().size());
            pane.getItems().add(pane == split && panel == inspector ? pane.getItems().size() : at, panel);
            double[] before = hiddenAt.get(panel);
            if (before != null && before.length == pane.getDividers().size()) {
                pane.setDividerPositions(before);
            }
        }
        Platform.runLater(afterToggle);
    }

    /**
     * The side panels keep their width when the window changes (a split pane's non-resizable
     * items), which on a window made narrow left the canvas a strip: when the centre would get
     * under half the width, the panels give back what they have above their default share or
     * their minimum.
     */
    private void keepCentreUsable(double width) {
        if (width <= 0) {
            return;
        }
        List<Node> items = split.getItems();
        int p = items.indexOf(palette);
        int i = items.indexOf(inspector);
        double left = p == 0 ? split.getDividers().get(0).getPosition() : 0;
        double right = i > 0 ? 1 - split.getDividers().get(i - 1).getPosition() : 0;
        if (1 - left - right >= 0.5) {
            return;
        }
        if (p == 0) {
            split.setDividerPosition(0, Math.min(left, Math.max(PALETTE_MIN / width, SIDE_SHARE)));
        }
        if (i > 0) {
            split.setDividerPosition(i - 1, 1 - Math.min(right, Math.max(INSPECTOR_MIN / width, SIDE_SHARE)));
        }
    }

    /**
     * Divider positions from the last session (or these defaults), saved again when the user
     * drags one. Only then: the positions are fractions of the width, and they also change when
     * the window is resized (the side panels keep their pixels) or {@link #keepCentreUsable}
     * narrows them; saved on every change, a fraction taken at one size came back at another,
     * and a 1280-px window opened with a 170-px palette that cut its layer names off.
     */
    private static void remembered(SplitPane pane, String key, double... defaults) {
        double[] positions = defaults.clone();
        String saved = Settings.get(key, "");
        String[] parts = saved.split(",");
        if (parts.length == positions.length) {
            try {
                for (int i = 0; i < parts.length; i++) {
                    double v = Double.parseDouble(parts[i]);
                    positions[i] = v > 0.02 && v < 0.98 ? v : positions[i];
                }
            } catch (NumberFormatException e) {
                positions = defaults.clone();
            }
        }
        pane.setDividerPositions(positions);
        // A drag ends with the release delivered to the divider it started on.
        pane.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (onDivider(e.getTarget(), pane)) {
                StringBuilder sb = new StringBuilder();
                for (SplitPane.Divider x : pane.getDividers()) {
                    sb.append(sb.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", x.getPosition()));
                }
                Settings.put(key, sb.toString());
            }
        });
    }

    /** Whether target is one of this pane's dividers (or a part of one), not a divider of a pane inside it. */
    private static boolean onDivider(Object target, SplitPane pane) {
        for (Node n = target instanceof Node node ? node : null; n != null && n != pane; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider")) {
                return n.getParent() == pane;
            }
        }
        return false;
    }
}
