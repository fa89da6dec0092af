package org.rubricc.codegen;

import java.util.List;
import org.rubricc.backend.GeneratedFile;
import org.rubricc.backend.Target;
import org.rubricc.model.Rubric;

/** `rubricc compile --target java`: a validator class per rubric version, in the package of {@code --java-package}. */
public final class JavaTarget implements Target {
    @Override
    public String name() {
        return "java";
    }

    @Override
    public List<GeneratedFile> generate(Rubric rubric, Options options) {
        ValidatorGenerator g = new ValidatorGenerator(rubric, options.javaPackage());
        return List.of(GeneratedFile.text("java/" + g.relativePath(), g.generate()));
    }
}
