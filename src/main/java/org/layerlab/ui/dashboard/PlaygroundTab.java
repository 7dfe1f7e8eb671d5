package org.layerlab.ui.dashboard;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.image.ImageView;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import org.layerlab.data.Dataset;
import org.layerlab.data.ImageFolderLoader;
import org.layerlab.data.PixelTable;
import org.layerlab.data.TabularInput;
import org.layerlab.data.Tokenizer;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GanChecks;
import org.layerlab.nn.network.NetworkNode;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.LoadedData;
import org.layerlab.project.Project;
import org.layerlab.training.AttentionSnapshot;
import org.layerlab.training.Playground;
import org.layerlab.ui.common.PixelImages;

/**
 * The Playground tab: the project's saved network (the weights as they were when the run ended;
 * a run in progress trains its own copy) answers one input at a time. It is rebuilt when the
 * project's graph or weights change, lazily, when the tab is next looked at.
 */
final class PlaygroundTab implements DashboardTab {
    final PlaygroundView view = new PlaygroundView();
    final TablePlaygroundView table = new TablePlaygroundView();
    final MistakesGallery gallery = new MistakesGallery();
    final TextPlaygroundView text = new TextPlaygroundView();
    private final StackPane content = new StackPane(view, table, text, gallery);
    /** For a text classifier: how its training text was tokenised (null otherwise). */
    private Tokenizer tokenizer;
    /** Whether the text box got its first test sample. */
    private boolean textFilled;
    /** The table's columns as the playground sets them; null for image networks. */
    private TabularInput tabular;
    /** A table of pixels seen as its image (the digits sample), or null. */
    private PixelTable pixels;
    private Project project;
    private LoadedData data;
    private Playground model;
    private Project builtFor;
    /** A test image shown as it is (not re-averaged from the drawing), until the next stroke. */
    private float[] exact;
    /** The test set's mistakes and a confusion cell's answers: the gallery and ◀ ▶. */
    private final PlaygroundMistakes mistakes = new PlaygroundMistakes(this);
    /** The node selected on the canvas, if one. */
    private String selected;

