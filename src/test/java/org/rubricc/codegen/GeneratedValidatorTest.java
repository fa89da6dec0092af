package org.rubricc.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rubricc.model.Dimension;
import org.rubricc.model.Phrases;
import org.rubricc.model.Rubric;
import org.rubricc.model.Rule;
import org.rubricc.validate.DifferentialTestSupport;
import org.rubricc.validate.SubmissionGenerator;

/**
 * The generated validators, compiled in this process with only jackson-core on their class path, judge
 * the differential corpus exactly as the runtime validator does: the same verdicts, JSON pointers, codes,
 * messages and order. Every bundled rubric version, a rubric of hostile names and texts, and the rubric
 * of every language construct; valid ratings, every mutation kind, and random damage to the JSON text.
 */
class GeneratedValidatorTest {
    static final int SAMPLES = Integer.getInteger("rubricc.differentialSamples", 10_000);
    static final Path HOSTILE = Path.of("src/test/resources/codegen/hostile.rubric");
    static final Path ALL_CONSTRUCTS = Path.of("src/test/resources/language/all-constructs.rubric");

    static List<Rubric> rubrics() throws IOException {
        List<Rubric> all = new ArrayList<>(DifferentialTestSupport.bundled());
        all.add(Engines.load(HOSTILE, HOSTILE.getParent()));
        all.add(Engines.load(ALL_CONSTRUCTS, ALL_CONSTRUCTS.getParent()));
        return all;
    }

    @TestFactory
    Stream<DynamicTest> bothEnginesJudgeTheDifferentialCorpusAlike() throws IOException {
        return rubrics().stream().map(r -> DynamicTest.dynamicTest(r.toString(), () -> {
            Engines engines = new Engines(r);
            SubmissionGenerator gen = new SubmissionGenerator(r, r.toString().hashCode());
            Random random = new Random(r.toString().hashCode() * 31L);
            SubmissionGenerator.Mutation[] kinds = SubmissionGenerator.Mutation.values();
            Map<SubmissionGenerator.Mutation, int[]> seen = new EnumMap<>(SubmissionGenerator.Mutation.class);
            StringBuilder lines = new StringBuilder();
            List<String> origins = new ArrayList<>();
            int n = 0;
            for (int i = 0; n < SAMPLES && i < SAMPLES * 5; i++) {
                SubmissionGenerator.Mutation kind = kinds[i % kinds.length];
                Optional<SubmissionGenerator.Sample> sample = gen.sample(kind);
                if (sample.isEmpty()) continue;
                n++;
                seen.computeIfAbsent(kind, k -> new int[1])[0]++;
                String line = sample.get().submission().toString();
                lines.append(line).append('\n');
                origins.add(kind.toString());
                if (random.nextInt(4) == 0) {
                    lines.append(damage(line, random)).append('\n');
                    origins.add(kind + ", damaged");
                }
            }
            assertTrue(n >= SAMPLES, r + ": only " + n + " samples");
            for (SubmissionGenerator.Mutation kind : kinds) assertTrue(seen.containsKey(kind), r + ": no sample of " + kind);
            List<List<Engines.V>>[] verdicts = engines.judge(lines.toString().getBytes(StandardCharsets.UTF_8));
            assertEquals(origins.size(), verdicts[0].size());
            String[] text = lines.toString().split("\n", -1);
            int valid = 0, malformed = 0;
            for (int i = 0; i < origins.size(); i++) {
                if (!verdicts[0].get(i).equals(verdicts[1].get(i))) {
                    fail(r + ", " + origins.get(i) + ": the engines differ on\n" + text[i] + "\nruntime:   " + verdicts[0].get(i)
                            + "\ngenerated: " + verdicts[1].get(i));
                }
                if (verdicts[0].get(i).isEmpty()) valid++;
                else if (verdicts[0].get(i).get(0).code().equals("malformed-json")) malformed++;
            }
            assertTrue(valid > 0 && malformed > 0 && valid + malformed < origins.size(),
                    r + ": valid " + valid + ", malformed " + malformed + " of " + origins.size());
        }));
    }

