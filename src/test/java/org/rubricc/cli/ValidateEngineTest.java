package org.rubricc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rubricc.model.Rubric;
import org.rubricc.validate.DifferentialTestSupport;
import org.rubricc.validate.SubmissionGenerator;

/** {@code rubricc validate --engine generated|interpreted}: the same output, byte for byte, in both formats. */
class ValidateEngineTest {

    static void assertSameOutput(Path rubric, Path ratings) {
        for (String format : List.of("text", "json")) {
            CheckCommandTest.Run generated = CheckCommandTest.run("validate", rubric.toString(), ratings.toString(), "--format", format,
                    "--engine", "generated");
            CheckCommandTest.Run interpreted = CheckCommandTest.run("validate", rubric.toString(), ratings.toString(), "--format", format,
                    "--engine", "interpreted");
            CheckCommandTest.Run byDefault = CheckCommandTest.run("validate", rubric.toString(), ratings.toString(), "--format", format);
            assertEquals(interpreted.out(), generated.out(), format);
            assertEquals(interpreted.status(), generated.status(), format);
            assertEquals(interpreted.out(), byDefault.out(), format);
            assertEquals("", generated.err() + interpreted.err() + byDefault.err());
            assertTrue(interpreted.out().length() > 100, interpreted.out());
        }
    }

    /**
     * A runtime without a Java compiler (a JRE, or an image without the java.compiler module) uses the
     * interpreted engine by default, says so once, and writes the same output; asking for the generated
     * engine there is a clear error. Run in a JVM whose modules are limited, as such a runtime would be.
     */
    @Test
    void withoutACompilerTheInterpretedEngineJudges(@TempDir Path tmp) throws Exception {
        Path ratings = tmp.resolve("ratings.jsonl");
        Files.writeString(ratings, ValidateCommandTest.VALID + "\n{\"a\":1}\n", StandardCharsets.UTF_8);
        String rubric = "rubrics/image-quality/1.1.0.rubric";
        CheckCommandTest.Run expected = CheckCommandTest.run("validate", rubric, ratings.toString(), "--engine", "interpreted");
        for (String modules : List.of("java.base,java.compiler", "java.base")) {
            Process byDefault = javaWithModules(modules, "validate", rubric, ratings.toString());
            assertEquals(expected.out(), new String(byDefault.getInputStream().readAllBytes(), StandardCharsets.UTF_8), modules);
            assertEquals("note: no Java compiler in this runtime; using the interpreted engine\n",
                    new String(byDefault.getErrorStream().readAllBytes(), StandardCharsets.UTF_8), modules);
            assertEquals(expected.status(), byDefault.waitFor(), modules);

            Process generated = javaWithModules(modules, "validate", rubric, ratings.toString(), "--engine", "generated");
            assertEquals("", new String(generated.getInputStream().readAllBytes(), StandardCharsets.UTF_8), modules);
            assertEquals("error: no Java compiler in this runtime (a JDK is needed, not a JRE)\n",
                    new String(generated.getErrorStream().readAllBytes(), StandardCharsets.UTF_8), modules);
            assertEquals(2, generated.waitFor(), modules);
        }
    }

    private static Process javaWithModules(String modules, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--limit-modules", modules, "-cp", System.getProperty("java.class.path"), "org.rubricc.cli.Main"));
        command.addAll(List.of(args));
        // Small outputs: reading stdout, then stderr, cannot block on a full pipe.
        return new ProcessBuilder(command).start();
    }

