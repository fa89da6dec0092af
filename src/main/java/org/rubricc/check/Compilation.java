package org.rubricc.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.rubricc.diag.Diagnostic;
import org.rubricc.model.Rubric;

/**
 * The outcome of checking one file: its diagnostics (including those of the libraries it imports),
 * and the model when the file is a rubric without errors.
 */
public record Compilation(Path path, String displayPath, boolean library, Optional<Rubric> rubric,
        List<Diagnostic> diagnostics) {

    public Compilation {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
