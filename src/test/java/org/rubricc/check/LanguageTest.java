package org.rubricc.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rubricc.model.Condition;
import org.rubricc.model.Constraint;
import org.rubricc.model.Dimension;
import org.rubricc.model.ItemField;
import org.rubricc.model.Rubric;
import org.rubricc.model.Rule;
import org.rubricc.model.Scale;
import org.rubricc.model.Table;
import org.rubricc.model.Value;
import org.rubricc.model.Version;

/** Each construct of the language, read from {@code language/all-constructs.rubric}, as the model sees it. */
class LanguageTest {
    static final Path DIR = Path.of("src/test/resources/language");
    static Rubric rubric;

    @BeforeAll
    static void compile() {
        Compilation c = new Frontend(DIR).check(DIR.resolve("all-constructs.rubric"));
        assertEquals(List.of(), c.diagnostics(), "the all-constructs rubric must check clean");
        rubric = c.rubric().orElseThrow();
    }

    static Dimension dim(String id) {
        return rubric.dimension(id).orElseThrow();
    }

    @Test
    void header() {
        assertEquals("all-constructs", rubric.id());
        assertEquals(new Version(3, 1, 0, "rc.1", "build.7"), rubric.version());
        assertEquals("All constructs", rubric.title());
        assertEquals("First line of the description.\n\n  Indented **Markdown** with a backslash \\* kept.",
                rubric.description(), "text blocks lose common indentation and keep backslashes");
    }

    @Test
    void itemFields() {
        assertEquals(List.of(ItemField.Kind.IMAGE, ItemField.Kind.TEXT, ItemField.Kind.URL),
                rubric.itemFields().stream().map(ItemField::kind).toList());
        assertEquals("What the user asked for.", rubric.itemFields().get(1).description());
        assertEquals("Source page", rubric.itemFields().get(2).label());
    }

    @Test
    void ordinalScalesWithDecimalPointsAndRenumbering() {
        Scale.Ordinal five = (Scale.Ordinal) rubric.scales().get("five");
        assertEquals(5, five.points().size());
        assertEquals("Clearly flawed.", five.points().get(0).description());
        assertEquals(List.of(new BigDecimal("6")), five.points().get(4).formerly());
        Scale.Ordinal halves = (Scale.Ordinal) dim("part").scale();
        assertEquals(List.of("0", "0.5", "1"), halves.points().stream().map(p -> p.value().toPlainString()).toList(),
                "1.0 and 1 are the same point");
    }

    @Test
    void categoricalMultiBooleanRangeAndTextScales() {
        Scale.Categorical feas = (Scale.Categorical) dim("feasible").scale();
        assertEquals(List.of("partly"), feas.choice("partial").orElseThrow().formerly());
        Scale.MultiSelect harms = (Scale.MultiSelect) dim("harm_kinds").scale();
        assertEquals(1, harms.min());
        assertEquals(2, harms.max());
        Scale.Bool flag = (Scale.Bool) dim("unsafe").scale();
        assertEquals(Optional.of("flag"), flag.name(), "an imported scale keeps its own name");
        assertEquals("Flagged", flag.yesLabel());
        Scale.Bool inline = (Scale.Bool) dim("no").scale();
        assertEquals(Optional.empty(), inline.name(), "inline scales have no name");
        assertEquals("Sure", inline.yesLabel());
        assertEquals("No", inline.noLabel(), "a boolean label left out defaults");
        Scale.Numeric share = (Scale.Numeric) dim("coverage").scale();
        assertTrue(share.accepts(new BigDecimal("35")));
        assertFalse(share.accepts(new BigDecimal("37")), "off the step");
        assertFalse(share.accepts(new BigDecimal("105")), "above the maximum");
        Scale.Text notes = (Scale.Text) dim("comment").scale();
        assertEquals(10, notes.minLength());
        assertEquals(Optional.of(500), notes.maxLength());
        assertEquals(Optional.empty(), notes.pattern());
        Scale.Text links = (Scale.Text) dim("links").scale();
        assertEquals("none|https?://\\S+(\\r?\\nhttps?://\\S+)*", links.pattern().orElseThrow().source());
        assertEquals(Optional.of("one web address per line, or none"), links.pattern().orElseThrow().description());
        assertEquals("^(?:none|https?://[^\\t-\\r ]+(?:\\r?\\nhttps?://[^\\t-\\r ]+)*)(?![\\s\\S])", links.pattern().orElseThrow().portable());
        Scale.Text code = (Scale.Text) dim("code").scale();
        assertEquals("[A-Z]{2}\\d{1,4}(-[a-z😀é]+)?|\\.{3}| ?_\\s\\S.?", code.pattern().orElseThrow().source());
        assertEquals(Optional.empty(), code.pattern().orElseThrow().description());
        assertTrue(rubric.scales().containsKey("common.flag"), "used imported scales are listed under their alias");
    }

