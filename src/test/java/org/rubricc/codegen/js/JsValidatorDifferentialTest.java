package org.rubricc.codegen.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.rubricc.check.Frontend;
import org.rubricc.cli.Main;
import org.rubricc.fuzz.FuzzCorpora;
import org.rubricc.model.Rubric;
import org.rubricc.validate.DifferentialTestSupport;
import org.rubricc.validate.SubmissionGenerator;

/**
 * The generated validator.mjs, run by node through {@code src/test/js/js-verdicts.mjs}, writes byte for byte what
 * {@code rubricc validate --format json} writes, on the corpora the Java engines are held to: 10,000 generated
 * ratings (valid and every mutation) per bundled version, damaged ratings files as ValidateFuzzTest makes them,
 * and the fuzz regressions. On files of random bytes it must give every line the same verdict and code; the
 * wording of malformed-json messages may differ there (README, "JavaScript validator"), and the count is printed.
 * Needs node on the PATH: without it the test fails, it never skips.
 */
class JsValidatorDifferentialTest {
    static final int SAMPLES = Integer.getInteger("rubricc.differentialSamples", 10_000);
    static final Path HARNESS = Path.of("src/test/js/js-verdicts.mjs");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @BeforeAll
    static void nodeIsThere() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) fail("`node --version` failed: " + v);
            int major = Integer.parseInt(v.replaceFirst("^v(\\d+).*", "$1"));
            if (major < 20) fail("the JavaScript validator tests need Node 20 or later, found " + v);
        } catch (IOException | InterruptedException | NumberFormatException e) {
            fail("the JavaScript validator tests need `node` (Node 20+) on the PATH: " + e);
        }
    }

    /** The module for a rubric, written once per test run. */
    static Path module(Rubric r) throws IOException {
        Path f = dir.resolve(r.id() + "-" + r.version().toString().replaceAll("[^A-Za-z0-9.]", "_") + ".mjs");
        if (!Files.exists(f)) Files.writeString(f, new JsValidatorGenerator(r).generate(), StandardCharsets.UTF_8);
        return f;
    }

    /** What node prints for the ratings file. */
    static byte[] node(Path module, Path ratings) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "js", ".out"), err = Files.createTempFile(dir, "js", ".err");
        Process p = new ProcessBuilder("node", HARNESS.toString(), module.toString(), ratings.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("node took more than 120 s on " + ratings);
        }
        assertEquals(0, p.exitValue(), "node failed: " + Files.readString(err));
        return Files.readAllBytes(out);
    }

    /** What `rubricc validate --format json` prints for it, encoded as UTF-8 as a UTF-8 terminal would get it. */
    static byte[] java(String rubricFile, Path ratings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"validate", "--format", "json", "--engine", "interpreted", "--root", ".", rubricFile,
            ratings.toString()}, out, new PrintWriter(err));
        out.flush();
        assertTrue(status == 0 || status == 1, "exit " + status + ": " + err);
        return bytes.toByteArray();
    }

    static void assertSameOutput(byte[] expected, byte[] actual, Path ratings) throws IOException {
        if (java.util.Arrays.equals(expected, actual)) return;
        String[] e = new String(expected, StandardCharsets.UTF_8).split("\n", -1), a = new String(actual, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            if (!e[i].equals(a[i])) {
                String input = Files.readAllLines(ratings, StandardCharsets.ISO_8859_1).size() > i
                        ? Files.readAllLines(ratings, StandardCharsets.ISO_8859_1).get(i) : "?";
                assertEquals(e[i], a[i], "line " + (i + 1) + " of " + ratings + " (as Latin-1): " + input);
            }
        }
        assertEquals(e.length, a.length, "number of verdicts for " + ratings);
    }

    static Path sourceOf(Rubric r) {
        return Path.of("rubrics", r.id(), r.version() + ".rubric");
    }

    @TestFactory
    Stream<DynamicTest> generatedRatingsGetTheSameVerdicts() throws IOException {
        return DifferentialTestSupport.bundled().stream().map(r -> DynamicTest.dynamicTest(r.toString(), () -> {
            SubmissionGenerator gen = new SubmissionGenerator(r, r.toString().hashCode());
            SubmissionGenerator.Mutation[] kinds = SubmissionGenerator.Mutation.values();
            StringBuilder lines = new StringBuilder();
            int n = 0;
            for (int i = 0; n < SAMPLES && i < SAMPLES * 5; i++) {
                Optional<SubmissionGenerator.Sample> s = gen.sample(kinds[i % kinds.length]);
                if (s.isEmpty()) continue;
                n++;
                lines.append(s.get().submission().toString()).append('\n');
            }
            assertTrue(n >= SAMPLES, r + ": only " + n + " samples");
            Path ratings = dir.resolve(r.id() + "-" + r.version() + ".jsonl");
            Files.writeString(ratings, lines, StandardCharsets.UTF_8);
            byte[] expected = java(sourceOf(r).toString(), ratings);
            assertSameOutput(expected, node(module(r), ratings), ratings);
            System.out.println("js differential " + r + ": " + n + " ratings, byte-identical");
        }));
    }

    static Rubric load(String file) {
        return new Frontend(Path.of(".")).check(Path.of(file)).rubric().orElseThrow();
    }

    @TestFactory
    Stream<DynamicTest> damagedRatingsGetTheSameVerdicts() {
        List<String> rubrics = FuzzCorpora.rubrics();
        return java.util.stream.IntStream.range(0, rubrics.size()).mapToObj(k -> DynamicTest.dynamicTest(rubrics.get(k), () -> {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (long seed = 0; seed < 300; seed++) {
                byte[] f = FuzzCorpora.damagedFile(k, seed);
                all.write(f);
                if (f.length > 0 && f[f.length - 1] != '\n') all.write('\n');
            }
            Path ratings = dir.resolve("damaged-" + k + ".jsonl");
            Files.write(ratings, all.toByteArray());
            byte[] expected = java(rubrics.get(k), ratings);
            assertSameOutput(expected, node(module(load(rubrics.get(k))), ratings), ratings);
            System.out.println("js differential, damaged ratings, " + rubrics.get(k) + ": "
                    + new String(expected, StandardCharsets.UTF_8).split("\n").length + " lines, byte-identical");
        }));
    }

    @TestFactory
    Stream<DynamicTest> fuzzRegressionsGetTheSameVerdicts() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/fuzz-regressions/ratings"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String rubric : FuzzCorpora.rubrics()) {
                    tests.add(DynamicTest.dynamicTest(f.getFileName() + " against " + rubric,
                            () -> assertSameOutput(java(rubric, f), node(module(load(rubric)), f), f)));
                }
            }
        }
        return tests.stream();
    }

    /**
     * Ill-formed UTF-8 (overlong forms, surrogates, above U+10FFFF, cut sequences) in the strings and keys of
     * ratings: the same verdicts, words included, as the Java engines (issue 17).
     */
    @TestFactory
    Stream<DynamicTest> illFormedUtf8GetsTheSameVerdicts() {
        return Stream.of(DynamicTest.dynamicTest("ill-formed UTF-8", () -> {
            String rubric = FuzzCorpora.rubrics().get(0);
            Rubric r = load(rubric);
            int[] pool = {0x22, 0x41, 0x5C, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0,
                0xF4, 0xF5, 0xFF};
            String[] forms = {"{\"rubric\":\"" + r.id() + "\",\"version\":\"" + r.version() + "\",\"item\":\"i\",\"rater\":\"r\","
                + "\"answers\":{},\"justifications\":{\"x\":\"@\"}}", "{\"@\":1}", "\"@\"", "{\"a\":[\"@\",1e5]}", "@"};
            Random random = new Random(17);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int i = 0; i < 3000; i++) {
                String form = forms[i % forms.length];
                all.write(form.substring(0, form.indexOf('@')).getBytes(StandardCharsets.UTF_8));
                for (int k = random.nextInt(8); k >= 0; k--) all.write(pool[random.nextInt(pool.length)]);
                all.write(form.substring(form.indexOf('@') + 1).getBytes(StandardCharsets.UTF_8));
                all.write('\n');
            }
            Path ratings = dir.resolve("ill-formed-utf8.jsonl");
            Files.write(ratings, all.toByteArray());
            byte[] expected = java(rubric, ratings);
            assertTrue(new String(expected, StandardCharsets.UTF_8).contains("ill-formed UTF-8 at byte"));
            assertSameOutput(expected, node(module(r), ratings), ratings);
        }));
    }

    /** Random bytes: the same verdict and codes on every line; malformed-json wording may differ (counted). */
    @TestFactory
    Stream<DynamicTest> randomBytesGetTheSameVerdicts() {
        return Stream.of(DynamicTest.dynamicTest("random bytes", () -> {
            String rubric = FuzzCorpora.rubrics().get(0);
            Random r = new Random(11);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int i = 0; i < 2000; i++) {
                byte[] b = new byte[r.nextInt(300)];
                r.nextBytes(b);
                all.write(b);
                all.write('\n');
            }
            Path ratings = dir.resolve("random.jsonl");
            Files.write(ratings, all.toByteArray());
            String[] e = new String(java(rubric, ratings), StandardCharsets.UTF_8).split("\n");
            String[] a = new String(node(module(load(rubric)), ratings), StandardCharsets.UTF_8).split("\n");
            assertEquals(e.length, a.length, "one verdict per line");
            int differentWords = 0;
            for (int i = 0; i < e.length; i++) {
                if (e[i].equals(a[i])) continue;
                JsonNode je = JSON.readTree(e[i]), ja = JSON.readTree(a[i]);
                assertEquals(je.get("valid"), ja.get("valid"), "line " + (i + 1));
                assertEquals(1, je.get("violations").size(), e[i]);
                assertEquals(1, ja.get("violations").size(), a[i]);
                assertEquals("malformed-json", je.get("violations").get(0).get("code").asText(), e[i]);
                assertEquals("malformed-json", ja.get("violations").get(0).get("code").asText(), a[i]);
                differentWords++;
            }
            System.out.println("js differential, random bytes: " + e.length + " lines, " + (e.length - differentWords)
                    + " byte-identical, " + differentWords + " malformed-json with other words");
            assertTrue(differentWords * 10 < e.length, "more than a tenth of the lines differ in wording: " + differentWords);
        }));
    }
}
