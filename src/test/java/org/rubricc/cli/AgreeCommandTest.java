package org.rubricc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.distance.IDistanceFunction;
import org.dkpro.statistics.agreement.distance.IntervalDistanceFunction;
import org.dkpro.statistics.agreement.distance.OrdinalDistanceFunction;
import org.dkpro.statistics.agreement.distance.SetAnnotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rubricc.testing.Golden;
import picocli.CommandLine;

/**
 * {@code rubricc agree} on the bundled example ratings (golden reports in src/test/resources/agree/, rewritten
 * with -Drubricc.updateGolden=true), its exit statuses and its answers to bad input.
 */
class AgreeCommandTest {
    static final String DIR = "rubrics/image-edit/ratings/";
    static final String[] EXAMPLE = {"agree", "rubrics/image-edit", DIR + "ratings-1.1.0.jsonl", DIR + "ratings-2.0.0.jsonl",
            "--gold", DIR + "gold.jsonl"};
    static final Path GOLDEN = Path.of("src/test/resources/agree");

    @TempDir
    Path tmp;

    static CheckCommandTest.Run run(String... args) {
        return CheckCommandTest.run(args);
    }

    static String[] with(String[] base, String... more) {
        String[] out = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }

    @Test
    void goldenReports() throws IOException {
        for (String format : List.of("markdown", "html", "json")) {
            CheckCommandTest.Run r = run(with(EXAMPLE, "--format", format));
            assertEquals(1, r.status(), "lines are left out and raters below the threshold: " + r.err());
            String ext = format.equals("markdown") ? "md" : format;
            Golden.assertMatches(GOLDEN.resolve("image-edit." + ext), r.out());
        }
    }

