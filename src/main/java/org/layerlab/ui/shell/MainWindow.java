package org.layerlab.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.LayerKind;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectException;
import org.layerlab.project.ProjectFiles;
import org.layerlab.ui.canvas.GraphCanvas;
import org.layerlab.ui.commands.Edits;
import org.layerlab.ui.dashboard.DashboardView;
import org.layerlab.ui.dashboard.TrainingController;
import org.layerlab.ui.inspector.InspectorView;
import org.layerlab.ui.model.EditorModel;
import org.layerlab.ui.palette.PaletteView;
import org.layerlab.project.Samples;

/**
 * The main window: menu bar and toolbar on top, palette, canvas and inspector side by side,
 * status bar below. Wires menu items and shortcuts to commands and file actions.
 */
public final class MainWindow {
    private final EditorModel model;
    private final Stage stage;
    private final GraphCanvas canvas;
    private final FileActions files;
    private final Scene scene;
    private final Menu recentMenu = new Menu("Open Recent");
    private final MenuItem undoItem = new MenuItem("Undo");
    private final MenuItem redoItem = new MenuItem("Redo");
    private boolean dark;
    private final PanelLayout panels;
    /** The focused control just left the scene (a rebuild): where focus lands next is not the user's choice. */
    private boolean focusLost;
    private final DashboardView dashboard;
    private final TrainingController training;

