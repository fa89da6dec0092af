package org.rubricc.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rubricc.backend.Json;
import org.rubricc.diag.Code;
import org.rubricc.diag.Diagnostic;
import org.rubricc.model.TextPattern;
import org.rubricc.model.TextPattern.Alt;
import org.rubricc.model.TextPattern.Chars;
import org.rubricc.model.TextPattern.Regex;
import org.rubricc.model.TextPattern.Repeat;
import org.rubricc.model.TextPattern.Seq;
import org.rubricc.source.Span;
import org.rubricc.testing.PatternSampler;

/**
 * Text patterns: what the whitelist accepts and how it writes it for the three engines, what it refuses and
 * why, and a differential fuzz: random patterns of the subset and random texts (non-BMP characters, line feeds,
 * carriage returns, Unicode digits and spaces), judged by java.util.regex, node's RegExp with the `u` flag (as
 * ajv), Python's re.search (as python-jsonschema) and an independent reference matcher over the parsed pattern,
 * which must all agree.
 */
class TextPatternTest {
    static final int PATTERNS = Integer.getInteger("rubricc.patternSamples", 1500);

    @TempDir
    Path tmp;

    static Optional<TextPattern> parse(String source, List<Diagnostic> out) {
        return PatternParser.parse(source, (a, b) -> new Span("p", 1, a + 1, 1, Math.max(a + 1, b)), out)
                .map(r -> new TextPattern(source, Optional.empty(), r, Span.NONE));
    }

    static TextPattern accepted(String source) {
        List<Diagnostic> out = new ArrayList<>();
        return parse(source, out).orElseThrow(() -> new AssertionError(source + " refused: " + out));
    }

    static Diagnostic refused(String source) {
        List<Diagnostic> out = new ArrayList<>();
        Optional<TextPattern> p = parse(source, out);
        assertTrue(p.isEmpty(), source + " should be refused, got " + p.map(TextPattern::portable).orElse(""));
        assertEquals(1, out.size(), source + ": " + out);
        return out.get(0);
    }

    @Test
    void writesOneSyntaxAllThreeEnginesReadAlike() {
        assertEquals("^(?:none|https?://[^\\t-\\r ]+(?:\\nhttps?://[^\\t-\\r ]+)*)(?![\\s\\S])",
                accepted("none|https?://\\S+(\\nhttps?://\\S+)*").portable());
        assertEquals("^(?:[0-9]{3}-[0-9]{4})(?![\\s\\S])", accepted("\\d{3}-\\d{4}").portable());
        assertEquals("^(?:[0-9A-Z_a-z]+)(?![\\s\\S])", accepted("\\w+").portable());
        assertEquals("^(?:[^\\n\\r]*)(?![\\s\\S])", accepted(".*").portable());
        assertEquals("^(?:[\\u0026\\-a\\u007E])(?![\\s\\S])", accepted("[a&~\\-]").portable());
        assertEquals("^(?:\\u00E9|😀{2,})(?![\\s\\S])", accepted("\\u00e9|😀{2,}").portable());
        assertEquals("^(?:\\.\\*\\(\\)\\[\\]\\{\\}\\|\\?\\+\\\\/)(?![\\s\\S])", accepted("\\.\\*\\(\\)\\[\\]\\{\\}\\|\\?\\+\\\\\\/").portable());
        assertEquals("^(?:[^0-9])(?![\\s\\S])", accepted("[^\\d]").portable());
        assertEquals("^(?:[\\s\\S])(?![\\s\\S])", accepted("[\\s\\S]").portable());
    }

