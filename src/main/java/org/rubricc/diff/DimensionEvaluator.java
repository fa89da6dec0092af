package org.rubricc.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rubricc.model.Condition;
import org.rubricc.model.Dimension;
import org.rubricc.model.Rubric;
import org.rubricc.model.Section;

/**
 * Dimensions: added, removed, renamed, moved; their title, question, guidance, whether required,
 * weight, n/a and skip condition. Their scales, examples and justifications are compared by the
 * evaluators for those, pair by pair, so that every dimension's changes stay together.
 */
final class DimensionEvaluator implements Evaluator {
    /** Compares one matched pair of dimensions. */
    interface PairEvaluator {
        void evaluate(Report r, Dimension o, Dimension n, Change.Subject subject, String path);
    }

    private static final List<PairEvaluator> PARTS = List.of(new ScaleEvaluator(), new ExampleEvaluator(),
            new JustificationEvaluator());

    @Override
    public void evaluate(Report r) {
        Rubric oldR = r.m.oldRubric, newR = r.m.newRubric;
        List<String> movedWithin = movedWithinSection(r);
        for (Dimension n : newR.dimensions()) {
            Optional<Dimension> match = r.m.oldDimension(n.id());
            String path = "dimension:" + n.id();
            if (match.isEmpty()) {
                r.add(n.required() ? ChangeRule.DIMENSION_ADDED_REQUIRED : ChangeRule.DIMENSION_ADDED_OPTIONAL, path,
                        Report.of(Change.Subject.Kind.DIMENSION, null, n.id()), null, n.span(), null, n.title(),
                        (n.required() ? "required" : "optional") + " dimension `" + n.id() + "` added");
                continue;
            }
            Dimension o = match.get();
            var subject = Report.of(Change.Subject.Kind.DIMENSION, o.id(), n.id());
            if (!o.id().equals(n.id())) {
                r.add(ChangeRule.DIMENSION_RENAMED, path, subject, o.span(), n.span(), o.id(), n.id(),
                        "dimension `" + o.id() + "` is now `" + n.id() + "`");
            }
            boolean otherSection = !r.m.newSectionId(o.sectionId()).map(n.sectionId()::equals).orElse(false);
            if (otherSection) {
                r.add(ChangeRule.DIMENSION_MOVED, path + "/section", subject, o.span(), n.span(), o.sectionId(), n.sectionId(),
                        "dimension `" + n.id() + "` moved from section `" + o.sectionId() + "` to `" + n.sectionId() + "`");
            } else if (movedWithin.contains(n.id())) {
                r.add(ChangeRule.DIMENSION_MOVED, path + "/position", subject, o.span(), n.span(),
                        String.valueOf(oldR.position(o.id()) + 1), String.valueOf(newR.position(n.id()) + 1),
                        "dimension `" + n.id() + "` is asked at another place in section `" + n.sectionId() + "`");
            }
            r.text(ChangeRule.TITLE_REWORDED, path + "/title", subject, o.span(), n.span(), o.title(), n.title(),
                    "the title of dimension `" + n.id() + "`");
            r.text(ChangeRule.QUESTION_REWORDED, path + "/question", subject, o.span(), n.span(), o.question(), n.question(),
                    "the question of dimension `" + n.id() + "`");
            if (o.required() != n.required()) {
                r.add(n.required() ? ChangeRule.OPTIONAL_BECAME_REQUIRED : ChangeRule.REQUIRED_BECAME_OPTIONAL,
                        path + "/required", subject, o.span(), n.span(), o.required() ? "required" : "optional",
                        n.required() ? "required" : "optional",
                        "dimension `" + n.id() + "` is now " + (n.required() ? "required" : "optional"));
            }
            String ow = o.weight().map(w -> w.stripTrailingZeros().toPlainString()).orElse(null);
            String nw = n.weight().map(w -> w.stripTrailingZeros().toPlainString()).orElse(null);
            if (!java.util.Objects.equals(ow, nw)) {
                r.add(ChangeRule.WEIGHT_CHANGED, path + "/weight", subject, o.span(), n.span(), ow, nw,
                        "the weight of dimension `" + n.id() + "` is now " + (nw == null ? "none" : nw) + ", was "
                                + (ow == null ? "none" : ow));
            }
            if (o.notApplicable().isPresent() != n.notApplicable().isPresent()) {
                r.add(n.notApplicable().isPresent() ? ChangeRule.NOT_APPLICABLE_ADDED : ChangeRule.NOT_APPLICABLE_REMOVED,
                        path + "/not_applicable", subject, o.span(), n.span(), o.notApplicable().orElse(null),
                        n.notApplicable().orElse(null), "dimension `" + n.id() + "` "
                                + (n.notApplicable().isPresent() ? "now accepts" : "no longer accepts") + " n/a");
            } else if (o.notApplicable().isPresent()) {
                r.text(ChangeRule.NOT_APPLICABLE_REWORDED, path + "/not_applicable", subject, o.span(), n.span(),
                        o.notApplicable().get(), n.notApplicable().get(), "the n/a label of dimension `" + n.id() + "`");
            }
            skip(r, o, n, otherSection, subject, path);
            for (PairEvaluator p : PARTS) p.evaluate(r, o, n, subject, path);
            r.text(ChangeRule.GUIDANCE_REWORDED, path + "/guidance", subject, o.span(), n.span(), o.guidance(), n.guidance(),
                    "the guidance of dimension `" + n.id() + "`");
        }
        for (Dimension o : oldR.dimensions()) {
            if (r.m.newDimension(o.id()).isEmpty()) {
                r.add(ChangeRule.DIMENSION_REMOVED, "dimension:" + o.id(), Report.of(Change.Subject.Kind.DIMENSION, o.id(), null),
                        o.span(), null, o.title(), null, "dimension `" + o.id() + "` removed");
            }
        }
    }

