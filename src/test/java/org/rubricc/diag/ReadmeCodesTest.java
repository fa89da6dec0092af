package org.rubricc.diag;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's tables list every diagnostic code and every violation code. */
class ReadmeCodesTest {
    @Test
    void readmeListsEveryCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (Code c : Code.values()) {
            String row = "| " + c.id() + " | " + c.severity().label() + " | " + c.summary() + " |";
            assertTrue(readme.contains(row), "README.md lacks the row: " + row);
        }
    }

    @Test
    void readmeListsEveryViolationCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (org.rubricc.validate.ViolationCode c : org.rubricc.validate.ViolationCode.values()) {
            String row = "| `" + c.id() + "` | " + c.summary() + " |";
            assertTrue(readme.contains(row), "README.md lacks the row: " + row);
        }
    }
}
