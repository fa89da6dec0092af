package org.rubricc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.rubricc.backend.GeneratedFile;
import org.rubricc.backend.Target;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.model.Rubric;
import org.rubricc.model.Version;

/**
 * The docs target parses the guidelines' Markdown once and makes the HTML page from that parse
 * ({@link DocsTarget#asPage}): the page must be byte for byte the one rendered from a parse of the page's own text
 * ({@link DocsTarget#html}), on every bundled rubric (where the shared parse must be the one used), and on rubrics
 * whose description holds the Markdown that could make the two parses differ (open fences and comments, lists,
 * reference definitions, a literal {@code [TOC]}), where the target may fall back to the second parse but never
 * writes another page.
 */
class SharedParseTest {

    private static String text(GeneratedFile f) {
        return new String(f.content(), StandardCharsets.UTF_8);
    }

    private static Optional<Rubric> check(Path root, Path file) {
        Compilation c = new Frontend(root).analysisBudget(java.time.Duration.ZERO).check(file);
        return c.rubric();
    }

    @Test
    void everyBundledRubricGetsItsPageFromTheSharedParse() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("rubrics"))) {
            files = s.filter(p -> p.toString().endsWith(".rubric")).sorted().toList();
        }
        int pages = 0;
        for (Path f : files) {
            Optional<Rubric> r = check(Path.of("rubrics"), f);
            if (r.isEmpty()) continue; // a library
            for (Optional<Version> previous : List.of(Optional.<Version>empty(), Version.parse("0.0.1"))) {
                GuidelinesWriter w = new GuidelinesWriter(r.get(), previous);
                String text = w.write(false);
                Optional<String> shared = DocsTarget.asPage(SafeLinks.cleaned(text, DocsTarget.parser()).doc(), w.tocOffset(), previous.isPresent());
                assertTrue(shared.isPresent(), f + ": the shared parse was not used");
                String own = DocsTarget.body(new GuidelinesWriter(r.get(), previous).write(true));
                assertEquals(own, shared.get(), f + (previous.isPresent() ? " with a previous version" : ""));
                pages++;
                // SafeLinks walks the parse in document order without getDescendants' iterators: the same nodes, in order
                com.vladsch.flexmark.util.ast.Document doc = DocsTarget.parser().parse(text);
                List<com.vladsch.flexmark.util.ast.Node> walked = new java.util.ArrayList<>();
                for (var n = doc.getFirstChild(); n != null; n = SafeLinks.following(n, doc)) walked.add(n);
                List<com.vladsch.flexmark.util.ast.Node> descendants = new java.util.ArrayList<>();
                doc.getDescendants().forEach(descendants::add);
                assertEquals(descendants, walked, f + ": nodes in document order");
            }
        }
        assertTrue(pages >= 14, "pages of bundled rubrics: " + pages);
    }

    /** Descriptions whose Markdown could leave a block open over the place of the table of contents, or look like it. */
    private static final List<String> TRICKY = List.of(
            "A plain description.",
            "```\nan open fence",
            "~~~ text\nopen tilde fence\n",
            "<!-- an open comment",
            "<div>\nan html block",
            "<pre>\nopen pre",
            "- a list\n- of two",
            "1. ordered\n\n   loose item",
            "> a quote\nlazy line",
            "[TOC]",
            "[toc]: https://example.com/toc\n\nSee [toc].",
            "[changelog](../CHANGELOG.md) and [notice](calibration-notice.md) in the description",
            "    indented code",
            "| a | b |\n|---|---|\n| 1 | 2 |",
            "Setext\n======",
            "## A heading of its own",
            "* * *",
            "<script>\nalert(1)",
            "Text with a [javascript link](javascript:alert(1)).",
            "[ref]: javascript:alert(1)\n\n[ref]");

    @Property(tries = 60)
    void pagesFromTheSharedParseAreThePagesOfTheirOwnText(@ForAll @IntRange(min = 0, max = 19) int a,
            @ForAll @IntRange(min = 0, max = 19) int b, @ForAll boolean previous) throws IOException {
        String description = TRICKY.get(a) + "\n\n" + TRICKY.get(b);
        Path dir = Files.createTempDirectory("rubricc-shared-parse");
        try {
            Path f = dir.resolve("1.0.0.rubric");
            Files.writeString(f, "rubric tricky\nversion 1.0.0\ntitle \"Tricky\"\ndescription \"\"\"\n"
                    + description.indent(2).replace("\"\"\"", "'''") + "  \"\"\"\n"
                    + "scale five: ordinal { 1 \"Bad\" \"Bad.\"\n 2 \"Good\" \"Good.\" }\n"
                    + "section main \"Main\" {\n  dimension q \"Quality\" {\n    question \"How good?\"\n    scale five\n  }\n}\n");
            Optional<Rubric> r = check(dir, f);
            assertTrue(r.isPresent(), "does not check:\n" + Files.readString(f));
            Optional<Version> prev = previous ? Version.parse("0.9.0") : Optional.empty();
            GuidelinesWriter w = new GuidelinesWriter(r.get(), prev);
            String text = w.write(false);
            SafeLinks.Cleaned cleaned = SafeLinks.cleaned(text, DocsTarget.parser());
            Optional<String> shared = cleaned.text().equals(text) ? DocsTarget.asPage(cleaned.doc(), w.tocOffset(), previous) : Optional.empty();
            Statistics.label("shared parse").collect(shared.isPresent());
            String own = DocsTarget.body(new GuidelinesWriter(r.get(), prev).write(true));
            shared.ifPresent(s -> assertEquals(own, s, "description:\n" + description));
            // and what the target writes, by whichever path, is the page of its own text
            List<GeneratedFile> files = new DocsTarget().generate(r.get(), List.of(r.get()), Target.Options.DEFAULT);
            assertEquals(DocsTarget.markdown(r.get()), text(files.get(0)));
            assertEquals(DocsTarget.html(r.get()), text(files.get(1)));
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
