package org.rubricc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rubricc.diag.TextRenderer;

/** What `rubricc check` says about files that are not rubrics, and about files with very many errors. */
class NotARubricTest {
    @Test
    void theReadmeGivenAsARubricIsOneError() {
        CheckCommandTest.Run r = CheckCommandTest.run("check", "README.md");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("error[R0109]: README.md does not look like a rubric\n"), r.err());
        assertTrue(r.err().endsWith("1 file checked, 1 error, 0 warnings\n"), r.err());
    }

    @Test
    void aRubricWithManyErrorsShowsTheCapAndCountsTheRest(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("many.rubric");
        Files.writeString(f, "rubric many\nversion 1.0.0\ntitle \"M\"\n" + "@\n".repeat(500));
        CheckCommandTest.Run r = CheckCommandTest.run("check", f.toString());
        assertEquals(1, r.status());
        assertEquals(TextRenderer.MAX_ERRORS_PER_FILE, r.err().lines().filter(l -> l.startsWith("error[")).count());
        assertTrue(r.err().contains("note: 450 more errors in "), r.err());
        assertTrue(r.err().endsWith("1 file checked, 500 errors, 0 warnings\n"), r.err());
    }
}
