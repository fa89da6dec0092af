package org.rubricc.docs;


import java.util.List;
import java.util.Optional;
import org.rubricc.backend.Markdown;
import org.rubricc.backend.Sentences;
import org.rubricc.model.Condition;
import org.rubricc.model.Dimension;
import org.rubricc.model.ItemField;
import org.rubricc.model.Rubric;
import org.rubricc.model.Rule;
import org.rubricc.model.Scale;
import org.rubricc.model.Section;
import org.rubricc.model.Table;

/** Writes a rubric's guidelines as Markdown, in the order a rater works. */
final class GuidelinesWriter {
    private final Rubric rubric;
    private final Sentences sentences;
    private final StringBuilder md = new StringBuilder();

    private final Optional<org.rubricc.model.Version> previous;
    /** Where {@code write(true)} puts its table-of-contents marker, as an offset into {@code write(false)}'s text. */
    private int tocOffset = -1;

    /** @param previous the version before this one, when the compiler has it (so a calibration notice exists) */
    GuidelinesWriter(Rubric rubric, Optional<org.rubricc.model.Version> previous) {
        this.rubric = rubric;
        this.previous = previous;
        this.sentences = new Sentences(rubric);
    }

    /** @param toc whether to place a table-of-contents marker (for the HTML page) */
    String write(boolean toc) {
        // The HTML page links to the HTML pages beside it, the Markdown to the Markdown: a rater's browser shows
        // each as a page, never as raw Markdown.
        String ext = toc ? "html" : "md";
        line("# " + Markdown.inline(rubric.title()));
        blank();
        line("Version " + Markdown.inline(rubric.version().toString()) + " of rubric `" + rubric.id() + "`. "
                + previous.map(p -> "What changed since version " + Markdown.inline(p.toString())
                        + ", and how it affects your ratings: the [calibration notice](calibration-notice." + ext + "). ").orElse("")
                + "Every version: the [changelog](../CHANGELOG." + ext + ").");
        blank();
        if (!rubric.description().isEmpty()) {
            line(Markdown.prose(rubric.description()));
            blank();
        }
        if (toc) {
            line("[TOC]");
            blank();
        } else {
            tocOffset = md.length();
        }
        shown();
        workflow();
        int number = 0;
        for (Section s : rubric.sections()) {
            line("## " + Markdown.inline(s.title()));
            blank();
            s.skipWhen().ifPresent(c -> {
                line("*Skip this whole section when " + sentences.condition(c) + ".*");
                blank();
            });
            if (!s.guidance().isEmpty()) {
                line(Markdown.prose(s.guidance()));
                blank();
            }
            for (Dimension d : s.dimensions()) dimension(++number, d);
        }
        edgeCases();
        decisionTables();
        return md.toString();
    }

    /** After {@code write(false)}: the offset in its text at which {@code write(true)} has the line {@code [TOC]}. */
    int tocOffset() {
        if (tocOffset < 0) throw new IllegalStateException("write(false) first");
        return tocOffset;
    }

    private void shown() {
        if (rubric.itemFields().isEmpty()) return;
        line("## What you are shown");
        blank();
        line("| What | Kind | Details |");
        line("|---|---|---|");
        for (ItemField f : rubric.itemFields()) {
            line("| " + Markdown.cell(f.label()) + " | " + f.kind().keyword() + " | " + Markdown.proseCell(f.description()) + " |");
        }
        blank();
    }

    private void workflow() {
        line("## How to rate an item");
        blank();
        line("Answer the questions in this order. A question that is skipped is not shown to you and must stay empty.");
        blank();
        int number = 0;
        int step = 0;
        for (Section s : rubric.sections()) {
            StringBuilder b = new StringBuilder();
            b.append(++step).append(". **").append(Markdown.inline(s.title())).append("**: ");
            List<String> names = new java.util.ArrayList<>();
            for (Dimension d : s.dimensions()) names.add((++number) + ". " + Markdown.inline(d.title()));
            b.append(String.join("; ", names)).append('.');
            s.skipWhen().ifPresent(c -> b.append(" Skipped when ").append(sentences.condition(c)).append('.'));
            line(b.toString());
        }
        blank();
    }