    @Test
    void refusesWhatTheEnginesReadDifferently() {
        Object[][] cases = {
                {"^a", Code.PATTERN_NOT_PORTABLE, "`^` in a pattern"},
                {"a$", Code.PATTERN_NOT_PORTABLE, "`$` in a pattern"},
                {"a\\b", Code.PATTERN_NOT_PORTABLE, "`\\b`"},
                {"\\Aa", Code.PATTERN_NOT_PORTABLE, "`\\A`"},
                {"a\\Z", Code.PATTERN_NOT_PORTABLE, "`\\Z`"},
                {"\\p{L}", Code.PATTERN_NOT_PORTABLE, "`\\p`"},
                {"(a)\\1", Code.PATTERN_NOT_PORTABLE, "`\\1`"},
                {"(?<n>a)", Code.PATTERN_NOT_PORTABLE, "a named group"},
                {"(?P<n>a)", Code.PATTERN_NOT_PORTABLE, "a named group"},
                {"(?=a)a", Code.PATTERN_NOT_PORTABLE, "lookaround `(?=`"},
                {"(?<=a)b", Code.PATTERN_NOT_PORTABLE, "lookaround `(?<=`"},
                {"(?i)none", Code.PATTERN_NOT_PORTABLE, "inline flags"},
                {"a*+", Code.PATTERN_NOT_PORTABLE, "possessive quantifier"},
                {"a+?", Code.PATTERN_NOT_PORTABLE, "lazy quantifier"},
                {"[a&&b]", Code.PATTERN_NOT_PORTABLE, "`&&` inside a class"},
                {"[a[b]]", Code.PATTERN_NOT_PORTABLE, "`[` inside a class"},
                {"[]a]", Code.PATTERN_NOT_PORTABLE, "an empty class"},
                {"a]", Code.PATTERN_NOT_PORTABLE, "`]` on its own"},
                {"a}", Code.PATTERN_NOT_PORTABLE, "`}` on its own"},
                {"\\x41", Code.PATTERN_NOT_PORTABLE, "`\\x`"},
                {"\\v", Code.PATTERN_NOT_PORTABLE, "`\\v`"},
                {"\\ud83d\\ude00", Code.PATTERN_NOT_PORTABLE, "a surrogate"},
                {"[\\w-z]", Code.PATTERN_NOT_PORTABLE, "with a class at one end"},
                {"a{,3}", Code.PATTERN_SYNTAX, "`{` does not start a count"},
                {"a{2", Code.PATTERN_SYNTAX, "`{` does not start a count"},
                {"a{3,2}", Code.PATTERN_SYNTAX, "minimum above its maximum"},
                {"a{1001}", Code.PATTERN_SYNTAX, "a count above 1000"},
                {"*a", Code.PATTERN_SYNTAX, "repeats nothing"},
                {"a**", Code.PATTERN_SYNTAX, "a quantifier follows another quantifier"},
                {"(a", Code.PATTERN_SYNTAX, "never closed"},
                {"a)", Code.PATTERN_SYNTAX, "unmatched `)`"},
                {"[a", Code.PATTERN_SYNTAX, "never closed"},
                {"[z-a]", Code.PATTERN_SYNTAX, "out of order"},
                {"a\\", Code.PATTERN_SYNTAX, "a backslash at the end"},
                {"", Code.PATTERN_SYNTAX, "an empty pattern"},
                {"a?".repeat(20_000), Code.PATTERN_SYNTAX, "more than 256 characters and classes"},
                {"(".repeat(60) + "a" + ")".repeat(60), Code.PATTERN_SYNTAX, "nested more than 50 deep"},
                {"(a+)+", Code.PATTERN_BACKTRACKING, "repeats a repetition"},
                {"(a*)*", Code.PATTERN_BACKTRACKING, "can match empty text"},
                {"(a|a)*", Code.PATTERN_BACKTRACKING, "ambiguous"},
                {"(a|ab)*c", Code.PATTERN_BACKTRACKING, "ambiguous"},
                {"\\S*\\S*", Code.PATTERN_BACKTRACKING, "ambiguous"},
                {"(\\S+\\n?)*", Code.PATTERN_BACKTRACKING, "repeats a repetition"},
                {"(x\\w+)*", Code.PATTERN_BACKTRACKING, "repeats a repetition"},
                {"(a|a)(b|b)", Code.PATTERN_BACKTRACKING, "ambiguous"},
        };
        for (Object[] c : cases) {
            Diagnostic d = refused((String) c[0]);
            assertEquals(c[1], d.code(), c[0] + ": " + d.message());
            assertTrue(d.message().contains((String) c[2]), c[0] + ": " + d.message());
        }
    }