    /**
     * A dimension's own skip condition; when it moved to another section, the whole condition under which
     * it is skipped (its section's or its own), since the section's condition no longer applies to it.
     */
    private static void skip(Report r, Dimension o, Dimension n, boolean otherSection, Change.Subject subject, String path) {
        Optional<Condition> oc = otherSection ? r.m.oldRubric.skipCondition(o) : o.skipWhen();
        Optional<Condition> nc = otherSection ? r.m.newRubric.skipCondition(n) : n.skipWhen();
        Semantics.Relation rel = r.semantics.conditions(oc, nc, false);
        if (!rel.changed()) return;
        r.add(ChangeRule.SKIP_CONDITION_CHANGED, path + "/skip", subject, oc.map(Condition::span).orElse(o.span()),
                nc.map(Condition::span).orElse(n.span()), oc.map(Condition::toSource).orElse(null),
                nc.map(Condition::toSource).orElse(null),
                "dimension `" + n.id() + "` is " + SectionEvaluator.SkipWords.relation(rel));
    }

    /** Dimensions that stayed in their section but whose order among the section's other kept dimensions changed. */
    private static List<String> movedWithinSection(Report r) {
        List<String> moved = new ArrayList<>();
        for (Section ns : r.m.newRubric.sections()) {
            Optional<Section> os = r.m.sections.entrySet().stream().filter(e -> e.getValue().equals(ns.id())).findFirst()
                    .flatMap(e -> r.m.oldRubric.section(e.getKey()));
            if (os.isEmpty()) continue;
            List<String> newOrder = new ArrayList<>();
            for (Dimension d : ns.dimensions()) {
                Optional<Dimension> o = r.m.oldDimension(d.id());
                if (o.isPresent() && o.get().sectionId().equals(os.get().id())) newOrder.add(d.id());
            }
            List<String> oldOrder = new ArrayList<>();
            for (Dimension d : os.get().dimensions()) {
                r.m.newDimensionId(d.id()).filter(newOrder::contains).ifPresent(oldOrder::add);
            }
            List<String> kept = lcs(oldOrder, newOrder);
            for (String id : newOrder) if (!kept.contains(id)) moved.add(id);
        }
        return moved;
    }

    static List<String> lcs(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0, j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                out.add(a.get(i));
                i++;
                j++;
            } else if (t[i + 1][j] >= t[i][j + 1]) i++;
            else j++;
        }
        return out;
    }
}
