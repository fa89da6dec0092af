package org.rubricc.codegen;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.model.Rubric;
import org.rubricc.validate.RatingsReader;
import org.rubricc.validate.Validator;

/** Both engines side by side, judging lines exactly as {@code rubricc validate} reads them. */
final class Engines {
    /** One violation, engine-neutral. */
    record V(String path, String code, String message) {}

    private static final ConcurrentHashMap<String, CompiledValidator> COMPILED = new ConcurrentHashMap<>();

    final Rubric rubric;
    final Validator runtime;
    final CompiledValidator generated;

    Engines(Rubric rubric) {
        this.rubric = rubric;
        this.runtime = new Validator(rubric);
        // Keyed by what the rubric means, not by its id and version: tests build different rubrics under one name
        // (LargeRubricTest's samples as jqwik shrinks them), and each must get its own validator.
        this.generated = COMPILED.computeIfAbsent(org.rubricc.project.Meaning.of(rubric).sha256(), k -> {
            try {
                return CompiledValidator.compile(rubric);
            } catch (InMemoryCompiler.CompileException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        });
    }

    static Rubric load(Path file, Path root) {
        Compilation c = new Frontend(root).check(file);
        return c.rubric().orElseThrow(() -> new AssertionError(file + " has errors: " + c.diagnostics()));
    }

    /** The verdicts of both engines on every line of the input: [0] runtime, [1] generated. */
    List<List<V>>[] judge(byte[] input) {
        @SuppressWarnings("unchecked")
        List<List<V>>[] out = new List[] {new ArrayList<>(), new ArrayList<>()};
        try (RatingsReader reader = new RatingsReader(new ByteArrayInputStream(input))) {
            RatingsReader.RawLine raw;
            while ((raw = reader.nextRaw()) != null) {
                out[1].add(generated(raw));
                out[0].add(runtime(raw));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    List<V> runtime(RatingsReader.RawLine raw) {
        RatingsReader.Line line = RatingsReader.parse(raw);
        if (line.value() == null) return List.of(new V("", "malformed-json", line.error()));
        return runtime.validate(line.value()).stream().map(v -> new V(v.path(), v.code().id(), v.message())).toList();
    }

    List<V> generated(RatingsReader.RawLine raw) {
        if (raw.error() != null) return List.of(new V("", "malformed-json", raw.error()));
        List<V> vs = generated.validate(raw.bytes(), raw.offset(), raw.length()).stream()
                .map(v -> new V(v.path(), v.code(), v.message())).toList();
        boolean valid = generated.isValid(raw.bytes(), raw.offset(), raw.length());
        if (valid != vs.isEmpty()) throw new AssertionError("isValid says " + valid + " but validate found " + vs);
        return vs;
    }
}
