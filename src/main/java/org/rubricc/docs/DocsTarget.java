package org.rubricc.docs;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.toc.TocExtension;
import com.vladsch.flexmark.formatter.Formatter;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Optional;
import org.rubricc.backend.GeneratedFile;
import org.rubricc.backend.Target;
import org.rubricc.model.Rubric;
import org.rubricc.model.Version;

/**
 * `rubricc compile --target docs`: guidelines for raters, as Markdown ({@code guidelines.md},
 * normalised through Flexmark's parser and formatter) and as one self-contained HTML page
 * ({@code guidelines.html}: inline CSS, no scripts, raw HTML from the rubric shown as text). Links are kept
 * only to http, https, mailto and relative destinations ({@link SafeLinks}), in both files.
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
        return generate(rubric, List.of(rubric), options);
    }

    /**
     * The guidelines of one version. They link to the rubric's changelog ({@code ../CHANGELOG.md}) and,
     * when {@code history} has an earlier version, to this version's calibration notice
     * ({@code calibration-notice.md}); the `changelog` target writes both.
     */
    @Override
    public List<GeneratedFile> generate(Rubric rubric, List<Rubric> history, Options options) {
        Optional<Version> previous = history.stream().map(Rubric::version).filter(v -> v.compareTo(rubric.version()) < 0)
                .max(Version::compareTo);
        return List.of(GeneratedFile.text("guidelines.md", markdown(rubric, previous)),
                GeneratedFile.text("guidelines.html", html(rubric, previous)));
    }

    /** The guidelines as normalised Markdown. */
    public static String markdown(Rubric rubric) {
        return markdown(rubric, Optional.empty());
    }

    /** The guidelines as normalised Markdown, linking to the calibration notice from {@code previous}, if any. */
    public static String markdown(Rubric rubric, Optional<Version> previous) {
        return normalise(new GuidelinesWriter(rubric, previous).write(false));
    }

    /** Markdown text run through Flexmark's parser and formatter, as every Markdown file rubricc writes is. */
    public static String normalise(String markdown) {
        Document doc = SafeLinks.parse(markdown, PARSER);
        return ensureNewline(FORMATTER.render(doc));
    }

    /** The guidelines as a self-contained HTML page. */
    public static String html(Rubric rubric) {
        return html(rubric, Optional.empty());
    }

    public static String html(Rubric rubric, Optional<Version> previous) {
        return Page.wrap(rubric.title() + " " + rubric.version(), body(new GuidelinesWriter(rubric, previous).write(true)));
    }

    /** Markdown as the HTML of a page's body, links cleaned as in every output. */
    static String body(String markdown) {
        return RENDERER.render(SafeLinks.parse(markdown, PARSER));
    }

    /**
     * A page of rubricc's own Markdown (changelog, calibration notice) as self-contained HTML, rendered exactly
     * as the guidelines are: raw HTML shown as text, the same link rules, the same style.
     */
    public static String page(String title, String markdown) {
        return Page.wrap(title, RENDERER.render(PARSER.parse(markdown)));
    }

    private static String ensureNewline(String s) {
        String t = s.replace("\r\n", "\n").stripTrailing();
        return t + "\n";
    }
}
