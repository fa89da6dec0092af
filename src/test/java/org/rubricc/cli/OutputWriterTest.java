package org.rubricc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {
    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void writesThroughATemporaryFileAndLeavesNoneBehind(@TempDir Path out) throws IOException {
        OutputWriter w = new OutputWriter(out);
        assertTrue(w.write("r/1.0.0/a.json", "{}\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(w.write("r/1.0.0/a.json", "{\"x\": 1}\n".getBytes(StandardCharsets.UTF_8)), "replaced");
        assertEquals(List.of("r/1.0.0/a.json"), files(out));
        assertArrayEquals("{\"x\": 1}\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out.resolve("r/1.0.0/a.json")));
    }

    @Test
    void filesGetTheModeAnyNewFileGetsUnderTheUmask(@TempDir Path out) throws IOException {
        Path plain = Files.createFile(out.resolve("plain"));
        new OutputWriter(out).write("written.html", "<p>hi</p>".getBytes(StandardCharsets.UTF_8));
        var expected = Files.getPosixFilePermissions(plain);
        assertEquals(expected, Files.getPosixFilePermissions(out.resolve("written.html")), "not 0600 from a temp file");
        CheckCommandTest.Run r = CheckCommandTest.run(new String[] {"migrate", "--to", "rubrics/image-quality/1.1.0.rubric",
                "src/test/resources/migrate/image-quality-1.0.0-to-1.1.0/ratings.jsonl", "-o", out.resolve("m").toString()});
        assertEquals(0, r.status(), r.err());
        assertEquals(expected, Files.getPosixFilePermissions(out.resolve("m/migrated.jsonl")));
    }

    @Test
    void anUnchangedFileIsNotTouched(@TempDir Path out) throws IOException {
        OutputWriter w = new OutputWriter(out);
        byte[] content = "same\n".getBytes(StandardCharsets.UTF_8);
        w.write("a.md", content);
        FileTime old = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(out.resolve("a.md"), old);
        assertFalse(w.write("a.md", content));
        assertEquals(old, Files.getLastModifiedTime(out.resolve("a.md")));
    }

    @Test
    void refusesToWriteOutsideTheOutputFolder(@TempDir Path tmp) {
        OutputWriter w = new OutputWriter(tmp.resolve("out"));
        assertThrows(IOException.class, () -> w.write("../escape.txt", new byte[0]));
        assertFalse(Files.exists(tmp.resolve("escape.txt")));
    }

    @Test
    void anIOErrorPartWayLeavesEveryOutputAsItWasAndNoTemporary(@TempDir Path out) throws IOException {
        OutputWriter w = new OutputWriter(out);
        w.write("a/x.md", "old\n".getBytes(StandardCharsets.UTF_8));
        Files.writeString(out.resolve("b"), "a file where a folder must be\n");
        java.util.Map<String, byte[]> next = new java.util.LinkedHashMap<>();
        next.put("a/x.md", "new\n".getBytes(StandardCharsets.UTF_8));
        next.put("b/y.md", "new\n".getBytes(StandardCharsets.UTF_8));
        OutputWriter.WriteFailure f = assertThrows(OutputWriter.WriteFailure.class, () -> w.writeAll(next));
        assertEquals("old\n", Files.readString(out.resolve("a/x.md")), "a was written to its temporary, never renamed");
        assertEquals(List.of("a/x.md", "b"), files(out), "no temporary is left");
        assertTrue(f.describe().startsWith("cannot write " + out.resolve("b/y.md")), f.describe());
        assertTrue(f.describe().endsWith("; no output file was changed"), f.describe());
    }

    @Test
    void temporariesAKilledRunLeftAreRemovedByTheNextCompile(@TempDir Path out) throws IOException {
        Path left = Files.createDirectories(out.resolve("image-quality/1.0.0")).resolve(".guidelines.md.k2j4h9x0a1.tmp");
        Files.writeString(left, "half a fi");
        Path mine = out.resolve("image-quality/notes.tmp"); // not a name rubricc gives: kept
        Files.writeString(mine, "the user's\n");
        CheckCommandTest.Run r = CheckCommandTest.run("compile", "rubrics/image-quality/1.0.0.rubric", "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertFalse(Files.exists(left));
        assertTrue(Files.exists(mine));
        assertTrue(files(out).stream().noneMatch(f -> f.endsWith(".tmp") && !f.endsWith("notes.tmp")), files(out).toString());
    }

    @Test
    void aSecondCompileIntoTheSameFolderWaitsForTheFirst(@TempDir Path out) throws Exception {
        java.io.StringWriter said = new java.io.StringWriter();
        Process proc;
        try (OutputWriter held = OutputWriter.lock(out, new java.io.PrintWriter(said))) {
            proc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.rubricc.cli.Main",
                    "compile", "rubrics/image-quality/1.0.0.rubric", "-o", out.toString())
                    .redirectErrorStream(true).start();
            proc.getOutputStream().close();
            java.io.BufferedReader lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8));
            String first = lines.readLine();
            assertEquals("waiting for another rubricc that is writing to " + out.toAbsolutePath().normalize() + " ...", first);
            assertFalse(proc.waitFor(300, java.util.concurrent.TimeUnit.MILLISECONDS), "it waits while the folder is locked");
            assertEquals(List.of(OutputWriter.LOCK_FILE), files(out), "and has written nothing");
            held.close();
            String rest = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(proc.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(0, proc.exitValue(), rest);
            assertTrue(rest.contains("compiled 1 rubric version into"), rest);
        }
        assertTrue(files(out).contains("image-quality/1.0.0/guidelines.md"));
        assertEquals("", said.toString(), "the first writer did not wait");
    }
}