    @Test
    void dimensionsKeepAskingOrderAndTheirMembers() {
        assertEquals(List.of("feasible", "unsafe", "harm_kinds", "no", "adherence", "coverage", "part", "comment", "links", "code", "verdict"),
                rubric.dimensions().stream().map(Dimension::id).toList());
        Dimension adherence = dim("adherence");
        assertEquals("How well is the instruction followed?", adherence.question());
        assertTrue(adherence.required());
        assertFalse(dim("coverage").required());
        assertEquals(Optional.of(new BigDecimal("2.5")), adherence.weight());
        assertEquals("Judge what was asked.", adherence.guidance());
        assertEquals(List.of(new Value.Number(BigDecimal.ONE), new Value.Number(new BigDecimal(5))),
                adherence.examples().stream().map(Dimension.Example::value).toList());
        assertEquals(Optional.of("No instruction to follow"), adherence.notApplicable());
        assertEquals(Optional.of("instruction_following"), adherence.formerly());
        assertEquals("quality", adherence.sectionId());
        assertEquals(Optional.of("prechecks"), rubric.section("pre").orElseThrow().formerly());
    }

    @Test
    void justifications() {
        Dimension.Justification j = dim("adherence").justifications().get(0);
        assertEquals(30, j.minLength());
        assertEquals("adherence <= 2 or adherence == n/a", j.when().orElseThrow().toSource());
        Dimension.Justification always = dim("harm_kinds").justifications().get(0);
        assertEquals(Optional.empty(), always.when(), "`justify` alone applies always");
        assertEquals(1, always.minLength(), "the default minimum is one character");
    }

    @Test
    void everyConditionForm() {
        assertEquals("not unsafe == true", dim("harm_kinds").skipWhen().orElseThrow().toSource());
        assertEquals("adherence is answered", ((Condition.Not) dim("coverage").skipWhen().orElseThrow()).operand().toSource());
        assertEquals("feasible != partial and (harm_kinds contains hate or no is answered)",
                dim("part").skipWhen().orElseThrow().toSource());
        assertEquals("not feasible in {feasible} and adherence > 3 and coverage >= 50 and coverage < 90",
                dim("comment").skipWhen().orElseThrow().toSource());
        Condition sectionSkip = rubric.section("quality").orElseThrow().skipWhen().orElseThrow();
        assertEquals("feasible == infeasible or unsafe == true", sectionSkip.toSource(), "`yes` is the boolean true");
        assertEquals("feasible == infeasible or unsafe == true or adherence is answered",
                rubric.skipCondition(dim("coverage")).orElseThrow().toSource().replace("not adherence is answered",
                        "adherence is answered"), "a dimension's skip combines its section's and its own");
    }

    @Test
    void rulesWithEveryConstraint() {
        Rule identical = rubric.rules().get(0);
        assertEquals("Identical output", identical.title());
        assertEquals("feasible == feasible and unsafe == false", identical.when().orElseThrow().toSource());
        List<String> constraints = identical.constraints().stream().map(Constraint::toSource).toList();
        assertEquals(List.of("adherence == 1", "adherence in {1, 2}", "forbid adherence in {5}",
                "forbid adherence in {4, n/a}", "require adherence", "justify adherence min 40", "part <= 0.5",
                "coverage > 0", "coverage != 100"), constraints);
        assertInstanceOf(Constraint.Bound.class, identical.constraints().get(0));
        assertInstanceOf(Constraint.OneOf.class, identical.constraints().get(1));
        assertInstanceOf(Constraint.Forbid.class, identical.constraints().get(2));
        assertInstanceOf(Constraint.Require.class, identical.constraints().get(4));
        assertInstanceOf(Constraint.Justify.class, identical.constraints().get(5));
        Rule text = rubric.rules().get(1);
        assertTrue(text.guidanceOnly());
        assertEquals(List.of("quality", "adherence"), text.about());
        assertEquals(Optional.of("text"), text.formerly());
        assertEquals(List.of(identical, text), rubric.rulesAffecting(dim("adherence")));
    }

