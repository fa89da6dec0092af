package org.rubricc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rubricc.diff.ChangeRule;

/**
 * Every command the README shows as {@code $ java -jar target/rubricc.jar ...} is run, from the repository's
 * root, and must print exactly what the README shows under it (standard output and error together, as a
 * terminal shows them).
 */
class ReadmeExamplesTest {
    static final String PROMPT = "$ java -jar target/rubricc.jar ";

    record Example(int line, String command, String expected) {}

    static List<Example> examples() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        List<Example> out = new ArrayList<>();
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock || !l.startsWith(PROMPT)) continue;
            StringBuilder expected = new StringBuilder();
            int j = i + 1;
            for (; j < lines.size() && !lines.get(j).startsWith("```") && !lines.get(j).startsWith("$ "); j++) {
                expected.append(lines.get(j)).append('\n');
            }
            out.add(new Example(i + 1, l.substring(PROMPT.length()), expected.toString()));
            i = j - 1;
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyCommandPrintsWhatTheReadmeShows() throws IOException {
        List<Example> examples = examples();
        assertTrue(examples.size() >= 6, "the README's examples were found: " + examples);
        return examples.stream().map(e -> DynamicTest.dynamicTest("README.md:" + e.line() + ": " + e.command(), () -> {
            StringWriter both = new StringWriter();
            PrintWriter w = new PrintWriter(both, true);
            Main.run(e.command().split(" "), w, w);
            assertEquals(e.expected(), both.toString(), "README.md:" + e.line());
        }));
    }

    @Test
    void theReRateLineShownIsTheOneWritten() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        StringWriter sink = new StringWriter();
        Main.run(new String[] {"migrate", "--to", "rubrics/image-edit/2.0.0.rubric", "rubrics/image-edit/examples/ratings.jsonl",
                "-o", "target/migrated-2.0.0"}, new PrintWriter(sink), new PrintWriter(sink));
        String second = Files.readAllLines(Path.of("target/migrated-2.0.0/rerate.jsonl")).get(1);
        assertTrue(readme.contains("```json\n" + second + "\n```"), second);
    }

    @Test
    void theMigrateSectionNamesEveryChangeThatAsksAgainOrLeavesOut() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("### `rubricc migrate`"), readme.indexOf("### `rubricc diff`"));
        String asked = section.substring(section.indexOf("- **Asked again**"), section.indexOf("- `--strict-meaning`"));
        for (ChangeRule r : ChangeRule.values()) {
            boolean listed = asked.contains("`" + r.id() + "`");
            assertEquals(r.carry() == ChangeRule.Carry.RERATE, listed, r.id() + " and the README's list of what is asked again");
        }
        assertTrue(section.contains("(`DIMENSION_REMOVED`)"));
        assertFalse(asked.contains("`DIMENSION_REMOVED`"));
    }
}