    PlaygroundTab() {
        view.onChange(() -> {
            exact = null; // a stroke or Clear: the drawing is the input again
            answer();
        });
        view.saliency.selectedProperty().addListener((o, a, b) -> answer());
        view.saliencyKind.valueProperty().addListener((o, a, b) -> answer());
        view.showSample.setOnAction(e -> showTestImage(view.sample.getValue() - 1, null));
        gallery.setVisible(false);
        text.setVisible(false);
        text.text.textProperty().addListener((o, a, b) -> {
            text.truth.setText("");
            answer();
        });
        text.showSample.setOnAction(e -> showTestText(text.sample.getValue() - 1));
        // An image file dropped on the playground is read as the training images were (size, channels, 0..1).
        view.setOnDragOver(e -> {
            if (imageFile(e.getDragboard()) != null) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        view.setOnDragDropped(e -> {
            java.io.File f = imageFile(e.getDragboard());
            if (f != null) {
                openImage(f.toPath());
                e.setDropCompleted(true);
                e.consume();
            }
        });
        view.show.valueProperty().addListener((o, a, b) -> answer());
        table.onChange(() -> {
            table.truth.setText("");
            answer();
        });
        table.saliency.selectedProperty().addListener((o, a, b) -> answer());
        table.showSample.setOnAction(e -> showTestRow(table.sample.getValue() - 1));
        table.setVisible(false);
    }

    private static java.io.File imageFile(Dragboard d) {
        if (!d.hasFiles() || d.getFiles().size() != 1) {
            return null;
        }
        java.io.File f = d.getFiles().get(0);
        String n = f.getName().toLowerCase(java.util.Locale.ROOT);
        return ImageFolderLoader.EXTENSIONS.stream().anyMatch(n::endsWith) ? f : null;
    }

    /** An image file as the network's input, scaled and converted as the training images were. */
    void openImage(Path file) {
        if (!ready() || tabular != null && pixels == null || tokenizer != null) {
            view.say("Only an image network takes an image file.");
            return;
        }
        Shape s = imageShape();
        int h = s.dim(0);
        int w = s.rank() > 1 ? s.dim(1) : 1;
        int c = s.rank() > 2 ? s.dim(2) : 1;
        byte[] bytes = new byte[h * w * c];
        String problem = ImageFolderLoader.decode(file, w, h, c, bytes, 0);
        if (problem != null) {
            view.say(file.getFileName() + " " + problem);
            return;
        }
        float[] grey = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            grey[i] = (bytes[i] & 0xFF) / 255f;
        }
        exact = grey;
        view.showImage(exact, s);
        view.truth.setText(file.getFileName().toString());
        answer();
    }

    /** The gallery in place of the playground's views, or those back (the one the data calls for). */
    void showGallery(boolean on) {
        gallery.setVisible(on);
        boolean sliders = tabular != null && pixels == null;
        view.setVisible(!on && !sliders && tokenizer == null);
        table.setVisible(!on && sliders);
        text.setVisible(!on && tokenizer != null);
    }

    /** Test image i as the network sees it, a little enlarged, crisp. */
    Node thumbnail(int i) {
        Shape s = imageShape();
        if (s.rank() != 3) {
            return null;
        }
        float[] x = PlaygroundView.row(test(), i).data();
        float[] img = pixels != null ? pixels.toGrey(x) : x;
        ImageView v = new ImageView(PixelImages.of(img, 0, s.dim(0), s.dim(1), s.dim(2)));
        v.setSmooth(false);
        v.setPreserveRatio(true);
        v.setFitWidth(Math.min(112, Math.max(56, s.dim(1) * 3)));
        return v;
    }

    /** A cell of the confusion matrix: its test images, stepped through with ◀ ▶. */
    void showCell(int truth, int predicted) {
        mistakes.showCell(truth, predicted);
    }

    /** The gallery of mistakes (tests open it as the "mistakes" link does). */
    void openGallery() {
        mistakes.openGallery();
    }

    Project project() {
        return project;
    }

    static String name(List<String> names, int k) {
        return k >= 0 && k < names.size() ? names.get(k) : "class " + k;
    }

    @Override
    public String id() {
        return "tab-playground";
    }

    @Override
    public String title() {
        return "Playground";
    }

    @Override
    public Node content() {
        return content;
    }

    @Override
    public CanvasView canvas() {
        return table.isVisible() ? table.bars : text.isVisible() ? text.bars : view.bars;
    }

    /** Test sample i's text, rebuilt from its token ids (padding left out), with its true class. */
    private void showTestText(int index) {
        if (!ready() || tokenizer == null) {
            return;
        }
        Dataset test = test();
        int i = Math.max(0, Math.min(test.size() - 1, index));
        float[] ids = PlaygroundView.row(test, i).data();
        text.text.setText(tokenizer.decode(ids, 0, ids.length));
        text.truth.setText(test.isClassification() ? "true: " + name(test.classNames(), (int) test.target(i)) : "");
    }

    @Override
    public void shown() {
        answer();
    }

    /** The project and its loaded data (the Data tab's load). */
    void use(Project p, LoadedData d) {
        project = p;
        data = d;
        if (CanvasView.showing(content)) {
            answer();
        }
    }

    /** The document changed (weights after a run, an edit): the next look rebuilds the network. */
    void projectChanged(Project p) {
        if (p != project && gallery.isVisible() && (project == null || p.weights() != project.weights())) {
            showGallery(false); // its mistakes were the old weights'
        }
        if (project != null && p.dataset() != project.dataset()) {
            // Other data (another document, or the data changed): the loaded data are the old
            // project's until the Data tab's load brings the new ones (use). A network answered on
            // them failed on their shapes and stopped the listener that starts that load.
            data = null;
        }
        project = p;
        if (CanvasView.showing(content)) {
            answer();
        }
    }

    /** A layer selected on the canvas: the playground shows what it computes (the Input: the answer again). */
    void select(String nodeId) {
        selected = nodeId;
        if (model == null || nodeId == null) {
            return; // applied when the network is built
        }
        model.layers().stream().filter(n -> n.id().equals(nodeId)).findFirst()
                .ifPresentOrElse(n -> view.show.setValue(n.name()), () -> view.show.setValue(PlaygroundView.ANSWER));
    }

    boolean ready() {
        if (project == null || data == null) {
            view.say("Waiting for the data to load.");
            return false;
        }
        Shape in = data.train().featureShape();
        boolean image = in.rank() == 3 && (in.dim(2) == 1 || in.dim(2) == 3);
        boolean rows = !image && data.encoder() != null && data.source().underlying() instanceof DatasetSource.Csv;
        tokenizer = data.source().underlying() instanceof DatasetSource.Text t ? t.tokenizer() : null;
        if (GanChecks.seamOf(project.graph()) != null) {
            view.setVisible(true);
            table.setVisible(false);
            text.setVisible(false);
            view.say("A GAN's network takes noise, not the data's images: its Generated tab shows what it makes.");
            return false;
        }
        if (!image && !rows && tokenizer == null) {
            view.setVisible(true);
            table.setVisible(false);
            text.setVisible(false);
            view.say("The playground takes image networks, tables and labelled text; for next-token text or a time"
                    + " series, see the Samples and Forecast tabs.");
            return false;
        }
        if (tokenizer != null) {
            ((SpinnerValueFactory.IntegerSpinnerValueFactory) text.sample.getValueFactory()).setMax(test().size());
        }
        if (builtFor == null || builtFor.graph() != project.graph() || builtFor.weights() != project.weights()) {
            try {
                model = new Playground(project.graph(), project.weights() == null
                        ? new ParameterStore(project.training().seed()) : project.weights(), data.train().classNames());
            } catch (RuntimeException e) {
                model = null;
                view.say("The network cannot run yet: " + e.getMessage());
                return false;
            }
            builtFor = project;
            tabular = null;
            pixels = null;
            if (rows) {
                DatasetSource.Csv csv = (DatasetSource.Csv) data.source().underlying();
                tabular = new TabularInput(data.encoder(), csv.offset(), csv.scale(), data.train().original());
                pixels = PixelTable.of(tabular, model.reshapedInput());
                table.setUp(tabular);
                ((SpinnerValueFactory.IntegerSpinnerValueFactory) table.sample.getValueFactory())
                        .setMax(Math.max(1, test().size()));
            }
            String chosen = view.show.getValue();
            view.show.getItems().setAll(PlaygroundView.ANSWER);
            model.layers().forEach(n -> view.show.getItems().add(n.name()));
            view.show.setValue(view.show.getItems().contains(chosen) ? chosen : PlaygroundView.ANSWER);
            select(selected);
            Dataset test = test();
            view.sample.getValueFactory().setValue(Math.min(view.sample.getValue(), Math.max(1, test.size())));
            ((SpinnerValueFactory.IntegerSpinnerValueFactory) view.sample.getValueFactory()).setMax(Math.max(1, test.size()));
        }
        // Mistakes and confusion cells are a classifier's: an autoencoder has none to step through.
        boolean classes = test().isClassification();
        for (Node n : List.of(view.stepping, view.previousMistake, view.nextMistake)) {
            n.setVisible(classes);
            n.setManaged(classes);
        }
        // A table of pixels (the digits) is drawn like an image; other tables get sliders.
        boolean sliders = tabular != null && pixels == null;
        // One of them shows; the gallery, when open, in place of all.
        boolean gallerying = gallery.isVisible();
        view.setVisible(!sliders && tokenizer == null && !gallerying);
        table.setVisible(sliders && !gallerying);
        text.setVisible(tokenizer != null && !gallerying);
        String untrained = project.isTrained() ? "" : "Untrained weights: train first, or the answers are a guess.";
        view.say(untrained);
        table.message.setText(untrained);
        return model != null;
    }

    /** The image the drawing stands for: the network's input, or the image a table of pixels is reshaped to. */
    private Shape imageShape() {
        return pixels != null ? pixels.image() : model.inputShape();
    }

    /** The saliency of the kind chosen, per input value, for the top class. */
    private float[] explanation(float[] in, Shape shape, Playground.Prediction p) {
        String kind = view.saliencyKind.getValue();
        if (PlaygroundView.OCCLUSION.equals(kind)) {
            float[] drop = model.occlusion(in, shape, p.top(), 4, 2);
            for (int i = 0; i < drop.length; i++) {
                drop[i] = Math.max(0, drop[i]); // where blacking out lowers the class: the evidence for it
            }
            return drop;
        }
        float[] g = p.saliency().clone();
        if (PlaygroundView.GRADIENT_TIMES_INPUT.equals(kind)) {
            for (int i = 0; i < g.length; i++) {
                g[i] *= in[i];
            }
        }
        return g;
    }

    Dataset test() {
        return data.test() != null ? data.test() : data.train().original();
    }

    /** Test image i into the playground; caption instead of "true: label" when given. */
    void showTestImage(int index, String caption) {
        if (!ready()) {
            return;
        }
        Dataset test = test();
        int i = Math.max(0, Math.min(test.size() - 1, index));
        Tensor x = PlaygroundView.row(test, i);
        exact = pixels != null ? pixels.toGrey(x.data()) : x.data().clone();
        view.showImage(exact, imageShape());
        String label = test.isClassification() && (int) test.target(i) < test.classNames().size()
                ? test.classNames().get((int) test.target(i)) : "";
        view.truth.setText(caption != null ? caption : label.isEmpty() ? "test image " + (i + 1) : "true: " + label);
        answer();
    }

    /** Test row i into the sliders, with its true label. */
    private void showTestRow(int index) {
        if (!ready() || tabular == null) {
            return;
        }
        Dataset test = test();
        int i = Math.max(0, Math.min(test.size() - 1, index));
        table.setValues(tabular.values(PlaygroundView.row(test, i).data()));
        String label = test.isClassification() && (int) test.target(i) < test.classNames().size()
                ? "true: " + test.classNames().get((int) test.target(i)) : String.format("true: %.4g", test.target(i));
        answer();
        table.truth.setText(label);
    }

    private void answer() {
        if (!ready()) {
            return;
        }
        if (tokenizer != null && text.text.getText().isEmpty() && !textFilled) {
            textFilled = true; // once: a person who clears the text may want it empty
            showTestText(0);
            return;
        }
        if (tokenizer != null) {
            int length = model.inputShape().size();
            float[] ids = new float[length];
            tokenizer.encode(text.text.getText(), length, ids, 0);
            text.showTokens(tokenizer, text.text.getText(), length);
            text.bars.show(model.predict(ids, -1), model.classNames());
            AttentionSnapshot a = model.attention(tokenizer.tokens(text.text.getText()).size(), project.history().size());
            text.attention.setVisible(a != null);
            if (a != null) {
                text.attention.show(a);
            }
            return;
        }
        if (tabular != null && pixels == null) {
            float[] in = tabular.encode(table.values());
            Playground.Prediction first = model.predict(in, -1);
            boolean classes = !model.classNames().isEmpty();
            Playground.Prediction shown = table.saliency.isSelected()
                    ? model.predict(in, classes ? first.top() : 0) : first;
            table.showSaliency(shown.saliency());
            table.bars.show(shown, model.classNames());
            return;
        }
        Shape shape = imageShape();
        float[] grey = exact != null ? exact
                : Playground.fromDrawing(view.drawing, PlaygroundView.RESOLUTION, PlaygroundView.RESOLUTION, shape);
        float[] in = pixels != null ? pixels.toInput(grey) : grey;
        Playground.Prediction first = model.predict(in, -1);
        Playground.Prediction shown = view.saliency.isSelected() ? model.predict(in, first.top()) : first;
        view.showInput(grey, shape, view.saliency.isSelected() ? explanation(in, shape, shown) : null);
        String layer = view.show.getValue();
        NetworkNode node = layer == null ? null
                : model.layers().stream().filter(n -> n.name().equals(layer)).findFirst().orElse(null);
        // Visible first: a hidden view only notes that it is out of date.
        view.layerOutput.setVisible(node != null);
        // An autoencoder's output is an image of the input's size: drawn as one, next to the input.
        boolean reproduces = model.classNames().isEmpty() && shown.outputs().length == shape.size();
        view.bars.show(shown, model.classNames(), reproduces ? shape : null);
        if (node != null) {
            view.layerOutput.show(model.outputOf(node)); // the pass above computed every layer's output
        }
    }
}
