package org.rubricc.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rubricc.model.Condition;
import org.rubricc.model.Constraint;
import org.rubricc.model.Dimension;
import org.rubricc.model.Phrases;
import org.rubricc.model.Rubric;
import org.rubricc.model.Rule;
import org.rubricc.model.Scale;

/**
 * Judges submitted ratings against one rubric version, as the README's "Submission format" and
 * language reference define. This is the reference the generated JSON Schema must agree with
 * (checked by a differential test). Thread-safe: all state is computed once per rubric.
 */
public final class Validator {
    static final Set<String> TOP_LEVEL = Set.of("rubric", "version", "item", "rater", "answers", "justifications");

    private final Rubric rubric;
    private final List<Dimension> dimensions;
    private final Map<String, Dimension> byId = new HashMap<>();
    private final Map<String, Optional<Condition>> skips = new HashMap<>();
    // Computed once, so judging a rating builds no string unless it reports a violation.
    private final Map<String, String> answerPaths = new HashMap<>();
    private final Map<String, String> justificationPaths = new HashMap<>();
    private final Map<String, Set<String>> choiceIds = new HashMap<>();
    private final Map<String, String> titles = new HashMap<>();

    public Validator(Rubric rubric) {
        this.rubric = rubric;
        this.dimensions = rubric.dimensions();
        for (Dimension d : dimensions) {
            byId.put(d.id(), d);
            skips.put(d.id(), rubric.skipCondition(d));
            answerPaths.put(d.id(), Violation.pointer("/answers", d.id()));
            titles.put(d.id(), Phrases.title(d));
            justificationPaths.put(d.id(), Violation.pointer("/justifications", d.id()));
            List<Scale.Choice> choices = d.scale() instanceof Scale.Categorical c ? c.choices()
                    : d.scale() instanceof Scale.MultiSelect m ? m.choices() : List.of();
            choiceIds.put(d.id(), choices.stream().map(Scale.Choice::id).collect(java.util.stream.Collectors.toUnmodifiableSet()));
        }
    }

    private static boolean isPoint(Scale.Ordinal o, java.math.BigDecimal v) {
        for (Scale.Point p : o.points()) if (p.value().compareTo(v) == 0) return true;
        return false;
    }

    public Rubric rubric() {
        return rubric;
    }

