package org.rubricc.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The folder a rubric's imports may not leave, and where its lock of released versions is kept.
 *
 * <p>Found from the rubric's own place, never from the working directory, the way Cargo finds {@code Cargo.toml}
 * and buf finds {@code buf.yaml}: the nearest folder at or above the rubric that holds {@code rubricc.lock}. The
 * lock is the project file because a project's one piece of state is which versions it has released; a folder
 * without one (a project that has released nothing yet) falls back to the folder named on the command line that
 * holds the rubric, and then to the rubric's own folder, the narrowest choice. {@code --root} overrides all of this.
 *
 * @param dir absolute and normalized
 */
public record ProjectRoot(Path dir, How how) {
    /** The name of the lock file, which also marks a project's root. */
    public static final String LOCK_FILE = "rubricc.lock";

    /** How the root was chosen, as messages explain it. */
    public enum How {
        EXPLICIT("given with --root"),
        LOCK("the folder holding " + LOCK_FILE),
        FOLDER_GIVEN("the folder given on the command line; no " + LOCK_FILE + " was found above the file"),
        OWN_FOLDER("the file's own folder; no " + LOCK_FILE + " was found above it");

        public final String explanation;

        How(String explanation) {
            this.explanation = explanation;
        }
    }

    /**
     * The root for one rubric file.
     *
     * @param explicit the {@code --root} given, or null
     * @param given    the paths named on the command line (folders among them are candidates)
     */
    public static ProjectRoot of(Path file, Path explicit, List<Path> given) {
        if (explicit != null) return new ProjectRoot(explicit.toAbsolutePath().normalize(), How.EXPLICIT);
        Path abs = file.toAbsolutePath().normalize();
        for (Path dir = abs.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(LOCK_FILE))) return new ProjectRoot(dir, How.LOCK);
        }
        Path best = null;
        for (Path g : given) {
            Path folder = g.toAbsolutePath().normalize();
            if (Files.isDirectory(folder) && abs.startsWith(folder) && (best == null || folder.startsWith(best))) {
                best = folder;
            }
        }
        if (best != null) return new ProjectRoot(best, How.FOLDER_GIVEN);
        return new ProjectRoot(abs.getParent(), How.OWN_FOLDER);
    }

    public Path lockFile() {
        return dir.resolve(LOCK_FILE);
    }

    /** A path under the root as the lock writes it: relative, with forward slashes. */
    public String relative(Path p) {
        return dir.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
