package org.rubricc.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.rubricc.cli.Main;

/**
 * {@code rubricc agree} on the bundled example ratings damaged at the byte level (cut, spliced, bytes replaced):
 * it never fails, every line is either used or left out, and the counts add up.
 */
class AgreeFuzzTest {
    static byte[] ratings;
    static Path dir;

    @BeforeContainer
    static void load() throws IOException {
        ratings = Files.readAllBytes(Path.of("rubrics/image-edit/ratings/ratings-2.0.0.jsonl"));
        dir = Files.createTempDirectory("agree-fuzz");
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Property(tries = 60)
    void everyLineIsUsedOrLeftOut(@ForAll("edits") List<int[]> edits) throws IOException {
        byte[] b = ratings.clone();
        for (int[] e : edits) b[e[0] % b.length] = (byte) e[1];
        Path file = dir.resolve("r.jsonl");
        Files.write(file, b);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = Main.run(new String[] {"agree", "rubrics/image-edit/2.0.0.rubric", file.toString(), "--format", "json",
                "--bootstrap", "20", "--gold", "rubrics/image-edit/ratings/gold.jsonl"}, new PrintWriter(out), new PrintWriter(err));
        assertTrue(status == 0 || status == 1, err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        long used = 0;
        for (JsonNode v : j.get("versions")) used += v.get("ratings").asLong();
        long goldLeftOut = j.get("gold").get("leftOut").asLong();
        assertEquals(j.get("lines").asLong(), used + j.get("leftOut").asLong() - goldLeftOut, out.toString());
    }

    @Provide
    Arbitrary<List<int[]>> edits() {
        Arbitrary<int[]> edit = Arbitraries.integers().between(0, Integer.MAX_VALUE)
                .flatMap(pos -> Arbitraries.of((int) '\n', (int) '"', (int) '{', (int) '}', (int) ',', (int) '5', 0, 0xFF, (int) 'x', (int) ':')
                        .map(v -> new int[] {pos, v}));
        return edit.list().ofMinSize(1).ofMaxSize(12);
    }
}
