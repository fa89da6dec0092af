package org.rubricc.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.rubricc.cli.Main;

/**
 * `rubricc migrate` on damaged ratings files and random bytes: it never fails with a usage error or a stack
 * trace, and every input line ends in exactly one of the three outcome files, in input order.
 */
class MigrateFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    Path dir;

    @BeforeProperty
    void makeDir() throws IOException {
        dir = Files.createTempDirectory(Path.of("target"), "migrate-fuzz");
    }

    @AfterProperty
    void removeDir() throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 60)
    void damagedFilesAreAccountedForLineByLine(@ForAll("seeds") long seed) {
        byte[] bytes = FuzzCorpora.damagedFile(0, seed); // image-edit 2.0.0 ratings, damaged
        assertTimeoutPreemptively(ValidateFuzzTest.LIMIT, () -> migrate(bytes, "rubrics/image-edit/2.0.0.rubric"));
    }

    @Property(tries = 60)
    void randomBytesAreAccountedForLineByLine(@ForAll byte[] bytes) {
        assertTimeoutPreemptively(ValidateFuzzTest.LIMIT, () -> migrate(bytes, "rubrics/image-edit/2.0.0.rubric"));
    }

    private void migrate(byte[] bytes, String to) throws IOException {
        Path ratings = dir.resolve("ratings.jsonl"), out = dir.resolve("out");
        Files.write(ratings, bytes);
        StringWriter o = new StringWriter(), e = new StringWriter();
        int status = Main.run(new String[] {"migrate", "--to", to, ratings.toString(), "-o", out.toString(), "--engine", "interpreted"},
                new PrintWriter(o), new PrintWriter(e));
        assertTrue(status == 0 || status == 1, "exit " + status + ": " + e);
        assertEquals("", e.toString());
        int lines = ValidateFuzzTest.expectedLines(bytes);
        List<Long> numbers = new ArrayList<>();
        for (String f : List.of("rerate.jsonl", "rejected.jsonl")) {
            for (String l : Files.readAllLines(out.resolve(f))) numbers.add(JSON.readTree(l).get("line").asLong());
        }
        long migrated = Files.readAllLines(out.resolve("migrated.jsonl")).size();
        assertEquals(lines, numbers.size() + migrated, "every line in exactly one file: " + o);
        assertEquals(numbers.size(), numbers.stream().distinct().count(), "no line twice");
        assertTrue(o.toString().startsWith(lines + (lines == 1 ? " rating in " : " ratings in ")), o.toString());
    }
}
