package org.rubricc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Raters read in a browser: every page rubricc writes for them (guidelines, calibration notices, changelog) is
 * HTML that links to HTML, and every such link leads to a page that exists. Checked on the committed output for
 * the bundled rubrics, which GeneratedDocsTest keeps fresh.
 */
class HtmlLinksTest {
    static final Path DOCS = Path.of("generated-docs");
    static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    @Test
    void everyRelativeLinkOfEveryPageLeadsToAnHtmlPageThatExists() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        try (Stream<Path> files = Files.walk(DOCS)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                Matcher m = HREF.matcher(Files.readString(page));
                while (m.find()) {
                    String href = m.group(1);
                    if (href.startsWith("#") || href.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*")) continue;
                    links++;
                    String file = href.replaceAll("#.*", "");
                    Path target = page.getParent().resolve(file).normalize();
                    if (!file.endsWith(".html") || !Files.isRegularFile(target)) broken.add(page + " -> " + href);
                }
            }
        }
        assertTrue(links >= 15, "the pages link to each other: " + links + " links");
        assertEquals(List.of(), broken);
    }

    @Test
    void noticesAndChangelogsArePagesToo() {
        for (String page : List.of("image-edit/CHANGELOG.html", "image-edit/2.0.0/calibration-notice.html",
                "image-quality/CHANGELOG.html", "image-quality/1.1.0/calibration-notice.html")) {
            assertTrue(Files.isRegularFile(DOCS.resolve(page)), page);
        }
    }

    @Test
    void anEdgeCaseIsShownWholeUnderEveryQuestionItAffects() throws IOException {
        String md = Files.readString(DOCS.resolve("image-edit/2.0.0/guidelines.md"));
        int question = md.indexOf("### 1. Feasibility");
        int next = md.indexOf("### 2.", question);
        String section = md.substring(question, next);
        // The rule's guidance has two sentences; both are under the question, not only the first.
        assertTrue(section.contains("Rate adherence against the feasible part only, and say in the justification which part could\n"
                + "  not be carried out."), section);
    }
}
