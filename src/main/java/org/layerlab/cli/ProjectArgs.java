package org.layerlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.layerlab.data.DataException;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectException;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.ProjectSession;
import org.layerlab.project.Samples;

/** Loading the project a command names, with user-facing errors. */
final class ProjectArgs {
    private ProjectArgs() {
    }

    static Path path(Args args, String usage) {
        if (args.positional().size() != 1) {
            throw new UserError("usage: " + usage);
        }
        Path p = CliPaths.of(args.positional().get(0), "project file");
        if (!Files.isRegularFile(p)) {
            throw new UserError("no project file " + p);
        }
        return p;
    }

    /**
     * Where a command that changes the project saves it: --out, else the project file itself;
     * refused when that is a sample (kept as its lesson's starting point) or cannot be written.
     */
    static Path saveTarget(Args args, Path file, String what) {
        Path target = CliPaths.of(args.get("out", file.toString()), "--out file");
        if (Samples.isSample(target)) {
            throw new UserError(target.getFileName() + " is a sample, kept as the starting point of its lesson;"
                    + " save the " + what + " copy elsewhere with --out FILE (e.g. --out /tmp/" + target.getFileName() + ")");
        }
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserError("cannot save to " + target + ": the folder " + folder + " does not exist; create it or"
                    + " choose another --out file");
        }
        if (!Files.isWritable(folder) || (Files.exists(target) && !Files.isWritable(target))) {
            throw new UserError("cannot save to " + target + ": it is not writable; choose another --out file");
        }
        return target;
    }

    static Project load(Path file) {
        try {
            return ProjectFiles.load(file);
        } catch (ProjectException e) {
            throw new UserError(e.getMessage());
        }
    }

    static ProjectSession open(Project p, Path file) {
        try {
            return ProjectSession.open(p, file.toAbsolutePath().getParent());
        } catch (ProjectException | DataException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("cannot read the project's data: " + e.getMessage());
        }
    }

    static ProjectSession openValid(Project p, Path file) {
        ProjectSession s = open(p, file);
        if (!s.errors().isEmpty()) {
            throw new UserError("the network has problems (run 'validate' for all): " + s.errors().get(0));
        }
        return s;
    }

    /** A trained project opened to run its network (evaluate, predict): refused when that would not fit in memory. */
    static ProjectSession openToRun(Project p, Path file) {
        ProjectSession s = openValid(p, file);
        String memory = s.inferenceMemoryProblem(ProjectSession.EVALUATION_BATCH);
        if (memory != null) {
            throw new UserError(memory);
        }
        return s;
    }
}
