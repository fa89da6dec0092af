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
}