    @Test
    void decisionTableAndItsRules() {
        Table t = rubric.tables().get(0);
        assertEquals("verdict_table", t.id());
        assertEquals("Verdict from the parts", t.title());
        assertEquals("Follow the table.", t.guidance());
        assertEquals(Optional.of("verdict_rule"), t.formerly());
        assertEquals(List.of("feasible", "adherence", "coverage"), t.inputs());
        assertEquals("verdict", t.output());
        assertEquals(List.of("infeasible | not answered | not answered -> 0", "feasible, partial | >= 4 | not answered, >= 50 -> 1",
                "feasible, partial | >= 4 | < 50 -> 0.5", "feasible, partial | <= 3, n/a | any, not answered -> 0.5"),
                t.rows().stream().map(Table.Row::toSource).toList());
        assertEquals(Value.Number.of("0"), t.otherwise().orElseThrow().value());
        assertEquals("feasible in {feasible, partial} and (adherence == n/a or adherence <= 3) and (coverage is answered "
                + "or not coverage is answered)", t.rows().get(3).when(t.inputs()).toSource());
        assertEquals(List.of(t), rubric.tablesAffecting(dim("coverage")));
        // Enforced as rules, after the written ones: a rule per row and one for `otherwise`.
        List<Rule> enforced = rubric.enforcedRules();
        int written = rubric.rules().size();
        assertEquals(rubric.rules(), enforced.subList(0, written));
        assertEquals(List.of("verdict_table.row-1", "verdict_table.row-2", "verdict_table.row-3", "verdict_table.row-4",
                "verdict_table.otherwise"), enforced.subList(written, enforced.size()).stream().map(Rule::id).toList());
        Rule row2 = enforced.get(written + 1);
        assertEquals(List.of("verdict == 1"), row2.constraints().stream().map(Constraint::toSource).toList(),
                "verdict offers no n/a, so the value constraint alone is exact");
        assertEquals("table \u201CVerdict from the parts\u201D, row 2", org.rubricc.model.Phrases.rule(row2));
        assertTrue(enforced.get(written + 4).when().orElseThrow().toSource().startsWith("not (feasible == infeasible and"));
    }

    @Test
    void aLibrarysRuleIsTheImportingRubricsUnderItsAlias() {
        assertEquals(List.of("identical", "text_in_image", "common.flagged_needs_why"), rubric.rules().stream().map(Rule::id).toList(),
                "the rubric's own rules, then those of its libraries, by alias");
        Rule shared = rubric.rules().get(2);
        assertEquals("unsafe == true", shared.when().orElseThrow().toSource());
        assertEquals(List.of("justify unsafe min 10"), shared.constraints().stream().map(Constraint::toSource).toList());
        assertTrue(shared.span().file().endsWith("scales.rubric"), "its span is in the library: " + shared.span());
    }

    @Test
    void everyElementKeepsItsSourceSpan() {
        Dimension adherence = dim("adherence");
        assertEquals(77, adherence.span().line());
        assertEquals(3, adherence.span().column());
        Condition skip = dim("coverage").skipWhen().orElseThrow();
        assertEquals(92, skip.span().line());
        assertEquals(15, skip.span().column());
        assertTrue(rubric.rules().get(0).constraints().get(0).span().line() > 100);
    }

    @Test
    void crlfLoneCrAndByteOrderMarkReadLikeLf(@TempDir Path tmp) throws IOException {
        String text = Files.readString(DIR.resolve("all-constructs.rubric"));
        Files.createDirectories(tmp.resolve("lib"));
        Files.copy(DIR.resolve("lib/scales.rubric"), tmp.resolve("lib/scales.rubric"));
        for (String ending : List.of("\r\n", "\r")) {
            Path f = tmp.resolve("x.rubric");
            Files.writeString(f, "\uFEFF" + text.replace("\n", ending));
            Compilation c = new Frontend(tmp).check(f);
            assertEquals(List.of(), c.diagnostics());
            Rubric r = c.rubric().orElseThrow();
            assertEquals(rubric.description(), r.description());
            assertEquals(77, r.dimension("adherence").orElseThrow().span().line());
        }
    }

    @Test
    void stringEscapes(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("e.rubric");
        Files.writeString(f, "rubric e\nversion 1.0.0\ntitle \"Quote \\\" backslash \\\\ slash \\/ tab \\t line \\n emoji \\u{1F600}\"\n"
                + "section s \"S\" { dimension d \"D\" { question \"Q\" scale boolean {} } }\n");
        Compilation c = new Frontend(tmp).check(f);
        assertEquals(List.of(), c.diagnostics());
        assertEquals("Quote \" backslash \\ slash / tab \t line \n emoji \uD83D\uDE00", c.rubric().orElseThrow().title());
    }

    @Test
    void notApplicableIsAValueConditionsCanTest(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("na.rubric");
        Files.writeString(f, "rubric na\nversion 1.0.0\ntitle \"N/A\"\nsection s \"S\" {\n"
                + "  dimension x \"X\" { question \"Q\" scale ordinal { 1 \"One\" 2 \"Two\" } not_applicable \"Does not apply\" }\n"
                + "  dimension y \"Y\" { question \"Q\" scale boolean {} skip when x == n/a }\n"
                + "  dimension z \"Z\" { question \"Q\" scale boolean {} skip when x in {n/a, 2} }\n"
                + "  dimension w \"W\" { question \"Q\" scale boolean {} skip when x > 2 }\n"
                + "}\n");
        Compilation c = new Frontend(tmp).check(f);
        assertEquals(List.of("R0901"), c.diagnostics().stream().map(d -> d.code().id()).toList(),
                "only `x > 2` can never be true: " + c.diagnostics());
    }
}
