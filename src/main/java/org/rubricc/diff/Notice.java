package org.rubricc.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rubricc.backend.Markdown;
import org.rubricc.backend.Sentences;
import org.rubricc.docs.DocsTarget;
import org.rubricc.model.Condition;
import org.rubricc.model.Constraint;
import org.rubricc.model.Dimension;
import org.rubricc.model.ItemField;
import org.rubricc.model.Rubric;
import org.rubricc.model.Rule;
import org.rubricc.model.Scale;
import org.rubricc.model.Section;
import org.rubricc.model.Table;
import org.rubricc.model.Value;

/**
 * The calibration notice: what changed from one version to the next, written for raters. Changes are
 * grouped by question (titles, not ids), reworded text is shown as a word-level diff, and each change
 * says what it means for how to rate. All rubric text is escaped (docs' {@link Markdown}), and the
 * result goes through Flexmark's parser and formatter like the guidelines.
 */
public final class Notice {
    private final Diff diff;
    private final Rubric o;
    private final Rubric n;
    private final Sentences oldSentences;
    private final Sentences newSentences;
    private final Matching matching;
    private final StringBuilder md = new StringBuilder();
    private boolean wordDiffs;
    private boolean links;
    /** The extension of the pages the links lead to: {@code md} beside Markdown, {@code html} beside HTML. */
    private String ext = "md";

    private Notice(Diff diff) {
        this.diff = diff;
        this.o = diff.oldRubric();
        this.n = diff.newRubric();
        this.oldSentences = new Sentences(o);
        this.newSentences = new Sentences(n);
        this.matching = new Matching(o, n);
    }

    /** The notice as normalised Markdown. */
    public static String markdown(Diff diff) {
        return DocsTarget.normalise(new Notice(diff).write(1));
    }

    /** The notice as written by `rubricc compile`, beside the guidelines it links to. */
    static String forCompile(Diff diff) {
        Notice notice = new Notice(diff);
        notice.links = true;
        return DocsTarget.normalise(notice.write(1));
    }

    /** The notice as an HTML page, beside the HTML guidelines it links to. */
    static String forCompileHtml(Diff diff) {
        Notice notice = new Notice(diff);
        notice.links = true;
        notice.ext = "html";
        return DocsTarget.page("Calibration notice: " + diff.newRubric().title() + " " + diff.newRubric().version(), notice.write(1));
    }

    /** Each change as one Markdown line of the notice (without its class), in the order of the diff. */
    static List<String> descriptions(Diff diff) {
        Notice notice = new Notice(diff);
        return diff.changes().stream().map(c -> notice.describe(c).replace("\n", " ")).toList();
    }

