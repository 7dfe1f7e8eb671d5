package org.layerlab.ui.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.layerlab.training.runs.Run;
import org.layerlab.training.runs.RunDiff;
import org.layerlab.ui.common.DialogTheme;

/**
 * Two runs side by side: every setting that differs, the layers one has and the other not (or
 * has otherwise), the data each saw, and their final metrics. "Show on canvas" selects the
 * layers that differ and exist in the editor's network, so they stand out there.
 */
final class RunCompareDialog extends Dialog<Void> {
    /** One line of the comparison. */
    record Line(String what, String a, String b) {
    }

    final TableView<Line> table = new TableView<>();

    RunCompareDialog(Window owner, Run a, Run b, Consumer<List<String>> showOnCanvas) {
        setTitle("Compare " + a.id() + " and " + b.id());
        initOwner(owner);
        DialogTheme.follow(this, owner);
        RunDiff d = RunDiff.of(a, b);
        int n = d.changes().size();
        int l = layers(d).size();
        setHeaderText(d.isEmpty() ? "The same network and settings"
                : n + " setting" + (n == 1 ? "" : "s") + " differ" + (n == 1 ? "s" : "")
                + (l == 0 ? "; the same layers" : "; " + l + " layer" + (l == 1 ? "" : "s") + " added, removed or changed"));
        table.getColumns().setAll(List.of(column("", Line::what, 170), column(a.id() + " · " + a.name(), Line::a, 300),
                column(b.id() + " · " + b.name(), Line::b, 300)));
        table.getItems().setAll(lines(a, b, d));
        table.setPrefSize(790, 380);
        table.setId("runs-compare");
        getDialogPane().setContent(table);
        ButtonType show = new ButtonType("Show on canvas", ButtonBar.ButtonData.LEFT);
        getDialogPane().getButtonTypes().setAll(show, ButtonType.CLOSE);
        getDialogPane().lookupButton(show).setDisable(layers(d).isEmpty());
        getDialogPane().lookupButton(show).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            showOnCanvas.accept(layers(d));
            e.consume(); // the dialog stays open to read on
        });
    }

    /** The layers that differ: changed, added (in the second run), removed (from the first). */
    static List<String> layers(RunDiff d) {
        Set<String> ids = new LinkedHashSet<>(d.changedLayers());
        ids.addAll(d.addedLayers());
        ids.addAll(d.removedLayers());
        return List.copyOf(ids);
    }

    static List<Line> lines(Run a, Run b, RunDiff d) {
        List<Line> out = new ArrayList<>();
        d.changes().forEach(c -> out.add(new Line(c.key(), c.a() == null ? "–" : c.a(), c.b() == null ? "–" : c.b())));
        d.addedLayers().forEach(id -> out.add(new Line("layer " + id, "–", b.graph().require(id).spec().kind())));
        d.removedLayers().forEach(id -> out.add(new Line("layer " + id, a.graph().require(id).spec().kind(), "–")));
        out.add(new Line("network", a.summary(), b.summary()));
        out.add(new Line("data", a.data().describe(), b.data().describe()));
        out.add(new Line("started from", a.parent() == null ? "fresh weights" : a.parent() + " at epoch " + a.startEpoch(),
                b.parent() == null ? "fresh weights" : b.parent() + " at epoch " + b.startEpoch()));
        out.add(new Line("epochs", Integer.toString(a.epochs()), Integer.toString(b.epochs())));
        Set<String> metrics = new LinkedHashSet<>(a.finalMetrics().keySet());
        metrics.addAll(b.finalMetrics().keySet());
        for (String m : metrics) {
            out.add(new Line(m, value(a, m), value(b, m)));
        }
        return out;
    }

    private static String value(Run r, String m) {
        double v = r.metric(m);
        return Double.isNaN(v) ? "–" : PlotView.format(v);
    }

    private static TableColumn<Line, String> column(String title, java.util.function.Function<Line, String> f, double w) {
        TableColumn<Line, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        // A long value (the network's summary) is read whole in its tooltip.
        c.setCellFactory(x -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                setTooltip(empty || v == null || v.length() < 30 ? null : new javafx.scene.control.Tooltip(v));
            }
        });
        c.setPrefWidth(w);
        return c;
    }
}