    @Test
    void byteIdenticalRunToRun() throws IOException {
        for (String format : List.of("markdown", "html", "json")) {
            Path a = tmp.resolve("a." + format), b = tmp.resolve("b." + format);
            run(with(EXAMPLE, "--format", format, "-o", a.toString()));
            run(with(EXAMPLE, "--format", format, "-o", b.toString()));
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), format);
        }
    }

    @Test
    void theExampleHasWhatTheReportIsFor() throws IOException {
        JsonNode j = new ObjectMapper().readTree(run(with(EXAMPLE, "--format", "json")).out());
        assertEquals(2, j.get("versions").size());
        assertEquals(6, j.get("leftOut").asInt());
        JsonNode adherence = null;
        for (JsonNode row : j.get("comparisons").get(0).get("dimensions")) if (row.get("newId").asText().equals("adherence")) adherence = row;
        assertTrue(adherence.get("change").asDouble() > 0, "merging the Weak point raised agreement on adherence");
        boolean renamed = false;
        for (JsonNode row : j.get("comparisons").get(0).get("dimensions")) {
            renamed |= row.get("oldId").asText().equals("structure") && row.get("newId").asText().equals("structural_integrity");
        }
        assertTrue(renamed, "structure and structural_integrity are paired through formerly");
        boolean emilBelow = false;
        for (JsonNode r : j.get("gold").get("raters")) emilBelow |= r.get("rater").asText().equals("emil") && r.get("below").asBoolean();
        assertTrue(emilBelow);
    }

    @Test
    void allValidAndNoGoldExitsZero() {
        CheckCommandTest.Run r = run("agree", "rubrics/image-edit/1.1.0.rubric", DIR + "ratings-1.1.0.jsonl", "--bootstrap", "200");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("## image-edit 1.1.0"));
        assertFalse(r.out().contains("## Left out"));
    }

    @Test
    void invalidLinesAreListedAndLeftOut() {
        CheckCommandTest.Run r = run("agree", "rubrics/image-edit/2.0.0.rubric", DIR + "ratings-2.0.0.jsonl", "--bootstrap", "0");
        assertEquals(1, r.status());
        assertTrue(r.out().contains("120 ratings by 6 raters on 30 items."), r.out());
        assertTrue(r.out().contains("ratings-2.0.0.jsonl:122`: /answers/adherence: 5 is not a point of"), r.out());
        assertTrue(r.out().contains("a second rating of item \"e-202\" by rater \"dev\""), r.out());
        assertTrue(r.err().contains("5 lines were left out"), r.err());
    }

    @Test
    void goldForItemsNobodyRatedIsListed() throws IOException {
        Path gold = tmp.resolve("gold.jsonl");
        String line = Files.readAllLines(Path.of(DIR + "gold.jsonl")).get(25).replaceFirst("\"item\":\"[^\"]*\"", "\"item\":\"nobody-rated-this\"");
        Files.writeString(gold, line + "\n");
        CheckCommandTest.Run r = run("agree", "rubrics/image-edit/2.0.0.rubric", DIR + "ratings-2.0.0.jsonl", "--gold", gold.toString(),
                "--bootstrap", "0");
        assertEquals(1, r.status());
        assertTrue(r.out().contains("gold answer for item \"nobody-rated-this\", which no rating under image-edit 2.0.0 names"), r.out());
    }

    @Test
    void standardInput() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        AgreeCommand cmd = cl.getSubcommands().get("agree").getCommand();
        cmd.stdin = new ByteArrayInputStream(("{\"rubric\":\"image-edit\"}\n").getBytes(StandardCharsets.UTF_8));
        int status = cl.execute("agree", "rubrics/image-edit/2.0.0.rubric", "-", "--format", "json");
        assertEquals(1, status, err.toString());
        assertTrue(out.toString().contains("\"file\": \"<stdin>\""), out.toString());
    }

    /** Ranges, multi-selects, n/a and free text, end to end, against DKPro Statistics on the same reliability data. */
    @Test
    void everyKindOfScaleAgainstDkpro() throws IOException {
        String dir = "src/test/resources/agree/kinds/";
        CheckCommandTest.Run r = run("agree", "--root", dir, dir + "kinds.rubric", dir + "ratings.jsonl", "--format", "json",
                "--bootstrap", "0");
        assertEquals(0, r.status(), r.err());
        JsonNode dims = new ObjectMapper().readTree(r.out()).get("versions").get(0).get("dimensions");
        assertEquals(3, dims.size(), "free text is not compared");
        // share, items i1..i3 (i4 has one rating): interval
        CodingAnnotationStudy share = new CodingAnnotationStudy(3);
        share.addItem(1.0, 1.5, 2.0);
        share.addItem(5.0, 5.0, null);
        share.addItem(9.5, 8.0, 10.0);
        assertEquals(new KrippendorffAlphaAgreement(share, new IntervalDistanceFunction()).calculateAgreement(),
                dims.get(0).get("alpha").asDouble(), 1e-9);
        assertEquals("interval", dims.get(0).get("level").asText());
        // tags: sets, Passonneau's MASI
        CodingAnnotationStudy tags = new CodingAnnotationStudy(3);
        tags.addItem(set("a"), set("a", "b"), set("a"));
        tags.addItem(set(), set("c"), null);
        tags.addItem(set("b", "c"), set("b"), set("b", "c"));
        IDistanceFunction masi = (study, x, y) -> masi((SetAnnotation) x, (SetAnnotation) y);
        assertEquals(new KrippendorffAlphaAgreement(tags, masi).calculateAgreement(), dims.get(1).get("alpha").asDouble(), 1e-9);
        // grade: ordinal, r3's n/a on i1 left out
        CodingAnnotationStudy grade = new CodingAnnotationStudy(3);
        grade.addItem(1, 1, null);
        grade.addItem(2, 3, null);
        grade.addItem(3, 3, 2);
        assertEquals(new KrippendorffAlphaAgreement(grade, new OrdinalDistanceFunction()).calculateAgreement(),
                dims.get(2).get("alpha").asDouble(), 1e-9);
        assertEquals(1, dims.get(2).get("notApplicable").asInt());
        assertEquals(3, dims.get(2).get("items").asInt());
        assertEquals(7, dims.get(2).get("pairableValues").asInt());
    }

    static SetAnnotation set(String... choices) {
        return new SetAnnotation((Object[]) choices);
    }

    /** Passonneau's MASI, written out here independently of rubricc's. */
    static double masi(SetAnnotation x, SetAnnotation y) {
        java.util.Set<Object> inter = new java.util.HashSet<>(x), union = new java.util.HashSet<>(x);
        inter.retainAll(y);
        union.addAll(y);
        if (union.isEmpty()) return 0;
        double m = x.equals(y) ? 1 : x.containsAll(y) || y.containsAll(x) ? 2 / 3.0 : inter.isEmpty() ? 0 : 1 / 3.0;
        return 1 - (double) inter.size() / union.size() * m;
    }

    @Test
    void rubricAndRatingTextIsEscapedInTheHtml() {
        String dir = "src/test/resources/agree/hostile/";
        CheckCommandTest.Run r = run("agree", "--root", dir, dir + "h.rubric", dir + "r.jsonl", "--format", "html", "--bootstrap", "0");
        assertEquals(0, r.status(), r.err());
        String page = r.out();
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;"), page);
        for (String bad : List.of("<img", "<script", "<b>", "<i>", "</svg> ")) assertFalse(page.contains(bad), bad);
        assertFalse(page.contains("http"), "nothing is fetched");
    }

    @Test
    void usageAndInputErrorsExitTwoWithAMessage() {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"agree", "rubrics/image-edit", DIR + "no-such.jsonl"});
        cases.add(new String[] {"agree", "rubrics/no-such-folder", DIR + "ratings-2.0.0.jsonl"});
        cases.add(new String[] {"agree", "src/test/resources/diagnostics/R0302-unknown-scale.rubric", DIR + "ratings-2.0.0.jsonl"});
        cases.add(new String[] {"agree", "rubrics/image-edit/2.0.0.rubric", "rubrics/image-quality/1.1.0.rubric", DIR + "ratings-2.0.0.jsonl"});
        cases.add(new String[] {"agree", "rubrics/image-edit/2.0.0.rubric", DIR + "ratings-2.0.0.jsonl", "--gold", DIR + "no-gold.jsonl"});
        cases.add(new String[] {"agree", DIR + "ratings-2.0.0.jsonl", DIR + "ratings-1.1.0.jsonl"});
        cases.add(new String[] {"agree", "rubrics/image-edit/2.0.0.rubric", DIR + "ratings-2.0.0.jsonl", "--bootstrap", "-1"});
        cases.add(new String[] {"agree", "rubrics/image-edit/2.0.0.rubric"});
        for (String[] args : cases) {
            CheckCommandTest.Run r = run(args);
            assertEquals(2, r.status(), String.join(" ", args) + "\n" + r.err());
            assertTrue(r.err().contains("error"), r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
            assertEquals("", r.out(), String.join(" ", args));
        }
    }
}
