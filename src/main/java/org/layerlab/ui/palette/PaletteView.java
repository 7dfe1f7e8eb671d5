package org.layerlab.ui.palette;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.layerlab.nn.layers.LayerCategory;
import org.layerlab.nn.layers.LayerKind;
import org.layerlab.nn.layers.LayerKinds;

/**
 * The layer palette: groups of layer kinds with a search field. Drag an item onto the canvas to
 * place it there (a full press-drag-release gesture, which works with any glass including tests'
 * Monocle), double-click or press Enter to add it after the selected layer.
 */
public final class PaletteView extends VBox {
    private final TextField search = new TextField();
    /** Says so when the search finds no layer, rather than showing an empty palette. */
    private final Label noMatch = new Label();
    private final Map<LayerCategory, TitledPane> groups = new LinkedHashMap<>();
    private final Map<LayerKind, Label> items = new LinkedHashMap<>();

    /** onAdd receives the kind to add after the selection. */
    public PaletteView(Consumer<LayerKind> onAdd) {
        setId("palette");
        getStyleClass().add("palette");
        setSpacing(6);
        setPadding(new Insets(8));
        search.setPromptText("Search layers");
        search.setId("palette-search");
        search.textProperty().addListener((o, a, b) -> filter(b));
        VBox list = new VBox(4);
        noMatch.setId("palette-no-match");
        noMatch.getStyleClass().add("muted");
        noMatch.setWrapText(true);
        noMatch.setVisible(false);
        noMatch.setManaged(false);
        list.getChildren().add(noMatch);
        for (LayerCategory category : LayerCategory.values()) {
            VBox box = new VBox(2);
            TitledPane pane = new TitledPane(category.title(), box);
            pane.getStyleClass().add("palette-group");
            groups.put(category, pane);
            list.getChildren().add(pane);
        }
        for (LayerKind e : LayerKinds.all()) {
            Label item = new Label(e.name(), CategoryIcons.create(e.category()));
            item.setGraphicTextGap(5);
            item.setId("palette-" + e.name());
            item.getStyleClass().addAll("palette-item", "kind-" + e.name().toLowerCase(Locale.ROOT),
                    "category-" + e.category().name().toLowerCase(Locale.ROOT));
            item.setMaxWidth(Double.MAX_VALUE);
            item.setUserData(e);
            item.setFocusTraversable(true);
            Tooltip tip = new Tooltip(e.name() + "\n" + e.description() + "\n" + e.formula());
            tip.setShowDelay(Duration.millis(300));
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            item.setTooltip(tip);
            item.setOnDragDetected(ev -> {
                item.startFullDrag();
                ev.consume();
            });
            item.setOnMouseClicked(ev -> {
                item.requestFocus();
                if (ev.getClickCount() == 2) {
                    onAdd.accept(e);
                }
            });
            item.setOnKeyPressed(ev -> {
                if (ev.getCode() == KeyCode.ENTER) {
                    onAdd.accept(e);
                }
            });
            ((VBox) groups.get(e.category()).getContent()).getChildren().add(item);
            items.put(e, item);
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("palette-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label title = new Label("Layers");
        title.getStyleClass().add("panel-title");
        getChildren().addAll(title, search, scroll);
    }

    private void filter(String text) {
        String q = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        items.forEach((e, item) -> {
            boolean show = q.isEmpty() || e.name().toLowerCase(Locale.ROOT).contains(q)
                    || e.description().toLowerCase(Locale.ROOT).contains(q);
            item.setVisible(show);
            item.setManaged(show);
        });
        boolean anyAtAll = false;
        for (TitledPane pane : groups.values()) {
            boolean any = ((VBox) pane.getContent()).getChildren().stream().anyMatch(Node::isVisible);
            pane.setVisible(any);
            pane.setManaged(any);
            anyAtAll |= any;
        }
        noMatch.setText("No layer matches '" + (text == null ? "" : text.trim()) + "'.");
        noMatch.setVisible(!anyAtAll);
        noMatch.setManaged(!anyAtAll);
    }
}
