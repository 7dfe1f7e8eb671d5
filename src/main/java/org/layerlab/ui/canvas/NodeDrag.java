package org.layerlab.ui.canvas;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

import org.layerlab.ui.commands.Edits;
import org.layerlab.ui.model.EditorModel;

/**
 * Moving layers by dragging one: a press selects it (shift or the shortcut key adds it to the
 * selection or takes it out), a drag moves every selected layer with it, and the release makes
 * the move one undoable command (a press without a drag moves nothing).
 */
final class NodeDrag {
    private final EditorModel model;
    private final Map<String, NodeView> views;
    private final DoubleSupplier zoom;
    private final Runnable moved;
    private Point2D pressScene;
    private Map<String, double[]> origins;
    private boolean dragged;

    /** moved: called after each step of the drag (the canvas redraws its edges). */
    NodeDrag(EditorModel model, Map<String, NodeView> views, DoubleSupplier zoom, Runnable moved) {
        this.model = model;
        this.views = views;
        this.zoom = zoom;
        this.moved = moved;
    }

    /** Handles the node's presses, drags and releases; before a press, the canvas runs its own pressed (focus, edge selection). */
    void install(NodeView v, Runnable pressed) {
        v.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            pressed.run();
            press(v.nodeId(), e);
            e.consume();
        });
        v.setOnMouseDragged(e -> {
            drag(e);
            e.consume();
        });
        v.setOnMouseReleased(e -> {
            release();
            e.consume();
        });
    }

    private void press(String id, MouseEvent e) {
        if (e.isShiftDown() || e.isShortcutDown()) {
            if (!model.selection().remove(id)) {
                model.selection().add(id);
            }
        } else if (!model.selection().contains(id)) {
            model.select(List.of(id));
        }
        pressScene = new Point2D(e.getSceneX(), e.getSceneY());
        origins = new LinkedHashMap<>();
        for (String s : model.selection()) {
            NodeView sv = views.get(s);
            origins.put(s, new double[] {sv.getLayoutX(), sv.getLayoutY()});
        }
        dragged = false;
    }

    private void drag(MouseEvent e) {
        if (origins == null) {
            return;
        }
        double dx = (e.getSceneX() - pressScene.getX()) / zoom.getAsDouble();
        double dy = (e.getSceneY() - pressScene.getY()) / zoom.getAsDouble();
        dragged |= Math.abs(dx) + Math.abs(dy) > 2;
        origins.forEach((id, o) -> {
            NodeView sv = views.get(id);
            sv.setLayoutX(o[0] + dx);
            sv.setLayoutY(o[1] + dy);
            sv.placePorts();
        });
        moved.run();
    }

    private void release() {
        if (origins != null && dragged) {
            Map<String, double[]> to = new HashMap<>();
            origins.keySet().forEach(id -> to.put(id,
                    new double[] {Math.round(views.get(id).getLayoutX()), Math.round(views.get(id).getLayoutY())}));
            model.execute(Edits.move(model.graph(), to));
        }
        origins = null;
    }
}
