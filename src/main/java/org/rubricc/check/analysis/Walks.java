package org.rubricc.check.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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
    /** Each dimension's classes that have members, before any rule. */
    private final Map<String, List<Encoding.Klass>> possible = new HashMap<>();

    Walks(Encoding enc) {
        this.enc = enc;
        for (Dimension d : enc.rubric().dimensions()) {
            constraints.put(d.id(), enc.constraintsOn(d));
            skips.put(d.id(), enc.rubric().skipCondition(d));
            Encoding.Domain dom = enc.domain(d.id());
            List<Encoding.Klass> ks = new ArrayList<>();
            for (Encoding.Klass k : dom.classes) if (!(k.sample() == Encoding.ARRAY && dom.arrayImpossible)) ks.add(k);
            possible.put(d.id(), ks);
        }
    }

    /**
     * One random valid rating, as sample answers ({@link Samples}: the sample of each answer's class, a
     * multi-select's set of choices), or empty when the walk met a question with no allowed answer.
     */
    Optional<Answers<Object>> walk() {
        Map<String, Object> answers = new HashMap<>();
        Answers<Object> view = Samples.of(answers::get);
        for (Dimension d : enc.rubric().dimensions()) {
            Encoding.Domain dom = enc.domain(d.id());
            boolean skipped = skips.get(d.id()).map(view::holds).orElse(false);
            List<Constraint> active = new ArrayList<>(2);
            boolean require = false;
            for (Map.Entry<Rule, Constraint> e : constraints.get(d.id())) {
                if (e.getKey().when().isPresent() && !view.holds(e.getKey().when().get())) continue;
                if (e.getValue() instanceof Constraint.Require) require = true;
                else active.add(e.getValue());
            }
            if (skipped) {
                if (require) return Optional.empty();
                continue;
            }
            List<Encoding.Klass> allowed = possible.get(d.id());
            if (!active.isEmpty()) {
                allowed = new ArrayList<>();
                for (Encoding.Klass k : possible.get(d.id())) {
                    boolean ok = true;
                    for (Constraint c : active) ok &= Encoding.satisfies(c, k.sample());
                    if (ok) allowed.add(k);
                }
            }
            boolean mayLeaveEmpty = !d.required() && !require;
            int options = allowed.size() + (mayLeaveEmpty ? 1 : 0);
            if (options == 0) return Optional.empty();
            int pick = random.nextInt(options);
            if (pick == allowed.size()) continue;
            Encoding.Klass k = allowed.get(pick);
            if (k.sample() == Encoding.ARRAY) {
                Scale.MultiSelect m = (Scale.MultiSelect) d.scale();
                List<String> ids = new ArrayList<>(dom.selected.keySet());
                int size = m.min() + random.nextInt(Math.min(m.max(), ids.size()) - m.min() + 1);
                java.util.Collections.shuffle(ids, random);
                answers.put(d.id(), new LinkedHashSet<>(ids.subList(0, size)));
            } else {
                answers.put(d.id(), k.sample());
            }
        }
        return Optional.of(view);
    }
}
