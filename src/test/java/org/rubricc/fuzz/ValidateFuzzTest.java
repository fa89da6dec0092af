package org.rubricc.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.TestFactory;
import org.rubricc.check.Frontend;
import org.rubricc.cli.Main;
import org.rubricc.model.Rubric;
import org.rubricc.validate.SubmissionGenerator;

/**
 * {@code rubricc validate} under hostile input: every line of a ratings file gets exactly one verdict,
 * the counts add up, the exit status is 0 or 1, and no line takes more than a few seconds, whatever the
 * bytes. Inputs are generated ratings (valid and mutated) with byte-level damage: truncation, random
 * bytes (NUL, CR, stray newlines, invalid UTF-8), duplicate keys, extreme numbers, deep nesting, byte
 * order marks. Files that once found a bug are kept in {@code fuzz-regressions/ratings/} and run every time.
 */
class ValidateFuzzTest {
    static final Duration LIMIT = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    /** The rubrics ratings are fuzzed against: a bundled one and the one with every kind of scale. */
    static final List<String> RUBRICS = List.of("rubrics/image-edit/2.0.0.rubric", "src/test/resources/language/all-constructs.rubric");

    Path dir;

    @BeforeProperty
    void makeDir() throws IOException {
        dir = Files.createTempDirectory("rubricc-validate-fuzz");
    }

    @AfterProperty
    void removeDir() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** How many ratings the reader must report for these bytes: one per line, a final newline starting none. */
    static int expectedLines(byte[] bytes) {
        int n = 0;
        for (byte b : bytes) if (b == '\n') n++;
        return bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? n + 1 : n;
    }

    record Run(int status, String out, String err) {}

    static Run validate(String rubric, Path ratings, String... extra) {
        List<String> args = new ArrayList<>(List.of("validate", rubric, ratings.toString(), "--root", "."));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    /** Runs both output formats on the bytes and asserts that every line got one verdict and the counts add up. */
    static void checkRatings(Path dir, String rubric, byte[] bytes) throws IOException {
        Path f = dir.resolve("ratings.jsonl");
        Files.write(f, bytes);
        int lines = expectedLines(bytes);

        // The interpreted engine here; enginesAgree holds the generated one to the same output.
        Run json = validate(rubric, f, "--format", "json", "--engine", "interpreted");
        assertTrue(json.status() == 0 || json.status() == 1, "exit " + json.status() + ": " + json.err());
        String[] objects = json.out().isEmpty() ? new String[0] : json.out().split("\n", -1);
        assertEquals("", objects.length == 0 ? "" : objects[objects.length - 1], "the output ends with a newline");
        assertEquals(lines, objects.length - (objects.length == 0 ? 0 : 1), "one object per input line");
        int valid = 0;
        for (int i = 0; i < lines; i++) {
            JsonNode o = JSON.readTree(objects[i]);
            assertEquals(i + 1, o.get("line").asInt(), objects[i]);
            boolean v = o.get("valid").asBoolean();
            assertEquals(v, o.get("violations").isEmpty(), objects[i]);
            for (JsonNode violation : o.get("violations")) {
                assertTrue(violation.get("code").asText().matches("[a-z]+(-[a-z]+)*"), objects[i]);
                assertTrue(!violation.get("message").asText().isBlank(), objects[i]);
            }
            if (v) valid++;
        }
        assertEquals(valid == lines ? 0 : 1, json.status());

        Run text = validate(rubric, f, "--engine", "interpreted");
        assertEquals(json.status(), text.status());
        String summary = lines + (lines == 1 ? " rating: " : " ratings: ") + valid + " valid, " + (lines - valid) + " invalid";
        assertTrue(text.out().endsWith(summary + "\n"), "summary `" + summary + "` in\n" + tail(text.out()));
        int problemLines = text.out().split("\n", -1).length - 2;
        assertTrue(lines - valid <= problemLines, "every invalid rating has at least one line of problems");
        // Keys and values come from the file: no line can be forged, and nothing reaches a terminal raw.
        String[] out = text.out().split("\n", -1);
        for (int i = 0; i < out.length - 2; i++) {
            assertTrue(out[i].matches("\\Q" + f + "\\E:[0-9]+: .*"), "a problem line starts with FILE:LINE: " + out[i]);
        }
        text.out().codePoints().forEach(cp -> assertTrue(cp == '\n' || !(Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029
                || cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)),
                () -> String.format("U+%04X printed raw", cp)));
    }

    /**
     * The generated engine (the rubric's Java validator, compiled in memory) and the interpreted one write
     * byte-identical output for the same bytes. Compiling takes a while, so fewer files are tried.
     */
    static void enginesAgree(Path dir, String rubric, byte[] bytes) throws IOException {
        Path f = dir.resolve("ratings.jsonl");
        Files.write(f, bytes);
        for (String format : List.of("json", "text")) {
            Run generated = validate(rubric, f, "--format", format, "--engine", "generated");
            Run interpreted = validate(rubric, f, "--format", format, "--engine", "interpreted");
            assertEquals(interpreted.status(), generated.status(), generated.err());
            assertEquals(interpreted.out(), generated.out());
        }
    }

    private static String tail(String s) {
        return s.length() > 2000 ? "..." + s.substring(s.length() - 2000) : s;
    }

    // ---------------------------------------------------------------------------------------------
    // Generated inputs
    // ---------------------------------------------------------------------------------------------

    /** Ratings as JSON text, valid and mutated by SubmissionGenerator, for each rubric. */
    static final List<List<String>> SEEDS = new ArrayList<>();

