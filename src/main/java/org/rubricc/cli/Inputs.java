package org.rubricc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The rubric files named on the command line: files as given, folders searched for `*.rubric`. */
final class Inputs {
    private Inputs() {}

    /** Thrown for an input that does not exist or cannot be listed; the command exits with status 2. */
    static final class InputException extends Exception {
        InputException(String message) {
            super(message);
        }
    }

    static List<Path> expand(List<Path> paths) throws InputException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> found;
                try (Stream<Path> walk = Files.walk(p)) {
                    found = walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".rubric"))
                            .map(Path::normalize).sorted().toList();
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw new InputException("cannot list " + p + ": " + e.getMessage());
                }
                // A folder with nothing to read is a mistake in the command, not a clean pass.
                if (found.isEmpty()) throw new InputException("no rubric files (*.rubric) in " + p);
                files.addAll(found);
            } else if (Files.isRegularFile(p)) {
                files.add(p.normalize());
            } else {
                throw new InputException("no such file or folder: " + p);
            }
        }
        return files.stream().distinct().toList();
    }

    /** How a ratings argument is named in messages: the path, or {@code <stdin>} for {@code -}. */
    static String shown(String ratings) {
        return ratings.equals("-") ? "<stdin>" : ratings;
    }

    /** Opens a ratings argument: a file, or standard input for {@code -}. */
    static java.io.InputStream ratings(String ratings, java.io.InputStream stdin) throws InputException {
        try {
            return ratings.equals("-") ? stdin : Files.newInputStream(Path.of(ratings));
        } catch (IOException | RuntimeException e) {
            throw new InputException("cannot read " + shown(ratings) + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
    }
}