    /** The line with random damage: cut short, a character replaced or inserted, a key doubled, a number bent. */
    static String damage(String line, Random random) {
        int at = random.nextInt(line.length());
        String[] bits = {"{", "}", "[", "]", ",", ":", "\"", "0", "-", "e", ".", "n", "\\", "x", " ", "1e999", "NaN", "-0.0",
                "\u00e9", "\uD83D\uDE00", "\\u0000", "\\uD800", "[[[]]]", "{\"a\":{\"b\":[1,2.50,\"\\u001f\"]}}", "2.0", "1E+1"};
        return switch (random.nextInt(5)) {
            case 0 -> line.substring(0, at);
            case 1 -> line.substring(0, at) + bits[random.nextInt(bits.length)] + line.substring(Math.min(line.length(), at + 1));
            case 2 -> line.substring(0, at) + bits[random.nextInt(bits.length)] + line.substring(at);
            case 3 -> {
                int key = line.indexOf("\":", at);
                if (key < 0) yield line + " " + line;
                int start = line.lastIndexOf('"', key - 1);
                yield line.substring(0, key + 2) + "1," + line.substring(start, key + 2) + line.substring(key + 2);
            }
            default -> line.replaceFirst("(\":)(\\d+)", "$1$2.0" + "0".repeat(random.nextInt(30)) + (random.nextBoolean() ? "1" : ""));
        };
    }

    @TestFactory
    Stream<DynamicTest> malformedAndUnusualLinesGetTheSameVerdicts() throws IOException {
        return rubrics().stream().map(r -> DynamicTest.dynamicTest(r.toString(), () -> {
            Engines engines = new Engines(r);
            String valid = new SubmissionGenerator(r, 7).valid().orElseThrow().toString();
            String head = "{\"rubric\":\"" + r.id() + "\",\"version\":\"" + r.version() + "\",\"item\":\"i\",\"rater\":\"r\",";
            List<String> lines = new ArrayList<>(List.of(
                    "\uFEFF" + valid,                                   // a byte order mark on the first line
                    valid.substring(0, valid.length() / 2),             // truncated
                    "{\"a\":1,\"a\":2}",                               // duplicate keys
                    valid.replaceFirst("\\{", "{\"item\":\"x\","),      // a duplicate top-level key
                    head + "\"answers\":{\"x\":1,\"x\":2}}",            // a duplicate answer key
                    head + "\"answers\":{\"x\":{\"y\":1,\"y\":1}}}",    // a duplicate key deep inside
                    "{\"a\":NaN}", "{\"a\":1e999}", "{\"a\":-0.0}", "{\"a\":Infinity}",
                    "[" + "[".repeat(3000) + "]".repeat(3000) + "]",    // deeply nested
                    "[[1],[2]]", "\"just a string\"", "null", "42", "true", "[]",
                    "", "   ", "\t", "\r",
                    valid + "\r",                                      // CRLF
                    valid + " " + valid,                               // two values
                    valid + " x", valid + "}", valid + " // comment",
                    "{\"rubric\":}", "{\"rubric\"", "{", "}", "{,}", "{\"a\" 1}", "{'a':1}",
                    "{\"a\":\"\u0001\"}", "{\"a\":\"\\x\"}", "{\"a\":01}", "{\"a\":+1}", "{\"a\":.5}", "{\"a\":1.}",
                    "{\"a\":1e99999999999}", "{\"a\":123456789012345678901234567890}",
                    "{}", head + "\"answers\":[]}", head + "\"answers\":null}", head + "\"answers\":{},\"justifications\":[]}",
                    head + "\"answers\":{},\"justifications\":{\"nope\":1,\"x/y~z\":[\"\\u001f\"]}}",
                    "{\"rubric\":1,\"version\":{},\"item\":\"\",\"rater\":[],\"answers\":{}}",
                    "{\"rubric\":\"other\",\"version\":\"0.0.1\",\"answers\":{\"a/b~c\":1}}",
                    "{\"extra\":{\"deep\":[1,{\"x\":\"\\\"q\\\\\"}]},\"x~y/z\":true}"));
            // Every dimension answered with values of every JSON type, and numbers written every way.
            List<String> values = List.of("1", "1.0", "1.00", "0.5", "0.50000000000000001", "1.5", "2", "2.0e0", "20E-1", "0.2e1",
                    "-0", "-0.0", "0", "100", "100.0", "1e2", "1E+2", "-1.5", "2.5", "0.25", "0.75", "1e-7", "5e-324", "1e999",
                    "-1e999", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
                    "12345678901234567890.5", "0.0000000000000000000001", "3",
                    "\"n/a\"", "\"N/A\"", "\"\"", "\"public\"", "\"int\"", "\"_private-choice\"", "\"feasible\"", "\"x\\\"y\"",
                    "\"\\u2028\\u001f\\u007f\"", "\"\uD83D\uDE00\"", "\"" + "long ".repeat(30) + "\"",
                    "true", "false", "null", "{}", "{\"a\":[1,2.50,{\"b\":null}]}", "[]", "[\"a-1\"]", "[\"a-1\",\"a-1\"]",
                    "[\"a-1\",\"b_2\",\"default\",\"while\"]", "[1,\"x\",[\"y\"],{}]", "[\"violence\",\"hate\",\"violence\"]",
                    "[\"" + "z".repeat(80) + "\"]", "\"" + "t".repeat(2001) + "\"", "\"abc\"");
            Random random = new Random(11);
            for (Dimension d : r.dimensions()) {
                for (String v : values) {
                    lines.add(valid.replaceFirst("\"answers\":\\{", "\"answers\":{\"" + d.id() + "\":" + v + ","));
                    String other = r.dimensions().get(random.nextInt(r.dimensions().size())).id();
                    lines.add(valid.replaceFirst("\"answers\":\\{", "\"answers\":{\"" + d.id() + "\":" + v + ",\"" + other + "\":"
                            + values.get(random.nextInt(values.size())) + ","));
                }
                lines.add(valid.replaceFirst("\\}$", ",\"justifications\":{\"" + d.id() + "\":\"\\uD83D\\uDE00\"}}"));
            }
            byte[] input = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            byte[] tail = "\n{\"a\":\"\u00ff\u00fe\"}\n{\"a\":\"x\"}".getBytes(StandardCharsets.ISO_8859_1); // invalid UTF-8
            byte[] withBadUtf8 = java.util.Arrays.copyOf(input, input.length + tail.length);
            System.arraycopy(tail, 0, withBadUtf8, input.length, tail.length);
            List<List<Engines.V>>[] verdicts = engines.judge(withBadUtf8);
            String[] text = String.join("\n", lines).split("\n", -1);
            for (int i = 0; i < verdicts[0].size(); i++) {
                if (!verdicts[0].get(i).equals(verdicts[1].get(i))) {
                    fail(r + ", line " + (i + 1) + ": the engines differ on\n" + (i < text.length ? text[i] : "(invalid UTF-8)")
                            + "\nruntime:   " + verdicts[0].get(i) + "\ngenerated: " + verdicts[1].get(i));
                }
            }
        }));
    }

