package org.rubricc.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rubricc.backend.Json;
import org.rubricc.backend.Markdown;
import org.rubricc.backend.Sentences;
import org.rubricc.model.Constraint;
import org.rubricc.model.Dimension;
import org.rubricc.model.ItemField;
import org.rubricc.model.Rubric;
import org.rubricc.model.Rule;
import org.rubricc.model.Scale;
import org.rubricc.model.Section;

/**
 * The react-jsonschema-form uiSchema for a rubric's rating form (README, "Using the rating form"): how the
 * form is drawn, never what it accepts. Questions in the rubric's order, each with the widget its scale
 * calls for (radio buttons, checkboxes, a text area), its question as the description, and its anchors,
 * guidance, examples and edge-case rules as help; the first question of a section carries the section's
 * title and guidance. All rubric prose is Markdown with raw HTML neutralised; names and labels are plain
 * text.
 */
public final class UiSchemaEncoder {
    private final Rubric rubric;

    public UiSchemaEncoder(Rubric rubric) {
        this.rubric = rubric;
    }

    public ObjectNode encode() {
        ObjectNode ui = Json.object();
        ui.put("ui:description", formDescription());
        ui.put("ui:enableMarkdownInDescription", true);
        ui.putArray("ui:order").add("item").add("rater").add("answers").add("justifications").add("*");
        ui.putObject("rubric").put("ui:widget", "hidden");
        ui.putObject("version").put("ui:widget", "hidden");
        ui.putObject("item").put("ui:readonly", true);
        ui.putObject("rater").put("ui:readonly", true);
        ObjectNode answers = ui.putObject("answers");
        answers.put("ui:title", "Questions");
        answers.put("ui:description", "Answer every question shown. Questions that do not apply to this item are hidden.");
        ArrayNode order = answers.putArray("ui:order");
        for (Section s : rubric.sections()) {
            for (int i = 0; i < s.dimensions().size(); i++) {
                Dimension d = s.dimensions().get(i);
                order.add(d.id());
                answers.set(d.id(), question(d, s, i == 0));
            }
        }
        order.add("*");
        ObjectNode justifications = ui.putObject("justifications");
        justifications.put("ui:title", "Justifications");
        justifications.put("ui:description", "Say why you answered as you did, where the guidelines ask for it.");
        ArrayNode justificationOrder = justifications.putArray("ui:order");
        for (Dimension d : rubric.dimensions()) {
            justificationOrder.add(d.id());
            if (!justifiable(d)) continue;
            ObjectNode j = justifications.putObject(d.id());
            j.put("ui:widget", "textarea");
            j.putObject("ui:options").put("rows", 3);
            j.put("ui:placeholder", "Why did you answer " + d.title() + " this way?");
        }
        justificationOrder.add("*");
        ui.putObject("ui:submitButtonOptions").put("submitText", "Save rating");
        return ui;
    }

    private String formDescription() {
        StringBuilder b = new StringBuilder();
        if (!rubric.description().isEmpty()) b.append(Markdown.prose(rubric.description())).append("\n\n");
        if (!rubric.itemFields().isEmpty()) {
            b.append("Each item shows:\n\n");
            for (ItemField f : rubric.itemFields()) {
                b.append("- **").append(Markdown.inline(f.label())).append("**");
                if (!f.description().isEmpty()) b.append(": ").append(Markdown.inline(f.description()));
                b.append('\n');
            }
        }
        return b.toString().strip();
    }

    private ObjectNode question(Dimension d, Section s, boolean firstOfSection) {
        ObjectNode q = Json.object();
        Scale scale = d.scale();
        boolean choice = scale instanceof Scale.Ordinal || scale instanceof Scale.Categorical || scale instanceof Scale.Bool;
        boolean notApplicable = d.notApplicable().isPresent();
        if (choice) {
            q.put("ui:widget", "radio");
        } else if (!notApplicable) {
            // With "n/a", the answer is an `anyOf` (the value, or "n/a"), which the renderer draws as its own choice.
            q.put("ui:widget", scale instanceof Scale.MultiSelect ? "checkboxes" : scale instanceof Scale.Text ? "textarea" : "updown");
        }
        if (choice && notApplicable) {
            // The answer is an `enum` of two JSON types: the renderer takes the labels from here.
            ObjectNode names = q.putObject("ui:enumNames");
            List<String> labels = SchemaEncoder.labels(d);
            List<String> keys = keys(scale);
            for (int i = 0; i < keys.size(); i++) names.put(keys.get(i), labels.get(i));
            names.put("n/a", d.notApplicable().get());
        }
        StringBuilder description = new StringBuilder();
        if (firstOfSection) {
            description.append("> **").append(Markdown.inline(s.title())).append("**");
            if (!s.guidance().isEmpty()) description.append(": ").append(Markdown.prose(s.guidance()).replace("\n", "\n> "));
            description.append("\n\n");
        }
        description.append(Markdown.inline(d.question().isEmpty() ? d.title() : d.question()));
        q.put("ui:description", description.toString());
        q.put("ui:enableMarkdownInDescription", true);
        String help = help(d);
        if (!help.isEmpty()) {
            q.put("ui:help", help);
            q.put("ui:enableMarkdownInHelp", true);
        }
        q.put("ui:classNames", "rubricc-question rubricc-section-" + s.id() + (firstOfSection ? " rubricc-section-start" : ""));
        return q;
    }