    @Test
    void separatorsLetAGroupRepeatARepetition() {
        accepted("[0-9]+(,[0-9]+)*");
        accepted("\\S+(\\n\\S+)*");
        accepted("none|https?://\\S+(\\r?\\nhttps?://\\S+)*");
        refused("(a*b)*");
        accepted("(ab?)*");
        accepted("(a|b)*c");
        accepted("none|\\S+");
        accepted("\\S*x");
    }

    @Test
    void inclusionIsDecidedBothWays() {
        assertTrue(accepted("[a-z]+").acceptsAll(accepted("[a-c]+")));
        assertFalse(accepted("[a-c]+").acceptsAll(accepted("[a-z]+")));
        assertTrue(accepted("none|\\S+(\\n\\S+)*").acceptsAll(accepted("none|https?://\\S+(\\nhttps?://\\S+)*")));
        assertFalse(accepted("https?://\\S+").acceptsAll(accepted("http://\\S*")));
        assertTrue(accepted("a{2,5}").acceptsAll(accepted("a{3,4}")));
        assertFalse(accepted("a{3,4}").acceptsAll(accepted("a{2,5}")));
        assertTrue(accepted("\\d").acceptsAll(accepted("[0-9]")));
        assertTrue(accepted(".*").acceptsAll(accepted("[^\\n\\r]*")));
    }

    // ---------------------------------------------------------------------------------------------
    // Differential fuzz
    // ---------------------------------------------------------------------------------------------

    private static final String[] ATOMS = {"a", "b", "0", "\\d", "\\w", "\\s", "\\S", "\\D", "\\W", ".", "[a-c]", "[^a\\n]",
            "[\\d_-]", "\\n", "\\r", "\\t", " ", "😀", "é", "[😀-😎é]", "\\u00A0", "\\u2028", "[^\\s]", "[\\s\\S]", "\\.", "/", ":",
            "[^\\uD7FF]", "[\\u0000-\\uD7FF]", "[\\uE000-\\uFFFF]", "[^😀]", "\\u0660"};