    private String write(int level) {
        String h1 = "#".repeat(level), h2 = "#".repeat(level + 1), h3 = "#".repeat(level + 2);
        String ov = o.version().toString(), nv = n.version().toString();
        line(h1 + " Calibration notice: " + Markdown.inline(n.title()) + " " + Markdown.inline(nv));
        blank();
        line("What changed for raters from version " + ov + " to version " + nv + " of rubric `" + n.id() + "`."
                + (links ? " The [guidelines](guidelines." + ext + ") of " + nv + " say how to rate now; the [changelog](../CHANGELOG." + ext + ")"
                        + " lists every version." : ""));
        blank();
        line(switch (diff.requiredBump()) {
            case MAJOR -> "**This is a breaking change.** Some ratings made under " + ov + " are not valid under " + nv
                    + ", or mean something else: do not pool ratings of the two versions without converting them (`rubricc migrate`"
                    + " converts them and lists the ratings that must be made again).";
            case MINOR -> "**Re-read and re-align.** Ratings made under " + ov + " stay valid, but how you rate some"
                    + " questions changes.";
            case PATCH -> "**Nothing about how you rate changes**: only wording or layout that does not change meaning.";
            case NONE -> "**Nothing changed.**";
        });
        blank();
        if (diff.changes().isEmpty()) return md.toString();

        Map<String, List<Change>> byDimension = new LinkedHashMap<>();
        Map<String, List<Change>> byRule = new LinkedHashMap<>();
        Map<String, List<Change>> bySection = new LinkedHashMap<>();
        Map<String, List<Change>> byTable = new LinkedHashMap<>();
        List<Change> general = new ArrayList<>();
        List<Change> cosmetic = new ArrayList<>();
        for (Dimension d : n.dimensions()) byDimension.put("new:" + d.id(), new ArrayList<>());
        for (Dimension d : o.dimensions()) if (diff.changes().stream().anyMatch(c -> removed(c, d.id()))) byDimension.put("old:" + d.id(), new ArrayList<>());
        for (Change c : diff.changes()) {
            if (c.changeClass() == ChangeClass.COSMETIC) {
                cosmetic.add(c);
                continue;
            }
            Change.Subject s = c.subject();
            switch (s.kind()) {
                case DIMENSION -> byDimension.get(s.newId().map(x -> "new:" + x).orElse("old:" + s.oldId().orElse(""))).add(c);
                case RULE -> byRule.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(c);
                case SECTION -> bySection.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(c);
                case TABLE -> byTable.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(c);
                default -> general.add(c);
            }
        }

        // Which questions to re-read first.
        List<String> reread = new ArrayList<>();
        for (Map.Entry<String, List<Change>> e : byDimension.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            reread.add(dimensionTitle(e.getKey()) + ": " + summary(e.getValue()));
        }
        for (Map.Entry<String, List<Change>> e : byRule.entrySet()) {
            reread.add("Edge case " + ruleTitle(e.getValue().get(0)) + ": " + summary(e.getValue()));
        }
        for (Map.Entry<String, List<Change>> e : bySection.entrySet()) {
            reread.add("Section " + sectionTitle(e.getValue().get(0)) + ": " + summary(e.getValue()));
        }
        for (Map.Entry<String, List<Change>> e : byTable.entrySet()) {
            reread.add("Decision table " + tableTitle(e.getValue().get(0)) + ": " + summary(e.getValue()));
        }
        if (!general.isEmpty()) reread.add("The rubric as a whole: " + summary(general));
        if (!reread.isEmpty()) {
            line(h2 + " Before you rate again");
            blank();
            line("Re-read these parts of the guidelines for version " + nv + ":");
            blank();
            for (String r : reread) line("- " + r);
            blank();
        }

        StringBuilder details = new StringBuilder();
        StringBuilder saved = new StringBuilder(md);
        md.setLength(0);
        boolean any = false;
        for (Map.Entry<String, List<Change>> e : byDimension.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            any = true;
            line(h3 + " " + dimensionTitle(e.getKey()).replace("**", ""));
            blank();
            for (Change c : e.getValue()) item(c);
            blank();
        }
        if (any) details.append(h2).append(" Changes by question\n\n").append(md);
        md.setLength(0);
        if (!byRule.isEmpty()) {
            line(h2 + " Edge cases");
            blank();
            for (List<Change> cs : byRule.values()) {
                line(h3 + " " + ruleTitle(cs.get(0)).replace("**", ""));
                blank();
                for (Change c : cs) item(c);
                blank();
            }
        }
        if (!bySection.isEmpty()) {
            line(h2 + " Sections");
            blank();
            for (List<Change> cs : bySection.values()) {
                line(h3 + " " + sectionTitle(cs.get(0)).replace("**", ""));
                blank();
                for (Change c : cs) item(c);
                blank();
            }
        }
        if (!byTable.isEmpty()) {
            line(h2 + " Decision tables");
            blank();
            for (List<Change> cs : byTable.values()) {
                line(h3 + " " + tableTitle(cs.get(0)).replace("**", ""));
                blank();
                for (Change c : cs) item(c);
                blank();
            }
        }
        if (!general.isEmpty()) {
            line(h2 + " The rubric as a whole");
            blank();
            for (Change c : general) item(c);
            blank();
        }
        if (!cosmetic.isEmpty()) {
            line(h2 + " Changes that do not affect how you rate");
            blank();
            for (Change c : cosmetic) item(c);
            blank();
        }
        details.append(md);
        md.setLength(0);
        md.append(saved);
        if (wordDiffs) {
            line("In quoted wording below, ~~struck-through~~ words were removed and **bold** words are new.");
            blank();
        }
        md.append(details);
        return md.toString();
    }

    private static boolean removed(Change c, String oldId) {
        return c.subject().kind() == Change.Subject.Kind.DIMENSION && c.subject().newId().isEmpty()
                && c.subject().oldId().map(oldId::equals).orElse(false);
    }

    /** "a breaking change", "re-align", ... for the reading list. */
    private static String summary(List<Change> cs) {
        boolean breaking = cs.stream().anyMatch(c -> c.changeClass() == ChangeClass.BREAKING);
        long n = cs.size();
        return (breaking ? "breaking" : "re-align") + " (" + n + " change" + (n == 1 ? "" : "s") + ")";
    }

    // ---------------------------------------------------------------------------------------------
    // One change
    // ---------------------------------------------------------------------------------------------

    private void item(Change c) {
        String label = switch (c.changeClass()) {
            case BREAKING -> "**Breaking.** ";
            case RECALIBRATE -> "**Re-align.** ";
            case COSMETIC -> cosmeticSubject(c);
        };
        line("- " + label + describe(c).replace("\n", " "));
    }

    /** Cosmetic changes are listed together, so each names the question or edge case it belongs to. */
    private String cosmeticSubject(Change c) {
        if (c.rule() == ChangeRule.TYPOGRAPHY_CHANGED) return "";
        return switch (c.subject().kind()) {
            case DIMENSION -> dimensionTitle(c.subject().newId().map(x -> "new:" + x).orElse("old:" + c.subject().id())) + ": ";
            case RULE -> c.rule() == ChangeRule.RULE_RENAMED ? "" : ruleTitle(c) + ": ";
            case TABLE -> c.rule() == ChangeRule.TABLE_RENAMED || c.rule() == ChangeRule.TABLE_ROWS_REWRITTEN ? "" : tableTitle(c) + ": ";
            default -> "";
        };
    }