    /** Byte sequences at the edges of UTF-8, well-formed or not, as Jackson's decoder and the byte reader meet them. */
    static final int[][] UTF8_EDGES = {
        {0xC3, 0xA9}, {0xF0, 0x9F, 0x98, 0x80}, {0xE2, 0x80, 0xA8}, {0xEF, 0xBF, 0xBF}, {0xF4, 0x8F, 0xBF, 0xBF}, {0xED, 0x9F, 0xBF},
        {0xE0, 0xA0, 0x80}, {0xF0, 0x90, 0x80, 0x80}, {0x7F},
        {0xED, 0xA0, 0x80}, {0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80}, {0xED, 0xBF, 0xBF},            // surrogates, CESU-8 pair
        {0xC0, 0x80}, {0xC1, 0xBF}, {0xE0, 0x80, 0x80}, {0xE0, 0x9F, 0xBF}, {0xF0, 0x80, 0x80, 0x80}, {0xF0, 0x8F, 0xBF, 0xBF},
        {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xF8, 0x88, 0x80, 0x80, 0x80}, {0xFF}, {0xFE},
        {0x80}, {0xBF}, {0xC3}, {0xE2, 0x80}, {0xF0, 0x9F, 0x98}, {0xC3, 0x41}, {0xE2, 0x41, 0x80}, {0x1F}, {0x00},
    };

