package org.rubricc.diff;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.rubricc.model.Rubric;

/** The changes from one version of a rubric to another, and the semantic-version bump they need. */
public record Diff(Rubric oldRubric, Rubric newRubric, List<Change> changes) {

    public Diff {
        changes = List.copyOf(changes);
    }

    private static final List<Evaluator> EVALUATORS = List.of(new HeaderEvaluator(), new ItemFieldEvaluator(),
            new SectionEvaluator(), new DimensionEvaluator(), new RuleEvaluator(), new TableEvaluator(), new UnusedScaleEvaluator());

    /** Compares two versions of one rubric, by stable ids. Reads the models only. */
    public static Diff between(Rubric oldRubric, Rubric newRubric) {
        Report report = new Report(new Matching(oldRubric, newRubric));
        for (Evaluator e : EVALUATORS) e.evaluate(report);
        return new Diff(oldRubric, newRubric, report.changes());
    }

    /**
     * Which dimension of the new version each dimension of the old one is (by {@code formerly}, else the same
     * id), old id to new id, in the old version's order; unmatched dimensions are absent.
     */
    public static java.util.Map<String, String> matchedDimensions(Rubric oldRubric, Rubric newRubric) {
        return java.util.Collections.unmodifiableMap(new Matching(oldRubric, newRubric).dimensions);
    }

    /** The largest bump any change needs; {@code NONE} when nothing changed. */
    public ChangeClass.Bump requiredBump() {
        return changes.stream().map(c -> c.changeClass().bump()).max(Comparator.naturalOrder()).orElse(ChangeClass.Bump.NONE);
    }

    /** The first change that needs the largest bump, to name in messages. */
    public Optional<Change> decisive() {
        ChangeClass.Bump b = requiredBump();
        return changes.stream().filter(c -> c.changeClass().bump() == b).findFirst();
    }

    public List<Change> ofClass(ChangeClass c) {
        return changes.stream().filter(x -> x.changeClass() == c).toList();
    }
}
