package org.rubricc.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.rubricc.model.Condition;
import org.rubricc.model.Constraint;
import org.rubricc.model.Rule;

/**
 * Edge-case rules: added (constraining or guidance only), removed, renamed; what they forbid (their
 * condition and answer constraints together, compared by meaning), the justifications they demand,
 * their title, guidance and {@code about}.
 */
final class RuleEvaluator implements Evaluator {
    @Override
    public void evaluate(Report r) {
        for (Rule n : r.m.newRubric.rules()) {
            String path = "rule:" + n.id();
            Optional<Rule> match = r.m.rules.entrySet().stream().filter(e -> e.getValue().equals(n.id())).findFirst()
                    .flatMap(e -> r.m.oldRubric.rules().stream().filter(x -> x.id().equals(e.getKey())).findFirst());
            if (match.isEmpty()) {
                boolean constraining = !Semantics.answerConstraints(n).isEmpty();
                r.add(constraining ? ChangeRule.RULE_ADDED_CONSTRAINING : ChangeRule.RULE_ADDED_GUIDANCE_ONLY, path,
                        Report.of(Change.Subject.Kind.RULE, null, n.id()), null, n.span(), null, source(n),
                        (constraining ? "rule" : "guidance-only rule") + " `" + n.id() + "` added");
                continue;
            }
            Rule o = match.get();
            var s = Report.of(Change.Subject.Kind.RULE, o.id(), n.id());
            if (!o.id().equals(n.id())) {
                r.add(ChangeRule.RULE_RENAMED, path, s, o.span(), n.span(), o.id(), n.id(),
                        "rule `" + o.id() + "` is now `" + n.id() + "`");
            }
            r.text(ChangeRule.TITLE_REWORDED, path + "/title", s, o.span(), n.span(), o.title(), n.title(),
                    "the title of rule `" + n.id() + "`");
            boolean restricts = !Semantics.answerConstraints(o).isEmpty() || !Semantics.answerConstraints(n).isEmpty();
            if (restricts) {
                Semantics.Relation rel = r.semantics.violations(o, n);
                if (rel.changed()) {
                    boolean relaxed = rel == Semantics.Relation.NARROWER;
                    r.add(relaxed ? ChangeRule.RULE_CONSTRAINTS_RELAXED : ChangeRule.RULE_CONSTRAINTS_CHANGED, path + "/then",
                            s, o.span(), n.span(), source(o), source(n), "rule `" + n.id() + "` "
                                    + (relaxed ? "allows every answer it allowed, and more"
                                            : rel == Semantics.Relation.WIDER ? "forbids more answers" : "forbids other answers"));
                }
            } else {
                Semantics.Relation rel = r.semantics.conditions(o.when(), n.when(), true);
                if (rel.changed()) {
                    r.add(ChangeRule.RULE_CONDITION_CHANGED, path + "/when", s, o.when().map(Condition::span).orElse(o.span()),
                            n.when().map(Condition::span).orElse(n.span()), o.when().map(Condition::toSource).orElse(null),
                            n.when().map(Condition::toSource).orElse(null), "rule `" + n.id() + "` applies in "
                                    + (rel == Semantics.Relation.WIDER ? "more" : rel == Semantics.Relation.NARROWER ? "fewer" : "other")
                                    + " cases");
                }
            }
            justifications(r, o, n, s, path);
            r.text(ChangeRule.GUIDANCE_REWORDED, path + "/guidance", s, o.span(), n.span(), o.guidance(), n.guidance(),
                    "the guidance of rule `" + n.id() + "`");
            TreeSet<String> oldAbout = new TreeSet<>(), newAbout = new TreeSet<>(n.about());
            for (String a : o.about()) oldAbout.add(r.m.newDimensionId(a).or(() -> r.m.newSectionId(a)).orElse(a));
            if (!oldAbout.equals(newAbout)) {
                r.add(ChangeRule.RULE_ABOUT_CHANGED, path + "/about", s, o.span(), n.span(), String.join(", ", o.about()),
                        String.join(", ", n.about()), "rule `" + n.id() + "` concerns " + (n.about().isEmpty() ? "nothing named"
                                : String.join(", ", n.about())) + ", was " + (o.about().isEmpty() ? "nothing named" : String.join(", ", o.about())));
            }
        }
        for (Rule o : r.m.oldRubric.rules()) {
            if (!r.m.rules.containsKey(o.id())) {
                r.add(ChangeRule.RULE_REMOVED, "rule:" + o.id(), Report.of(Change.Subject.Kind.RULE, o.id(), null), o.span(),
                        null, source(o), null, "rule `" + o.id() + "` removed");
            }
        }
    }

    /** {@code then justify x min N}, by target (old targets in new ids). */
    private static void justifications(Report r, Rule o, Rule n, Change.Subject s, String path) {
        Map<String, Constraint.Justify> olds = new LinkedHashMap<>(), news = new LinkedHashMap<>();
        for (Constraint c : o.constraints()) {
            if (c instanceof Constraint.Justify j) olds.putIfAbsent(r.m.newDimensionId(j.target()).orElse(j.target()), j);
        }
        for (Constraint c : n.constraints()) if (c instanceof Constraint.Justify j) news.putIfAbsent(j.target(), j);
        List<String> targets = new ArrayList<>(news.keySet());
        olds.keySet().stream().filter(t -> !news.containsKey(t)).forEach(targets::add);
        for (String t : targets) {
            Constraint.Justify a = olds.get(t), b = news.get(t);
            String p = path + "/justify:" + t;
            if (a == null) {
                r.add(ChangeRule.JUSTIFICATION_ADDED, p, s, null, b.span(), null, b.toSource(),
                        "rule `" + n.id() + "` requires a justification for `" + t + "`");
            } else if (b == null) {
                r.add(ChangeRule.JUSTIFICATION_REMOVED, p, s, a.span(), null, a.toSource(), null,
                        "rule `" + n.id() + "` no longer requires a justification for `" + t + "`");
            } else if (a.minLength() != b.minLength()) {
                r.add(ChangeRule.JUSTIFICATION_CHANGED, p, s, a.span(), b.span(), a.toSource(), b.toSource(),
                        "rule `" + n.id() + "` requires a justification of at least " + b.minLength() + " characters for `"
                                + t + "`, was " + a.minLength());
            }
        }
    }

    static String source(Rule r) {
        List<String> parts = new ArrayList<>();
        r.when().ifPresent(w -> parts.add("when " + w.toSource()));
        for (Constraint c : r.constraints()) parts.add("then " + c.toSource());
        if (!r.about().isEmpty()) parts.add("about " + String.join(", ", r.about()));
        return String.join(" ", parts);
    }
}
