package org.rubricc.codegen.js;

import java.util.List;
import org.rubricc.backend.GeneratedFile;
import org.rubricc.backend.Target;
import org.rubricc.model.Rubric;

/**
 * `rubricc compile --target js`: {@code validator.mjs} per rubric version, a dependency-free ES module that
 * judges ratings exactly as {@code rubricc validate} does and gives a rating form the rubric's data. This is
 * the package's one public entry point: the rater's page takes the module as a file.
 */
public final class JsTarget implements Target {
    public static final String FILE = "validator.mjs";

    @Override
    public String name() {
        return "js";
    }

    @Override
    public List<GeneratedFile> generate(Rubric rubric, Options options) {
        return List.of(GeneratedFile.text(FILE, new JsValidatorGenerator(rubric).generate()));
    }
}