    /** The keys of {@code ui:enumNames}: each value as JavaScript's {@code String(value)} writes it. */
    private static List<String> keys(Scale s) {
        if (s instanceof Scale.Ordinal o) return o.points().stream().map(p -> p.value().stripTrailingZeros().toPlainString()).toList();
        if (s instanceof Scale.Categorical c) return c.choices().stream().map(Scale.Choice::id).toList();
        return List.of("true", "false");
    }

    /** Anchors, guidance, examples and the edge cases that concern the question, as Markdown. */
    private String help(Dimension d) {
        StringBuilder b = new StringBuilder();
        Map<String, String> anchors = new LinkedHashMap<>();
        Scale s = d.scale();
        if (s instanceof Scale.Ordinal o) {
            o.points().forEach(p -> anchors.put(p.value().toPlainString() + " \u2013 " + p.label(), p.description()));
        } else if (s instanceof Scale.Categorical c) {
            c.choices().forEach(ch -> anchors.put(ch.label(), ch.description()));
        } else if (s instanceof Scale.MultiSelect m) {
            m.choices().forEach(ch -> anchors.put(ch.label(), ch.description()));
        }
        if (s instanceof Scale.Text t && t.pattern().isPresent()) {
            b.append(t.pattern().get().description().map(w -> "Format: " + Markdown.inline(w) + ".")
                    .orElse("Format: the whole answer must match the pattern " + Markdown.inline(t.pattern().get().source()) + "."))
                    .append('\n');
        }
        anchors.forEach((label, meaning) -> {
            if (meaning.isEmpty()) return;
            b.append("- **").append(Markdown.inline(label)).append("**: ").append(Markdown.prose(meaning).replace("\n", " ")).append('\n');
        });
        if (!d.guidance().isEmpty()) {
            if (b.length() > 0) b.append('\n');
            b.append(Markdown.prose(d.guidance())).append('\n');
        }
        if (!d.examples().isEmpty()) {
            if (b.length() > 0) b.append('\n');
            b.append("Examples:\n\n");
            for (Dimension.Example e : d.examples()) {
                b.append("- *").append(Markdown.inline(Sentences.label(d, e.value()))).append("*: ")
                        .append(Markdown.prose(e.text()).replace("\n", " ")).append('\n');
            }
        }
        for (org.rubricc.model.Table t : rubric.tables()) {
            if (!t.output().equals(d.id())) continue;
            if (b.length() > 0) b.append('\n');
            b.append("Decided by the table **").append(Markdown.inline(t.title())).append("**: give the answer of the row that matches ")
                    .append("your answers above.\n\n");
            for (String line : Sentences.tableRows(rubric, t)) b.append("- ").append(line).append('\n');
        }
        List<Rule> rules = rubric.rulesAffecting(d);
        if (!rules.isEmpty()) {
            if (b.length() > 0) b.append('\n');
            b.append("Edge cases:\n\n");
            Sentences sentences = new Sentences(rubric);
            for (Rule r : rules) {
                b.append("- **").append(Markdown.inline(r.title())).append("**");
                String effect = r.guidanceOnly() ? "" : sentences.effect(r);
                String guidance = Markdown.prose(r.guidance()).replace("\n", " ");
                String text = (effect + " " + guidance).strip();
                if (!text.isEmpty()) b.append(": ").append(text);
                b.append('\n');
            }
        }
        return b.toString().strip();
    }

    /** Whether the rubric can ever require a justification of {@code d}, so the form may show its box. */
    private boolean justifiable(Dimension d) {
        if (!d.justifications().isEmpty()) return true;
        return rubric.constraintsOn(d.id()).stream().anyMatch(rc -> rc.constraint() instanceof Constraint.Justify);
    }
}
