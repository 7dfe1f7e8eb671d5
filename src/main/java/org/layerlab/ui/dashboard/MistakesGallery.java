package org.layerlab.ui.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.layerlab.training.Mistakes;

/**
 * The test set's mistakes at a glance: a card per wrong answer (the image, or the row's number for
 * a table), true class → answer and the confidence, sorted as chosen; a click opens the sample in
 * the playground, where ◀ ▶ go on from it. At most {@link #SHOWN} cards: past that the grid says
 * how many more there are.
 */
final class MistakesGallery extends BorderPane {
    static final int SHOWN = 240;
    static final String MOST = "most confident first";
    static final String LEAST = "least confident first";
    static final String BY_CLASS = "by true class";
    final ComboBox<String> order = new ComboBox<>();
    final Button back = new Button("Back to the playground");
    final Label summary = new Label();
    final TilePane cards = new TilePane(8, 8);
    private List<Mistakes.Mistake> mistakes = List.of();
    private List<String> classes = List.of();
    private Function<Integer, Node> picture = i -> null;
    private Consumer<Mistakes.Mistake> open = m -> { };

    MistakesGallery() {
        setId("mistakes-gallery");
        order.setId("mistakes-order");
        back.setId("mistakes-back");
        order.getItems().setAll(MOST, LEAST, BY_CLASS);
        order.setValue(MOST);
        order.valueProperty().addListener((o, a, b) -> fill());
        summary.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        back.setMinWidth(Region.USE_PREF_SIZE);
        order.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, back, summary, grow, order);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 8, 2, 8));
        cards.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        setTop(bar);
        setCenter(scroll);
    }

    /** What a click opens. */
    void onOpen(Consumer<Mistakes.Mistake> c) {
        open = c;
    }

    /** The wrong answers, the class names, and how to draw test sample i (null: its number alone). */
    void show(List<Mistakes.Mistake> wrong, int tested, List<String> classNames, Function<Integer, Node> pictureOf) {
        mistakes = List.copyOf(wrong);
        classes = List.copyOf(classNames);
        picture = pictureOf;
        summary.setText(wrong.isEmpty() ? "No mistakes on the " + tested + " test samples."
                : String.format("%d mistakes on %d test samples (%.1f%%)", wrong.size(), tested,
                100.0 * wrong.size() / Math.max(1, tested)));
        summary.setTooltip(new Tooltip("Click a card to open it in the playground; ◀ ▶ then step on from it"));
        fill();
    }

    /** The mistakes in the order chosen. */
    List<Mistakes.Mistake> ordered() {
        List<Mistakes.Mistake> all = new ArrayList<>(mistakes);
        Comparator<Mistakes.Mistake> confident = Comparator.comparingDouble(m -> -m.confidence());
        switch (order.getValue()) {
            case LEAST -> all.sort(confident.reversed());
            case BY_CLASS -> all.sort(Comparator.comparingInt(Mistakes.Mistake::truth).thenComparing(confident));
            default -> all.sort(confident);
        }
        return all;
    }

    private void fill() {
        List<Node> nodes = new ArrayList<>();
        List<Mistakes.Mistake> all = ordered();
        for (Mistakes.Mistake m : all.subList(0, Math.min(SHOWN, all.size()))) {
            Node pic = picture.apply(m.index());
            Label what = new Label(name(m.truth()) + " → " + name(m.predicted()));
            Label how = new Label(String.format("%.0f%% · #%d", 100 * m.confidence(), m.index() + 1));
            how.getStyleClass().add("muted");
            what.setMaxWidth(120);
            VBox card = pic == null ? new VBox(2, what, how) : new VBox(2, pic, what, how);
            card.getStyleClass().add("mistake-card");
            card.setAlignment(Pos.TOP_CENTER);
            card.setPrefWidth(124);
            card.setCursor(Cursor.HAND);
            Tooltip.install(card, new Tooltip("Test sample " + (m.index() + 1) + ": a " + name(m.truth()) + " answered "
                    + name(m.predicted()) + " at " + String.format("%.1f%%", 100 * m.confidence())));
            card.setOnMouseClicked(e -> open.accept(m));
            nodes.add(card);
        }
        if (all.size() > SHOWN) {
            nodes.add(new Label("… and " + (all.size() - SHOWN) + " more (◀ ▶ in the playground step through all)"));
        }
        cards.getChildren().setAll(nodes);
    }

    private String name(int k) {
        return k >= 0 && k < classes.size() ? classes.get(k) : "class " + k;
    }
}
