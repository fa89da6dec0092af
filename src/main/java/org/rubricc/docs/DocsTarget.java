package org.rubricc.docs;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.toc.TocExtension;
import com.vladsch.flexmark.formatter.Formatter;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import org.rubricc.backend.GeneratedFile;
import org.rubricc.backend.Target;
import org.rubricc.model.Rubric;

/**
 * `rubricc compile --target docs`: guidelines for raters, as Markdown ({@code guidelines.md},
 * normalised through Flexmark's parser and formatter) and as one self-contained HTML page
 * ({@code guidelines.html}: inline CSS, no scripts, raw HTML from the rubric shown as text).
 */
public final class DocsTarget implements Target {
    private static final MutableDataSet OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TocExtension.create()))
            .set(HtmlRenderer.ESCAPE_HTML, true)
            .set(HtmlRenderer.GENERATE_HEADER_ID, true)
            .set(HtmlRenderer.RENDER_HEADER_ID, true)
            .set(HtmlRenderer.SOFT_BREAK, "\n")
            .set(TocExtension.LEVELS, 1 << 2 | 1 << 3)
            .set(TocExtension.TITLE, "Contents")
            .set(TocExtension.TITLE_LEVEL, 2)
            .set(TocExtension.LIST_CLASS, "toc")
            .set(TablesExtension.WITH_CAPTION, false)
            .set(TablesExtension.MIN_SEPARATOR_DASHES, 3)
            .set(Formatter.MAX_TRAILING_BLANK_LINES, 0)
            .toImmutable().toMutable();
    private static final Parser PARSER = Parser.builder(OPTIONS).build();
    private static final Formatter FORMATTER = Formatter.builder(OPTIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();

    @Override
    public String name() {
        return "docs";
    }

    @Override
    public List<GeneratedFile> generate(Rubric rubric, Options options) {
        return List.of(GeneratedFile.text("guidelines.md", markdown(rubric)), GeneratedFile.text("guidelines.html", html(rubric)));
    }

    /** The guidelines as normalised Markdown. */
    public static String markdown(Rubric rubric) {
        return normalise(new GuidelinesWriter(rubric).write(false));
    }

    /** Markdown text run through Flexmark's parser and formatter, as every Markdown file rubricc writes is. */
    public static String normalise(String markdown) {
        Document doc = PARSER.parse(markdown);
        return ensureNewline(FORMATTER.render(doc));
    }

    /** The guidelines as a self-contained HTML page. */
    public static String html(Rubric rubric) {
        Document doc = PARSER.parse(new GuidelinesWriter(rubric).write(true));
        String body = RENDERER.render(doc);
        return Page.wrap(rubric.title() + " " + rubric.version(), body);
    }

    private static String ensureNewline(String s) {
        String t = s.replace("\r\n", "\n").stripTrailing();
        return t + "\n";
    }
}