    private String describe(Change c) {
        Optional<Dimension> od = c.subject().kind() == Change.Subject.Kind.DIMENSION ? c.subject().oldId().flatMap(o::dimension) : Optional.empty();
        Optional<Dimension> nd = c.subject().kind() == Change.Subject.Kind.DIMENSION ? c.subject().newId().flatMap(n::dimension) : Optional.empty();
        String ov = o.version().toString(), nv = n.version().toString();
        String oldV = c.oldValue().orElse(""), newV = c.newValue().orElse("");
        return switch (c.rule()) {
            case TITLE_REWORDED -> "Title: " + words(oldV, newV);
            case TYPOGRAPHY_CHANGED -> "The typography of " + where(c) + " changed (quotes, dashes, case or spacing); the words are the same.";
            case DESCRIPTION_REWORDED -> where(c) + ": " + words(oldV, newV);
            case ITEM_FIELD_ADDED -> "You are now also shown **" + Markdown.inline(newV) + "**"
                    + n.itemFields().stream().filter(f -> c.subject().newId().orElse("").equals(f.id())).findFirst()
                            .map(ItemField::description).filter(x -> !x.isEmpty()).map(x -> ": " + oneLine(x)).map(Notice::sentence).orElse(".");
            case ITEM_FIELD_REMOVED -> "You are no longer shown **" + Markdown.inline(oldV) + "**.";
            case ITEM_FIELD_KIND_CHANGED -> itemLabel(c) + " is now shown as " + newV + " (was " + oldV + ").";
            case ITEM_FIELD_ORDER_CHANGED -> "What you are shown with each item comes in another order.";
            case SECTION_ADDED -> "New section **" + Markdown.inline(newV) + "**" + n.section(c.subject().id())
                    .map(Section::guidance).filter(g -> !g.isEmpty()).map(g -> ": " + oneLine(g)).map(Notice::sentence).orElse(".");
            case SECTION_REMOVED -> "The section **" + Markdown.inline(oldV) + "** is gone; its questions are listed on their own.";
            case SECTION_RENAMED -> "The section " + sectionTitle(c) + " has a new id (`" + oldV + "` is now `" + newV
                    + "`), which only tools see.";
            case SECTION_ORDER_CHANGED -> "The sections are asked in a new order: " + sectionOrder() + ".";
            case GUIDANCE_REWORDED -> oldV.isEmpty() ? "New guidance: " + oneLine(newV)
                    : newV.isEmpty() ? "Guidance removed: " + words(oldV, "") : "Guidance: " + words(oldV, newV);
            case SKIP_CONDITION_CHANGED -> skip(c, od, nd);
            case DIMENSION_ADDED_REQUIRED -> "New question, **required**: " + question(nd) + " Answer it for every item"
                    + (nd.isPresent() && n.skipCondition(nd.get()).isPresent() ? " where it is asked" : "") + "."
                    + nd.flatMap(d -> d.skipWhen()).map(w -> " " + newSentences.skip(w)).orElse("");
            case DIMENSION_ADDED_OPTIONAL -> "New question, **optional**: " + question(nd) + " You may leave it empty."
                    + nd.flatMap(d -> d.skipWhen()).map(w -> " " + newSentences.skip(w)).orElse("");
            case DIMENSION_REMOVED -> "No longer asked: do not answer it in " + nv + ".";
            case DIMENSION_RENAMED -> "Its id is now `" + newV + "` (was `" + oldV + "`). Only tools that read ratings see"
                    + " this; rate it as before.";
            case DIMENSION_MOVED -> c.path().endsWith("/section")
                    ? "Now asked in section **" + Markdown.inline(n.section(newV).map(Section::title).orElse(newV)) + "** (was **"
                            + Markdown.inline(o.section(oldV).map(Section::title).orElse(oldV)) + "**)."
                    : "Now asked as question " + newV + " (was " + oldV + ").";
            case QUESTION_REWORDED -> "Question: " + words(oldV, newV);
            case OPTIONAL_BECAME_REQUIRED -> "Now **required**: answer it whenever it is asked (it was optional).";
            case REQUIRED_BECAME_OPTIONAL -> "Now **optional**: you may leave it empty (it was required).";
            case WEIGHT_CHANGED -> "Its weight in the overall score is now " + (newV.isEmpty() ? "none" : newV) + " (was "
                    + (oldV.isEmpty() ? "none" : oldV) + "). This changes how scores add up, not how you rate it.";
            case NOT_APPLICABLE_ADDED -> "You may now answer **N/A** when: " + Markdown.inline(newV) + ".";
            case NOT_APPLICABLE_REMOVED -> "**N/A** is no longer an answer (it was for: " + Markdown.inline(oldV) + ").";
            case NOT_APPLICABLE_REWORDED -> "When **N/A** applies: " + words(oldV, newV);
            case SCALE_KIND_CHANGED -> "It is now answered on " + scalePhrase(nd) + " scale (was " + scalePhrase(od)
                    + "). Ratings of it under " + ov + " do not carry over; see the guidelines for its values.";
            case SCALE_REFERENCE_CHANGED -> "It uses a scale with another name in the rubric (" + code(oldV) + " is now "
                    + code(newV) + "); its values are compared one by one.";
            case SCALE_POINT_ADDED -> "New point " + point(nd, newV) + (anchor(nd, newV).isEmpty() ? "." : ": " + sentence(anchor(nd, newV)));
            case SCALE_POINT_REMOVED -> "The point " + point(od, oldV) + " is gone: ratings of " + oldV + " under " + ov
                    + " have no counterpart in " + nv + ". Rate such items with the point whose meaning now fits them.";
            case SCALE_POINT_RENUMBERED -> "Ratings of **" + oldV + "** under " + ov + " are now **" + newV + "**: "
                    + point(od, oldV) + " is now " + point(nd, newV) + ".";
            case SCALE_POINTS_MERGED -> "Ratings of " + list(values(oldV).stream().map(x -> "**" + x + "**").toList(), "or")
                    + " under " + ov + " are now **" + newV + "**: " + list(values(oldV).stream().map(x -> point(od, x)).toList(), "and")
                    + " are now one point, " + point(nd, newV) + ".";
            case SCALE_POINT_SPLIT -> "The point " + point(od, oldV) + " is split into " + list(values(newV).stream()
                    .map(x -> point(nd, x)).toList(), "and") + ": ratings of " + oldV + " under " + ov + " have no single"
                    + " counterpart in " + nv + ". Rate such items again with the point that fits them.";
            case CHOICE_ADDED -> "New choice " + choice(nd, newV)
                    + (choiceAnchor(nd, newV).isEmpty() ? "." : ": " + sentence(choiceAnchor(nd, newV)));
            case CHOICE_REMOVED -> "The choice " + choice(od, oldV) + " is gone.";
            case CHOICES_MERGED -> "The choices " + list(values(oldV).stream().map(x -> choice(od, x)).toList(), "and")
                    + " are now one choice, " + choice(nd, newV) + ": answers of " + list(values(oldV).stream()
                            .map(x -> "`" + x + "`").toList(), "or") + " under " + ov + " are now `" + newV + "`.";
            case CHOICE_SPLIT -> "The choice " + choice(od, oldV) + " is split into " + list(values(newV).stream()
                    .map(x -> choice(nd, x)).toList(), "and") + ": answers of `" + oldV + "` under " + ov + " have no single"
                    + " counterpart in " + nv + ". Answer such items again with the choice that fits them.";
            case CHOICE_RENAMED -> "The choice " + choice(nd, newV) + " has a new id (`" + oldV + "` is now `" + newV
                    + "`). Only tools that read ratings see this; choose it as before.";
            case CHOICE_ORDER_CHANGED -> "Its choices are listed in another order.";
            case LABEL_REWORDED -> labelOf(c, nd) + ": " + words(oldV, newV);
            case ANCHOR_REWORDED -> "What " + valueAt(c, nd) + " means: " + words(oldV, newV);
            case MULTI_MIN_RAISED, MULTI_MIN_LOWERED -> "Select at least " + newV + " (was " + oldV + ").";
            case MULTI_MAX_RAISED, MULTI_MAX_LOWERED -> "Select at most " + newV + " (was " + oldV + ").";
            case RANGE_MIN_RAISED, RANGE_MIN_LOWERED -> "The lowest answer is now " + newV + " (was " + oldV + ").";
            case RANGE_MAX_RAISED, RANGE_MAX_LOWERED -> "The highest answer is now " + newV + " (was " + oldV + ").";
            case RANGE_STEP_CHANGED, RANGE_STEP_REFINED -> (newV.isEmpty() ? "Any number in the range is now an answer"
                    : "Answers are now in steps of " + newV) + " (was " + (oldV.isEmpty() ? "any number" : "steps of " + oldV) + ").";
            case TEXT_MIN_RAISED, TEXT_MIN_LOWERED -> "Answers need at least " + newV + " characters (was " + oldV + ").";
            case TEXT_MAX_RAISED, TEXT_MAX_LOWERED -> "Answers may have " + (newV.isEmpty() ? "any length" : "at most " + newV
                    + " characters") + " (was " + (oldV.isEmpty() ? "any length" : "at most " + oldV) + ").";
            case TEXT_PATTERN_ADDED -> "Answers must now have this format: " + format(nd) + ".";
            case TEXT_PATTERN_REMOVED -> "Answers no longer need a particular format (it was: " + format(od) + ").";
            case TEXT_PATTERN_CHANGED, TEXT_PATTERN_RELAXED -> "The format of answers is now: " + format(nd) + " (was: " + format(od) + ")."
                    + (c.rule() == ChangeRule.TEXT_PATTERN_RELAXED ? " Every answer in the old format is still accepted." : "");
            case TEXT_PATTERN_REWRITTEN -> "Its pattern is written differently (" + code(oldV) + " is now " + code(newV)
                    + "); the same answers match.";
            case TEXT_FORMAT_REWORDED -> "The format of answers: " + words(oldV, newV);
            case EXAMPLE_ADDED -> "New example for " + exampleValue(c, nd) + ": " + oneLine(newV);
            case EXAMPLE_REMOVED -> "The example for " + exampleValue(c, od) + " is gone: " + words(oldV, "");
            case EXAMPLE_REWORDED -> "Example for " + exampleValue(c, nd) + ": " + words(oldV, newV);
            case EXAMPLE_VALUE_CHANGED -> "The example “" + oneLinePlain(exampleText(c, nd)) + "” now illustrates "
                    + nd.map(d -> Sentences.value(d, parse(d, newV))).orElse(newV) + " (was "
                    + od.map(d -> Sentences.value(d, parse(d, oldV))).orElse(oldV) + ").";
            case JUSTIFICATION_ADDED, JUSTIFICATION_REMOVED, JUSTIFICATION_CHANGED -> justification(c, od, nd);
            case RULE_ADDED_CONSTRAINING, RULE_ADDED_GUIDANCE_ONLY -> newRule(c);
            case RULE_REMOVED -> "This edge case is gone" + rule(o, c.subject().oldId()).map(r -> r.guidanceOnly()
                    ? (r.guidance().isEmpty() ? "." : ": " + words(r.guidance(), ""))
                    : ": it no longer applies (it said: " + oldSentences.effect(r) + ")").orElse(".");
            case RULE_RENAMED -> "The edge case " + ruleTitle(c) + " has a new id (`" + oldV + "` is now `" + newV
                    + "`), which only tools see.";
            case RULE_CONSTRAINTS_CHANGED, RULE_CONSTRAINTS_RELAXED -> "Now: " + rule(n, c.subject().newId())
                    .map(this::effect).orElse("") + " Was: " + rule(o, c.subject().oldId()).map(this::oldEffect).orElse("");
            case RULE_CONDITION_CHANGED -> "Now it applies " + rule(n, c.subject().newId()).flatMap(Rule::when)
                    .map(w -> "when " + newSentences.condition(w)).orElse("always") + ". It applied "
                    + rule(o, c.subject().oldId()).flatMap(Rule::when).map(w -> "when " + oldSentences.condition(w)).orElse("always") + ".";
            case RULE_ABOUT_CHANGED -> "It now concerns " + about(n, rule(n, c.subject().newId())) + " (was "
                    + about(o, rule(o, c.subject().oldId())) + ").";
            case TABLE_ADDED -> "New decision table " + tableTitle(c) + ": " + table(n, c.subject().newId()).map(t -> "your answer to "
                    + titleOf(n, t.output()) + " must now be the one it gives for your answers to " + titles(n, t.inputs())).orElse("")
                    + " (see \"Decision tables\" in the guidelines).";
            case TABLE_REMOVED -> "This decision table is gone" + table(o, c.subject().oldId()).map(t -> ": you answer "
                    + titleOf(o, t.output()) + " yourself again").orElse("") + ".";
            case TABLE_RENAMED -> "The decision table " + tableTitle(c) + " has a new id (`" + oldV + "` is now `" + newV
                    + "`), which only tools see.";
            case TABLE_INPUTS_CHANGED -> table(n, c.subject().newId()).map(t -> "It now decides " + titleOf(n, t.output()) + " from "
                    + titles(n, t.inputs())).orElse("It looks at other questions") + table(o, c.subject().oldId()).map(t -> " (it decided "
                    + titleOf(o, t.output()) + " from " + titles(o, t.inputs()) + ")").orElse("") + ".";
            case TABLE_ROW_ADDED -> "New row " + code(newV) + "." + decidedNow(c);
            case TABLE_ROW_REMOVED -> "The row " + code(oldV) + " is gone." + decidedNow(c);
            case TABLE_ROW_CHANGED -> "The row " + code(oldV) + " is now " + code(newV) + "." + decidedNow(c);
            case TABLE_DEFAULT_CHANGED -> (newV.isEmpty() ? "It no longer has " + code(oldV) : oldV.isEmpty() ? "It now has " + code(newV)
                    : code(oldV) + " is now " + code(newV)) + "." + decidedNow(c);
            case TABLE_ROWS_REWRITTEN -> "The decision table " + tableTitle(c) + " is written differently; it gives the same answer "
                    + "for every combination of answers.";
            case UNUSED_SCALE_CHANGED -> "The scale " + code(c.subject().id()) + ", which no question uses, was "
                    + (oldV.isEmpty() ? "added" : newV.isEmpty() ? "removed" : "changed") + ".";
        };
    }

