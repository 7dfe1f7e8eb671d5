package org.layerlab.ui.commands;

import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.project.Project;

/**
 * A change to the network, recorded as the graph before and after. Graphs are immutable, so one
 * kind of command serves every edit (add, delete, connect, move, set a parameter, fix, layout);
 * {@link Edits} builds them with their descriptions.
 */
public record GraphChange(String description, NetworkGraph before, NetworkGraph after) implements Command {
    @Override
    public Project apply(Project p) {
        return p.withGraph(after);
    }

    @Override
    public Project revert(Project p) {
        return p.withGraph(before);
    }
}
