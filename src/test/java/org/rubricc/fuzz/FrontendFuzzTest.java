package org.rubricc.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.cli.Main;
import org.rubricc.diag.Diagnostic;
import org.rubricc.diag.JsonRenderer;
import org.rubricc.diag.TextRenderer;

/**
 * The front end under hostile input: every input ends in diagnostics (or a clean pass), never an
 * exception, never a stack overflow, never a hang. The number of tries per property comes from
 * {@code jqwik.tries.default} (src/test/resources/junit-platform.properties); pass
 * {@code -Djqwik.tries.default=N} for a longer run (README, "Fuzzing"). Inputs that once found a bug
 * are kept in {@code fuzz-regressions/} and checked on every run.
 */
class FrontendFuzzTest {
    /**
     * A guard against hangs and blow-ups (a quadratic pass over a 10 MB rubric takes many minutes), not a speed
     * target: speed is measured by the benchmarks. Wide, because test machines are shared: the 10 MB rubric checks
     * in about 8 s on a quiet machine and took over 20 s with other builds running.
     */
    static final Duration LIMIT = Duration.ofSeconds(90);
    Path dir;

    @BeforeProperty
    void makeDir() throws IOException {
        dir = Files.createTempDirectory("rubricc-fuzz");
    }

    @AfterProperty
    void removeDir() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Checks the bytes as a file; asserts the invariants every input must keep. */
    static Compilation checkBytes(Path dir, byte[] bytes) throws IOException {
        Path f = dir.resolve("input.rubric");
        Files.write(f, bytes);
        // the analysis has its own fuzzer (AnalysisFuzzTest); here it only must stay within a small budget
        Frontend frontend = new Frontend(dir).analysisBudget(Duration.ofSeconds(3));
        Compilation c = frontend.check(f);
        // Rendering must not fail either, whatever the spans and text.
        String text = new TextRenderer(frontend.sources()).render(c.diagnostics());
        JsonRenderer.render(c.diagnostics());
        if (c.hasErrors()) assertTrue(c.rubric().isEmpty());
        for (Diagnostic d : c.diagnostics()) {
            assertTrue(d.span().line() >= 0 && d.span().column() >= 0, d.toString());
            assertFalse(d.message().isBlank());
        }
        assertFalse(text.contains("Exception"), text);
        // Error recovery never shows more than the cap of errors for one file; the rest are counted in a note.
        long shown = text.lines().filter(l -> l.startsWith("error[")).count();
        long errors = c.diagnostics().stream().filter(Diagnostic::isError).count();
        assertTrue(shown <= TextRenderer.MAX_ERRORS_PER_FILE, text);
        assertEquals(errors > shown, text.contains("more error"), text);
        return c;
    }

