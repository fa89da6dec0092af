package org.rubricc.docs;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.toc.TocBlock;
import com.vladsch.flexmark.ext.toc.TocExtension;
import com.vladsch.flexmark.formatter.Formatter;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        // The two files come from texts that differ only in the table of contents and two links, so one parse
        // serves both (parsing is most of this target's time): the Markdown is formatted from it, then the parse
        // is given the HTML page's marker and links and rendered, the same as a parse of the page's own text
        // (SharedParseTest). Where that cannot be shown on the parse, the page's text is parsed after all.
        GuidelinesWriter writer = new GuidelinesWriter(rubric, previous);
        String text = writer.write(false);
        SafeLinks.Cleaned parsed = SafeLinks.cleaned(text, PARSER);
        String md = formatted(parsed.doc());
        String html = (parsed.text().equals(text) ? asPage(parsed.doc(), writer.tocOffset(), previous.isPresent())
                : Optional.<String>empty())
                .map(body -> guidelinesPage(rubric, body))
                .orElseGet(() -> html(rubric, previous));
        return List.of(GeneratedFile.text("guidelines.md", md), GeneratedFile.text("guidelines.html", html));
    }

    /** The links of the guidelines' opening paragraph, in the Markdown file and in the HTML page. */
    private static final Map<String, String> PAGE_LINKS = Map.of(
            "calibration-notice.md", "calibration-notice.html", "../CHANGELOG.md", "../CHANGELOG.html");

    /**
     * The HTML body of the guidelines from the parse of their Markdown text ({@code write(false)}), changed into
     * the parse of the page's text ({@code write(true)}): the opening paragraph's links to the changelog and the
     * calibration notice point to their HTML pages, and the table of contents stands before the block that
     * starts where the page has its {@code [TOC]} line. Empty, with the parse untouched, when the parse does not
     * have that shape (a description that leaves a block open over the place of the marker, say).
     */
    static Optional<String> asPage(Document doc, int tocOffset, boolean hasPrevious) {
        Node opening = doc.getFirstChild() == null ? null : doc.getFirstChild().getNext();
        if (!(opening instanceof Paragraph)) return Optional.empty();
        List<Link> links = new ArrayList<>();
        for (Node n : opening.getDescendants()) {
            if (n instanceof Link l && PAGE_LINKS.containsKey(l.getUrl().toString())) links.add(l);
        }
        if (links.size() != (hasPrevious ? 2 : 1)) return Optional.empty();
        Node anchor = doc.getFirstChild();
        while (anchor != null && anchor.getStartOffset() < tocOffset) anchor = anchor.getNext();
        if (anchor == null || anchor.getStartOffset() != tocOffset) return Optional.empty();
        Node toc = PARSER.parse("[TOC]\n").getFirstChild();
        if (!(toc instanceof TocBlock)) return Optional.empty();
        for (Link l : links) l.setUrl(BasedSequence.of(PAGE_LINKS.get(l.getUrl().toString())));
        toc.unlink();
        anchor.insertBefore(toc);
        return Optional.of(RENDERER.render(doc));
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
        return formatted(SafeLinks.parse(markdown, PARSER));
    }

    /** A parse, cleaned of unsafe links, as normalised Markdown. */
    private static String formatted(Document doc) {
        return ensureNewline(FORMATTER.render(doc));
    }

    /** The guidelines as a self-contained HTML page. */
    public static String html(Rubric rubric) {
        return html(rubric, Optional.empty());
    }

    public static String html(Rubric rubric, Optional<Version> previous) {
        return guidelinesPage(rubric, body(new GuidelinesWriter(rubric, previous).write(true)));
    }

    private static String guidelinesPage(Rubric rubric, String body) {
        return Page.wrap(rubric.title() + " " + rubric.version(), body);
    }

    /** The parser of every Markdown text the docs target reads. */
    static Parser parser() {
        return PARSER;
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