    private void dimension(int number, Dimension d) {
        line("### " + number + ". " + Markdown.inline(d.title()));
        blank();
        line("**Question:** " + Markdown.prose(d.question()).replace("\n", " "));
        blank();
        StringBuilder facts = new StringBuilder(!d.required() ? "Optional: you may leave it empty."
                : rubric.skipCondition(d).isPresent() ? "Required when asked." : "Required.");
        d.weight().ifPresent(w -> facts.append(" Weight ").append(w.toPlainString()).append(" in the overall score."));
        line(facts.toString());
        blank();
        scaleTable(d);
        Optional<Condition> ownSkip = d.skipWhen();
        ownSkip.ifPresent(c -> {
            line("**When to skip:** " + sentences.skip(c));
            blank();
        });
        rubric.sectionOf(d).skipWhen().ifPresent(c -> {
            line("**Section skipped:** this question is also skipped when " + sentences.condition(c) + ".");
            blank();
        });
        for (Dimension.Justification j : d.justifications()) {
            line("**Justification:** " + sentences.justification(d, j));
            blank();
        }
        if (!d.examples().isEmpty()) {
            line("**Examples:**");
            blank();
            for (Dimension.Example e : d.examples()) {
                line("- " + Sentences.value(d, e.value()) + ": " + Markdown.prose(e.text()).replace("\n", " "));
            }
            blank();
        }
        if (!d.guidance().isEmpty()) {
            line("**Guidance:**");
            blank();
            line(Markdown.prose(d.guidance()));
            blank();
        }
        decidedBy(d);
        List<Rule> rules = rubric.rulesAffecting(d);
        if (!rules.isEmpty()) {
            line("**Edge cases:**");
            blank();
            // Each edge case whole, where the rater needs it: the effect, then the rule's guidance, every paragraph
            // of it, inside the list item.
            for (Rule r : rules) {
                String body = r.guidanceOnly() ? Markdown.prose(r.guidance())
                        : sentences.effect(r) + (r.guidance().isEmpty() ? "" : "\n\n" + Markdown.prose(r.guidance()));
                line("- *" + Markdown.inline(r.title()) + "*: " + body.strip().replace("\n", "\n  "));
            }
            blank();
        }
    }

    /** Where the dimension's answer is decided by a table, the rater is sent to it. */
    private void decidedBy(Dimension d) {
        for (Table t : rubric.tables()) {
            if (!t.output().equals(d.id())) continue;
            line("**Decided by a table:** your answer must be the one the table *" + Markdown.inline(t.title())
                    + "* (under \"Decision tables\") gives for your answers to "
                    + Sentences.list(t.inputs().stream().map(i -> rubric.dimension(i).map(Sentences::title).orElse(i)).toList(), "and") + ".");
            blank();
        }
    }

    private void scaleTable(Dimension d) {
        Scale s = d.scale();
        if (s instanceof Scale.Ordinal o) {
            line("| Value | Label | What it means |");
            line("|---|---|---|");
            for (Scale.Point p : o.points()) {
                line("| " + p.value().toPlainString() + " | " + Markdown.cell(p.label()) + " | " + Markdown.proseCell(p.description()) + " |");
            }
        } else if (s instanceof Scale.Categorical || s instanceof Scale.MultiSelect) {
            List<Scale.Choice> choices = s instanceof Scale.Categorical c ? c.choices() : ((Scale.MultiSelect) s).choices();
            if (s instanceof Scale.MultiSelect m) {
                line("Select " + range(m.min(), m.max(), choices.size()) + ".");
                blank();
            }
            line("| Choice | What it means |");
            line("|---|---|");
            for (Scale.Choice c : choices) line("| " + Markdown.cell(c.label()) + " | " + Markdown.proseCell(c.description()) + " |");
        } else if (s instanceof Scale.Bool b) {
            line("Answer **" + Markdown.inline(b.yesLabel()) + "** or **" + Markdown.inline(b.noLabel()) + "**.");
        } else if (s instanceof Scale.Numeric r) {
            line("Answer with a number from " + r.min().toPlainString() + " to " + r.max().toPlainString()
                    + r.step().map(x -> ", in steps of " + x.toPlainString()).orElse("") + ".");
        } else if (s instanceof Scale.Text t) {
            String min = t.minLength() > 0 ? "at least " + t.minLength() + " characters" : "";
            String max = t.maxLength().map(m -> "at most " + m + " characters").orElse("");
            line("Answer in your own words" + (min.isEmpty() && max.isEmpty() ? "" : ": " + String.join(", ", List.of(min, max)
                    .stream().filter(x -> !x.isEmpty()).toList())) + ".");
            t.pattern().ifPresent(p -> {
                blank();
                line(p.description().map(w -> "Format: " + Markdown.inline(w) + ".")
                        .orElse("Format: the whole answer must match the pattern " + Markdown.inline(p.source())
                                + " (a regular expression; see the README's text patterns)."));
            });
        }
        if (d.notApplicable().isPresent()) {
            blank();
            line("You may also answer **N/A** when: " + Markdown.inline(d.notApplicable().get()) + ".");
        }
        blank();
    }