    @Test
    void bothEnginesWriteTheSameOutputOnGeneratedRatings(@TempDir Path tmp) throws IOException {
        Rubric r = DifferentialTestSupport.bundled().stream().filter(x -> x.toString().equals("image-edit@2.0.0")).findFirst().orElseThrow();
        SubmissionGenerator gen = new SubmissionGenerator(r, 3);
        Random random = new Random(3);
        List<String> lines = new ArrayList<>();
        for (int i = 0; lines.size() < 3000; i++) {
            SubmissionGenerator.Mutation kind = SubmissionGenerator.Mutation.values()[i % SubmissionGenerator.Mutation.values().length];
            gen.sample(kind).ifPresent(s -> {
                String line = s.submission().toString();
                int cut = random.nextInt(line.length());
                if (cut > 0 && Character.isHighSurrogate(line.charAt(cut - 1))) cut--;
                lines.add(random.nextInt(10) == 0 ? line.substring(0, cut) : line);
            });
        }
        Path f = tmp.resolve("ratings.jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        assertSameOutput(Path.of("rubrics/image-edit/2.0.0.rubric"), f);
    }

    /**
     * The default engine judges the first lines with the runtime validator and the rest with the generated one: on
     * a file whose lines cross the switch (the compiler started after 500 lines, and waited for by line 1,000 at the latest),
     * every verdict is the one each engine alone gives, line by line and in order.
     */
    @Test
    void theSwitchingEngineJudgesAsBothEnginesAcrossTheSwitch() throws Exception {
        Rubric r = DifferentialTestSupport.bundled().stream().filter(x -> x.toString().equals("image-edit@2.0.0")).findFirst().orElseThrow();
        SubmissionGenerator gen = new SubmissionGenerator(r, 5);
        List<String> lines = new ArrayList<>();
        for (int i = 0; lines.size() < 2000; i++) {
            SubmissionGenerator.Mutation kind = SubmissionGenerator.Mutation.values()[i % SubmissionGenerator.Mutation.values().length];
            gen.sample(kind).ifPresent(s -> lines.add(s.submission().toString()));
            if (i % 97 == 0) lines.add(i % 2 == 0 ? "{\"answers\":" : "not json");
        }
        byte[] file = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        Judges.Judge generated = Judges.of(r, Judges.Engine.generated);
        Judges.Judge interpreted = Judges.of(r, Judges.Engine.interpreted);
        Judges.Switching switching = new Judges.Switching(r, 500, 0, -1);
        int n = 0, before = 0;
        try (org.rubricc.validate.RatingsReader reader = new org.rubricc.validate.RatingsReader(new java.io.ByteArrayInputStream(file))) {
            for (org.rubricc.validate.RatingsReader.RawLine line; (line = reader.nextRaw()) != null; n++) {
                if (n == 1000) assertTrue(switching.awaitCompiled(), "the generated validator compiles");
                if (!switching.switched()) before++;
                List<org.rubricc.validate.Violation> expected = interpreted.judge(line);
                assertEquals(expected, generated.judge(line), "line " + line.number());
                assertEquals(expected, switching.judge(line), "line " + line.number());
            }
        }
        // 500 when the machine is busy (the runtime validator then waits for the compiler), else 500 to 1,000
        assertTrue(before >= 500 && before <= 1000, before + " of " + n + " lines judged before the switch");
        assertTrue(switching.switched());
    }

    /**
     * Compiling pays off only on long inputs: the default engine compiles when, 2,000 lines in, the rest of the file
     * (by its size and the bytes per line so far) holds at least 300,000 lines, and not for a shorter file.
     */
    @Test
    void theSwitchingEngineCompilesOnlyForALongInput() throws Exception {
        Rubric r = DifferentialTestSupport.bundled().stream().filter(x -> x.toString().equals("image-edit@2.0.0")).findFirst().orElseThrow();
        String line = ValidateCommandTest.VALID;
        byte[] file = (line + "\n").repeat(3000).getBytes(StandardCharsets.UTF_8);
        Judges.Switching small = new Judges.Switching(r, 2000, 300_000, file.length);
        Judges.Switching large = new Judges.Switching(r, 2000, 300_000, (long) file.length * 101); // 303,000 lines
        Judges.Switching stream = new Judges.Switching(r, 2000, 300_000, -1);
        try (org.rubricc.validate.RatingsReader reader = new org.rubricc.validate.RatingsReader(new java.io.ByteArrayInputStream(file))) {
            int n = 0;
            for (org.rubricc.validate.RatingsReader.RawLine raw; (raw = reader.nextRaw()) != null; n++) {
                small.judge(raw);
                large.judge(raw);
                stream.judge(raw);
                if (n == 1998) assertTrue(!large.compiling(), "not before 2,000 lines");
            }
        }
        assertTrue(!small.compiling(), "3,000 lines do not repay compiling");
        assertTrue(!stream.compiling(), "nor 3,000 lines of a stream");
        assertTrue(large.compiling(), "303,000 lines do");
    }

    @Test
    void bothEnginesWriteTheSameOutputOnBrokenLines(@TempDir Path tmp) throws IOException {
        String valid = ValidateCommandTest.VALID;
        List<String> lines = List.of("\uFEFF" + valid, valid.substring(0, 40), "{\"a\":1,\"a\":2}",
                valid.replace("4,\"aesthetics\"", "NaN,\"aesthetics\""), valid.replace("4,\"aesthetics\"", "1e999,\"aesthetics\""),
                valid.replace("4,\"aesthetics\"", "1e99999999999,\"aesthetics\""), "[".repeat(5000) + "]".repeat(5000), "",
                valid + "\r", valid + " " + valid, "\"just a string\"", valid.replace("\"i1\"", "\"line\\u2028break\\n\""),
                valid.replace("\"overall_quality\":4", "\"overall_quality\":{\"x\":[1,2.50]}"), valid);
        Path f = tmp.resolve("broken.jsonl");
        Files.writeString(f, String.join("\n", lines), StandardCharsets.UTF_8);
        assertSameOutput(Path.of(ValidateCommandTest.RUBRIC), f);
    }

    @Test
    void anUnknownEngineIsAUsageError(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("r.jsonl");
        Files.writeString(f, ValidateCommandTest.VALID + "\n");
        CheckCommandTest.Run r = CheckCommandTest.run("validate", ValidateCommandTest.RUBRIC, f.toString(), "--engine", "fast");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("generated, interpreted"), r.err());
    }
}
