package org.rubricc.diff;

import org.rubricc.model.Rubric;

/** The rubric's title and description. */
final class HeaderEvaluator implements Evaluator {
    @Override
    public void evaluate(Report r) {
        Rubric o = r.m.oldRubric, n = r.m.newRubric;
        r.text(ChangeRule.TITLE_REWORDED, "rubric/title", Report.rubric(), o.titleSpan(), n.titleSpan(), o.title(), n.title(),
                "the rubric's title");
        r.text(ChangeRule.DESCRIPTION_REWORDED, "rubric/description", Report.rubric(),
                o.description().isEmpty() ? null : o.descriptionSpan(), n.description().isEmpty() ? null : n.descriptionSpan(),
                o.description(), n.description(), "the rubric's description");
    }
}
