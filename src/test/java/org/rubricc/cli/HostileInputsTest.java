package org.rubricc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rubricc.check.Frontend;

/**
 * Inputs that must end in a clear diagnostic (issue 17, items 6 and 10): oversized rubric files, given or imported,
 * refused before they are read; pipes; a rubric named twice; reasons in I/O messages; malformed versions; two
 * dimensions claiming one former id.
 */
class HostileInputsTest {
    static CheckCommandTest.Run run(String... args) {
        return CheckCommandTest.run(args);
    }

    static final String SMALL = """
            rubric t
            version 1.0.0
            title "T"
            item { x: text "X" "x" }
            section s "S" {
              dimension d "D" {
                question "Q?"
                scale boolean {}
              }
            }
            """;

    static void sparse(Path f, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(size);
        }
    }

    @Test
    void anOversizedRubricIsRefusedWithADiagnostic(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.rubric");
        sparse(big, 300_000_000L);
        CheckCommandTest.Run r = run("check", big.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("error[R0107]: cannot read " + big + ": it is 300,000,000 bytes, more than a rubric file may have"
                + " (16,777,216 bytes, 16 MiB)"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void anOversizedImportIsRefusedWithADiagnostic(@TempDir Path dir) throws IOException {
        sparse(dir.resolve("huge.rubric"), Frontend.MAX_FILE + 1L);
        Files.writeString(dir.resolve("r.rubric"), SMALL.replace("item {", "import \"huge.rubric\" as h\nitem {"));
        CheckCommandTest.Run r = run("check", "--root", dir.toString(), dir.resolve("r.rubric").toString());
        assertTrue(r.err().contains("huge.rubric: it is 16,777,217 bytes, more than a rubric file may have"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertTrue(r.status() != 0);
    }

    @Test
    void aFileOfExactlyTheLimitIsRead(@TempDir Path dir) throws IOException {
        byte[] b = new byte[Frontend.MAX_FILE];
        java.util.Arrays.fill(b, (byte) ' ');
        byte[] head = SMALL.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, b, 0, head.length);
        Files.write(dir.resolve("full.rubric"), b);
        CheckCommandTest.Run r = run("check", dir.resolve("full.rubric").toString());
        assertEquals(0, r.status(), r.err());
    }

    /** The case: a 300 MB rubric under -Xmx256m, in a JVM of its own. */
    @Test
    void aThreeHundredMegabyteRubricUnderASmallHeapEndsInADiagnostic(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.rubric");
        // Real bytes, not a sparse file: the check must not depend on how the size is known.
        try (var out = Files.newOutputStream(big)) {
            byte[] chunk = ("// " + "x".repeat(1020) + "\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 300_000_000 / chunk.length; i++) out.write(chunk);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.rubricc.cli.Main",
                "compile", big.toString(), "-o", dir.resolve("out").toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), text);
        assertTrue(text.contains("error[R0107]") && text.contains("more than a rubric file may have"), text);
        assertFalse(text.contains("Exception") || text.contains("OutOfMemory"), text);
        Files.delete(big);
    }

    @Test
    void aPipeIsNotAMissingFile(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo.rubric");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        CheckCommandTest.Run r = run("check", fifo.toString());
        assertEquals(2, r.status());
        assertEquals("error: " + fifo + " is not a file or a folder (a pipe, device or socket): rubrics are read from files\n",
                r.err());
    }

    @Test
    void theSameRubricNamedTwiceIsReadOnce(@TempDir Path dir) throws IOException {
        Path rubrics = dir.resolve("rubrics");
        Files.createDirectories(rubrics);
        Files.writeString(rubrics.resolve("t.rubric"), SMALL);
        Files.createSymbolicLink(dir.resolve("link.rubric"), rubrics.resolve("t.rubric"));
        for (String[] args : List.of(
                new String[] {rubrics.toString(), rubrics.resolve("t.rubric").toAbsolutePath().toString()},
                new String[] {rubrics.toString(), dir.resolve("link.rubric").toString()},
                new String[] {rubrics.resolve("t.rubric").toString(), rubrics.resolve("./t.rubric").toString()})) {
            List<String> compile = new ArrayList<>(List.of("compile", "--target", "docs", "-o", dir.resolve("out").toString(),
                    "--root", dir.toString()));
            compile.addAll(List.of(args));
            CheckCommandTest.Run r = run(compile.toArray(String[]::new));
            assertEquals(0, r.status(), String.join(" ", args) + "\n" + r.err());
            assertFalse(r.err().contains("both declare"), r.err());
            assertTrue(r.err().startsWith("compiled 1 rubric version"), r.err());
        }
    }

    @Test
    void ioMessagesGiveTheReason(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("r.rubric"), SMALL);
        Files.createDirectories(dir.resolve("ratings.jsonl"));
        CheckCommandTest.Run r = run("validate", dir.resolve("r.rubric").toString(), dir.resolve("ratings.jsonl").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("cannot read " + dir.resolve("ratings.jsonl") + ": is a directory"), r.err());
        // An output folder that is a file.
        Files.writeString(dir.resolve("out"), "x");
        CheckCommandTest.Run c = run("compile", dir.resolve("r.rubric").toString(), "-o", dir.resolve("out").toString(),
                "--target", "docs");
        assertEquals(2, c.status());
        assertTrue(c.err().matches("(?s)error: cannot write to .*out: [a-z].*\n"), c.err());
        assertFalse(c.err().matches("(?s).*: [^:]*" + java.util.regex.Pattern.quote(dir.resolve("out").toString()) + "\n"), c.err());
    }

    @Test
    void aMalformedVersionIsOneErrorAboutTheVersion(@TempDir Path dir) throws IOException {
        for (String v : List.of("1.0.0+", "1.0.0-", "1.0.0.1", "1.0.0+a+b", "1.0.0-rc..1")) {
            Files.writeString(dir.resolve("r.rubric"), SMALL.replace("1.0.0", v));
            CheckCommandTest.Run r = run("check", "--format", "json", dir.resolve("r.rubric").toString());
            assertEquals(1, r.status(), v);
            var ds = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
            assertEquals(1, ds.size(), v + ": " + r.out());
            assertEquals("R0201", ds.get(0).get("code").asText(), v);
            assertEquals("`" + v + "` is not a semantic version", ds.get(0).get("message").asText());
        }
    }

    @Test
    void twoDimensionsClaimingOneFormerIdAreAnError(@TempDir Path dir) throws IOException {
        String two = SMALL.replace("    scale boolean {}\n  }\n", "    scale boolean {}\n    formerly a\n  }\n"
                + "  dimension e \"E\" {\n    question \"Q?\"\n    scale boolean {}\n    formerly a\n  }\n");
        Files.writeString(dir.resolve("r.rubric"), two);
        CheckCommandTest.Run r = run("check", dir.resolve("r.rubric").toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("error[R0301]: dimension `e` and dimension `d` both say `formerly a`"), r.err());
        // One dimension and one section may both have been `a`: they are different kinds.
        Files.writeString(dir.resolve("r.rubric"), SMALL.replace("section s \"S\" {\n", "section s \"S\" {\n  formerly a\n")
                .replace("    scale boolean {}\n  }\n", "    scale boolean {}\n    formerly a\n  }\n"));
        assertEquals(0, run("check", dir.resolve("r.rubric").toString()).status());
    }
}
