package org.rubricc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.model.Rubric;

/** Rubric text cannot put executable content on a rater's page, and names are shown exactly as written. */
class DocsSafetyTest {
    static Rubric rubric;
    static String html;
    static String markdown;

    @BeforeAll
    static void load() {
        Path dir = Path.of("src/test/resources/docs");
        Compilation c = new Frontend(dir).check(dir.resolve("hostile.rubric"));
        assertEquals(List.of(), c.diagnostics());
        rubric = c.rubric().orElseThrow();
        html = DocsTarget.html(rubric);
        markdown = DocsTarget.markdown(rubric);
    }

    @Test
    void theHtmlPageHasNoExecutableContent() {
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        assertFalse(lower.contains("<script"), "no script element");
        assertFalse(lower.contains("<img"), "no image element");
        assertFalse(lower.contains("<iframe"), "no iframe");
        assertFalse(lower.contains("<div onclick"), "no raw block html");
        assertFalse(Pattern.compile("<[a-z][^>]*\\son[a-z]+\\s*=").matcher(lower).find(), "no event handler attribute on any element");
        assertFalse(lower.contains("href=\"javascript:"), "no javascript: link");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the title's markup is shown as text");
    }

    @Test
    void markdownRenderedByAnyCommonMarkRendererHasNoRawHtml() {
        // Render the Markdown output with a plain CommonMark renderer that passes HTML through:
        // nothing from the rubric may come out as a tag.
        String rendered = HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown)).toLowerCase(java.util.Locale.ROOT);
        assertFalse(rendered.contains("<script"), rendered);
        assertFalse(rendered.contains("<img"), rendered);
        assertFalse(rendered.contains("<iframe"), rendered);
        assertFalse(rendered.contains("<div onclick"), rendered);
        assertFalse(rendered.contains("</h3><script>"), rendered);
    }

    @Test
    void namesAndLabelsKeepTheirExactText() {
        String text = html.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", "\"");
        assertTrue(text.contains("Label <img src=x onerror=alert(2)> | cell"), "a label with markup and a pipe, in its table cell");
        assertTrue(text.contains("**not bold** [not a link](http://x)"), "Markdown syntax in a label is shown, not applied");
        assertTrue(text.contains("\u202Ertl \uD83D\uDE00"), "right-to-left marks and emoji are kept");
        assertTrue(markdown.contains("`<code> stays code`"), "code spans in prose are left alone");
        assertTrue(text.contains("Title <script>alert(1)</script> & \"quotes\" \\ back */ end"));
    }

    @Test
    void outputIsDeterministic() {
        assertEquals(html, DocsTarget.html(rubric));
        assertEquals(markdown, DocsTarget.markdown(rubric));
        assertFalse(html.contains("\r"));
        assertTrue(html.endsWith("</html>\n") && markdown.endsWith("\n"));
    }
}
