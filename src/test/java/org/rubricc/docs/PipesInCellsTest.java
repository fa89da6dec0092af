package org.rubricc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.model.Rubric;

/**
 * Rubric prose in a table cell (a point's anchor) stays in its cell whatever pipes and backslashes it holds:
 * {@code \|} in an anchor once added a cell in both guidelines.md and guidelines.html.
 */
class PipesInCellsTest {
    static Rubric rubric(String anchor) throws IOException {
        Path dir = Files.createTempDirectory("pipes");
        try {
            String quoted = anchor.replace("\\", "\\\\").replace("\"", "\\\"");
            Files.writeString(dir.resolve("p.rubric"), """
                    rubric p
                    version 1.0.0
                    title "P"
                    item { x: text "X" "x" }
                    section s "S" {
                      dimension d "D" {
                        question "Q?"
                        scale ordinal { 1 "One" "ANCHOR" 2 "Two" "two" }
                      }
                    }
                    """.replace("ANCHOR", quoted));
            Compilation c = new Frontend(dir).check(dir.resolve("p.rubric"));
            return c.rubric().orElseThrow(() -> new AssertionError(anchor + ": " + c.diagnostics()));
        } finally {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    private static final Pattern ROW = Pattern.compile("<tr><td>1</td>(.*?)</tr>");

    /** The cells of point 1's row in an HTML page. */
    static int cellsOfPointOne(String html) {
        Matcher m = ROW.matcher(html);
        assertTrue(m.find(), html);
        return 1 + m.group(1).split("<td", -1).length - 1;
    }

    static void assertThreeCells(String anchor) throws IOException {
        Rubric r = rubric(anchor);
        assertEquals(3, cellsOfPointOne(DocsTarget.html(r)), "html, anchor " + anchor);
        assertEquals(3, cellsOfPointOne(LinkSafetyTest.renderAnywhere(DocsTarget.markdown(r))), "md, anchor " + anchor);
    }

    @Test
    void anEscapedPipeInAnAnchorStaysInItsCell() throws IOException {
        assertThreeCells("one \\| two | three");
        assertThreeCells("a \\\\| b");
        assertThreeCells("`code | with \\| pipes` and \\\\\\| more");
        assertThreeCells("ends with a backslash \\");
    }

    @Provide
    Arbitrary<String> anchors() {
        return Arbitraries.strings().withChars('a', ' ', '\\', '|', '`', '*', '[', ']', '(', ')').ofMinLength(1).ofMaxLength(30)
                .filter(s -> !s.isBlank());
    }

    @Property(tries = 200)
    void anyAnchorStaysInItsCell(@ForAll("anchors") String anchor) throws IOException {
        assertThreeCells(anchor);
    }
}