    /** The format a free-text dimension's pattern asks for, in words, as Markdown. */
    private static String format(Optional<Dimension> d) {
        return d.map(Dimension::scale).filter(s -> s instanceof Scale.Text).flatMap(s -> ((Scale.Text) s).pattern())
                .map(p -> p.description().map(Markdown::inline).orElse("the whole answer matches " + code(p.source())))
                .orElse("any text");
    }

    private String skip(Change c, Optional<Dimension> od, Optional<Dimension> nd) {
        boolean section = c.subject().kind() == Change.Subject.Kind.SECTION;
        Optional<Condition> oc, nc;
        if (section) {
            oc = c.subject().oldId().flatMap(o::section).flatMap(Section::skipWhen);
            nc = c.subject().newId().flatMap(n::section).flatMap(Section::skipWhen);
        } else if (c.path().endsWith("/skip") && sectionChanged(od, nd)) {
            oc = od.flatMap(o::skipCondition);
            nc = nd.flatMap(n::skipCondition);
        } else {
            oc = od.flatMap(Dimension::skipWhen);
            nc = nd.flatMap(Dimension::skipWhen);
        }
        String what = section ? "this whole section" : "this question";
        String now = nc.map(x -> "Skip " + what + " when " + newSentences.condition(x) + ".").orElse("It is always asked.");
        String was = oc.map(x -> "Skip " + what + " when " + oldSentences.condition(x) + ".").orElse("It was always asked.");
        String how = c.message().contains("more cases") ? "Skipped in more cases" : c.message().contains("fewer cases")
                ? "Skipped in fewer cases" : "Skipped in other cases";
        return how + ". Now: " + now + " Was: " + was;
    }