    /** Every violation of the submission, in a stable order (top level, answers, justifications, rules). */
    public List<Violation> validate(JsonNode submission) {
        List<Violation> out = new ArrayList<>();
        if (submission == null || !submission.isObject()) {
            out.add(new Violation("", ViolationCode.MALFORMED_JSON, "a rating must be a JSON object"));
            return out;
        }
        Iterator<String> names = submission.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!TOP_LEVEL.contains(key)) {
                out.add(new Violation(Violation.pointer("", key), ViolationCode.UNKNOWN_KEY,
                        "unknown field `" + key + "`; a rating has only " + String.join(", ", sortedTopLevel())));
            }
        }
        identity(submission, out);
        for (String field : List.of("item", "rater")) {
            JsonNode v = submission.get(field);
            if (v == null) {
                out.add(new Violation("/" + field, ViolationCode.MISSING_FIELD, "`" + field + "` is missing"));
            } else if (!v.isTextual() || v.textValue().isEmpty()) {
                out.add(new Violation("/" + field, ViolationCode.WRONG_TYPE, "`" + field + "` must be a non-empty string"));
            }
        }
        JsonNode answers = submission.get("answers");
        if (answers == null) {
            out.add(new Violation("/answers", ViolationCode.MISSING_FIELD, "`answers` is missing"));
            return out;
        }
        if (!answers.isObject()) {
            out.add(new Violation("/answers", ViolationCode.WRONG_TYPE, "`answers` must be an object"));
            return out;
        }
        JsonNode justifications = submission.get("justifications");
        if (justifications != null && !justifications.isObject()) {
            out.add(new Violation("/justifications", ViolationCode.WRONG_TYPE, "`justifications` must be an object"));
            justifications = null;
        }
        answerValues(answers, out);
        asked(answers, out);
        justificationValues(answers, justifications, out);
        justificationRequirements(answers, justifications, out);
        rules(answers, justifications, out);
        return out;
    }

    private static List<String> sortedTopLevel() {
        return List.of("rubric", "version", "item", "rater", "answers", "justifications");
    }

    private void identity(JsonNode submission, List<Violation> out) {
        JsonNode r = submission.get("rubric");
        if (r == null) {
            out.add(new Violation("/rubric", ViolationCode.MISSING_FIELD, "`rubric` is missing; it must be \"" + rubric.id() + "\""));
        } else if (!r.isTextual()) {
            out.add(new Violation("/rubric", ViolationCode.WRONG_TYPE, "`rubric` must be the string \"" + rubric.id() + "\""));
        } else if (!r.textValue().equals(rubric.id())) {
            out.add(new Violation("/rubric", ViolationCode.WRONG_RUBRIC, "this rating is for rubric \"" + r.textValue()
                    + "\", not \"" + rubric.id() + "\""));
        }
        JsonNode v = submission.get("version");
        String version = rubric.version().toString();
        if (v == null) {
            out.add(new Violation("/version", ViolationCode.MISSING_FIELD, "`version` is missing; it must be \"" + version + "\""));
        } else if (!v.isTextual()) {
            out.add(new Violation("/version", ViolationCode.WRONG_TYPE, "`version` must be the string \"" + version + "\""));
        } else if (!v.textValue().equals(version)) {
            out.add(new Violation("/version", ViolationCode.WRONG_VERSION, "this rating was written for version "
                    + v.textValue() + " of " + rubric.id() + ", not for version " + version));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Answers: each value on its scale
    // ---------------------------------------------------------------------------------------------

    private void answerValues(JsonNode answers, List<Violation> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = answers.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            Dimension d = byId.get(e.getKey());
            String path = d == null ? Violation.pointer("/answers", e.getKey()) : answerPaths.get(d.id());
            if (d == null) {
                out.add(new Violation(path, ViolationCode.UNKNOWN_KEY, "`" + e.getKey() + "` is not a dimension of "
                        + rubric.id() + " " + rubric.version()));
                continue;
            }
            onScale(d, e.getValue(), path, out);
        }
    }

    private void onScale(Dimension d, JsonNode v, String path, List<Violation> out) {
        if (d.notApplicable().isPresent() && v.isTextual() && v.textValue().equals("n/a")) return;
        Scale s = d.scale();
        String title = titles.get(d.id());
        if (s instanceof Scale.Ordinal o) {
            if (!v.isNumber()) {
                out.add(new Violation(path, ViolationCode.WRONG_TYPE, title + " must be a number: " + Phrases.allowed(d)));
            } else if (!isPoint(o, v.decimalValue())) {
                out.add(new Violation(path, ViolationCode.NOT_ON_SCALE, Describe.json(v) + " is not a point of " + title
                        + ": " + Phrases.allowed(d)));
            }
        } else if (s instanceof Scale.Numeric r) {
            if (!v.isNumber()) {
                out.add(new Violation(path, ViolationCode.WRONG_TYPE, title + " must be a number: " + Phrases.allowed(d)));
            } else if (!r.accepts(v.decimalValue())) {
                out.add(new Violation(path, ViolationCode.NOT_ON_SCALE, Describe.json(v) + " is not allowed for " + title
                        + ": " + Phrases.allowed(d)));
            }
        } else if (s instanceof Scale.Categorical c) {
            if (!v.isTextual()) {
                out.add(new Violation(path, ViolationCode.WRONG_TYPE, title + " must be a choice id: " + Phrases.allowed(d)));
            } else if (!choiceIds.get(d.id()).contains(v.textValue())) {
                out.add(new Violation(path, ViolationCode.NOT_ON_SCALE, Describe.json(v) + " is not a choice of " + title
                        + ": " + Phrases.allowed(d)));
            }
        } else if (s instanceof Scale.Bool) {
            if (!v.isBoolean()) {
                out.add(new Violation(path, ViolationCode.WRONG_TYPE, title + " must be true or false: " + Phrases.allowed(d)));
            }
        } else if (s instanceof Scale.MultiSelect m) {
            if (!v.isArray()) {
                out.add(new Violation(path, ViolationCode.WRONG_TYPE, title + " must be an array of choice ids: "
                        + Phrases.allowed(d)));
                return;
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode item = v.get(i);
                String itemPath = path + "/" + i;
                if (!item.isTextual()) {
                    out.add(new Violation(itemPath, ViolationCode.WRONG_TYPE, "each answer of " + title
                            + " must be a choice id: " + Phrases.allowed(d)));
                } else if (!choiceIds.get(d.id()).contains(item.textValue())) {
                    out.add(new Violation(itemPath, ViolationCode.NOT_ON_SCALE, Describe.json(item) + " is not a choice of "
                            + title + ": " + Phrases.allowed(d)));
                } else if (!seen.add(item.textValue())) {
                    out.add(new Violation(itemPath, ViolationCode.DUPLICATE_CHOICE, Describe.json(item) + " is selected twice in "
                            + title));
                }
            }
            if (v.size() < m.min()) {
                out.add(new Violation(path, ViolationCode.TOO_FEW_CHOICES, title + " needs at least " + m.min()
                        + (m.min() == 1 ? " choice" : " choices") + " (got " + v.size() + ")"));
            } else if (v.size() > m.max()) {
                out.add(new Violation(path, ViolationCode.TOO_MANY_CHOICES, title + " allows at most " + m.max()
                        + (m.max() == 1 ? " choice" : " choices") + " (got " + v.size() + ")"));
            }
        } else if (s instanceof Scale.Text t) {
            if (!v.isTextual()) {
                out.add(new Violation(path, ViolationCode.WRONG_TYPE, title + " must be text"));
                return;
            }
            int length = Describe.length(v.textValue());
            if (length < t.minLength()) {
                out.add(new Violation(path, ViolationCode.TEXT_TOO_SHORT, title + " needs at least " + t.minLength()
                        + " characters (got " + length + ")"));
            } else if (t.maxLength().isPresent() && length > t.maxLength().get()) {
                out.add(new Violation(path, ViolationCode.TEXT_TOO_LONG, title + " allows at most " + t.maxLength().get()
                        + " characters (got " + length + ")"));
            } else if (t.pattern().isPresent() && !t.pattern().get().matches(v.textValue())) {
                out.add(new Violation(path, ViolationCode.TEXT_PATTERN, title + t.pattern().get().mismatch()));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Which questions are asked
    // ---------------------------------------------------------------------------------------------

    private void asked(JsonNode answers, List<Violation> out) {
        JsonAnswers view = new JsonAnswers(answers);
        for (Dimension d : dimensions) {
            Optional<Condition> skip = skips.get(d.id());
            boolean skipped = skip.isPresent() && view.holds(skip.get());
            boolean present = answers.has(d.id());
            String path = answerPaths.get(d.id());
            if (skipped && present) {
                out.add(new Violation(path, ViolationCode.ANSWERED_WHEN_SKIPPED, Phrases.title(d)
                        + " is skipped for this rating (skip when " + skip.get().toSource() + "), so it must not be answered"));
            } else if (!skipped && !present && d.required()) {
                out.add(new Violation(path, ViolationCode.MISSING_ANSWER, Phrases.title(d) + " is required"
                        + (skip.isPresent() ? " (it is skipped only when " + skip.get().toSource() + ")" : "")));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Justifications
    // ---------------------------------------------------------------------------------------------

    private void justificationValues(JsonNode answers, JsonNode justifications, List<Violation> out) {
        if (justifications == null) return;
        Iterator<Map.Entry<String, JsonNode>> fields = justifications.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            Dimension d = byId.get(e.getKey());
            String path = d == null ? Violation.pointer("/justifications", e.getKey()) : justificationPaths.get(d.id());
            if (d == null) {
                out.add(new Violation(path, ViolationCode.UNKNOWN_KEY, "`" + e.getKey() + "` is not a dimension of "
                        + rubric.id() + " " + rubric.version()));
                continue;
            }
            if (!e.getValue().isTextual()) {
                out.add(new Violation(path, ViolationCode.WRONG_TYPE, "the justification of " + Phrases.title(d) + " must be text"));
            }
            if (!answers.has(d.id())) {
                out.add(new Violation(path, ViolationCode.JUSTIFICATION_WITHOUT_ANSWER, "there is a justification for "
                        + Phrases.title(d) + " but no answer"));
            }
        }
    }

    private void justificationRequirements(JsonNode answers, JsonNode justifications, List<Violation> out) {
        JsonAnswers view = new JsonAnswers(answers);
        for (Dimension d : dimensions) {
            if (!answers.has(d.id())) continue;
            for (Dimension.Justification j : d.justifications()) {
                if (j.when().isPresent() && !view.holds(j.when().get())) continue;
                requireJustification(d, j.minLength(), justifications, () -> "a justification is required for " + Phrases.title(d)
                        + j.when().map(w -> " when " + w.toSource()).orElse(""), out);
            }
        }
    }

    private void requireJustification(Dimension d, int min, JsonNode justifications, java.util.function.Supplier<String> why,
            List<Violation> out) {
        String path = justificationPaths.get(d.id());
        JsonNode j = justifications == null ? null : justifications.get(d.id());
        if (j == null) {
            out.add(new Violation(path, ViolationCode.MISSING_JUSTIFICATION, why.get()
                    + (min > 1 ? " (at least " + min + " characters)" : "")));
        } else if (j.isTextual() && Describe.length(j.textValue()) < min) {
            out.add(new Violation(path, ViolationCode.JUSTIFICATION_TOO_SHORT, why.get() + ": at least " + min
                    + " characters (got " + Describe.length(j.textValue()) + ")"));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Edge-case rules
    // ---------------------------------------------------------------------------------------------

    private void rules(JsonNode answers, JsonNode justifications, List<Violation> out) {
        JsonAnswers view = new JsonAnswers(answers);
        for (Rule r : rubric.enforcedRules()) {
            if (r.guidanceOnly()) continue;
            if (r.when().isPresent() && !view.holds(r.when().get())) continue;
            for (Constraint c : r.constraints()) {
                Dimension d = byId.get(c.target());
                String path = answerPaths.get(d.id());
                JsonNode v = answers.get(d.id());
                if (c instanceof Constraint.Require) {
                    if (v == null) out.add(new Violation(path, ViolationCode.RULE_VIOLATED, Phrases.rule(r) + ": " + Phrases.title(d)
                            + " must be answered"));
                } else if (c instanceof Constraint.Justify j) {
                    if (v != null) requireJustification(d, j.minLength(), justifications, () -> Phrases.rule(r)
                            + ": a justification is required for " + Phrases.title(d), out);
                } else if (v != null && !view.satisfies(c, v)) {
                    out.add(new Violation(path, ViolationCode.RULE_VIOLATED, Phrases.rule(r) + ": " + Phrases.constraint(d, c)
                            + " (got " + Describe.answer(d, v) + ")"));
                }
            }
        }
    }

}