    @TestFactory
    Stream<DynamicTest> utf8EdgesGetTheSameVerdicts() throws IOException {
        return rubrics().stream().map(r -> DynamicTest.dynamicTest(r.toString(), () -> {
            Engines engines = new Engines(r);
            String valid = new SubmissionGenerator(r, 3).valid().orElseThrow().toString();
            String first = r.dimensions().get(0).id();
            // Each sequence inside kept strings (item, a justification, an answer), a key, and a skipped string.
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int[] edge : UTF8_EDGES) {
                byte[] seq = new byte[edge.length];
                for (int k = 0; k < edge.length; k++) seq[k] = (byte) edge[k];
                for (String text : List.of("", "abcdefghijklmnopqrstuvwxyz ")) {
                    String[] lines = {
                        valid.replaceFirst("\"item\":\"", "\"item\":\"" + text + "\u0001"),
                        valid.replaceFirst("\"answers\":\\{", "\"answers\":{\"k" + text + "\u0001\":1,"),
                        valid.replaceFirst("\"rubric\":", "\"extra\":[\"" + text + "\u0001\"],\"rubric\":"),
                        valid.replaceFirst("\\}$", ",\"justifications\":{\"" + first.replace("\\", "\\\\").replace("$", "\\$")
                                + "\":\"" + text + "\u0001" + text + "\"}}"),
                        valid.replaceFirst("\"answers\":\\{", "\"answers\":{\"" + first.replace("\\", "\\\\").replace("$", "\\$")
                                + "\":\"\u0001\","),
                    };
                    for (String line : lines) {
                        byte[] b = line.getBytes(StandardCharsets.UTF_8);
                        for (byte x : b) {
                            if (x == 1) out.write(seq, 0, seq.length);
                            else out.write(x);
                        }
                        out.write('\n');
                    }
                }
            }
            byte[] input = out.toByteArray();
            List<List<Engines.V>>[] verdicts = engines.judge(input);
            String[] text = new String(input, StandardCharsets.ISO_8859_1).split("\n", -1);
            assertTrue(verdicts[0].size() >= UTF8_EDGES.length * 10, "every line judged");
            for (int i = 0; i < verdicts[0].size(); i++) {
                if (!verdicts[0].get(i).equals(verdicts[1].get(i))) {
                    fail(r + ", line " + (i + 1) + ": the engines differ on (bytes as Latin-1)\n" + text[i]
                            + "\nruntime:   " + verdicts[0].get(i) + "\ngenerated: " + verdicts[1].get(i));
                }
            }
        }));
    }

    /**
     * A field name holding the byte 0xFF is malformed UTF-8 whatever was read before: Jackson's table of
     * names seen before (padded with 0xFF) must not take it for a shorter name from an earlier line.
     */
    @TestFactory
    Stream<DynamicTest> namesWith0xFFAreMalformedWhateverCameBefore() throws IOException {
        return rubrics().stream().map(r -> DynamicTest.dynamicTest(r.toString(), () -> {
            Engines engines = new Engines(r);
            String valid = new SubmissionGenerator(r, 3).valid().orElseThrow().toString();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            // "rubric" and "rubr" + 0xFF + "ic" end in the same padded bytes; so do "answrs" and "answ" + 0xFF + "rs".
            String[][] pairs = {{"\"rubric\"", "\"rubr\u0001ic\""}, {"\"answers\"", "\"answ\u0001rs\""},
                {"\"version\"", "\"versi\u0001on\""}};
            for (String[] pair : pairs) {
                for (String line : new String[] {valid.replace("\"answers\"", "\"answrs\""), valid, valid.replace(pair[0], pair[1])}) {
                    for (byte x : line.getBytes(StandardCharsets.UTF_8)) out.write(x == 1 ? 0xFF : x);
                    out.write('\n');
                }
            }
            byte[] input = out.toByteArray();
            for (int round = 0; round < 2; round++) { // the second time, both factories have read every name
                List<List<Engines.V>>[] verdicts = engines.judge(input);
                for (int i = 2; i < verdicts[0].size(); i += 3) {
                    assertEquals(verdicts[0].get(i), verdicts[1].get(i), "line " + (i + 1));
                    assertEquals("malformed-json", verdicts[1].get(i).get(0).code(), "line " + (i + 1) + ": " + verdicts[1].get(i));
                }
            }
        }));
    }

    /**
     * The byte reader reads plain ratings itself (the speed of the generated validator rests on it) and
     * leaves to Jackson's parser what it must: escapes, exponents, a byte order mark, duplicate keys
     * (nested ones too), malformed JSON; a rating cut short after a plain beginning goes to Jackson's
     * tokenizer alone.
     */
    @TestFactory
    Stream<DynamicTest> theByteReaderReadsPlainRatingsAndDefersTheRest() throws IOException {
        return rubrics().stream().map(r -> DynamicTest.dynamicTest(r.toString(), () -> {
            Engines engines = new Engines(r);
            java.lang.reflect.Method plain = engines.generated.type()
                    .getDeclaredMethod("plain", byte[].class, int.class, int.class, boolean.class);
            plain.setAccessible(true);
            SubmissionGenerator gen = new SubmissionGenerator(r, 17);
            int read = 0;
            int all = 0;
            for (int i = 0; all < 2000; i++) {
                Optional<SubmissionGenerator.Sample> s = gen.sample(SubmissionGenerator.Mutation.values()[i % SubmissionGenerator.Mutation.values().length]);
                if (s.isEmpty()) continue;
                byte[] b = s.get().submission().toString().getBytes(StandardCharsets.UTF_8);
                all++;
                if (plain.invoke(null, b, 0, b.length, false) != null) read++;
            }
            assertTrue(read >= all * 9 / 10, r + ": the byte reader read only " + read + " of " + all + " generated ratings");
            String valid = new SubmissionGenerator(r, 3).valid().orElseThrow().toString();
            byte[] b = valid.getBytes(StandardCharsets.UTF_8);
            assertTrue(plain.invoke(null, b, 0, b.length, false) != null, "a valid rating is read from bytes: " + valid);
            byte[] nested = valid.replaceFirst("\\{", "{\"x\":{\"a\":[1,{\"b\":null}],\"c\":\"d\"},").getBytes(StandardCharsets.UTF_8);
            assertTrue(plain.invoke(null, nested, 0, nested.length, false) != null, "objects inside values are read from bytes");
            // Escapes are decoded by the byte reader as Jackson decodes them, in keys and in values (the usual case of
            // real justifications); a lone surrogate and an escape JSON does not have go to Jackson.
            List<String> escaped = List.of(valid.replace("\"answers\"", "\"answ\\u0065rs\""),
                    valid.replace("\"item\":\"", "\"item\":\"\\\"\\u00e9\\ud83d\\uDE00\\n\\t\\/\\\\"),
                    valid.replace("\"rubric\"", "\"\\u0072ubric\""));
            for (String e : escaped) {
                assertTrue(e.contains("\\u"), e);
                byte[] d = e.getBytes(StandardCharsets.UTF_8);
                assertTrue(plain.invoke(null, d, 0, d.length, false) != null, "read from bytes: " + e);
            }
            List<String> odd = List.of(valid.replace("\"item\":\"", "\"item\":\"\\ud800x"), valid.replace("\"item\":\"", "\"item\":\"\\x"));
            for (String e : odd) {
                byte[] d = e.getBytes(StandardCharsets.UTF_8);
                assertEquals(null, plain.invoke(null, d, 0, d.length, false), "left to Jackson: " + e);
            }
            byte[] both = String.join("\n", escaped.get(0), escaped.get(1), escaped.get(2), odd.get(0), odd.get(1), valid)
                    .getBytes(StandardCharsets.UTF_8);
            List<List<Engines.V>>[] verdicts = engines.judge(both);
            assertEquals(verdicts[0], verdicts[1], "both engines, on escaped ratings");
            assertEquals(verdicts[0].get(5), verdicts[0].get(0), "a key written with an escape is the same key");
            assertEquals(verdicts[0].get(5), verdicts[0].get(2));
            for (String deferred : List.of("\uFEFF" + valid, valid.replaceFirst("\"item\":\"", "\"item\":\"\\\""),
                    valid.replaceFirst("\\{", "{\"x\":1e2,"), valid.replaceFirst("\\{", "{\"x\":{\"a\":[1],\"a\":2},"),
                    valid.replaceFirst("\\{", "{\"item\":\"y\","), valid + "x")) {
                byte[] d = deferred.getBytes(StandardCharsets.UTF_8);
                assertEquals(null, plain.invoke(null, d, 0, d.length, false), "left to Jackson: " + deferred);
            }
            // Cut short after a plain beginning: only Jackson's tokenizer runs, for the wording of its error.
            for (int cut : new int[] {1, valid.length() / 2, valid.length() - 1}) {
                byte[] d = valid.substring(0, cut).getBytes(StandardCharsets.UTF_8);
                Object verdict = plain.invoke(null, d, 0, d.length, false);
                assertTrue(verdict != null && verdict.toString().contains("code=malformed-json, message=not valid JSON: Unexpected end-of-input"),
                        "cut short at " + cut + ": " + verdict);
            }
            // Cut short inside a literal whose next bytes are ill-formed UTF-8 ("f" 0xED "a" where false was
            // due): the ill-formed sequence is reported first, as the runtime reports it (found by the fuzz test).
            java.io.ByteArrayOutputStream cutLiteral = new java.io.ByteArrayOutputStream();
            byte[] head = valid.replaceFirst("\\{", "{\"x\":f").getBytes(StandardCharsets.UTF_8);
            int f = valid.indexOf('{') + 6;
            cutLiteral.write(head, 0, f);
            cutLiteral.write(0xED);
            cutLiteral.write('a');
            byte[] d = cutLiteral.toByteArray();
            List<List<Engines.V>>[] cutVerdicts = engines.judge(d);
            assertEquals(cutVerdicts[0], cutVerdicts[1], "both engines, on a literal cut before ill-formed UTF-8");
            assertTrue(cutVerdicts[1].get(0).toString().contains("ill-formed UTF-8 at byte " + (f + 1)), cutVerdicts[1].toString());
        }));
    }

    @TestFactory
    Stream<DynamicTest> hostileTitlesAppearExactlyInMessages() {
        Rubric r = Engines.load(HOSTILE, HOSTILE.getParent());
        Engines engines = new Engines(r);
        SubmissionGenerator gen = new SubmissionGenerator(r, 99);
        Set<String> messages = new HashSet<>();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            SubmissionGenerator.Mutation kind = SubmissionGenerator.Mutation.values()[i % SubmissionGenerator.Mutation.values().length];
            gen.sample(kind).ifPresent(s -> lines.append(s.submission()).append('\n'));
        }
        for (List<Engines.V> vs : engines.judge(lines.toString().getBytes(StandardCharsets.UTF_8))[1]) {
            vs.forEach(v -> messages.add(v.message()));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Dimension d : r.dimensions()) {
            tests.add(DynamicTest.dynamicTest("dimension " + d.id(), () -> assertTrue(
                    messages.stream().anyMatch(m -> m.contains("\u201C" + d.title() + "\u201D")),
                    "no message names " + Phrases.title(d))));
        }
        for (Rule rule : r.enforcedRules()) {
            if (rule.guidanceOnly()) continue;
            tests.add(DynamicTest.dynamicTest("rule " + rule.id(), () -> assertTrue(
                    messages.stream().anyMatch(m -> m.startsWith(Phrases.rule(rule) + ": ")), "no message names " + Phrases.rule(rule))));
        }
        tests.add(DynamicTest.dynamicTest("titles are the rubric's text", () -> {
            assertTrue(r.dimensions().get(0).title().contains("\\u000a"), "the title keeps a backslash-u as text");
            assertTrue(r.dimensions().get(1).title().contains("\u200F\uD83D\uDE00"));
        }));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> oneInstanceServesManyThreads() throws IOException {
        return Stream.of(DifferentialTestSupport.bundled().get(2)).map(r -> DynamicTest.dynamicTest(r.toString(), () -> {
            Engines engines = new Engines(r);
            SubmissionGenerator gen = new SubmissionGenerator(r, 5);
            List<byte[]> lines = new ArrayList<>();
            for (int i = 0; lines.size() < 2000; i++) {
                gen.sample(SubmissionGenerator.Mutation.values()[i % SubmissionGenerator.Mutation.values().length])
                        .ifPresent(s -> lines.add(s.submission().toString().getBytes(StandardCharsets.UTF_8)));
            }
            List<List<CompiledValidator.Violation>> expected = lines.stream().map(b -> engines.generated.validate(b, 0, b.length)).toList();
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 4; t++) {
                int offset = t * 500;
                Thread thread = new Thread(() -> {
                    for (int k = 0; k < lines.size() * 3; k++) {
                        int i = (k + offset) % lines.size();
                        byte[] b = lines.get(i);
                        if (!engines.generated.validate(b, 0, b.length).equals(expected.get(i))) {
                            failures.add(new AssertionError("line " + i + " judged differently on another thread"));
                            return;
                        }
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread t : threads) t.join();
            assertEquals(List.of(), failures);
        }));
    }
}
