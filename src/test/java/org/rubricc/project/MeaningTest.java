package org.rubricc.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rubricc.check.Frontend;
import org.rubricc.model.Rubric;

/** What changes a version's meaning (what raters read, what validators decide) and what does not (how it is written). */
class MeaningTest {
    @TempDir
    Path tmp;

    static final String BASE = """
            rubric demo
            version 1.0.0
            title "Demo"

            scale quality: ordinal {
              1 "Poor" "Clearly flawed."
              2 "Fair" "Noticeable flaws."
              3 "Good" "No visible flaws."
            }

            section main "Main" {
              dimension a "A" {
                question "How is the a?"
                scale quality
              }
              dimension why "Why" {
                question "Why?"
                scale text { min 0 }
              }
            }
            rule low_needs_why "A low score needs a reason" {
              when a == 1 then require why
            }
            """;

    private String hash(String text) throws IOException {
        Path f = tmp.resolve("r" + System.nanoTime() + ".rubric");
        Files.writeString(f, text);
        Rubric r = new Frontend(tmp).withoutReleaseCheck().check(f).rubric()
                .orElseThrow(() -> new AssertionError("has errors:\n" + text));
        return Meaning.of(r).sha256();
    }

    @Test
    void layoutAndCommentsDoNotChangeTheMeaning() throws IOException {
        String h = hash(BASE);
        assertEquals(h, hash("// a comment\n" + BASE.replace("\n", "\n\n").replace("  ", "\t")));
        assertEquals(h, hash(BASE.replace("1 \"Poor\"", "1.0 \"Poor\"")), "1.0 and 1 are the same point");
    }

    @Test
    void whatRatersReadOrValidatorsDecideChangesTheMeaning() throws IOException {
        String h = hash(BASE);
        assertNotEquals(h, hash(BASE.replace("\"Noticeable flaws.\"", "\"Flaws you notice.\"")), "an anchor");
        assertNotEquals(h, hash(BASE.replace("\"How is the a?\"", "\"How good is the a?\"")), "a question");
        assertNotEquals(h, hash(BASE.replace("a == 1", "a <= 2")), "a rule's condition");
        assertNotEquals(h, hash(BASE.replace("title \"Demo\"", "title \"Demo!\"")), "the title");
        assertNotEquals(h, hash(BASE.replace("version 1.0.0", "version 1.0.1")), "the version");
        assertNotEquals(h, hash(BASE.replace("2 \"Fair\" \"Noticeable flaws.\"", "2 \"Fair\" \"Noticeable flaws.\" formerly 2")),
                "a former value (what migrate does with old ratings)");
    }

    @Test
    void anUnusedScaleDoesNotChangeTheMeaningButAUsedOneIsPartOfIt() throws IOException {
        String h = hash(BASE);
        String extra = BASE.replace("section main", "scale unused: boolean { yes \"Yes\" no \"No\" }\n\nsection main");
        // A scale the rubric itself declares is written in it, so it is part of the file's meaning; only imported
        // scales that nothing uses are left out (a library may grow). Declared ones count:
        assertNotEquals(h, hash(extra));
    }

    static final String LIBRARY = """
            library shared
            title "Shared"
            scale quality: ordinal { 1 "Poor" "" 2 "Fair" "" 3 "Good" "" }
            expect a scale quality
            expect b scale boolean {}
            table b_from_a "B from A" {
              | a    | -> b |
              | 1    | -> false |
              | 2, 3 | -> true |
            }
            """;

    static final String IMPORTER = """
            rubric demo
            version 1.0.0
            title "Demo"
            import "shared.rubric" as common
            section main "Main" {
              dimension a "A" { question "A?" scale common.quality }
              dimension b "B" { question "B?" scale boolean {} }
            }
            """;

    private Meaning meaningWith(String library) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "lib");
        Files.writeString(dir.resolve("shared.rubric"), library);
        Files.writeString(dir.resolve("demo.rubric"), IMPORTER);
        Rubric r = new Frontend(dir).withoutReleaseCheck().check(dir.resolve("demo.rubric")).rubric()
                .orElseThrow(() -> new AssertionError("has errors:\n" + library));
        return Meaning.of(r);
    }

    @Test
    void aSharedTableIsPartOfTheMeaningOfEveryVersionThatImportsIt() throws IOException {
        Meaning m = meaningWith(LIBRARY);
        assertEquals(java.util.Set.of("common.quality", "common.table:b_from_a"), m.scales().keySet());
        assertEquals(m, meaningWith("// reformatted\n" + LIBRARY.replace("| 2, 3 | -> true |", "|  2,3  |  ->  true  |")),
                "how the table is written is not its meaning");
        Meaning edited = meaningWith(LIBRARY.replace("| 1    | -> false |", "| 1    | -> true |"));
        assertNotEquals(m.sha256(), edited.sha256(), "a row's value");
        assertNotEquals(m.scales().get("common.table:b_from_a"), edited.scales().get("common.table:b_from_a"));
        assertEquals(m.scales().get("common.quality"), edited.scales().get("common.quality"));
    }
}