    private boolean sectionChanged(Optional<Dimension> od, Optional<Dimension> nd) {
        return od.isPresent() && nd.isPresent() && diff.changes().stream().anyMatch(x -> x.rule() == ChangeRule.DIMENSION_MOVED
                && x.path().equals("dimension:" + nd.get().id() + "/section"));
    }

    private String justification(Change c, Optional<Dimension> od, Optional<Dimension> nd) {
        if (c.subject().kind() == Change.Subject.Kind.RULE) {
            Optional<Constraint> oj = rule(o, c.subject().oldId()).flatMap(r -> justify(r, c, true));
            Optional<Constraint> nj = rule(n, c.subject().newId()).flatMap(r -> justify(r, c, false));
            String now = nj.map(x -> Sentences.capitalise(newSentences.constraint(x)) + ".").orElse("No justification is required.");
            String was = oj.map(x -> Sentences.capitalise(oldSentences.constraint(x)) + ".").orElse("No justification was required.");
            return "When this edge case applies — now: " + now + " Was: " + was;
        }
        Optional<Dimension.Justification> oj = od.flatMap(d -> index(c.path()).filter(i -> c.oldValue().isPresent() && i < d.justifications().size())
                .map(i -> match(d.justifications(), c.oldValue().get()).orElse(null)));
        Optional<Dimension.Justification> nj = nd.flatMap(d -> index(c.path()).filter(i -> c.newValue().isPresent() && i < d.justifications().size())
                .map(i -> d.justifications().get(i)));
        String now = nj.map(j -> newSentences.justification(nd.get(), j)).orElse("No justification is required.");
        String was = oj.map(j -> oldSentences.justification(od.get(), j)).orElse("No justification was required.");
        return "Justification — now: " + now + " Was: " + was;
    }

