package org.rubricc.backend;

import java.util.List;
import org.rubricc.model.Rubric;

/**
 * A back end of `rubricc compile`: turns checked rubrics into files. A target reads the model
 * only: never the parser, never another back end. Output must be deterministic (the same model
 * gives the same bytes on every run and machine; text files use LF line endings).
 */
public interface Target {

    /** The name used with `rubricc compile --target`. */
    String name();

    /** The files for one rubric version, at paths relative to {@code OUT/<rubric id>/<version>/}. */
    List<GeneratedFile> generate(Rubric rubric, Options options);

    /**
     * The files for one rubric version when the compiler also has other versions of it: {@code history}
     * holds all of them, oldest first, {@code rubric} among them. A target whose files mention other
     * versions (such as links to a changelog) overrides this; by default it is {@link #generate(Rubric, Options)}.
     */
    default List<GeneratedFile> generate(Rubric rubric, List<Rubric> history, Options options) {
        return generate(rubric, options);
    }

    /**
     * Files about a rubric's history, at paths relative to {@code OUT/<rubric id>/}. {@code versions} are
     * all the versions of one rubric given to the compiler, oldest first. Most targets have none.
     */
    default List<GeneratedFile> generateHistory(List<Rubric> versions, Options options) {
        return List.of();
    }

    /**
     * A warning about files this target generated for {@code rubric} that will not work where they are used (such
     * as a class too large for the JVM), for `rubricc compile` to print; empty when there is none.
     */
    default java.util.Optional<String> caveat(Rubric rubric, List<GeneratedFile> files) {
        return java.util.Optional.empty();
    }

    /** Options some targets read. */
    record Options(String javaPackage) {
        public static final Options DEFAULT = new Options("org.rubricc.generated");
    }
}
