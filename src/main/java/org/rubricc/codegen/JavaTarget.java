package org.rubricc.codegen;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.rubricc.backend.GeneratedFile;
import org.rubricc.backend.Target;
import org.rubricc.model.Rubric;

/** `rubricc compile --target java`: a validator class per rubric version, in the package of {@code --java-package}. */
public final class JavaTarget implements Target {
    /**
     * The most characters of code (indentation not counted) a generated method may have before javac may refuse it:
     * the JVM allows 64 KiB of bytecode per method. The largest method, the verdict, compiled at 225,000 characters
     * and was refused at 315,000 on the synthetic rubrics of the compile benchmark; this leaves a margin for rubrics
     * whose code is denser (shorter titles and messages).
     */
    static final int METHOD_CHARS = 200_000;
    /** The most dimensions before the class may pass the JVM's 65,535 constants (refused at 2,000 in the benchmark). */
    static final int DIMENSIONS = 1_500;

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
        String limit = "; the other targets (the js validator among them) and `rubricc validate` have no such limit";
        int dims = rubric.dimensions().size();
        if (dims > DIMENSIONS) {
            return Optional.of("the java target's validator class may be too large for javac: with " + dims
                    + " dimensions it may exceed the JVM's limits of 65,535 constants per class and 64 KiB of bytecode per method" + limit);
        }
        for (GeneratedFile f : files) {
            String[] largest = largestMethod(new String(f.content(), StandardCharsets.UTF_8));
            if (largest != null && Integer.parseInt(largest[1]) > METHOD_CHARS) {
                return Optional.of("the java target's validator may be too large for javac: its method `" + largest[0] + "` has "
                        + String.format(java.util.Locale.ROOT, "%,d", Integer.parseInt(largest[1]))
                        + " characters of code, which may exceed the JVM's limit of 64 KiB of bytecode per method" + limit);
            }
        }
        return Optional.empty();
    }

    /** The name and size (characters of code, indentation not counted) of the largest method of the generated class. */
    static String[] largestMethod(String source) {
        String name = null, best = null;
        int size = 0, bestSize = -1;
        for (String line : source.split("\n", -1)) {
            if (name == null) {
                // a member of the generated class, as JavaPoet writes it: four spaces, a signature, an opening brace
                if (line.startsWith("    ") && !line.startsWith("     ") && line.endsWith(") {") && line.contains("(")
                        && !line.strip().startsWith("class ") && !line.contains(" class ")) {
                    String head = line.substring(0, line.indexOf('('));
                    name = head.substring(head.lastIndexOf(' ') + 1);
                    size = 0;
                }
            } else if (line.equals("    }")) {
                if (size > bestSize) {
                    bestSize = size;
                    best = name;
                }
                name = null;
            } else {
                size += line.strip().length();
            }
        }
        return best == null ? null : new String[] {best, Integer.toString(bestSize)};
    }
}