    private static Optional<Dimension.Justification> match(List<Dimension.Justification> js, String source) {
        return js.stream().filter(j -> JustificationEvaluator.source(j).equals(source)).findFirst();
    }

    private static Optional<Integer> index(String path) {
        int i = path.lastIndexOf("/justify:");
        if (i < 0) return Optional.empty();
        try {
            return Optional.of(Integer.parseInt(path.substring(i + 9)) - 1);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<Constraint> justify(Rule r, Change c, boolean old) {
        String target = c.path().substring(c.path().lastIndexOf("/justify:") + 9);
        return r.constraints().stream().filter(x -> x instanceof Constraint.Justify)
                .filter(x -> old ? matching.newDimensionId(x.target()).orElse(x.target()).equals(target)
                        : x.target().equals(target)).findFirst();
    }

    private String newRule(Change c) {
        Optional<Rule> r = rule(n, c.subject().newId());
        if (r.isEmpty()) return "New edge case.";
        StringBuilder b = new StringBuilder("New edge case " + ruleTitle(c));
        if (!r.get().guidance().isEmpty()) b.append(": ").append(oneLine(r.get().guidance()));
        else b.append('.');
        if (!r.get().guidanceOnly()) b.append(" Effect: ").append(effect(r.get()));
        else if (!r.get().about().isEmpty()) b.append(" It concerns ").append(about(n, r)).append('.');
        return b.toString();
    }

    private String effect(Rule r) {
        return r.constraints().isEmpty() ? "guidance only." : newSentences.effect(r);
    }

    private String oldEffect(Rule r) {
        return r.constraints().isEmpty() ? "guidance only." : oldSentences.effect(r);
    }

    private static String about(Rubric rubric, Optional<Rule> r) {
        if (r.isEmpty() || r.get().about().isEmpty()) return "nothing named";
        List<String> names = r.get().about().stream().map(id -> rubric.dimension(id).map(Sentences::title)
                .orElseGet(() -> "**" + Markdown.inline(rubric.section(id).map(Section::title).orElse(id)) + "**")).toList();
        return String.join(", ", names);
    }

    // ---------------------------------------------------------------------------------------------
    // Names, values and words
    // ---------------------------------------------------------------------------------------------

    private String dimensionTitle(String key) {
        boolean isNew = key.startsWith("new:");
        String id = key.substring(4);
        Optional<Dimension> d = isNew ? n.dimension(id) : o.dimension(id);
        return d.map(Sentences::title).orElse("`" + id + "`") + (isNew ? "" : " (removed)");
    }

    private String ruleTitle(Change c) {
        Optional<Rule> r = rule(n, c.subject().newId()).or(() -> rule(o, c.subject().oldId()));
        return r.map(x -> "**" + Markdown.inline(x.title()) + "**").orElse("`" + c.subject().id() + "`")
                + (c.subject().newId().isEmpty() ? " (removed)" : "");
    }

    private String tableTitle(Change c) {
        Optional<Table> t = table(n, c.subject().newId()).or(() -> table(o, c.subject().oldId()));
        return t.map(x -> "**" + Markdown.inline(x.title()) + "**").orElse("`" + c.subject().id() + "`")
                + (c.subject().newId().isEmpty() ? " (removed)" : "");
    }

    private static Optional<Table> table(Rubric r, Optional<String> id) {
        return id.flatMap(x -> r.tables().stream().filter(t -> t.id().equals(x)).findFirst());
    }

    private static String titleOf(Rubric r, String dimension) {
        return r.dimension(dimension).map(Sentences::title).orElse("`" + dimension + "`");
    }

    private static String titles(Rubric r, List<String> dimensions) {
        return Sentences.list(dimensions.stream().map(d -> titleOf(r, d)).toList(), "and");
    }

    /** Where the table now decides otherwise, from the change's message: "It now decides ... when ...". */
    private static String decidedNow(Change c) {
        int at = c.message().indexOf("; it now decides ");
        if (at < 0) return "";
        // Ids and values only, which need no escaping; the ids are shown as code.
        return " It now decides " + c.message().substring(at + "; it now decides ".length()) + ".";
    }

    private String sectionTitle(Change c) {
        Optional<Section> s = c.subject().newId().flatMap(n::section).or(() -> c.subject().oldId().flatMap(o::section));
        return s.map(x -> "**" + Markdown.inline(x.title()) + "**").orElse("`" + c.subject().id() + "`")
                + (c.subject().newId().isEmpty() ? " (removed)" : "");
    }

    private String itemLabel(Change c) {
        return n.itemFields().stream().filter(f -> f.id().equals(c.subject().id())).findFirst()
                .map(f -> "**" + Markdown.inline(f.label()) + "**").orElse("`" + c.subject().id() + "`");
    }

    private String sectionOrder() {
        return String.join(", ", n.sections().stream().map(s -> "**" + Markdown.inline(s.title()) + "**").toList());
    }

    private static Optional<Rule> rule(Rubric r, Optional<String> id) {
        return id.flatMap(x -> r.rules().stream().filter(y -> y.id().equals(x)).findFirst());
    }

    /** What a path points at, in words, for typography and description changes. */
    private String where(Change c) {
        String p = c.path();
        String field = p.substring(p.lastIndexOf('/') + 1);
        String owner = switch (c.subject().kind()) {
            case RUBRIC -> "the rubric";
            case ITEM_FIELD -> "the item field " + itemLabel(c);
            case SECTION -> "the section " + sectionTitle(c);
            case DIMENSION -> "the question " + c.subject().newId().flatMap(n::dimension).map(Sentences::title).orElse("");
            case RULE -> "the edge case " + ruleTitle(c);
            case TABLE -> "the decision table " + tableTitle(c);
            case SCALE -> "the scale " + code(c.subject().id());
        };
        if (p.contains("/point:") || p.contains("/choice:") || p.endsWith("/yes") || p.endsWith("/no")) {
            return "the " + (field.equals("description") ? "meaning" : "label") + " of "
                    + valueAt(c, c.subject().newId().flatMap(n::dimension)) + " (" + owner.replace("the question ", "") + ")";
        }
        if (p.contains("/example:")) return "an example of " + owner;
        return switch (field) {
            case "title" -> "the title of " + owner;
            case "description" -> Sentences.capitalise("the description of " + owner).replace("The description of the rubric", "The rubric's description");
            case "label" -> "the label of " + owner;
            case "question" -> "the question of " + owner.replace("the question ", "");
            case "guidance" -> "the guidance of " + owner;
            case "not_applicable" -> "the N/A label of " + owner.replace("the question ", "");
            default -> owner;
        };
    }

    private String labelOf(Change c, Optional<Dimension> nd) {
        if (c.subject().kind() == Change.Subject.Kind.ITEM_FIELD) return "The label of what you are shown";
        return "Label of " + valueAt(c, nd);
    }

    /** The value a point, choice or boolean path is about, as the rater sees it in the new version: "**2 – Partial**". */
    private String valueAt(Change c, Optional<Dimension> d) {
        String p = c.path();
        if (d.isEmpty()) return "a value";
        if (p.contains("/point:")) {
            String v = p.substring(p.indexOf("/point:") + 7).split("/")[0];
            return Sentences.value(d.get(), Value.Number.of(v));
        }
        if (p.contains("/choice:")) {
            String id = p.substring(p.indexOf("/choice:") + 8).split("/")[0];
            return Sentences.value(d.get(), new Value.Choice(id));
        }
        if (p.endsWith("/yes")) return "the answer *yes* (" + Sentences.value(d.get(), new Value.Bool(true)) + ")";
        if (p.endsWith("/no")) return "the answer *no* (" + Sentences.value(d.get(), new Value.Bool(false)) + ")";
        return "a value";
    }

    /** The values of a merge or split, as the change lists them ("1, 2"). */
    private static List<String> values(String joined) {
        return List.of(joined.split(", "));
    }

    /** "a", "a or b", "a, b or c". */
    private static String list(List<String> items, String conjunction) {
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " " + items.get(items.size() - 1);
    }

    private static String point(Optional<Dimension> d, String value) {
        if (d.isEmpty()) return "**" + value + "**";
        return Sentences.value(d.get(), Value.Number.of(value));
    }

    private static String anchor(Optional<Dimension> d, String value) {
        if (d.isEmpty() || !(d.get().scale() instanceof Scale.Ordinal s)) return "";
        return s.point(new java.math.BigDecimal(value)).map(p -> oneLine(p.description())).orElse("");
    }

    private static String choice(Optional<Dimension> d, String id) {
        if (d.isEmpty()) return "`" + id + "`";
        return Sentences.value(d.get(), new Value.Choice(id));
    }

    private static String choiceAnchor(Optional<Dimension> d, String id) {
        if (d.isEmpty()) return "";
        Scale s = d.get().scale();
        List<Scale.Choice> cs = s instanceof Scale.Categorical c ? c.choices() : s instanceof Scale.MultiSelect m ? m.choices() : List.of();
        return cs.stream().filter(c -> c.id().equals(id)).findFirst().map(c -> oneLine(c.description())).orElse("");
    }

    private static String scalePhrase(Optional<Dimension> d) {
        return d.map(x -> x.scale().kindPhrase()).orElse("another");
    }

    private static String question(Optional<Dimension> d) {
        return d.map(x -> "“" + oneLine(x.question()) + "”").orElse("");
    }

    private String exampleValue(Change c, Optional<Dimension> d) {
        String written = c.path().substring(c.path().lastIndexOf("/example:") + 9);
        // the second example of a value is `example:2#2`
        String v = written.indexOf('#') > 0 ? written.substring(0, written.indexOf('#')) : written;
        return d.map(x -> Sentences.value(x, parse(x, v))).orElse("**" + Markdown.inline(v) + "**");
    }

    /** The text of the new example a change is about, found by its line. */
    private static String exampleText(Change c, Optional<Dimension> d) {
        return d.flatMap(x -> x.examples().stream().filter(e -> c.newLine().equals(Optional.of(e.span().line()))).findFirst())
                .map(Dimension.Example::text).orElse("");
    }

    /** A value written in the rubric language, as a value of this dimension. */
    private static Value parse(Dimension d, String v) {
        if (v.equals("n/a")) return Value.NotApplicable.INSTANCE;
        if (d.scale() instanceof Scale.Ordinal || d.scale() instanceof Scale.Numeric) {
            try {
                return Value.Number.of(v);
            } catch (NumberFormatException e) {
                return new Value.Choice(v);
            }
        }
        if (d.scale() instanceof Scale.Bool) return new Value.Bool(v.equals("true") || v.equals("yes"));
        return new Value.Choice(v);
    }

    /** Ends the text with a full stop unless it already ends a sentence. */
    private static String sentence(String s) {
        String t = s.stripTrailing();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") || t.endsWith(":") ? t : t + ".";
    }

    private static String code(String s) {
        return "`" + s.replace("`", "'") + "`";
    }

    /** Prose on one line, Markdown kept, HTML neutralised. */
    private static String oneLine(String prose) {
        return Markdown.prose(prose).replace("\n", " ").strip();
    }

    private static String oneLinePlain(String text) {
        return Markdown.inline(Texts.oneLine(text));
    }

    /** Old and new wording as a word-level diff: ~~removed~~ **added**; every word escaped as plain text. */
    private String words(String oldText, String newText) {
        wordDiffs = true;
        return render(WordDiff.diff(oldText, newText));
    }

    static String render(List<WordDiff.Run> runs) {
        StringBuilder out = new StringBuilder();
        WordDiff.Run prev = null;
        for (WordDiff.Run r : runs) {
            String text = Markdown.inline(r.text());
            if (prev != null) {
                boolean space = r.tokens().get(0).spaced() || (prev.op() == WordDiff.Op.REMOVE && r.op() == WordDiff.Op.ADD);
                if (!space) {
                    // Punctuation stays on its word ("~~resolution~~ **detail**)."), unless Markdown would then not
                    // read the ~~ or ** as a delimiter: one between a letter and a punctuation mark.
                    String before = prev.text(), after = r.text();
                    boolean wordBefore = isWordChar(before.codePointBefore(before.length()));
                    boolean wordAfter = isWordChar(after.codePointAt(0));
                    space = (prev.op() != WordDiff.Op.KEEP && !wordBefore && wordAfter)
                            || (r.op() != WordDiff.Op.KEEP && wordBefore && !wordAfter);
                }
                if (space) out.append(' ');
            }
            out.append(switch (r.op()) {
                case KEEP -> text;
                case REMOVE -> "~~" + text + "~~";
                case ADD -> "**" + text + "**";
            });
            prev = r;
        }
        return out.toString();
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK || cp == '_';
    }

    private void line(String s) {
        md.append(s).append('\n');
    }

    private void blank() {
        md.append('\n');
    }
}
