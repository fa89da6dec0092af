package org.rubricc.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison. Run the tests with {@code -Drubricc.updateGolden=true} to rewrite the
 * expected files from the current output (then review the diff before committing).
 */
public final class Golden {
    private Golden() {}

    public static boolean updating() {
        return Boolean.getBoolean("rubricc.updateGolden");
    }

    public static void assertMatches(Path expectedFile, String actual) throws IOException {
        if (updating()) {
            Files.createDirectories(expectedFile.getParent());
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(expectedFile)) {
            fail("no expected output " + expectedFile + "; run with -Drubricc.updateGolden=true to create it. Actual:\n" + actual);
        }
        assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, "output differs from " + expectedFile);
    }
}