    /** A random source text of the subset (which may still be refused as ambiguous). */
    static String randomSource(Random r, int depth) {
        int parts = 1 + r.nextInt(3);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            String atom = depth > 0 && r.nextInt(4) == 0
                    ? "(" + randomSource(r, depth - 1) + (r.nextInt(3) == 0 ? "|" + randomSource(r, depth - 1) : "") + ")"
                    : ATOMS[r.nextInt(ATOMS.length)];
            b.append(atom);
            switch (r.nextInt(8)) {
                case 0 -> b.append('*');
                case 1 -> b.append('+');
                case 2 -> b.append('?');
                case 3 -> b.append('{').append(r.nextInt(3)).append(',').append(r.nextInt(2) == 0 ? "" : String.valueOf(2 + r.nextInt(2))).append('}');
                default -> { }
            }
        }
        if (r.nextInt(5) == 0) b.append('|').append(ATOMS[r.nextInt(ATOMS.length)]);
        return b.toString();
    }

    @Test
    void javaJavaScriptPythonAndTheReferenceAgree() throws IOException {
        Random r = new Random(20261202);
        PatternSampler sampler = new PatternSampler(r);
        List<String> cases = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<String> described = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int refused = 0, texts = 0, matched = 0;
        while (cases.size() < PATTERNS) {
            String source = randomSource(r, 2);
            if (!seen.add(source)) continue;
            List<Diagnostic> out = new ArrayList<>();
            Optional<TextPattern> p = parse(source, out);
            if (p.isEmpty()) {
                refused++;
                assertTrue(out.stream().allMatch(d -> d.code() == Code.PATTERN_BACKTRACKING || d.code() == Code.PATTERN_SYNTAX),
                        source + ": " + out);
                continue;
            }
            List<String> ts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String m = sampler.matching(p.get().regex());
                ts.add(m);
                ts.add(sampler.edit(m));
                ts.add(m + "\n");
                ts.add(m + "\r\n");
            }
            for (int i = 0; i < 4; i++) ts.add(sampler.tricky(6));
            StringBuilder want = new StringBuilder();
            for (String t : ts) {
                boolean java = p.get().matches(t);
                boolean reference = Reference.matches(p.get().regex(), t);
                if (java != reference) fail("java.util.regex says " + java + ", the reference " + reference + " for " + source + " on " + Json.MAPPER.writeValueAsString(t));
                want.append(java ? '1' : '0');
                if (java) matched++;
            }
            texts += ts.size();
            ObjectNode c = Json.MAPPER.createObjectNode().put("p", p.get().portable());
            ts.forEach(c.putArray("t")::add);
            cases.add(Json.MAPPER.writeValueAsString(c));
            expected.add(want.toString());
            described.add(source);
        }
        Path file = tmp.resolve("patterns.jsonl");
        Files.write(file, cases, StandardCharsets.UTF_8);
        compare("node", expected, described, cases, run(List.of("node", "src/test/js/pattern-verdicts.mjs", file.toString())));
        compare("python", expected, described, cases, run(List.of("/usr/bin/python3", "src/test/python/pattern_verdicts.py", file.toString())));
        assertTrue(matched > texts / 5 && matched < texts * 4 / 5, "both verdicts occur often: " + matched + " of " + texts);
        System.out.printf("text patterns: java.util.regex, node (u flag), python re and the reference agree on %d texts over %d patterns"
                + " (%d random patterns refused as ambiguous)%n", texts, cases.size(), refused);
    }

    private static void compare(String engine, List<String> expected, List<String> sources, List<String> cases, List<String> got) {
        assertEquals(expected.size(), got.size(), engine + ": one line per pattern");
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(got.get(i))) {
                fail(engine + " disagrees with java.util.regex on pattern " + sources.get(i) + ": java " + expected.get(i) + ", "
                        + engine + " " + got.get(i) + "\n" + cases.get(i));
            }
        }
    }

    private static List<String> run(List<String> command) throws IOException {
        Path out = Files.createTempFile("pattern-verdicts", ".txt"), err = Files.createTempFile("pattern-verdicts", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " took longer than 5 minutes");
            }
            if (p.exitValue() != 0) fail(String.join(" ", command) + " failed:\n" + Files.readString(err));
            return Files.readAllLines(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A matcher written apart from the engines: the set of pattern states reached after each code point (no backtracking). */
    static final class Reference {
        static boolean matches(Regex r, String text) {
            Set<Integer> ends = ends(r, Set.of(0), text.codePoints().toArray());
            return ends.contains(text.codePointCount(0, text.length()));
        }

        /** The positions where a match of {@code r} starting at any of {@code starts} can end. */
        private static Set<Integer> ends(Regex r, Set<Integer> starts, int[] cps) {
            if (r instanceof Chars c) {
                Set<Integer> out = new HashSet<>();
                for (int s : starts) if (s < cps.length && c.set().contains(cps[s])) out.add(s + 1);
                return out;
            }
            if (r instanceof Seq s) {
                Set<Integer> cur = starts;
                for (Regex p : s.parts()) cur = ends(p, cur, cps);
                return cur;
            }
            if (r instanceof Alt a) {
                Set<Integer> out = new HashSet<>();
                for (Regex o : a.options()) out.addAll(ends(o, starts, cps));
                return out;
            }
            Repeat rep = (Repeat) r;
            Set<Integer> out = new HashSet<>();
            Set<Integer> cur = starts;
            if (rep.min() == 0) out.addAll(cur);
            for (int k = 1; (rep.max() == -1 || k <= rep.max()) && !cur.isEmpty(); k++) {
                Set<Integer> next = ends(rep.body(), cur, cps);
                if (k >= rep.min()) out.addAll(next); // a repeated body matches at least one character: this ends
                cur = next;
            }
            return out;
        }
    }
}