    private static String range(int min, int max, int all) {
        if (min == 0 && max == all) return "all that apply, or none";
        if (min == max) return "exactly " + min;
        if (max == all) return "at least " + min;
        return min + " to " + max;
    }

    private void edgeCases() {
        if (rubric.rules().isEmpty()) return;
        // A rubric may have a section of its own called "Edge cases" (image-quality has): the heading must not repeat it.
        String heading = rubric.sections().stream().anyMatch(s -> s.title().strip().equalsIgnoreCase("Edge-case rules"))
                ? "Rules for edge cases" : "Edge-case rules";
        line("## " + heading);
        blank();
        for (Rule r : rubric.rules()) {
            line("### " + Markdown.inline(r.title()));
            blank();
            if (!r.guidance().isEmpty()) {
                line(Markdown.prose(r.guidance()));
                blank();
            }
            if (r.guidanceOnly()) {
                if (!r.about().isEmpty()) {
                    List<String> names = r.about().stream().map(id -> rubric.dimension(id).map(Sentences::title)
                            .orElseGet(() -> Sentences.bold(rubric.section(id).map(Section::title).orElse(id)))).toList();
                    line("**Applies to:** " + Sentences.list(names, "and") + ".");
                    blank();
                }
            } else {
                line("**Effect:** " + sentences.effect(r));
                blank();
            }
        }
    }

    /** Each decision table as a table: a column per input, the value decided last, then what `otherwise` decides. */
    private void decisionTables() {
        if (rubric.tables().isEmpty()) return;
        line("## Decision tables");
        blank();
        line("Where a table decides an answer, find the row that matches your answers to the questions on its left, "
                + "and give the answer on its right. *Any answer* matches every answer, N/A included; *not answered* "
                + "matches a question that was skipped or left empty.");
        blank();
        for (Table t : rubric.tables()) {
            Dimension out = rubric.dimension(t.output()).orElseThrow();
            line("### " + Markdown.inline(t.title()));
            blank();
            if (!t.guidance().isEmpty()) {
                line(Markdown.prose(t.guidance()));
                blank();
            }
            StringBuilder head = new StringBuilder("|");
            StringBuilder rule = new StringBuilder("|");
            for (String in : t.inputs()) {
                head.append(" ").append(Markdown.cell(rubric.dimension(in).map(Dimension::title).orElse(in))).append(" |");
                rule.append("---|");
            }
            head.append(" ").append(Markdown.cell(out.title())).append(" |");
            rule.append("---|");
            line(head.toString());
            line(rule.toString());
            for (Table.Row r : t.rows()) {
                StringBuilder row = new StringBuilder("|");
                for (int i = 0; i < t.inputs().size(); i++) {
                    Dimension in = rubric.dimension(t.inputs().get(i)).orElseThrow();
                    row.append(" ").append(cell(in, r.cells().get(i))).append(" |");
                }
                row.append(" ").append(Markdown.cell(Sentences.label(out, r.output()))).append(" |");
                line(row.toString());
            }
            blank();
            t.otherwise().ifPresent(o -> {
                line("For any other answers: " + Sentences.value(out, o.value()) + ".");
                blank();
            });
        }
    }

    private static String cell(Dimension d, Table.Cell c) {
        List<String> parts = new java.util.ArrayList<>();
        if (c.any()) parts.add("*any answer*");
        if (c.unanswered()) parts.add("*not answered*");
        for (Table.Cell.Test t : c.tests()) {
            String label = Markdown.cell(Sentences.label(d, t.value()));
            parts.add(t.op() == Condition.Op.EQ ? label : Markdown.cell(t.op().symbol()) + " " + label);
        }
        return String.join(", ", parts);
    }

    private void line(String s) {
        md.append(s).append('\n');
    }

    private void blank() {
        md.append('\n');
    }

}
