package org.rubricc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    static final String RUBRIC = "rubrics/image-quality/1.1.0.rubric";
    static final String VALID = "{\"rubric\":\"image-quality\",\"version\":\"1.1.0\",\"item\":\"i1\",\"rater\":\"r1\","
            + "\"answers\":{\"errors_found\":[],\"overall_quality\":4,\"aesthetics\":3,\"usefulness\":4,\"outside_guidelines\":false}}";

    static CheckCommandTest.Run validate(Path ratings, String... extra) {
        List<String> args = new ArrayList<>(List.of("validate", RUBRIC, ratings.toString()));
        Collections.addAll(args, extra);
        return CheckCommandTest.run(args.toArray(String[]::new));
    }

    static CheckCommandTest.Run validateStdin(InputStream in, String... extra) {
        InputStream old = System.in;
        System.setIn(in);
        try {
            List<String> args = new ArrayList<>(List.of("validate", RUBRIC, "-"));
            Collections.addAll(args, extra);
            return CheckCommandTest.run(args.toArray(String[]::new));
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void oneLineEscapesOnlyWhatMustBeEscapedAfterAnyPrefix() {
        assertEquals("plain \u00e9 text", ValidateCommand.oneLine("plain \u00e9 text"));
        assertEquals("\ud83d\ude00 a\\nb\\u001B\\u202E\ud83d\ude00", ValidateCommand.oneLine("\ud83d\ude00 a\nb\u001B\u202E\ud83d\ude00"));
    }

    @Test
    void twoFilesDeclaringOneVersionAreR0207AsInCheck(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("image-quality"));
        Files.copy(Path.of("rubrics/image-quality/1.0.0.rubric"), dir.resolve("1.0.0.rubric"));
        Files.copy(Path.of("rubrics/image-quality/1.0.0.rubric"), dir.resolve("copy.rubric"));
        Files.createDirectories(tmp.resolve("shared"));
        Files.copy(Path.of("rubrics/shared/image-scales.rubric"), tmp.resolve("shared/image-scales.rubric"));
        Path f = tmp.resolve("r.jsonl");
        Files.writeString(f, VALID + "\n");
        for (String command : new String[] {"validate", "check"}) {
            CheckCommandTest.Run r = command.equals("check") ? CheckCommandTest.run("check", "--root", tmp.toString(), dir.toString())
                    : CheckCommandTest.run("validate", "--root", tmp.toString(), dir.toString(), f.toString());
            assertTrue(r.err().contains("error[R0207]: `image-quality` 1.0.0 is declared twice"), command + ": " + r.err());
            assertFalse(r.err().contains("0 errors"), r.err());
        }
        CheckCommandTest.Run r = CheckCommandTest.run("validate", "--root", tmp.toString(), dir.toString(), f.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().endsWith("error: no rating was checked\n"), r.err());
    }

    @Test
    void textOutputHasOneLinePerProblemAndASummary(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("r.jsonl");
        Files.writeString(f, VALID + "\n" + VALID.replace("\"overall_quality\":4", "\"overall_quality\":7") + "\n{oops\n");
        CheckCommandTest.Run r = validate(f);
        assertEquals(1, r.status());
        String[] lines = r.out().split("\n");
        assertEquals(f + ":2: /answers/overall_quality: 7 is not a point of \u201COverall quality\u201D: 1 (Very poor), "
                + "2 (Poor), 3 (Acceptable), 4 (Good) or 5 (Excellent)", lines[0]);
        assertTrue(lines[1].startsWith(f + ":3: not valid JSON: "), lines[1]);
        assertEquals("3 ratings: 1 valid, 2 invalid", lines[2]);
    }

    @Test
    void jsonOutputHasOneObjectPerLineValidOnesIncluded(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("r.jsonl");
        Files.writeString(f, VALID + "\n" + VALID.replace("\"1.1.0\"", "\"1.0.0\"") + "\n");
        CheckCommandTest.Run r = validate(f, "--format", "json");
        assertEquals(1, r.status());
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length);
        JsonNode first = new ObjectMapper().readTree(lines[0]), second = new ObjectMapper().readTree(lines[1]);
        assertEquals("{\"line\":1,\"valid\":true,\"violations\":[]}", first.toString());
        assertEquals(2, second.get("line").asInt());
        assertFalse(second.get("valid").asBoolean());
        assertEquals("/version", second.at("/violations/0/path").asText());
        assertEquals("wrong-version", second.at("/violations/0/code").asText());
        assertEquals("this rating was written for version 1.0.0 of image-quality, not for version 1.1.0",
                second.at("/violations/0/message").asText());
    }

    @Test
    void allValidExitsZeroAndStdinWorks() {
        CheckCommandTest.Run r = validateStdin(new ByteArrayInputStream((VALID + "\n" + VALID).getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, r.status(), r.out() + r.err());
        assertEquals("2 ratings: 2 valid, 0 invalid\n", r.out(), "a missing final newline still ends a rating");
    }

    @Test
    void everyLineGetsAVerdictWhateverIsWrongWithIt(@TempDir Path tmp) throws IOException {
        List<String> lines = List.of(
                "\uFEFF" + VALID,                                      // 1: a byte order mark on the first line
                VALID.substring(0, 40),                                // 2: truncated
                "{\"a\":1,\"a\":2}",                                  // 3: duplicate keys
                VALID.replace("4,\"aesthetics\"", "NaN,\"aesthetics\""), // 4: NaN
                VALID.replace("4,\"aesthetics\"", "1e999,\"aesthetics\""), // 5: a number out of every range
                "[".repeat(5000) + "]".repeat(5000),                  // 6: deeply nested
                "",                                                    // 7: empty
                VALID + "\r",                                          // 8: CRLF
                VALID + " " + VALID,                                   // 9: two values on a line
                "\"just a string\"",                                  // 10: not an object
                VALID);                                                // 11: valid, no final newline
        Path f = tmp.resolve("r.jsonl");
        Files.writeString(f, String.join("\n", lines));
        CheckCommandTest.Run r = validate(f, "--format", "json");
        assertEquals(1, r.status());
        List<Boolean> verdicts = new ArrayList<>();
        for (String line : r.out().split("\n")) verdicts.add(new ObjectMapper().readTree(line).get("valid").asBoolean());
        assertEquals(List.of(true, false, false, false, false, false, false, true, false, false, true), verdicts);
    }

    @Test
    void aLineLongerThanTheLimitIsReportedWithoutBeingBuffered() {
        long size = 100L << 20; // a 100 MB line
        InputStream huge = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) return -1;
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        InputStream in = new SequenceInputStream(new ByteArrayInputStream((VALID + "\n").getBytes(StandardCharsets.UTF_8)),
                new SequenceInputStream(huge, new ByteArrayInputStream(("\n" + VALID + "\n").getBytes(StandardCharsets.UTF_8))));
        CheckCommandTest.Run r = validateStdin(in);
        assertEquals(1, r.status());
        assertTrue(r.out().contains("<stdin>:2: the line is longer than 32 MiB"), r.out());
        assertTrue(r.out().endsWith("3 ratings: 2 valid, 1 invalid\n"), r.out());
    }

    @Test
    void aRubricWithErrorsOrAMissingFileExitsTwo(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("bad.rubric");
        Files.writeString(bad, "rubric bad\nversion 1\n");
        Path ratings = tmp.resolve("r.jsonl");
        Files.writeString(ratings, VALID + "\n");
        CheckCommandTest.Run r = CheckCommandTest.run("validate", bad.toString(), ratings.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("no rating was checked"), r.err());
        assertEquals(2, CheckCommandTest.run("validate", RUBRIC, tmp.resolve("missing.jsonl").toString()).status());
        assertEquals(2, CheckCommandTest.run("validate", RUBRIC).status());
    }

    @Test
    void aFolderOfVersionsJudgesEachRatingByTheVersionItNames(@TempDir Path tmp) throws IOException {
        String v100 = Files.readAllLines(Path.of("src/test/resources/migrate/image-edit-to-2.0.0/ratings.jsonl")).get(0);
        String v200 = Files.readAllLines(Path.of("src/test/resources/migrate/image-edit-to-2.0.0/ratings.jsonl")).get(23);
        assertTrue(v100.contains("\"version\":\"1.0.0\"") && v200.contains("\"version\":\"2.0.0\""));
        Path f = tmp.resolve("r.jsonl");
        Files.writeString(f, String.join("\n", v100, v200, v100.replace("\"1.0.0\"", "\"9.9.9\""), "{", VALID) + "\n");
        CheckCommandTest.Run r = CheckCommandTest.run(new String[] {"validate", "rubrics/image-edit", "rubrics/image-quality/1.1.0.rubric",
                f.toString()});
        assertEquals(1, r.status(), r.err());
        List<String> lines = List.of(r.out().split("\n"));
        assertTrue(lines.contains(f + ":3: /version: this rating was written for version 9.9.9 of image-edit, which is not among"
                + " the versions given (1.0.0, 1.1.0, 2.0.0)"), r.out());
        assertEquals(List.of("5 ratings: 3 valid, 2 invalid",
                "  image-edit 1.0.0: 1 rating: 1 valid, 0 invalid",
                "  image-edit 2.0.0: 1 rating: 1 valid, 0 invalid",
                "  image-quality 1.1.0: 1 rating: 1 valid, 0 invalid",
                "  naming no version given: 2 ratings: 0 valid, 2 invalid"), lines.subList(lines.size() - 5, lines.size()));
        CheckCommandTest.Run interpreted = CheckCommandTest.run(new String[] {"validate", "rubrics/image-edit",
                "rubrics/image-quality/1.1.0.rubric", f.toString(), "--engine", "interpreted"});
        assertEquals(r.out(), interpreted.out(), "both engines, same output");
    }

    @Test
    void oneVersionGivenKeepsItsOneLineSummary(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("r.jsonl");
        Files.writeString(f, VALID + "\n" + VALID.replace("\"1.1.0\"", "\"1.0.0\"") + "\n");
        CheckCommandTest.Run r = validate(f);
        assertTrue(r.out().endsWith(f + ":2: /version: this rating was written for version 1.0.0 of image-quality, not for version"
                + " 1.1.0\n2 ratings: 1 valid, 1 invalid\n"), r.out());
    }

    @Test
    void keysAndFileNamesCannotForgeLinesOrReachTheTerminal(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("r\u202E.jsonl");
        String forged = VALID.replace("\"outside_guidelines\":false", "\"outside_guidelines\":false,"
                + "\"x\\n1 rating: 1 valid, 0 invalid\\u001b[2K\\u202e\":1");
        Files.writeString(f, forged + "\n");
        CheckCommandTest.Run r = validate(f);
        assertEquals(1, r.status());
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[0].contains("/answers/x\\n1 rating: 1 valid, 0 invalid\\u001B[2K\\u202E: "), lines[0]);
        assertTrue(lines[0].startsWith(tmp + "/r\\u202E.jsonl:1: "), lines[0]);
        assertFalse(r.out().contains("\u001b") || r.out().contains("\u202e"), "no raw ESC or override");
    }

    @Test
    void aClosedPipeStopsTheRun() {
        long[] served = {0};
        InputStream endless = new InputStream() {
            private byte[] line = ("{\"rubric\":\"x\"}\n").getBytes(StandardCharsets.UTF_8);
            private int pos = line.length;

            @Override
            public int read() {
                if (pos == line.length) {
                    if (served[0] == 10_000_000) return -1;
                    served[0]++;
                    pos = 0;
                }
                return line[pos++];
            }
        };
        java.io.OutputStream closed = new java.io.OutputStream() {
            long written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 4096) throw new IOException("Broken pipe");
            }
        };
        InputStream old = System.in;
        System.setIn(endless);
        try {
            int status = Main.run(new String[] {"validate", RUBRIC, "-", "--engine", "interpreted"},
                    new java.io.PrintWriter(closed, true), new java.io.PrintWriter(java.io.Writer.nullWriter()));
            assertEquals(1, status);
        } finally {
            System.setIn(old);
        }
        assertTrue(served[0] < 100_000, "stopped soon after the pipe closed, not after all 10,000,000 lines: " + served[0]);
    }
}
