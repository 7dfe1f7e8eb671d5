package org.layerlab.ui.commands;

import org.layerlab.project.DatasetSource;
import org.layerlab.project.Project;

/** A change of the project's data source, recorded as before and after. */
public record DatasetChange(String description, DatasetSource before, DatasetSource after) implements Command {
    @Override
    public Project apply(Project p) {
        return p.withDataset(after);
    }

    @Override
    public Project revert(Project p) {
        return p.withDataset(before);
    }
}
