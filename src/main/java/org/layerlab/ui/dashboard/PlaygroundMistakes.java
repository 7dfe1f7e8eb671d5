package org.layerlab.ui.dashboard;

import java.util.List;
import java.util.function.Consumer;

import javafx.application.Platform;
import org.layerlab.data.Dataset;
import org.layerlab.nn.ParameterStore;
import org.layerlab.project.Project;
import org.layerlab.training.Mistakes;
import org.layerlab.ui.common.Background;

/**
 * The Playground's way through the test set's mistakes: the network's answers on every test image
 * (found once per network, in the background), the gallery of the wrong ones, ◀ ▶ through them
 * (or through a confusion cell's answers), each shown in the playground with its caption.
 */
final class PlaygroundMistakes {
    private final PlaygroundTab tab;
    private static final String MISTAKES = "mistakes";
    /** The network's answers for the test images, computed once per network. */
    private List<Mistakes.Mistake> answers;
    private Project answersFor;
    /** What ◀ ▶ step through: the mistakes or a confusion cell's answers. */
    private List<Mistakes.Mistake> stepping = List.of();
    private String steppingName;
    private int at = -1;

    PlaygroundMistakes(PlaygroundTab tab) {
        this.tab = tab;
        tab.view.nextMistake.setOnAction(e -> stepMistakes(1));
        tab.view.previousMistake.setOnAction(e -> stepMistakes(-1));
        tab.view.stepping.setOnAction(e -> openGallery());
        tab.gallery.back.setOnAction(e -> tab.showGallery(false));
        tab.gallery.onOpen(m -> {
            List<Mistakes.Mistake> shown = tab.gallery.ordered();
            tab.showGallery(false);
            use(shown, MISTAKES);
            at = shown.indexOf(m) - 1;
            step(1);
        });
    }

    /**
     * The next (or previous) image of what ◀ ▶ step through: the test images the network gets
     * wrong, most confident first, unless a confusion cell was chosen.
     */
    void stepMistakes(int direction) {
        withAnswers(all -> {
            if (steppingName == null) {
                use(all.stream().filter(Mistakes.Mistake::wrong).toList(), MISTAKES);
            }
            step(direction);
        });
    }

    /** Every mistake at a glance (also the way back from a confusion cell to all of them). */
    void openGallery() {
        withAnswers(all -> {
            List<Mistakes.Mistake> wrong = all.stream().filter(Mistakes.Mistake::wrong).toList();
            use(wrong, MISTAKES);
            Dataset test = tab.test();
            tab.gallery.show(wrong, test.size(), test.classNames(), tab::thumbnail);
            tab.showGallery(true);
        });
    }

    /**
     * The test images behind a cell of the confusion matrix (true class, predicted class), most
     * confident first; ◀ ▶ then step through them.
     */
    void showCell(int truth, int predicted) {
        withAnswers(all -> {
            List<String> names = tab.test().classNames();
            use(all.stream().filter(a -> a.truth() == truth && a.predicted() == predicted).toList(),
                    PlaygroundTab.name(names, truth) + " → " + PlaygroundTab.name(names, predicted));
            if (stepping.isEmpty()) {
                tab.view.say("No test image is a " + PlaygroundTab.name(names, truth) + " answered " + PlaygroundTab.name(names, predicted) + ".");
                return;
            }
            step(1);
        });
    }

    private void use(List<Mistakes.Mistake> list, String name) {
        stepping = list;
        steppingName = name;
        at = -1;
        tab.view.stepping.setText(name);
    }

    /** Every answer of the network on the test images, found in the background the first time. */
    private void withAnswers(Consumer<List<Mistakes.Mistake>> then) {
        if (!tab.ready()) {
            return;
        }
        if (answers != null && answersFor == tab.project()) {
            then.accept(answers);
            return;
        }
        Project p = tab.project();
        Dataset test = tab.test();
        tab.view.say("Running the network on the " + test.size() + " test images…");
        Background.run("layerlab-answers", () -> {
            List<Mistakes.Mistake> found;
            try {
                found = Mistakes.answers(p.graph(), p.weights() == null ? new ParameterStore(p.training().seed())
                        : p.weights(), test);
            } catch (RuntimeException e) {
                Platform.runLater(() -> tab.view.say("Cannot run the network on the test images: " + e.getMessage()));
                return;
            }
            Platform.runLater(() -> {
                if (tab.project() != p) {
                    return; // the document changed meanwhile: the next click starts over
                }
                answers = found;
                answersFor = p;
                steppingName = null;
                tab.view.say("");
                then.accept(found);
            });
        });
    }

    private void step(int direction) {
        if (stepping.isEmpty()) {
            if (MISTAKES.equals(steppingName)) {
                tab.view.say("No mistakes on the " + tab.test().size() + " test images.");
            }
            return;
        }
        at = Math.floorMod(at + direction, stepping.size());
        Mistakes.Mistake m = stepping.get(at);
        tab.view.sample.getValueFactory().setValue(m.index() + 1);
        List<String> names = tab.test().classNames();
        String caption = MISTAKES.equals(steppingName)
                ? String.format("mistake %d of %d: %s taken for %s (%.0f%%)", at + 1, stepping.size(),
                        PlaygroundTab.name(names, m.truth()), PlaygroundTab.name(names, m.predicted()), 100 * m.confidence())
                : String.format("%d of %d %s: answered at %.0f%%", at + 1, stepping.size(), steppingName,
                        100 * m.confidence());
        tab.showTestImage(m.index(), caption);
    }
}
