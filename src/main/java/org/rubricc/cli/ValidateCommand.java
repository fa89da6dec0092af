package org.rubricc.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rubricc.backend.Json;
import org.rubricc.codegen.CompiledValidator;
import org.rubricc.codegen.InMemoryCompiler;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.diag.TextRenderer;
import org.rubricc.validate.RatingsReader;
import org.rubricc.validate.Validator;
import org.rubricc.validate.Violation;
import org.rubricc.validate.ViolationCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate ratings (JSON Lines, one rating per line) against a rubric.%n"
                + "Exit status: 0 every rating valid, 1 some invalid, 2 usage or I/O problem or a rubric with errors.")
final class ValidateCommand implements Callable<Integer> {
    enum Format { text, json }

    enum Engine { generated, interpreted }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUBRIC", description = "The rubric file the ratings follow.")
    Path rubricFile;

    @Parameters(index = "1", paramLabel = "RATINGS", description = "A JSON Lines file, or - for standard input.")
    String ratings;

    @Option(names = "--format", defaultValue = "text",
            description = "text: one line per problem and a summary; json: one object per rating. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--root", paramLabel = "DIR", description = "The folder imports may not leave (default: the working directory).")
    Path root;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "generated: compile the rubric's Java validator in memory and run it (needs a JDK); "
                    + "interpreted: the runtime validator. Both give the same output. Default: generated, or interpreted "
                    + "when this Java has no compiler.")
    Engine engine;

    /** Judges one line of the ratings file. */
    private interface Judge {
        List<Violation> judge(RatingsReader.RawLine line);
    }

    /** Stream where the results go; a field so tests can capture it. */
    InputStream stdin = System.in;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(rubricFile)) {
            err.println("error: no such rubric file: " + rubricFile);
            return Main.USAGE;
        }
        Frontend frontend = new Frontend(root != null ? root : Path.of(""));
        Compilation c = frontend.check(rubricFile);
        if (c.rubric().isEmpty()) {
            err.print(new TextRenderer(frontend.sources()).render(c.diagnostics()));
            err.println("error: " + c.displayPath() + (c.library() ? " is a scale library, not a rubric" : " has errors; no rating was checked"));
            return Main.USAGE;
        }
        Judge judge;
        Engine chosen = engine;
        if (chosen == null) {
            chosen = CompiledValidator.canCompile() ? Engine.generated : Engine.interpreted;
            if (chosen == Engine.interpreted) err.println("note: no Java compiler in this runtime; using the interpreted engine");
        }
        if (chosen == Engine.generated) {
            CompiledValidator compiled;
            try {
                compiled = CompiledValidator.compile(c.rubric().get());
            } catch (InMemoryCompiler.CompileException e) {
                err.println("error: " + e.getMessage());
                return Main.USAGE;
            }
            judge = line -> line.error() != null ? malformed(line.error())
                    : compiled.validate(line.bytes(), line.offset(), line.length()).stream()
                            .map(v -> new Violation(v.path(), ViolationCode.fromId(v.code()), v.message())).toList();
        } else {
            Validator validator = new Validator(c.rubric().get());
            judge = raw -> {
                RatingsReader.Line line = RatingsReader.parse(raw);
                return line.value() == null ? malformed(line.error()) : validator.validate(line.value());
            };
        }
        String shown = ratings.equals("-") ? "<stdin>" : ratings;
        InputStream in;
        try {
            in = ratings.equals("-") ? stdin : Files.newInputStream(Path.of(ratings));
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot read " + shown + ": " + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
            return Main.USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = new Progress(err);
        long total = 0, valid = 0;
        try (RatingsReader reader = new RatingsReader(in)) {
            RatingsReader.RawLine line;
            while ((line = reader.nextRaw()) != null) {
                total++;
                List<Violation> violations = judge.judge(line);
                if (violations.isEmpty()) valid++;
                if (format == Format.json) {
                    out.print(json(line.number(), violations));
                } else {
                    for (Violation v : violations) {
                        out.println(shown + ":" + line.number() + ": " + (v.path().isEmpty() ? "" : v.path() + ": ")
                                + oneLine(v.message()));
                    }
                }
                progress.update(total);
            }
        } catch (IOException e) {
            progress.clear();
            err.println("error: cannot read " + shown + " after line " + total + ": " + e.getMessage());
            return Main.USAGE;
        }
        progress.clear();
        if (format == Format.text) {
            out.println(total + (total == 1 ? " rating: " : " ratings: ") + valid + " valid, " + (total - valid) + " invalid");
        }
        out.flush();
        return valid == total ? 0 : 1;
    }

    private static List<Violation> malformed(String why) {
        return List.of(new Violation("", ViolationCode.MALFORMED_JSON, why));
    }

    private static String json(long line, List<Violation> violations) {
        ObjectNode o = Json.object();
        o.put("line", line);
        o.put("valid", violations.isEmpty());
        ArrayNode vs = o.putArray("violations");
        for (Violation v : violations) {
            vs.addObject().put("path", v.path()).put("code", v.code().id()).put("message", v.message());
        }
        return o.toString() + "\n";
    }

    /** Messages quote rubric text; line breaks in it must not break the one-line-per-problem format. */
    static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n') b.append("\\n");
            else if (cp == '\r') b.append("\\r");
            else if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) b.append(String.format("\\u%04X", cp));
            else b.appendCodePoint(cp);
        });
        return b.toString();
    }

    /** Lines done and ratings per second on stderr, only when stderr is a terminal. */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean enabled = System.console() != null;
        private final long started = System.nanoTime();
        private long lastShown = started;

        Progress(PrintWriter err) {
            this.err = err;
        }

        void update(long lines) {
            if (!enabled || (lines & 1023) != 0) return;
            long now = System.nanoTime();
            if (now - lastShown < 250_000_000L) return;
            lastShown = now;
            double seconds = (now - started) / 1e9;
            err.print(String.format("\r%,d lines, %,.0f ratings/s ", lines, lines / seconds));
            err.flush();
        }

        void clear() {
            if (enabled && lastShown != started) {
                err.print("\r\u001B[K");
                err.flush();
            }
        }
    }
}
