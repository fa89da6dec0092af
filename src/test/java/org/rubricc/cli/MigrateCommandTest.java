package org.rubricc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.rubricc.testing.Golden;

/**
 * `rubricc migrate` end to end. Golden cases are folders under src/test/resources/migrate: {@code args} (the
 * command's arguments, one per line, without RATINGS and -o), {@code ratings.jsonl}, and the expected
 * {@code stdout.txt} and four output files.
 */
class MigrateCommandTest {
    static final Path CASES = Path.of("src/test/resources/migrate");
    static final ObjectMapper JSON = new ObjectMapper();

    static CheckCommandTest.Run migrate(String... args) {
        List<String> all = new ArrayList<>(List.of("migrate"));
        Collections.addAll(all, args);
        return CheckCommandTest.run(all.toArray(String[]::new));
    }

    @TestFactory
    Stream<DynamicTest> goldenCases(@TempDir Path tmp) throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(CASES)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            Path out = tmp.resolve(dir.getFileName().toString());
            List<String> args = new ArrayList<>(Files.readAllLines(dir.resolve("args")));
            args.add(dir.resolve("ratings.jsonl").toString());
            args.addAll(List.of("-o", out.toString()));
            CheckCommandTest.Run r = migrate(args.toArray(String[]::new));
            assertEquals("", r.err());
            Golden.assertMatches(dir.resolve("stdout.txt"), r.out().replace(out.toString(), "OUT") + "exit " + r.status() + "\n");
            for (String f : MigrateCommand.FILES) {
                Golden.assertMatches(dir.resolve(f), Files.readString(out.resolve(f), StandardCharsets.UTF_8));
            }
            accountsForEveryLine(dir.resolve("ratings.jsonl"), out);
        }));
    }

    /** Every input line is in exactly one of the three outcome files, each in input order. */
    static void accountsForEveryLine(Path ratings, Path out) throws IOException {
        long lines;
        try (Stream<String> s = Files.lines(ratings)) {
            lines = s.count();
        }
        List<Long> seen = new ArrayList<>();
        for (String f : List.of("rerate.jsonl", "rejected.jsonl")) {
            List<Long> numbers = new ArrayList<>();
            for (String l : Files.readAllLines(out.resolve(f))) numbers.add(JSON.readTree(l).get("line").asLong());
            assertEquals(numbers.stream().sorted().toList(), numbers, f + " keeps the input order");
            seen.addAll(numbers);
        }
        long migrated = Files.readAllLines(out.resolve("migrated.jsonl")).size();
        assertEquals(lines, seen.size() + migrated, "every line ends in exactly one file");
        assertEquals(seen.size(), seen.stream().distinct().count(), "no line twice");
    }

    @Test
    void migratedRatingsAreValidUnderTheNewVersion(@TempDir Path tmp) throws IOException {
        Path dir = CASES.resolve("image-edit-1.0.0-to-1.1.0");
        CheckCommandTest.Run r = migrate("--from", "rubrics/image-edit/1.0.0.rubric", "--to", "rubrics/image-edit/1.1.0.rubric",
                dir.resolve("ratings.jsonl").toString(), "-o", tmp.toString());
        assertEquals(1, r.status(), r.err());
        CheckCommandTest.Run v = CheckCommandTest.run(new String[] {"validate", "rubrics/image-edit/1.1.0.rubric",
                tmp.resolve("migrated.jsonl").toString()});
        assertEquals(0, v.status(), v.out());
        assertTrue(v.out().matches("(?s)\\d+ ratings: \\d+ valid, 0 invalid\n"), v.out());
    }

    @Test
    void usageProblemsExitTwoAndWriteNothing(@TempDir Path tmp) throws IOException {
        Path ratings = tmp.resolve("r.jsonl");
        Files.writeString(ratings, "{}\n");
        Path out = tmp.resolve("out");
        CheckCommandTest.Run missing = migrate("--to", "rubrics/image-edit/9.rubric", ratings.toString(), "-o", out.toString());
        assertEquals(2, missing.status());
        assertEquals("error: no such rubric file: rubrics/image-edit/9.rubric\n", missing.err());
        CheckCommandTest.Run backwards = migrate("--from", "rubrics/image-edit/2.0.0.rubric", "--to", "rubrics/image-edit/1.1.0.rubric",
                ratings.toString(), "-o", out.toString());
        assertEquals(2, backwards.status());
        assertTrue(backwards.err().contains("is newer than"), backwards.err());
        CheckCommandTest.Run other = migrate("--from", "rubrics/image-quality/1.0.0.rubric", "--to", "rubrics/image-edit/2.0.0.rubric",
                ratings.toString(), "-o", out.toString());
        assertEquals(2, other.status());
        assertTrue(other.err().contains("ratings migrate between versions of one rubric"), other.err());
        CheckCommandTest.Run noRatings = migrate("--to", "rubrics/image-edit/2.0.0.rubric", tmp.resolve("none.jsonl").toString(),
                "-o", out.toString());
        assertEquals(2, noRatings.status());
        assertTrue(noRatings.err().contains("no such file"), noRatings.err());
        CheckCommandTest.Run broken = migrate("--to", "src/test/resources/cli/broken.rubric", ratings.toString(), "-o", out.toString());
        assertEquals(2, broken.status());
        assertTrue(broken.err().contains("has errors"), broken.err());
        assertFalse(Files.exists(out.resolve("migrated.jsonl")));
    }

    @Test
    void outputIsTheSameOnEveryRun(@TempDir Path tmp) throws IOException {
        Path ratings = CASES.resolve("image-edit-to-2.0.0/ratings.jsonl");
        for (String run : List.of("a", "b")) {
            migrate("--to", "rubrics/image-edit/2.0.0.rubric", ratings.toString(), "-o", tmp.resolve(run).toString());
        }
        for (String f : MigrateCommand.FILES) {
            assertEquals(Files.readString(tmp.resolve("a").resolve(f)), Files.readString(tmp.resolve("b").resolve(f)), f);
        }
    }

    @Test
    void reRateLinesSayWhatToAnswerAgainAndWhy(@TempDir Path tmp) throws IOException {
        Path ratings = tmp.resolve("r.jsonl");
        // Made under 1.0.0 with a 35-character justification for "Weak": 1.1.0 needs 40, and 2.0.0 merges Weak into Ignored.
        Files.writeString(ratings, "{\"rubric\":\"image-edit\",\"version\":\"1.0.0\",\"item\":\"t1\",\"rater\":\"r1\",\"answers\":"
                + "{\"feasibility\":\"feasible\",\"unsafe\":false,\"identical\":false,\"style_change\":false,\"character_present\":false,"
                + "\"adherence\":2,\"structure\":4,\"preservation\":4,\"visual_quality\":4,\"overall\":3},"
                + "\"justifications\":{\"adherence\":\"Only the hat is there, on the wrong man\"}}\n");
        CheckCommandTest.Run r = migrate("--to", "rubrics/image-edit/2.0.0.rubric", ratings.toString(), "-o", tmp.resolve("o").toString());
        assertEquals(1, r.status(), r.err());
        JsonNode line = JSON.readTree(Files.readString(tmp.resolve("o/rerate.jsonl")));
        assertEquals(1, line.at("/rating/answers/adherence").asInt(), "Weak is merged into Ignored");
        assertEquals(4, line.at("/rating/answers/structural_integrity").asInt(), "structure is renamed");
        List<String> reasons = new ArrayList<>();
        line.get("rerate").forEach(x -> reasons.add(x.get("dimension").asText() + " " + x.get("field").asText() + " "
                + x.get("change").asText() + " " + x.get("step").asText()));
        assertEquals(List.of("adherence justification JUSTIFICATION_CHANGED 1.0.0 -> 1.1.0",
                "text_present answer DIMENSION_ADDED_REQUIRED 1.1.0 -> 2.0.0",
                "text_rendering answer DIMENSION_ADDED_REQUIRED 1.1.0 -> 2.0.0"), reasons);
        assertEquals("Only the hat is there, on the wrong man", line.at("/rating/justifications/adherence").asText(),
                "the old justification stays, to be lengthened");
    }
}
