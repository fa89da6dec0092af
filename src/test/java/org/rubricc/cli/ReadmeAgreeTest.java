package org.rubricc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's "`rubricc agree`" example is the tool's real output: the command shown is run, and the part of its
 * report shown must appear in it exactly as shown. (The report is too long to show whole under a `$ java -jar`
 * prompt, whose examples {@link ReadmeExamplesTest} compares in full.)
 */
class ReadmeAgreeTest {
    @Test
    void theReadmeExampleIsWhatTheToolPrints() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("### `rubricc agree`");
        assertTrue(section >= 0, "README has a section on rubricc agree");
        String prompt = "```sh\njava -jar target/rubricc.jar ";
        int command = readme.indexOf(prompt, section);
        String[] args = readme.substring(command + prompt.length(), readme.indexOf('\n', command + prompt.length())).split(" ");
        int open = readme.indexOf("```markdown\n", command);
        String shown = readme.substring(open + "```markdown\n".length(), readme.indexOf("\n```", open) + 1);
        CheckCommandTest.Run run = CheckCommandTest.run(args);
        assertEquals(1, run.status(), run.err());
        assertFalse(shown.isBlank());
        assertTrue(run.out().contains(shown), "README shows output the tool does not print:\n" + shown);
    }

    @Test
    void theCommandTableListsAgree() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("| `rubricc agree RUBRIC RATINGS...` |"));
    }
}
