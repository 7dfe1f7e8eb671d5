package org.layerlab.ui.commands;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import org.layerlab.project.Project;

/**
 * Undo and redo stacks of commands with a revision counter that counts every change (undo
 * included), so "unsaved" is simply revision ≠ the revision at the last save. A command that
 * would change nothing is not pushed. The stacks are capped.
 */
public final class CommandStack {
    private static final int LIMIT = 500;
    private final Deque<Command> undo = new ArrayDeque<>();
    private final Deque<Command> redo = new ArrayDeque<>();
    private long revision;

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
        revision++;
        return next;
    }

    public Project undo(Project p) {
        if (undo.isEmpty()) {
            return p;
        }
        Command c = undo.pop();
        redo.push(c);
        revision++;
        return c.revert(p);
    }

    public Project redo(Project p) {
        if (redo.isEmpty()) {
            return p;
        }
        Command c = redo.pop();
        undo.push(c);
        revision++;
        return c.apply(p);
    }

    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(Command::description);
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(Command::description);
    }

    public long revision() {
        return revision;
    }

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
