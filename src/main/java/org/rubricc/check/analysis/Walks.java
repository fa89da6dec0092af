package org.rubricc.check.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.rubricc.model.Answers;
import org.rubricc.model.Condition;
import org.rubricc.model.Constraint;
import org.rubricc.model.Dimension;
import org.rubricc.model.Rule;
import org.rubricc.model.Scale;

/**
 * Random valid ratings, drawn the way a rater fills the form: question by question, each answer chosen at
 * random among those the rubric allows at that point. They find witnesses cheaply (a dimension that is
 * asked, a rule that applies, a point that is chosen), so the solver is asked only about what no walk
 * reached. A walk proves nothing by failing: it only ever shows that something is reachable. Seeded, so
 * the analysis gives the same result on every run.
 */
final class Walks {
    private final Encoding enc;
    private final Random random = new Random(0x5eedL);
    private final Map<String, List<Map.Entry<Rule, Constraint>>> constraints = new HashMap<>();
    private final Map<String, Optional<Condition>> skips = new HashMap<>();

    Walks(Encoding enc) {
        this.enc = enc;
        for (Dimension d : enc.rubric().dimensions()) {
            constraints.put(d.id(), enc.constraintsOn(d));
            skips.put(d.id(), enc.rubric().skipCondition(d));
        }
    }

    /**
     * One random valid rating as solver assumptions (the class of each answer, and for a multi-select
     * which choices it includes), or empty when the walk met a question with no allowed answer.
     */
    Optional<int[]> walk() {
        Map<String, Object> answers = new HashMap<>();
        Answers<Object> view = Samples.of(answers::get);
        List<Integer> lits = new ArrayList<>();
        for (Dimension d : enc.rubric().dimensions()) {
            Encoding.Domain dom = enc.domain(d.id());
            boolean skipped = skips.get(d.id()).map(view::holds).orElse(false);
            List<Constraint> active = new ArrayList<>();
            boolean require = false;
            for (Map.Entry<Rule, Constraint> e : constraints.get(d.id())) {
                if (e.getKey().when().isPresent() && !view.holds(e.getKey().when().get())) continue;
                if (e.getValue() instanceof Constraint.Require) require = true;
                else active.add(e.getValue());
            }
            if (skipped) {
                if (require) return Optional.empty();
                lits.add(-dom.answered);
                continue;
            }
            List<Encoding.Klass> allowed = new ArrayList<>();
            for (Encoding.Klass k : dom.classes) {
                if (k.sample() == Encoding.ARRAY && dom.arrayImpossible) continue;
                if (active.stream().allMatch(c -> Encoding.satisfies(c, k.sample()))) allowed.add(k);
            }
            boolean mayLeaveEmpty = !d.required() && !require;
            int options = allowed.size() + (mayLeaveEmpty ? 1 : 0);
            if (options == 0) return Optional.empty();
            int pick = random.nextInt(options);
            if (pick == allowed.size()) {
                lits.add(-dom.answered);
                continue;
            }
            Encoding.Klass k = allowed.get(pick);
            lits.add(k.var());
            if (k.sample() == Encoding.ARRAY) {
                Scale.MultiSelect m = (Scale.MultiSelect) d.scale();
                List<String> ids = new ArrayList<>(dom.selected.keySet());
                int size = m.min() + random.nextInt(Math.min(m.max(), ids.size()) - m.min() + 1);
                java.util.Collections.shuffle(ids, random);
                Set<String> chosen = new LinkedHashSet<>(ids.subList(0, size));
                dom.selected.forEach((c, v) -> lits.add(chosen.contains(c) ? v : -v));
                answers.put(d.id(), chosen);
            } else {
                answers.put(d.id(), k.sample());
            }
        }
        return Optional.of(lits.stream().mapToInt(Integer::intValue).toArray());
    }
}