    static List<byte[]> seeds() throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (Path root : List.of(Path.of("rubrics"), Path.of("src/test/resources/language"), Path.of("src/test/resources/diagnostics"))) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(x -> x.toString().endsWith(".rubric")).sorted().toList()) out.add(Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Property
    void randomBytes(@ForAll("bytes") byte[] bytes) throws IOException {
        assertTimeoutPreemptively(LIMIT, () -> checkBytes(dir, bytes));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(4000);
    }

    @Property
    void mutationsOfRealRubrics(@ForAll("mutants") byte[] bytes) throws IOException {
        assertTimeoutPreemptively(LIMIT, () -> checkBytes(dir, bytes));
    }

    static final String[] INSERTS = {"{", "}", "(", ")", "\"", "\"\"\"", "==", "<=", " not ", " and ", " or ", " in {",
        "skip when ", "dimension x \"X\" {", "scale ", "rule r \"R\" {", "then ", "\u0000", "\uFEFF", "\uD83D\uDE00",
        "\r", "\r\n", "\\", "\\u{110000}", "1e999", "-0.0", "n/a", "formerly ", "import \"../x.rubric\" as x\n", "//", "/*",
        "|", " | ", "->", " any ", "not answered", "otherwise -> 1\n", "table t \"T\" {\n| d0 | -> d1 |\n", "| 1 | -> 2 |\n"};

    @Provide
    Arbitrary<byte[]> mutants() throws IOException {
        List<byte[]> seeds = seeds();
        return Arbitraries.integers().between(0, seeds.size() - 1).flatMap(i -> Arbitraries.longs().map(seed -> {
            String text = new String(seeds.get(i), StandardCharsets.UTF_8);
            Random r = new Random(seed);
            int edits = 1 + r.nextInt(4);
            for (int e = 0; e < edits && !text.isEmpty(); e++) {
                int at = r.nextInt(text.length());
                int len = Math.min(text.length() - at, r.nextInt(40));
                switch (r.nextInt(4)) {
                    case 0 -> text = text.substring(0, at) + text.substring(at + len);
                    case 1 -> text = text.substring(0, at) + text.substring(at, at + len) + text.substring(at);
                    case 2 -> text = text.substring(0, at) + INSERTS[r.nextInt(INSERTS.length)] + text.substring(at);
                    default -> {
                        String[] lines = text.split("\n", -1);
                        int a = r.nextInt(lines.length), b = r.nextInt(lines.length);
                        String t = lines[a];
                        lines[a] = lines[b];
                        lines[b] = t;
                        text = String.join("\n", lines);
                    }
                }
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }));
    }

    // ---------------------------------------------------------------------------------------------
    // The named hostile inputs
    // ---------------------------------------------------------------------------------------------

    static final String HEAD = "rubric big\nversion 1.0.0\ntitle \"Big\"\nscale q: ordinal { 1 \"One\" 2 \"Two\" }\n";

    static String dimension(int i, String skip) {
        return "  dimension d" + i + " \"D" + i + "\" {\n    question \"Question " + i + "?\"\n    scale q\n"
                + (skip.isEmpty() ? "" : "    skip when " + skip + "\n") + "  }\n";
    }

    @Test
    void tenThousandNestedParentheses(@TempDir Path tmp) throws IOException {
        String cond = "(".repeat(10_000) + "d0 == 1" + ")".repeat(10_000);
        Compilation c = assertTimeoutPreemptively(LIMIT, () -> checkBytes(tmp,
                (HEAD + "section s \"S\" {\n" + dimension(0, "") + dimension(1, cond) + "}\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals("R0106", c.diagnostics().get(0).code().id());
    }

    @Test
    void tenThousandNotsAndALongAndChain(@TempDir Path tmp) throws IOException {
        String nots = "not ".repeat(10_000) + "d0 == 1";
        Compilation c = assertTimeoutPreemptively(LIMIT, () -> checkBytes(tmp,
                (HEAD + "section s \"S\" {\n" + dimension(0, "") + dimension(1, nots) + "}\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals("R0106", c.diagnostics().get(0).code().id());
        String chain = String.join(" and ", java.util.Collections.nCopies(50_000, "d0 == 1"));
        Compilation ok = assertTimeoutPreemptively(LIMIT, () -> checkBytes(tmp,
                (HEAD + "section s \"S\" {\n" + dimension(0, "") + dimension(1, chain) + "}\n").getBytes(StandardCharsets.UTF_8)));
        assertTrue(ok.rubric().isPresent(), ok.diagnostics().toString());
    }

    @Test
    void aTenMegabyteRubric(@TempDir Path tmp) throws IOException {
        StringBuilder b = new StringBuilder(HEAD).append("section s \"S\" {\n").append(dimension(0, ""));
        for (int i = 1; b.length() < 10_000_000; i++) b.append(dimension(i, "d" + (i - 1) + " == 2 or d0 in {1}"));
        b.append("}\n");
        Compilation c = assertTimeoutPreemptively(LIMIT, () -> checkBytes(tmp, b.toString().getBytes(StandardCharsets.UTF_8)));
        assertTrue(c.rubric().isPresent(), c.diagnostics().stream().limit(3).toList().toString());
        assertTrue(c.rubric().get().dimensions().size() > 50_000);
    }

    @Test
    void aTenMegabyteFileOfGarbageTokens(@TempDir Path tmp) throws IOException {
        Random r = new Random(7);
        StringBuilder b = new StringBuilder(HEAD);
        while (b.length() < 10_000_000) b.append(INSERTS[r.nextInt(INSERTS.length)]).append(r.nextInt(3) == 0 ? "\n" : " ");
        Compilation c = assertTimeoutPreemptively(LIMIT, () -> checkBytes(tmp, b.toString().getBytes(StandardCharsets.UTF_8)));
        assertTrue(c.hasErrors());
    }

    @Test
    void aSingleOneMegabyteLine(@TempDir Path tmp) throws IOException {
        String line = HEAD.replace('\n', ' ') + "section s \"S\" { " + dimension(0, "").replace('\n', ' ')
                + " guidance \"" + "x".repeat(1_000_000) + " }";
        Compilation c = assertTimeoutPreemptively(LIMIT, () -> checkBytes(tmp, line.getBytes(StandardCharsets.UTF_8)));
        String shown = new TextRenderer(java.util.Map.of()).render(c.diagnostics());
        assertTrue(c.hasErrors());
        StringWriter out = new StringWriter(), err = new StringWriter();
        Files.writeString(tmp.resolve("input.rubric"), line);
        assertEquals(1, Main.run(new String[] {"check", tmp.resolve("input.rubric").toString()}, new PrintWriter(out), new PrintWriter(err)));
        assertTrue(err.toString().length() < 5_000, "a long line is shown as a window, not printed whole: " + err.toString().length());
        assertFalse(shown.isEmpty());
    }

    /**
     * Ill-formed UTF-8 in a rubric (overlong forms, surrogates, above U+10FFFF, cut sequences, random bytes at the
     * edges of UTF-8's table) is a read error exactly when {@code java.nio}'s strict decoder fails, at the line and
     * column where it fails, as in the rating validators (Utf8FuzzTest).
     */
    @Property(tries = 300)
    void illFormedUtf8InARubricIsAReadErrorWhereTheStrictDecoderFails(@ForAll("utf8ish") byte[] inside) throws IOException {
        String valid = HEAD + "section s \"S\" {\n" + dimension(0, "") + "}\n";
        int at = valid.indexOf("Big");
        byte[] head = valid.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = valid.substring(at).getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[head.length + inside.length + tail.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(inside, 0, file, head.length, inside.length);
        System.arraycopy(tail, 0, file, head.length + inside.length, tail.length);
        Compilation c = checkBytes(dir, file);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(file);
        boolean bad = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(in, java.nio.CharBuffer.allocate(file.length + 1), true).isError();
        boolean readError = c.diagnostics().stream().anyMatch(d -> d.code().id().equals("R0107"));
        assertEquals(bad, readError, java.util.HexFormat.of().formatHex(inside) + ": " + c.diagnostics());
        if (bad) {
            String before = new String(file, 0, in.position(), StandardCharsets.UTF_8);
            int line = 1 + (int) before.chars().filter(ch -> ch == '\n').count();
            assertEquals(line, c.diagnostics().get(0).span().line());
        }
    }

    @Provide
    Arbitrary<byte[]> utf8ish() {
        return Arbitraries.of((byte) 0x41, (byte) 0x80, (byte) 0x9F, (byte) 0xA0, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1,
                (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF,
                (byte) 0x8F, (byte) 0x90).array(byte[].class).ofMinSize(1).ofMaxSize(8);
    }

    @Test
    void invalidUtf8ByteOrderMarkAndNulBytes(@TempDir Path tmp) throws IOException {
        String valid = HEAD + "section s \"S\" {\n" + dimension(0, "") + "}\n";
        Compilation bom = checkBytes(tmp, ("\uFEFF" + valid).getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), bom.diagnostics(), "a byte order mark is ignored");
        byte[] bad = valid.getBytes(StandardCharsets.UTF_8);
        bad[valid.indexOf("Big")] = (byte) 0xC3; // a lead byte without its continuation
        Compilation utf = checkBytes(tmp, bad);
        assertEquals("R0107", utf.diagnostics().get(0).code().id());
        assertEquals(3, utf.diagnostics().get(0).span().line());
        Compilation nul = checkBytes(tmp, valid.replace("Question 0?", "Quest\u0000ion").replace("section", "sec\u0000tion")
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(nul.hasErrors());
        assertTrue(nul.diagnostics().stream().anyMatch(d -> d.message().contains("U+0000")), nul.diagnostics().toString());
    }

    @TestFactory
    Stream<DynamicTest> regressions() throws IOException {
        Path root = Path.of("src/test/resources/fuzz-regressions");
        try (Stream<Path> s = Files.list(root)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".rubric")).sorted().toList();
            Path tmp = Files.createTempDirectory(Path.of("target"), "fuzz-regressions");
            return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
                    () -> assertTimeoutPreemptively(LIMIT, () -> checkBytes(tmp, Files.readAllBytes(f)))));
        }
    }
}
