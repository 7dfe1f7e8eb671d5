package org.layerlab.ui.commands;

import org.layerlab.project.Project;

/**
 * One undoable change to the document. Commands are pure: they map a project to a project, so
 * undo is applying the inverse and nothing is shared with the live views.
 */
public interface Command {
    /** For the menu: "Undo " + description. */
    String description();

    Project apply(Project p);

    Project revert(Project p);
}
