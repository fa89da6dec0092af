package org.rubricc.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.rubricc.codegen.CompiledValidator;
import org.rubricc.codegen.InMemoryCompiler;
import org.rubricc.model.Rubric;
import org.rubricc.validate.RatingsReader;
import org.rubricc.validate.Validator;
import org.rubricc.validate.Violation;
import org.rubricc.validate.ViolationCode;

/** Who judges a line of ratings: the generated validator compiled in memory, or the runtime one. Same verdicts. */
final class Judges {
    private Judges() {}

    enum Engine { generated, interpreted }

    /** Judges one line of a ratings file (or bytes a command wrote) against one rubric version. */
    interface Judge {
        List<Violation> judge(RatingsReader.RawLine line);
    }

    /** The engine to use: the one asked for, else generated when this Java has a compiler (noting it on stderr when not). */
    static Engine choose(Engine asked, PrintWriter err) {
        if (asked != null) return asked;
        if (CompiledValidator.canCompile()) return Engine.generated;
        err.println("note: no Java compiler in this runtime; using the interpreted engine");
        return Engine.interpreted;
    }

    static Judge of(Rubric rubric, Engine engine) throws InMemoryCompiler.CompileException {
        if (engine == Engine.generated) {
            CompiledValidator compiled = CompiledValidator.compile(rubric);
            return line -> line.error() != null ? malformed(line.error())
                    : compiled.validate(line.bytes(), line.offset(), line.length()).stream()
                            .map(v -> new Violation(v.path(), ViolationCode.fromId(v.code()), v.message())).toList();
        }
        Validator validator = new Validator(rubric);
        return raw -> {
            RatingsReader.Line line = RatingsReader.parse(raw);
            return line.value() == null ? malformed(line.error()) : validator.validate(line.value());
        };
    }

    /** A validator that could not be compiled when it was first needed; the command stops with status 2. */
    static final class CompileFailure extends RuntimeException {
        CompileFailure(String message) {
            super(message);
        }
    }

    /**
     * The judges of several rubric versions, each made the first time a rating needs it (compiling one takes
     * about a second), then shared. Thread-safe.
     */
    static final class Cache {
        private final Engine engine;
        private final Map<Rubric, Judge> judges = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

        Cache(Engine engine) {
            this.engine = engine;
        }

        /** The judge of a version; throws {@link CompileFailure} when its validator cannot be compiled. */
        Judge of(Rubric r) {
            return judges.computeIfAbsent(r, k -> {
                try {
                    return Judges.of(k, engine);
                } catch (InMemoryCompiler.CompileException e) {
                    throw new CompileFailure(e.getMessage());
                }
            });
        }
    }

    static List<Violation> malformed(String why) {
        return List.of(new Violation("", ViolationCode.MALFORMED_JSON, why));
    }
}