    public MainWindow(Stage stage, EditorModel model) {
        this.stage = stage;
        this.model = model;
        this.canvas = new GraphCanvas(model);
        this.files = new FileActions(model, stage);
        PaletteView palette = new PaletteView(this::addFromPalette);
        InspectorView inspector = new InspectorView(model);
        dashboard = new DashboardView();
        training = new TrainingController(model, dashboard);
        panels = new PanelLayout(palette, canvas, dashboard, inspector, canvas::fitToView);
        BorderPane root = new BorderPane(panels.root());
        root.setTop(new VBox(menus(), toolbar()));
        root.setBottom(new StatusBar(model, canvas));
        root.setId("root");
        scene = new Scene(root, 1280, 760);
        setTheme(false);
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.titleProperty().bind(model.titleProperty());
        stage.getIcons().setAll(Stream.of("64", "256", "512")
                .map(size -> new Image(MainWindow.class.getResource("/assets/icon-" + size + ".png").toExternalForm()))
                .toList());
        // A Fix, a committed option or a new choice rebuilds the views, and JavaFX then hands focus to
        // the next control it finds (the palette's search field), where Ctrl+Z edits the search. Focus
        // that lost its control that way goes back to the canvas, where the shortcuts act on the graph.
        scene.focusOwnerProperty().addListener((o, was, now) -> {
            if (now == null) {
                focusLost = was != null;
            } else if (focusLost && "palette-search".equals(now.getId())) {
                focusLost = false;
                Platform.runLater(canvas::requestFocus);
            } else {
                focusLost = false;
            }
        });
        canvas.setOnMouseDragReleased(e -> {
            if (e.getGestureSource() instanceof Node n && n.getUserData() instanceof LayerKind entry) {
                Point2D p = canvas.graphPoint(e.getSceneX(), e.getSceneY());
                model.execute(Edits.addLayer(model.graph(), entry.example(), Math.round(p.getX() - 100),
                        Math.round(p.getY() - 20)));
                model.select(List.of(lastAddedId()));
            }
        });
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
        });
        scene.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()
                    && files.open(e.getDragboard().getFiles().get(0).toPath());
            e.setDropCompleted(ok);
        });
        stage.setOnCloseRequest(e -> {
            if (!files.confirmDiscard()) {
                e.consume();
            }
        });
        model.revisionProperty().addListener((o, a, b) -> refreshUndoLabels());
        model.projectProperty().addListener((o, a, b) -> refreshUndoLabels());
        refreshUndoLabels();
        // Ctrl+Y redoes too, as on Windows (the menu shows Ctrl+Shift+Z).
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Y"), model::redo);
    }

    public Scene scene() {
        return scene;
    }

    public GraphCanvas canvas() {
        return canvas;
    }

    public TrainingController training() {
        return training;
    }

    private String lastAddedId() {
        List<String> ids = new ArrayList<>();
        model.graph().nodes().forEach(n -> ids.add(n.id()));
        return ids.get(ids.size() - 1);
    }

    private void addFromPalette(LayerKind entry) {
        if (model.selection().size() == 1) {
            model.execute(Edits.addAfter(model.graph(), model.selection().iterator().next(), entry.example()));
        } else {
            Point2D c = canvas.visibleCentre();
            model.execute(Edits.addLayer(model.graph(), entry.example(), Math.round(c.getX()), Math.round(c.getY())));
        }
        model.select(List.of(lastAddedId()));
    }

    public void setTheme(boolean darkTheme) {
        dark = darkTheme;
        dashboard.setDark(darkTheme);
        scene.getStylesheets().setAll(css("base.css"), css(darkTheme ? "dark.css" : "light.css"));
    }

    private static String css(String name) {
        return MainWindow.class.getResource("/assets/css/" + name).toExternalForm();
    }

    private MenuBar menus() {
        Menu file = new Menu("_File");
        Menu newFrom = new Menu("New from Template");
        Templates.all().forEach((name, p) -> newFrom.getItems().add(item(name, null, () -> files.newProject(p))));
        Menu samples = new Menu("Open Sample");
        for (Path p : Samples.list()) {
            samples.getItems().add(item(p.getFileName().toString().replace(ProjectFiles.EXTENSION, ""), null,
                    () -> files.open(p)));
        }
        samples.setDisable(samples.getItems().isEmpty());
        file.setOnShowing(e -> {
            recentMenu.getItems().clear();
            for (Path p : files.recent()) {
                // The folder too: two projects of the same name are told apart.
                Path folder = p.toAbsolutePath().getParent();
                recentMenu.getItems().add(item(p.getFileName() + "  —  " + (folder == null ? "" : folder), null,
                        () -> files.open(p)));
            }
            recentMenu.setDisable(recentMenu.getItems().isEmpty());
        });
        file.getItems().addAll(item("New", "Shortcut+N", () -> files.newProject(Templates.all().get("Empty"))), newFrom,
                item("Open…", "Shortcut+O", files::open), samples, recentMenu, new SeparatorMenuItem(),
                item("Save", "Shortcut+S", files::save), item("Save As…", "Shortcut+Shift+S", files::saveAs),
                item("Export Model…", "Shortcut+E", files::exportModel),
                item("Import Weights…", null, files::importWeights),
                new SeparatorMenuItem(),
                // Close closes the project (the window stays, empty); Quit ends the program.
                item("Close", "Shortcut+W", () -> files.newProject(Templates.all().get("Empty"))),
                item("Quit", "Shortcut+Q", () -> {
                    if (files.confirmDiscard()) {
                        stage.close();
                    }
                }));
        undoItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        undoItem.setOnAction(e -> model.undo());
        redoItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+Z"));
        redoItem.setOnAction(e -> model.redo());
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(undoItem, redoItem, new SeparatorMenuItem(),
                item("Copy", "Shortcut+C", this::copy), item("Paste", "Shortcut+V", this::paste),
                item("Duplicate", "Shortcut+D", () -> {
                    copy();
                    paste();
                }),
                item("Delete", "Delete", canvas::deleteSelection), item("Select All", "Shortcut+A",
                        () -> model.select(model.graph().nodes().stream().map(n -> n.id()).toList())));
        Menu view = new Menu("_View");
        view.getItems().addAll(item("Fit to View", "Shortcut+0", canvas::fitToView),
                item("Zoom to Selection", "Shortcut+Shift+0", canvas::zoomToSelection),
                item("Zoom In", "Shortcut+EQUALS", () -> canvas.zoomAt(1.2, canvas.getWidth() / 2, canvas.getHeight() / 2)),
                item("Zoom Out", "Shortcut+MINUS", () -> canvas.zoomAt(1 / 1.2, canvas.getWidth() / 2, canvas.getHeight() / 2)),
                new SeparatorMenuItem(),
                item("Auto-layout Top to Bottom", "Shortcut+L", () -> layout(true)),
                item("Auto-layout Left to Right", "Shortcut+Shift+L", () -> layout(false)),
                new SeparatorMenuItem(),
                item("Show or Hide Palette", "Shortcut+1", panels::togglePalette),
                item("Show or Hide Dashboard", "Shortcut+2", panels::toggleDashboard),
                item("Show or Hide Inspector", "Shortcut+3", panels::toggleInspector),
                new SeparatorMenuItem(), item("Light Theme", null, () -> setTheme(false)),
                item("Dark Theme", null, () -> setTheme(true)));
        Menu train = new Menu("_Train");
        train.getItems().addAll(item("Train", "Shortcut+T", training::start),
                item("Pause", null, () -> dashboard.lookup("#train-pause").fireEvent(new ActionEvent())),
                item("Stop", null, () -> dashboard.lookup("#train-stop").fireEvent(new ActionEvent())));
        Menu help = new Menu("_Help");
        MenuBar bar = new MenuBar(file, edit, view, train, help);
        help.getItems().addAll(item("Keyboard Shortcuts", "F1", () -> HelpDialogs.shortcuts(stage, bar)),
                item("Getting Started", null, () -> HelpDialogs.gettingStarted(stage)), new SeparatorMenuItem(),
                item("About LayerLab", null, () -> HelpDialogs.about(stage)));
        bar.setId("menu-bar");
        return bar;
    }

    private void layout(boolean topToBottom) {
        model.execute(Edits.autoLayout(model.graph(), topToBottom));
        canvas.fitToView();
    }

    private ToolBar toolbar() {
        ToolBar bar = new ToolBar(
                button("New", "New empty project (Ctrl+N)", () -> files.newProject(Templates.all().get("Empty"))),
                button("Open", "Open a project (Ctrl+O)", files::open),
                button("Save", "Save (Ctrl+S)", files::save),
                new Separator(),
                button("Undo", "Undo (Ctrl+Z)", model::undo),
                button("Redo", "Redo (Ctrl+Shift+Z or Ctrl+Y)", model::redo),
                new Separator(),
                button("Fit", "Fit the network to the view (Ctrl+0)", canvas::fitToView),
                button("Auto-layout", "Arrange layers top to bottom (Ctrl+L)", () -> layout(true)),
                button("Theme", "Switch between light and dark", () -> setTheme(!dark)));
        bar.setId("toolbar");
        return bar;
    }

    private void refreshUndoLabels() {
        undoItem.setText(model.undoLabel());
        undoItem.setDisable(!model.canUndo());
        redoItem.setText(model.redoLabel());
        redoItem.setDisable(!model.canRedo());
    }

    /** Puts the selected layers (and the connections among them) on the clipboard as project JSON. */
    void copy() {
        if (model.selection().isEmpty()) {
            return;
        }
        NetworkGraph clip = Edits.extract(model.graph(), model.selection());
        Project p = model.project().withGraph(clip);
        ClipboardContent c = new ClipboardContent();
        c.putString(ProjectFiles.toJson(new Project("clipboard", clip, p.training(), null, List.of(), null), null));
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** Pastes layers copied here or in another project, offset so they do not hide the originals. */
    void paste() {
        String text = Clipboard.getSystemClipboard().getString();
        if (text == null || !text.contains(ProjectFiles.FORMAT)) {
            return;
        }
        try {
            NetworkGraph clip = ProjectFiles.parse(text, "clipboard", null).graph();
            List<String> ids = new ArrayList<>();
            model.execute(Edits.paste(model.graph(), clip, 40, 40, ids));
            model.select(ids);
        } catch (ProjectException e) {
            files.error("Cannot paste", e.getMessage());
        }
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId("tool-" + text.toLowerCase().replace(' ', '-').replace("…", ""));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Opens a project file as File ▸ Open does (asking about unsaved changes first). */
    public boolean open(Path file) {
        return files.open(file);
    }

    public boolean isDarkTheme() {
        return dark;
    }
}
