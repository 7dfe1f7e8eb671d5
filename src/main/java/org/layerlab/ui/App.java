package org.layerlab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.layerlab.nn.Loss;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectException;
import org.layerlab.project.ProjectFiles;
import org.layerlab.training.EngineWarmup;
import org.layerlab.training.TrainingConfig;
import org.layerlab.ui.common.Later;
import org.layerlab.ui.common.Screenshots;
import org.layerlab.ui.common.WindowClass;
import org.layerlab.ui.model.EditorModel;
import org.layerlab.ui.perf.UiCompilation;
import org.layerlab.ui.shell.MainWindow;

/**
 * The LayerLab window. Arguments: an optional project file (default: the bundled Fashion-MNIST
 * CNN sample when present), {@code --theme=dark}, {@code --screenshot=FILE}, which renders the
 * window to a PNG and exits (how the window is looked at on machines without a display), and
 * {@code --train-for=SECONDS}, which starts training and takes the screenshot that much later,
 * {@code --report}, which prints each epoch's speed and the window's longest pause, and
 * {@code --alternate-views=SECONDS}, which turns the live views off and on that often (with
 * {@code --report}, each stretch's training speed is printed: bench/views-on-off.sh), and
 * {@code --live-views=off}, which starts with them off (bench/threads.sh measures the idle window).
 */
public final class App extends Application {
    static final Path DEFAULT_SAMPLE = Path.of("samples", "fashion_cnn.layerlab");

    @Override
    public void start(Stage stage) {
        WindowClass.set("LayerLab");
        List<String> args = getParameters().getRaw();
        String screenshot = option(args, "--screenshot=");
        boolean dark = "dark".equals(option(args, "--theme="));
        Path file = args.stream().filter(a -> !a.startsWith("--")).findFirst().map(Path::of)
                .orElse(Files.exists(DEFAULT_SAMPLE) ? DEFAULT_SAMPLE : null);
        Project project = emptyProject();
        String loadError = null;
        if (file != null) {
            try {
                project = ProjectFiles.load(file);
            } catch (ProjectException e) {
                loadError = e.getMessage();
                file = null;
            }
        }
        EditorModel model = new EditorModel(project, file);
        MainWindow window = new MainWindow(stage, model);
        window.setTheme(dark);
        String size = option(args, "--size=");
        if (size != null && size.matches("\\d+x\\d+")) {
            // For looking at the window as a user of a larger screen would (1920x1080).
            stage.setWidth(Integer.parseInt(size.substring(0, size.indexOf('x'))));
            stage.setHeight(Integer.parseInt(size.substring(size.indexOf('x') + 1)));
        }
        stage.show();
        Platform.runLater(() -> {
            window.canvas().fitToView();
            // The canvas, not the palette's search field, starts with the keyboard: its shortcuts
            // work at once, and a focused text field's blinking caret asks for 60 frames a second
            // for as long as the window stays open (during a run, time taken from training).
            window.canvas().requestFocus();
        });
        if (loadError != null && screenshot == null) {
            Alert a = new Alert(Alert.AlertType.ERROR, loadError);
            a.setHeaderText("Cannot open the project");
            a.initOwner(stage);
            a.show();
        }
        String tab = option(args, "--tab=");
        if (tab != null) {
            Platform.runLater(() -> {
                Node t = window.scene().lookup("#dashboard-tabs");
                if (t instanceof TabPane pane) {
                    pane.getTabs().stream().filter(x -> ("tab-" + tab).equals(x.getId())).findFirst()
                            .ifPresent(x -> pane.getSelectionModel().select(x));
                }
            });
        }
        String select = option(args, "--select=");
        if (select != null && model.graph().contains(select)) {
            // For looking at a layer's inspector without a mouse (screenshots).
            Platform.runLater(() -> model.select(List.of(select)));
        }
        // After the window's first frames (cold code, 300 ms each), not among them.
        Later.run(1, EngineWarmup::start);
        String trainFor = option(args, "--train-for=");
        window.training().setReport(args.contains("--report"));
        if ("off".equals(option(args, "--live-views="))) {
            window.training().setLiveViews(false);
        }
        String alternate = option(args, "--alternate-views=");
        if (alternate != null) {
            window.training().alternateLiveViews(Double.parseDouble(alternate));
        }
        if (trainFor != null) {
            Platform.runLater(window.training()::startOnceDataShown);
        }
        if (screenshot != null) {
            // Long enough for the project's data to load and the views that show it to draw.
            double delay = trainFor == null ? 1.5 : Double.parseDouble(trainFor);
            Screenshots.afterLayout(window.scene(), Path.of(screenshot), delay, Platform::exit);
        }
    }

    static Project emptyProject() {
        return new Project("Untitled", NetworkGraph.empty(), TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 10),
                null, List.of(), null);
    }

    private static String option(List<String> args, String prefix) {
        return args.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst().orElse(null);
    }

    public static void main(String[] args) {
        UiCompilation.keepJavaFxOutOfC2();
        launch(App.class, args);
    }
}
