package org.layerlab.ui.dashboard;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.layerlab.data.DataPreview;
import org.layerlab.data.Dataset;
import org.layerlab.data.DatasetStats;

/**
 * The Data tab: the {@link DataView} and, for tables with two or more features, the choice of
 * what the scatter plots on each axis (a feature, or a principal component).
 */
final class DataPane extends BorderPane {
    final DataView view = new DataView();
    private final ChoiceBox<String> xAxis = new ChoiceBox<>();
    private final ChoiceBox<String> yAxis = new ChoiceBox<>();
    private final HBox bar = new HBox(8, new Label("scatter:  x"), xAxis, new Label("y"), yAxis);
    private boolean updating;

    DataPane() {
        super();
        setCenter(view);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 8, 2, 8));
        xAxis.setId("scatter-x");
        yAxis.setId("scatter-y");
        xAxis.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> axesChanged());
        yAxis.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> axesChanged());
    }

    void show(Dataset train, int test, DatasetStats stats, DataPreview preview, String note) {
        int f = train.featureShape().size();
        boolean table = train.featureShape().rank() == 1 && f >= 2;
        updating = true;
        List<String> items = new ArrayList<>();
        if (preview.pca() != null) {
            items.add("principal component 1");
            items.add("principal component 2");
        }
        List<String> names = train.featureNames();
        for (int j = 0; j < f && table; j++) {
            items.add(j < names.size() ? names.get(j) : "feature " + (j + 1));
        }
        xAxis.getItems().setAll(items);
        yAxis.getItems().setAll(items);
        int pcs = preview.pca() != null ? 2 : 0;
        // Two features are best shown as they are; more are summarized by their principal components.
        xAxis.getSelectionModel().select(f == 2 || pcs == 0 ? pcs : 0);
        yAxis.getSelectionModel().select(f == 2 || pcs == 0 ? pcs + 1 : 1);
        updating = false;
        setTop(table ? bar : null);
        view.show(train, test, stats, preview, note);
        axesChanged();
    }

    void showMessage(String message) {
        setTop(null);
        view.showMessage(message);
    }

    private void axesChanged() {
        if (updating || xAxis.getItems().isEmpty()) {
            return;
        }
        view.setAxes(axis(xAxis.getSelectionModel().getSelectedIndex()), axis(yAxis.getSelectionModel().getSelectedIndex()));
    }

    /** A choice's position to the view's axis code: principal components first when offered. */
    private int axis(int index) {
        boolean pcs = xAxis.getItems().size() > 0 && xAxis.getItems().get(0).startsWith("principal");
        if (!pcs) {
            return Math.max(0, index);
        }
        return index == 0 ? DataView.PC1 : index == 1 ? DataView.PC2 : index - 2;
    }
}
