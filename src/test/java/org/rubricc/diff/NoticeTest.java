package org.rubricc.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rubricc.model.Rubric;
import org.rubricc.testing.Golden;

class NoticeTest {
    static Rubric bundled(String id, String version) {
        return DiffGoldenTest.load(Path.of("rubrics/" + id + "/" + version + ".rubric"), Path.of("rubrics"));
    }

    @Test
    void theImageEdit2NoticeMatchesItsGoldenFile() throws IOException {
        Diff d = Diff.between(bundled("image-edit", "1.1.0"), bundled("image-edit", "2.0.0"));
        Golden.assertMatches(Path.of("src/test/resources/notices/image-edit-1.1.0-2.0.0.md"), Notice.markdown(d));
    }

    @Test
    void theImageEdit2NoticeTellsRatersHowRatingsMoveAndWhatToReRead() {
        String md = Notice.markdown(Diff.between(bundled("image-edit", "1.1.0"), bundled("image-edit", "2.0.0")));
        assertTrue(md.contains("Ratings of **3** under 1.1.0 are now **2**"), md);
        assertTrue(md.contains("Ratings of **1** or **2** under 1.1.0 are now **1**: **1 – Ignored** and **2 – Weak** are now"
                + " one point, **1 – Ignored**."), md);
        assertTrue(md.contains("## Before you rate again"), md);
        assertTrue(md.contains("- **Character consistency**: breaking"), md);
        assertFalse(md.contains("structural_integrity <="), "conditions are sentences, not source: " + md);
    }

    @Test
    void mergesAndSplitsSayWhereOldRatingsGo() throws IOException {
        Path dir = Path.of("src/test/resources/diffs/merges-and-splits");
        String md = Notice.markdown(Diff.between(DiffGoldenTest.load(dir.resolve("old.rubric")),
                DiffGoldenTest.load(dir.resolve("new.rubric"))));
        assertTrue(md.contains("Ratings of **1** or **2** under 1.0.0 are now **1**"), md);
        assertTrue(md.contains("The point **2 – Plausible** is split into **2 – Plausible** and **3 – Convincing**: ratings of"
                + " 2 under 1.0.0 have no single counterpart in 2.0.0."), md);
        assertTrue(md.contains("answers of `blur` or `noise` under 1.0.0 are now `quality`."), md);
        assertTrue(md.contains("The choice **Artifact** is split into **Broken object** and **Broken texture**"), md);
    }

    @Test
    void wordDiffKeepsCommonWordsAndMarksTheRest() {
        List<WordDiff.Run> runs = WordDiff.diff("the cat sat on the mat", "the black cat sat on a mat");
        assertEquals("the **black** cat sat on ~~the~~ **a** mat", Notice.render(runs));
        assertEquals(List.of(new WordDiff.Run(WordDiff.Op.KEEP, List.of(new WordDiff.Token("same", false), new WordDiff.Token("words", true)))),
                WordDiff.diff("same  words", " same\nwords "));
        assertEquals("**all new**", Notice.render(WordDiff.diff("", "all new")));
        assertEquals("~~all gone~~", Notice.render(WordDiff.diff("all gone", "")));
        assertEquals("a ~~b c~~ **x y** d", Notice.render(WordDiff.diff("a b c d", "a x y d")));
    }

    @Test
    void punctuationIsNotGluedToTheChangedWord() {
        assertEquals("Blurry or low ~~resolution~~ **detail**).",
                Notice.render(WordDiff.diff("Blurry or low resolution).", "Blurry or low detail).")));
        assertEquals("(~~mostly~~ **entirely**) it's well-lit, ~~so~~ fine.",
                Notice.render(WordDiff.diff("(mostly) it's well-lit, so fine.", "(entirely) it's well-lit, fine.")));
        // A change of punctuation alone keeps a space where Markdown would not read ~~ or ** between a letter and a mark.
        assertEquals("Fine ~~.~~ **!**", Notice.render(WordDiff.diff("Fine.", "Fine!")));
    }

    @Test
    void wordDiffIsMinimalOnLongerTexts() {
        String a = "one two three four five six seven eight nine ten", b = "one three four five six eight nine ten eleven";
        List<WordDiff.Run> runs = WordDiff.diff(a, b);
        long kept = runs.stream().filter(r -> r.op() == WordDiff.Op.KEEP).mapToLong(r -> r.words().size()).sum();
        assertEquals(8, kept, "the longest common subsequence has 8 words: " + runs);
        // Rebuilding both sides from the runs gives the texts back.
        String old = String.join(" ", runs.stream().filter(r -> r.op() != WordDiff.Op.ADD).map(WordDiff.Run::text).toList());
        String now = String.join(" ", runs.stream().filter(r -> r.op() != WordDiff.Op.REMOVE).map(WordDiff.Run::text).toList());
        assertEquals(a, old);
        assertEquals(b, now);
    }

    @Test
    void rubricTextCannotInjectHtmlOrMarkdownIntoANotice(@TempDir Path tmp) throws IOException {
        String base = "rubric r\nversion %s\ntitle \"R <b>bold</b>\"\nsection s \"S\" {\n"
                + "  dimension d \"D <img src=x onerror=alert(1)>\" {\n    question \"%s\"\n"
                + "    scale ordinal { 1 \"Low</td>\" \"%s\" 2 \"High\" \"\" }\n  }\n}\n";
        Files.writeString(tmp.resolve("old.rubric"), base.formatted("1.0.0", "Is it ok?", "Bad."));
        Files.writeString(tmp.resolve("new.rubric"), base.formatted("1.1.0", "Is it ok? <script>alert(1)</script>",
                "Bad. [x](javascript:alert(1)) **bold**"));
        String md = Notice.markdown(Diff.between(DiffGoldenTest.load(tmp.resolve("old.rubric")),
                DiffGoldenTest.load(tmp.resolve("new.rubric"))));
        // Rendered by a Markdown renderer that passes raw HTML through, nothing from the rubric becomes markup.
        String html = com.vladsch.flexmark.html.HtmlRenderer.builder().build()
                .render(com.vladsch.flexmark.parser.Parser.builder().build().parse(md));
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("</td>"), html);
        assertFalse(html.contains("<b>"), html);
        assertFalse(html.contains("href=\"javascript"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    }
}
