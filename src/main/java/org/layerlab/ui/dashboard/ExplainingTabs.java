package org.layerlab.ui.dashboard;

import javafx.collections.SetChangeListener;
import org.layerlab.project.Project;
import org.layerlab.ui.model.EditorModel;

/**
 * The tabs that explain the document rather than a run (Playground, Math, Runs, Latent): they
 * follow the project as it changes, a layer chosen on the canvas, a confusion cell clicked, and
 * edit the document through its command stack. Kept apart from the training controller, which
 * only starts, steers and ends runs.
 */
final class ExplainingTabs {
    private final DashboardView view;

    ExplainingTabs(EditorModel model, DashboardView view) {
        this.view = view;
        model.selection().addListener((SetChangeListener<String>) c -> {
            String one = model.selection().size() == 1 ? model.selection().iterator().next() : null;
            view.playground.select(one);
            view.math.select(one);
        });
        view.confusion.onCell((truth, predicted) -> {
            view.openTab("tab-playground");
            view.playground.showCell(truth, predicted);
        });
        view.runs.onEdit(model::execute);
        view.runs.onShowLayers(ids -> model.select(ids.stream().filter(model.graph()::contains).toList()));
        view.runs.sweeps.connect(model::project, model::replaceAfterTraining, model::projectDir);
        view.runs.projectChanged(model.project());
    }

    /** The document changed (an edit, a run's results, a restore). */
    void projectChanged(Project p) {
        view.playground.projectChanged(p);
        view.runs.projectChanged(p);
        view.math.projectChanged(p);
        view.latentTab.projectChanged(p);
    }

    /** Another document was opened: a sweep of the last one stops, and what the tabs kept of it goes. */
    void documentOpened() {
        view.runs.sweeps.documentOpened();
        view.runs.documentOpened();
        view.math.documentOpened();
    }
}
