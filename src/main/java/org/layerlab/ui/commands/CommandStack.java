package org.layerlab.ui.commands;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import org.layerlab.project.Project;

/**
 * Undo and redo stacks of commands, capped. A command that would change nothing is not pushed.
 * (The unsaved mark is the editor model's revision counter, which also counts training results.)
 */
public final class CommandStack {
    private static final int LIMIT = 500;
    private final Deque<Command> undo = new ArrayDeque<>();
    private final Deque<Command> redo = new ArrayDeque<>();

    /** Applies the command and records it; returns the new project (the same one when nothing changed). */
    public Project execute(Command c, Project p) {
        Project next = c.apply(p);
        if (next.equals(p)) {
            return p;
        }
        undo.push(c);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        return next;
    }

    public Project undo(Project p) {
        if (undo.isEmpty()) {
            return p;
        }
        Command c = undo.pop();
        redo.push(c);
        return c.revert(p);
    }

    public Project redo(Project p) {
        if (redo.isEmpty()) {
            return p;
        }
        Command c = redo.pop();
        undo.push(c);
        return c.apply(p);
    }

    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(Command::description);
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(Command::description);
    }

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
