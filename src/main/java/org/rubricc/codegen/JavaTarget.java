package org.rubricc.codegen;

import java.util.List;
import java.util.Optional;
import org.rubricc.backend.GeneratedFile;
import org.rubricc.backend.Target;
import org.rubricc.model.Dimension;
import org.rubricc.model.Rubric;
import org.rubricc.model.Scale;

/** `rubricc compile --target java`: a validator class per rubric version, in the package of {@code --java-package}. */
public final class JavaTarget implements Target {
    /**
     * The largest rubrics whose generated validator is known to compile: javac compiled a synthetic rubric of
     * 5,000 dimensions and scales of 2,000 choices or points (README, "Limits of the java target"); {@link Layout}
     * spreads a validator over as many classes as it needs, but the per-rating state is one class, and a scale's
     * lookups are one method each.
     */
    static final int DIMENSIONS = 5_000;
    /** The most points or choices of a scale a dimension uses (a scale of 3,000 choices passes 64 KiB in one method). */
    static final int OPTIONS = 2_000;

    @Override
    public String name() {
        return "java";
    }

    @Override
    public List<GeneratedFile> generate(Rubric rubric, Options options) {
        ValidatorGenerator g = new ValidatorGenerator(rubric, options.javaPackage());
        return List.of(GeneratedFile.text("java/" + g.relativePath(), g.generate()));
    }

    @Override
    public Optional<String> caveat(Rubric rubric, List<GeneratedFile> files) {
        return beyondLimits(rubric).map(why -> why + ", beyond the java target's limits (" + String.format(java.util.Locale.ROOT,
                "%,d dimensions, %,d points or choices per scale", DIMENSIONS, OPTIONS) + "): its validator may not compile; "
                + "the other targets (the js validator among them) and `rubricc validate` have no such limit");
    }

    /** What puts a rubric beyond the limits of the java target, if anything. */
    static Optional<String> beyondLimits(Rubric rubric) {
        int dims = rubric.dimensions().size();
        if (dims > DIMENSIONS) return Optional.of(String.format(java.util.Locale.ROOT, "it has %,d dimensions", dims));
        for (Dimension d : rubric.dimensions()) {
            int options = Layout.options(d.scale());
            if (options > OPTIONS) {
                return Optional.of(String.format(java.util.Locale.ROOT, "dimension `%s` has a scale of %,d %s", d.id(),
                        options, d.scale() instanceof Scale.Ordinal ? "points" : "choices"));
            }
        }
        return Optional.empty();
    }
}