    static synchronized List<String> seeds(int rubric) {
        if (SEEDS.isEmpty()) {
            Frontend frontend = new Frontend(Path.of("."));
            for (String r : RUBRICS) {
                Rubric model = frontend.check(Path.of(r)).rubric().orElseThrow();
                SubmissionGenerator gen = new SubmissionGenerator(model, 42);
                List<String> lines = new ArrayList<>();
                SubmissionGenerator.Mutation[] kinds = SubmissionGenerator.Mutation.values();
                for (int i = 0; lines.size() < 200 && i < 2000; i++) {
                    gen.sample(kinds[i % kinds.length]).ifPresent(s -> lines.add(s.submission().toString()));
                }
                SEEDS.add(lines);
            }
        }
        return SEEDS.get(rubric);
    }

    static final String[] NUMBERS = {"1e999", "-1e999", "1e-999999999", "1e999999999", "-1E+999999999", "NaN", "Infinity",
        "-0", "-0.0", "0.50000000000000000001", "4.0000000000000000000001", "1E+1", "2e0", "9223372036854775808",
        "99999999999999999999999999999999999999", "0x10", "01", "1.", ".5", "+1", "5e-1"};

    static final String[] SPLICES = {"\u0000", "\r", "\n", "\r\n", "\uFEFF", "\"", "\\", "{", "}", "[", "]", ",", ":", "null",
        "true", "\"n/a\"", "\"\\ud800\"", "\"\\u0000\"", "//", "/*", "\u2028", "\uD83D\uDE00"};

    /** One line of input: a generated rating, damaged in one to three ways. */
    static String damage(String line, Random r) {
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits && !line.isEmpty(); e++) {
            int at = r.nextInt(line.length() + 1);
            switch (r.nextInt(8)) {
                case 0 -> line = line.substring(0, at); // truncated
                case 1 -> line = line.substring(0, at) + SPLICES[r.nextInt(SPLICES.length)] + line.substring(at);
                case 2 -> { // a number token replaced by an extreme one
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<=[:\\[,])-?\\d+(\\.\\d+)?").matcher(line);
                    List<int[]> spans = new ArrayList<>();
                    while (m.find()) spans.add(new int[] {m.start(), m.end()});
                    if (!spans.isEmpty()) {
                        int[] s = spans.get(r.nextInt(spans.size()));
                        line = line.substring(0, s[0]) + NUMBERS[r.nextInt(NUMBERS.length)] + line.substring(s[1]);
                    }
                }
                case 3 -> line = line.replaceFirst("\\{\"", "{\"rubric\":\"x\",\""); // a duplicate key, mostly
                case 4 -> { // deep nesting in place of a value
                    int depth = 1 + r.nextInt(3000);
                    line = line.replaceFirst(":(-?\\d+|true|false)", ":" + "[".repeat(depth) + "1" + "]".repeat(depth));
                }
                case 5 -> line = "\uFEFF" + line;
                case 6 -> line = line + " " + line; // two values
                default -> { /* left as generated */ }
            }
        }
        return line;
    }

    @Provide
    Arbitrary<int[]> files() {
        // [rubric index, seed, number of lines, final newline, line endings]
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            return new int[] {r.nextInt(RUBRICS.size()), r.nextInt(), 1 + r.nextInt(12), r.nextInt(2), r.nextInt(3)};
        });
    }

    static byte[] file(int[] spec) {
        Random r = new Random(spec[1]);
        List<String> seeds = seeds(spec[0]);
        ByteArrayOutput out = new ByteArrayOutput();
        for (int i = 0; i < spec[2]; i++) {
            String line = seeds.get(r.nextInt(seeds.size()));
            if (r.nextInt(3) > 0) line = damage(line, r);
            out.write(line.getBytes(StandardCharsets.UTF_8));
            if (r.nextInt(10) == 0) out.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}); // invalid UTF-8
            if (i < spec[2] - 1 || spec[3] == 1) out.write((spec[4] == 0 ? "\n" : spec[4] == 1 ? "\r\n" : "\r\n\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static final class ByteArrayOutput extends java.io.ByteArrayOutputStream {
        @Override
        public void write(byte[] b) {
            write(b, 0, b.length);
        }
    }

    @Property
    void damagedRatingsEachGetOneVerdict(@ForAll("files") int[] spec) {
        byte[] bytes = file(spec);
        assertTimeoutPreemptively(LIMIT, () -> checkRatings(dir, RUBRICS.get(spec[0]), bytes));
    }

    @Property(tries = 40)
    void bothEnginesJudgeDamagedRatingsAlike(@ForAll("files") int[] spec) {
        byte[] bytes = file(spec);
        assertTimeoutPreemptively(LIMIT, () -> enginesAgree(dir, RUBRICS.get(spec[0]), bytes));
    }

    @Property
    void randomBytesEachLineGetsOneVerdict(@ForAll("bytes") byte[] bytes) {
        assertTimeoutPreemptively(LIMIT, () -> checkRatings(dir, RUBRICS.get(bytes.length % RUBRICS.size()), bytes));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
    }

    /** Rating files that once found a bug, each checked against every rubric of {@link #RUBRICS}. */
    @TestFactory
    Stream<DynamicTest> regressions() throws IOException {
        Path root = Path.of("src/test/resources/fuzz-regressions/ratings");
        try (Stream<Path> s = Files.list(root)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
            Path tmp = Files.createTempDirectory(Path.of("target"), "validate-fuzz-regressions");
            return files.stream().flatMap(f -> RUBRICS.stream().map(rubric -> DynamicTest.dynamicTest(
                    f.getFileName() + " against " + rubric,
                    () -> assertTimeoutPreemptively(LIMIT, () -> {
                        checkRatings(tmp, rubric, Files.readAllBytes(f));
                        enginesAgree(tmp, rubric, Files.readAllBytes(f));
                    }))));
        }
    }
}
