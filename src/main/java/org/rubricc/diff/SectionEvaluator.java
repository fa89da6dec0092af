package org.rubricc.diff;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rubricc.model.Condition;
import org.rubricc.model.Section;

/** Sections: added, removed, renamed, reordered; their titles, guidance and skip conditions. */
final class SectionEvaluator implements Evaluator {
    @Override
    public void evaluate(Report r) {
        Map<String, String> matched = r.m.sections;
        for (Section n : r.m.newRubric.sections()) {
            Optional<Section> o = matched.entrySet().stream().filter(e -> e.getValue().equals(n.id())).findFirst()
                    .flatMap(e -> r.m.oldRubric.section(e.getKey()));
            String path = "section:" + n.id();
            if (o.isEmpty()) {
                r.add(ChangeRule.SECTION_ADDED, path, Report.of(Change.Subject.Kind.SECTION, null, n.id()), null, n.span(),
                        null, n.title(), "section `" + n.id() + "` added");
                continue;
            }
            Section old = o.get();
            var subject = Report.of(Change.Subject.Kind.SECTION, old.id(), n.id());
            if (!old.id().equals(n.id())) {
                r.add(ChangeRule.SECTION_RENAMED, path, subject, old.span(), n.span(), old.id(), n.id(),
                        "section `" + old.id() + "` is now `" + n.id() + "`");
            }
            r.text(ChangeRule.TITLE_REWORDED, path + "/title", subject, old.span(), n.span(), old.title(), n.title(),
                    "the title of section `" + n.id() + "`");
            r.text(ChangeRule.GUIDANCE_REWORDED, path + "/guidance", subject, old.span(), n.span(), old.guidance(),
                    n.guidance(), "the guidance of section `" + n.id() + "`");
            Semantics.Relation rel = r.semantics.conditions(old.skipWhen(), n.skipWhen(), false);
            if (rel.changed()) {
                r.add(ChangeRule.SKIP_CONDITION_CHANGED, path + "/skip", subject,
                        old.skipWhen().map(Condition::span).orElse(old.span()), n.skipWhen().map(Condition::span).orElse(n.span()),
                        old.skipWhen().map(Condition::toSource).orElse(null), n.skipWhen().map(Condition::toSource).orElse(null),
                        "section `" + n.id() + "` is " + SkipWords.relation(rel));
            }
        }
        for (Section old : r.m.oldRubric.sections()) {
            if (!matched.containsKey(old.id())) {
                r.add(ChangeRule.SECTION_REMOVED, "section:" + old.id(), Report.of(Change.Subject.Kind.SECTION, old.id(), null),
                        old.span(), null, old.title(), null, "section `" + old.id() + "` removed");
            }
        }
        List<String> oldOrder = r.m.oldRubric.sections().stream().map(Section::id).filter(matched::containsKey)
                .map(matched::get).toList();
        List<String> newOrder = r.m.newRubric.sections().stream().map(Section::id).filter(matched::containsValue).toList();
        if (!oldOrder.equals(newOrder)) {
            r.add(ChangeRule.SECTION_ORDER_CHANGED, "sections", Report.rubric(), null, null, String.join(", ", oldOrder),
                    String.join(", ", newOrder), "sections are asked in another order");
        }
    }

    /** How a skip condition changed, in words. */
    static final class SkipWords {
        private SkipWords() {}

        static String relation(Semantics.Relation rel) {
            return switch (rel) {
                case WIDER -> "skipped in more cases";
                case NARROWER -> "skipped in fewer cases";
                default -> "skipped in other cases";
            };
        }
    }
}
