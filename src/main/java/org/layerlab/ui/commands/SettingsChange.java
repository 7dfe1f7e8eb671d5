package org.layerlab.ui.commands;

import org.layerlab.project.Project;
import org.layerlab.training.TrainingConfig;

/** A change to the training settings, recorded as before and after. */
public record SettingsChange(String description, TrainingConfig before, TrainingConfig after) implements Command {
    @Override
    public Project apply(Project p) {
        return p.withTraining(after);
    }

    @Override
    public Project revert(Project p) {
        return p.withTraining(before);
    }
}
