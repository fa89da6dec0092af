package org.rubricc.diag;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's table of diagnostic codes lists every code with its severity and summary. */
class ReadmeCodesTest {
    @Test
    void readmeListsEveryCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (Code c : Code.values()) {
            String row = "| " + c.id() + " | " + c.severity().label() + " | " + c.summary() + " |";
            assertTrue(readme.contains(row), "README.md lacks the row: " + row);
        }
    }
}
