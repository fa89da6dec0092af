package org.rubricc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.rubricc.validate.RatingsReader;
import org.rubricc.validate.Violation;
import org.rubricc.validate.ViolationCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Validate ratings (JSON Lines, one rating per line) against a rubric, or against several versions of it:"
                + " each rating is then judged by the version it names.%n"
                + "Exit status: 0 every rating valid, 1 some invalid, 2 usage or I/O problem or a rubric with errors.")
final class ValidateCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "RUBRIC... RATINGS",
            description = "Rubric files or folders of versions (searched for *.rubric), then a JSON Lines file, or - for standard input.")
    List<String> arguments;

    @Option(names = "--format", defaultValue = "text",
            description = "text: one line per problem and a summary; json: one object per rating. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--root", paramLabel = "DIR", description = "The folder imports may not leave (default: the nearest folder above each rubric that holds rubricc.lock).")
    Path root;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "auto: the runtime validator, then, on a long file, the rubric's Java validator compiled in memory "
                    + "in the background from when it is ready; generated: compile it before the first line (needs a JDK); "
                    + "interpreted: the runtime validator only. All give the same output. Default: auto, or interpreted "
                    + "when this Java has no compiler.")
    Judges.Engine engine;

    /** Stream where the results go; a field so tests can capture it. */
    InputStream stdin = System.in;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<Path> rubricPaths = arguments.subList(0, arguments.size() - 1).stream().map(Path::of).toList();
        String ratings = arguments.get(arguments.size() - 1);
        if (rubricPaths.size() == 1 && !Files.exists(rubricPaths.get(0))) {
            err.println("error: no such rubric file: " + rubricPaths.get(0));
            return Main.USAGE;
        }
        Versions versions = Versions.load(rubricPaths, root, err);
        if (versions == null) return Main.USAGE;
        Judges.Engine chosen = Judges.choose(engine, Judges.Engine.auto, err);
        long inputBytes = -1;
        try {
            if (!ratings.equals("-") && Files.isRegularFile(Path.of(ratings))) inputBytes = Files.size(Path.of(ratings));
        } catch (IOException | RuntimeException e) {
            // unknown: the auto engine goes by the lines judged (reading the file reports what is wrong with it)
        }
        Dispatch dispatch = new Dispatch(versions, chosen, inputBytes);
        if (versions.single()) {
            try {
                dispatch.judge(versions.all().get(0)); // compile before reading: a failure is a usage error, not a verdict
            } catch (Judges.CompileFailure e) {
                err.println("error: " + e.getMessage());
                return Main.USAGE;
            }
        }
        String shown = Inputs.shown(ratings);
        InputStream in;
        try {
            in = Inputs.ratings(ratings, stdin);
        } catch (Inputs.InputException e) {
            err.println("error: " + e.getMessage());
            return Main.USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        String shownOneLine = oneLine(shown);
        Progress progress = new Progress(err);
        long total = 0, valid = 0;
        // Per version named (in version order), when several were given: ratings and valid ones.
        Map<String, long[]> byVersion = new TreeMap<>();
        try (RatingsReader reader = new RatingsReader(in)) {
            RatingsReader.RawLine line;
            while ((line = reader.nextRaw()) != null) {
                total++;
                Dispatch.Verdict verdict = dispatch.verdict(line);
                List<Violation> violations = verdict.violations();
                if (violations.isEmpty()) valid++;
                if (!versions.single()) {
                    long[] counts = byVersion.computeIfAbsent(verdict.key(), k -> new long[2]);
                    counts[0]++;
                    if (violations.isEmpty()) counts[1]++;
                }
                if (format == Format.json) {
                    out.print(json(line.number(), violations));
                } else if (!violations.isEmpty()) {
                    String at = shownOneLine + ":" + line.number() + ": ";
                    for (Violation v : violations) {
                        // The key in the path and the file name come from outside too: escaped like the message,
                        // so no line can be forged and no terminal escape runs.
                        out.println(at + (v.path().isEmpty() ? "" : oneLine(v.path()) + ": ") + oneLine(v.message()));
                    }
                }
                progress.update(total);
                // A closed pipe (`validate big.jsonl | head -1`): stop quietly instead of judging the rest for no one.
                if ((total & 255) == 0 && out.checkError()) return valid == total ? 0 : 1;
            }
        } catch (IOException e) {
            progress.clear();
            out.flush(); // what was judged comes before the error, as it happened
            err.println("error: cannot read " + shown + (total == 0 ? "" : " after line " + total) + ": " + org.rubricc.diag.IoReason.of(e));
            return Main.USAGE;
        } catch (Judges.CompileFailure e) {
            progress.clear();
            out.flush();
            err.println("error: " + e.getMessage());
            return Main.USAGE;
        }
        progress.clear();
        if (format == Format.text) {
            out.println(summary(total, valid));
            byVersion.forEach((k, c) -> out.println("  " + Dispatch.shownKey(k) + ": " + summary(c[0], c[1])));
        }
        out.flush();
        return valid == total ? 0 : 1;
    }

    private static String summary(long total, long valid) {
        return total + (total == 1 ? " rating: " : " ratings: ") + valid + " valid, " + (total - valid) + " invalid";
    }

    /**
     * Chooses, for each rating, the version that judges it: the one it names, among those given. A rating that
     * names none of them is judged by the newest version of its rubric (or of the only rubric given), whose
     * validator says what is wrong; a version it names that was not given is said so.
     */
    private static final class Dispatch {
        private final Versions versions;
        private final Judges.Cache judges;

        Dispatch(Versions versions, Judges.Engine engine, long inputBytes) {
            this.versions = versions;
            this.judges = new Judges.Cache(engine, inputBytes);
        }

        /** The violations, and the version they were judged against ("id\u0000version"; "~" sorts unknown ones last). */
        record Verdict(List<Violation> violations, String key) {}

        static String shownKey(String key) {
            return key.startsWith("~") ? "naming no version given" : key.replace('\u0000', ' ');
        }

        private org.rubricc.model.Rubric only;

        /** The one version given. */
        private org.rubricc.model.Rubric only() {
            if (only == null) only = versions.all().get(0);
            return only;
        }

        Judges.Judge judge(org.rubricc.model.Rubric r) {
            return judges.of(r);
        }

        Verdict verdict(RatingsReader.RawLine line) {
            org.rubricc.model.Rubric r;
            boolean named = true;
            if (versions.single()) {
                return new Verdict(judge(only()).judge(line), null); // no key: counted per version only when several
            } else {
                RatingsReader.Identity id = RatingsReader.identity(line);
                Map<org.rubricc.model.Version, org.rubricc.model.Rubric> ofId = id.rubric() == null ? null : versions.byId.get(id.rubric());
                if (ofId == null) ofId = versions.byId.size() == 1 ? versions.byId.values().iterator().next() : null;
                if (ofId == null) {
                    named = false;
                    r = null;
                } else {
                    r = ofId.values().stream().filter(x -> x.version().toString().equals(id.version())).findFirst().orElse(null);
                    if (r == null) {
                        named = false;
                        r = ((TreeMap<org.rubricc.model.Version, org.rubricc.model.Rubric>) ofId).lastEntry().getValue();
                    }
                }
                if (r == null) {
                    // A rubric none of the files declare: judged by the first one given, which says it is another rubric.
                    r = versions.all().get(0);
                }
            }
            List<Violation> violations = judge(r).judge(line);
            if (!named) violations = notGiven(violations, r);
            return new Verdict(violations, named ? r.id() + "\u0000" + r.version() : "~");
        }

        /** A wrong-version message that names the versions that were given, not just the one that judged. */
        private List<Violation> notGiven(List<Violation> violations, org.rubricc.model.Rubric judge) {
            Map<org.rubricc.model.Version, org.rubricc.model.Rubric> ofId = versions.byId.get(judge.id());
            String given = String.join(", ", ofId.keySet().stream().map(Object::toString).toList());
            return violations.stream().map(v -> v.code() != ViolationCode.WRONG_VERSION ? v
                    : new Violation(v.path(), v.code(), v.message().replaceFirst(", not for version .*$", "")
                            + ", which is not among the versions given (" + given + ")")).toList();
        }
    }

    /**
     * A rating's verdict as one JSON object and a newline, exactly as Jackson writes the tree
     * {@code {"line":N,"valid":B,"violations":[{"path":..,"code":..,"message":..}]}} (strings escaped by Jackson's own
     * encoder), but without building the tree: on a file of a million lines the tree cost most of the output's time.
     */
    static String json(long line, List<Violation> violations) {
        if (violations.isEmpty()) return "{\"line\":" + line + ",\"valid\":true,\"violations\":[]}\n";
        StringBuilder b = new StringBuilder(64 + 160 * violations.size()).append("{\"line\":").append(line)
                .append(",\"valid\":false,\"violations\":[");
        for (int i = 0; i < violations.size(); i++) {
            Violation v = violations.get(i);
            b.append(i == 0 ? "{\"path\":\"" : ",{\"path\":\"");
            JSON_STRINGS.quoteAsString(v.path(), b);
            b.append("\",\"code\":\"");
            JSON_STRINGS.quoteAsString(v.code().id(), b);
            b.append("\",\"message\":\"");
            JSON_STRINGS.quoteAsString(v.message(), b);
            b.append("\"}");
        }
        return b.append("]}\n").toString();
    }

    private static final com.fasterxml.jackson.core.io.JsonStringEncoder JSON_STRINGS = com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance();

    /**
     * Messages quote rubric text, and paths and file names come from outside: line breaks must not break the
     * one-line-per-problem format, and control characters (ESC) and bidirectional overrides (U+202E) must not
     * reach a terminal, where they could erase or reorder what is shown.
     */
    static String oneLine(String s) {
        int i = 0;
        while (i < s.length() && !escaped(s.charAt(i))) i++; // mostly nothing to escape: the string itself
        if (i == s.length()) return s;
        StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
        s.substring(i).codePoints().forEach(cp -> {
            if (cp == '\n') b.append("\\n");
            else if (cp == '\r') b.append("\\r");
            else if (escaped(cp)) b.append(String.format("\\u%04X", cp));
            else b.appendCodePoint(cp);
        });
        return b.toString();
    }

    /**
     * Whether a code point is written as an escape: controls (C0, DEL, C1), line and paragraph separators and the
     * bidirectional controls. All are in the BMP, so a string can be tested char by char.
     */
    private static boolean escaped(int cp) {
        return Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029
                || cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
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
