package org.rubricc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "`rubricc agree`" example is the tool's real output: the command shown is run, and every part of
 * the output shown (parts are separated by a line "…") must appear in its output exactly as shown.
 */
class ReadmeAgreeTest {
    @Test
    void theReadmeExampleIsWhatTheToolPrints() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("### `rubricc agree`");
        assertTrue(section >= 0, "README has a section on rubricc agree");
        int open = readme.indexOf("```\n$ java -jar target/rubricc.jar agree ", section);
        int close = readme.indexOf("\n```", open + 4);
        List<String> lines = List.of(readme.substring(open + 4, close).split("\n", -1));
        String[] args = lines.get(0).substring("$ java -jar target/rubricc.jar ".length()).split(" ");
        CheckCommandTest.Run run = CheckCommandTest.run(args);
        assertEquals(1, run.status(), run.err());
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            if (line.equals("…")) {
                if (part.length() > 0) parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(line).append('\n');
            }
        }
        if (part.length() > 0) parts.add(part.toString());
        assertFalse(parts.isEmpty());
        for (String p : parts) assertTrue(run.out().contains(p), "README shows output the tool does not print:\n" + p);
    }

    @Test
    void theCommandTableListsAgree() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("| `rubricc agree RUBRIC RATINGS...` |"));
    }
}
