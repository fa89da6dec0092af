package org.rubricc.diff;

import java.util.List;
import org.rubricc.model.Dimension;

/**
 * A dimension's justification requirements ({@code justify [when C] [min N]}). Requirements whose
 * conditions mean the same and whose minimums are equal are unchanged; the others are paired in order.
 */
final class JustificationEvaluator implements DimensionEvaluator.PairEvaluator {
    @Override
    public void evaluate(Report r, Dimension od, Dimension nd, Change.Subject s, String path) {
        List<Dimension.Justification> olds = od.justifications(), news = nd.justifications();
        boolean[] oldUsed = new boolean[olds.size()], newUsed = new boolean[news.size()];
        for (int j = 0; j < news.size(); j++) {
            for (int i = 0; i < olds.size(); i++) {
                if (oldUsed[i] || newUsed[j]) continue;
                if (olds.get(i).minLength() == news.get(j).minLength()
                        && !r.semantics.conditions(olds.get(i).when(), news.get(j).when(), true).changed()) {
                    oldUsed[i] = newUsed[j] = true;
                }
            }
        }
        int i = 0;
        for (int j = 0; j < news.size(); j++) {
            if (newUsed[j]) continue;
            while (i < olds.size() && oldUsed[i]) i++;
            Dimension.Justification n = news.get(j);
            String p = path + "/justify:" + (j + 1);
            if (i < olds.size()) {
                Dimension.Justification o = olds.get(i);
                oldUsed[i] = true;
                r.add(ChangeRule.JUSTIFICATION_CHANGED, p, s, o.span(), n.span(), source(o), source(n),
                        "the justification required for dimension `" + nd.id() + "` changed: " + describe(r, o, n));
            } else {
                r.add(ChangeRule.JUSTIFICATION_ADDED, p, s, null, n.span(), null, source(n),
                        "dimension `" + nd.id() + "` requires a justification " + (n.when().isPresent() ? "in new cases" : "always"));
            }
        }
        for (int k = 0; k < olds.size(); k++) {
            if (oldUsed[k]) continue;
            r.add(ChangeRule.JUSTIFICATION_REMOVED, path + "/justify:" + (k + 1), s, olds.get(k).span(), null,
                    source(olds.get(k)), null, "a justification requirement of dimension `" + nd.id() + "` removed");
        }
    }

    static String source(Dimension.Justification j) {
        return "justify" + j.when().map(c -> " when " + c.toSource()).orElse("") + " min " + j.minLength();
    }

    private static String describe(Report r, Dimension.Justification o, Dimension.Justification n) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        Semantics.Relation rel = r.semantics.conditions(o.when(), n.when(), true);
        if (rel.changed()) {
            parts.add(switch (rel) {
                case WIDER -> "required in more cases";
                case NARROWER -> "required in fewer cases";
                default -> "required in other cases";
            });
        }
        if (o.minLength() != n.minLength()) parts.add("at least " + n.minLength() + " characters, was " + o.minLength());
        return String.join("; ", parts);
    }
}
