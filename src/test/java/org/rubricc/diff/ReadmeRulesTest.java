package org.rubricc.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's table of change rules lists every rule, with its class and summary, and nothing else. */
class ReadmeRulesTest {
    @Test
    void readmeListsEveryRuleWithItsClass() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (ChangeRule r : ChangeRule.values()) {
            String row = "| `" + r.id() + "` | " + r.changeClass().label() + " | " + r.summary() + " |";
            assertTrue(readme.contains(row), "README.md lacks the row: " + row);
        }
        List<String> listed = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\| (breaking|recalibrate|cosmetic) \\|").matcher(readme);
        while (m.find()) listed.add(m.group(1));
        assertEquals(java.util.Arrays.stream(ChangeRule.values()).map(ChangeRule::id).toList(), listed,
                "the README's rule table lists exactly the rules, in the order of ChangeRule");
    }
}
