package org.rubricc.diff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.rubricc.check.analysis.Propositions;
import org.rubricc.model.Answers;
import org.rubricc.model.Condition;
import org.rubricc.model.Constraint;
import org.rubricc.model.Dimension;
import org.rubricc.model.Rule;
import org.rubricc.model.Scale;
import org.rubricc.model.Value;

/**
 * Compares what two conditions (or two rules) mean rather than how they are written, over every
 * combination of answers to the dimensions they look at — each dimension's values that exist in both
 * versions (matched through renames and renumbering), "n/a" where both offer it, and no answer. The
 * combinations are not enumerated: each dimension's possible answers are one finite choice, both
 * predicates are formulas over those choices, and the checker's decision engine
 * ({@link Propositions}, a SAT solver) is asked whether some combination satisfies one and not the
 * other, each way. Values only one version has are left out: adding or removing them is the scale's
 * change, reported on its own. When a scale cannot be cut into finitely many answers (a multi-select of
 * more than 10 choices, a stepped range of more than 2,000 values) or the solver's budget runs out,
 * the conditions are compared as written after mapping old ids and values to new ones; then any
 * difference counts as {@link Relation#DIFFERENT}.
 */
final class Semantics {
    /** How a new predicate relates to the old one. */
    enum Relation {
        SAME, WIDER, NARROWER, DIFFERENT;

        boolean changed() {
            return this != SAME;
        }
    }

    /** The solver's budget for one comparison. */
    private static final java.time.Duration BUDGET = java.time.Duration.ofSeconds(5);
    private static final int MAX_MULTI_CHOICES = 10;
    private static final int MAX_RANGE_VALUES = 2_000;

    private final Matching m;

    Semantics(Matching m) {
        this.m = m;
    }

    /** An answer as seen by one version: null for no answer. */
    private sealed interface Ans {}

    private record Num(BigDecimal v) implements Ans {}

    private record Choice(String id) implements Ans {}

    private record Bool(boolean v) implements Ans {}

    private record Many(Set<String> ids) implements Ans {}

    private record Words() implements Ans {}

    private record NotApplicable() implements Ans {}

    /** One possible answer to a dimension: as the old version and as the new version see it. */
    private record Pair(Ans old, Ans now) {}

    /**
     * A predicate over the answers of one version, as a formula: {@code atom} gives the literal that is true
     * when that version's dimension (by its id) has an answer satisfying the test (a null answer is "no answer").
     */
    interface Predicate {
        int encode(Propositions p, java.util.function.BiFunction<String, java.util.function.Predicate<Ans>, Integer> atom);
    }

    // ---------------------------------------------------------------------------------------------

    /** Compares two optional conditions; {@code whenAbsent} is the value of a missing one. */
    Relation conditions(Optional<Condition> oldC, Optional<Condition> newC, boolean whenAbsent) {
        List<Condition> olds = oldC.map(List::of).orElse(List.of());
        List<Condition> news = newC.map(List::of).orElse(List.of());
        // Written alike in the new version's ids and values: the same condition (see violations).
        String o = oldC.map(c -> mapped(c)).orElse(String.valueOf(whenAbsent));
        String n = newC.map(Semantics::canonical).orElse(String.valueOf(whenAbsent));
        if (o.equals(n)) return Relation.SAME;
        Predicate absent = (p, atom) -> whenAbsent ? p.yes : p.no();
        Relation r = compare(refs(olds), refs(news), constants(olds, news),
                oldC.<Predicate>map(c -> (p, atom) -> encode(c, p, atom)).orElse(absent),
                newC.<Predicate>map(c -> (p, atom) -> encode(c, p, atom)).orElse(absent));
        return r != null ? r : Relation.DIFFERENT;
    }

    /**
     * Compares the answers two versions of a rule forbid: a rule is violated when its condition holds and
     * one of its answer constraints (value, forbid, require; not justify) does not. WIDER means the new
     * rule forbids more.
     */
    Relation violations(Rule oldR, Rule newR) {
        List<Condition> olds = oldR.when().map(List::of).orElse(List.of());
        List<Condition> news = newR.when().map(List::of).orElse(List.of());
        Set<String> oldRefs = refs(olds), newRefs = refs(news);
        List<Value> consts = new ArrayList<>();
        for (Constraint c : answerConstraints(oldR)) {
            oldRefs.add(c.target());
            consts.addAll(values(c));
        }
        for (Constraint c : answerConstraints(newR)) {
            newRefs.add(c.target());
            consts.addAll(values(c));
        }
        Set<BigDecimal> numbers = constants(olds, news);
        consts.forEach(v -> {
            if (v instanceof Value.Number n) numbers.add(n.value());
        });
        // Written alike in the new version's ids and values: any difference on old answers comes from points or
        // choices merged into one, which the scale reports; the rule itself says the same.
        if (writtenAlike(oldR, newR)) return Relation.SAME;
        Relation r = compare(oldRefs, newRefs, numbers, (p, atom) -> violated(oldR, p, atom), (p, atom) -> violated(newR, p, atom));
        return r != null ? r : Relation.DIFFERENT;
    }

    /** Whether the old rule, read in the new version's ids and values, is written as the new one. */
    private boolean writtenAlike(Rule oldR, Rule newR) {
        String o = oldR.when().map(this::mapped).orElse("") + " => "
                + answerConstraints(oldR).stream().map(this::mapped).sorted().toList();
        String n = newR.when().map(Semantics::canonical).orElse("") + " => "
                + answerConstraints(newR).stream().map(Constraint::toSource).sorted().toList();
        return o.equals(n);
    }

    static List<Constraint> answerConstraints(Rule r) {
        return r.constraints().stream().filter(c -> !(c instanceof Constraint.Justify)).toList();
    }

    private static List<Value> values(Constraint c) {
        if (c instanceof Constraint.Bound b) return List.of(b.value());
        if (c instanceof Constraint.OneOf o) return o.values();
        if (c instanceof Constraint.Forbid f) return f.values();
        return List.of();
    }

    // ---------------------------------------------------------------------------------------------
    // Enumeration
    // ---------------------------------------------------------------------------------------------

    /** Old ids are looked up with an "old:" prefix, new ids with "new:". */
    private Relation compare(Set<String> oldRefs, Set<String> newRefs, Set<BigDecimal> numbers,
            Predicate oldP, Predicate newP) {
        // Group the referenced dimensions into pairs (old id, new id), either side possibly absent.
        Map<String, String[]> pairs = new LinkedHashMap<>();
        for (String o : oldRefs) {
            String n = m.dimensions.get(o);
            pairs.put("o:" + o + "/n:" + n, new String[] {o, n});
        }
        for (String n : newRefs) {
            Optional<Dimension> o = m.oldDimension(n);
            String oid = o.map(Dimension::id).orElse(null);
            pairs.putIfAbsent("o:" + oid + "/n:" + n, new String[] {oid, n});
        }
        List<String[]> keys = new ArrayList<>(pairs.values());
        Propositions p = new Propositions();
        List<List<Pair>> domains = new ArrayList<>();
        List<List<Integer>> options = new ArrayList<>();
        Map<String, Integer> oldKey = new LinkedHashMap<>(), newKey = new LinkedHashMap<>();
        for (String[] k : keys) {
            List<Pair> d = domain(k[0], k[1], numbers);
            if (d == null) return null;
            if (k[0] != null) oldKey.put(k[0], domains.size());
            if (k[1] != null) newKey.put(k[1], domains.size());
            domains.add(d);
            options.add(p.oneOf(d.size()));
        }
        int oldLit = oldP.encode(p, (id, test) -> atom(p, domains, options, oldKey.get(id), Pair::old, test));
        int newLit = newP.encode(p, (id, test) -> atom(p, domains, options, newKey.get(id), Pair::now, test));
        Optional<Boolean> oldOnly = p.satisfiable(BUDGET, oldLit, -newLit);
        Optional<Boolean> newOnly = p.satisfiable(BUDGET, newLit, -oldLit);
        if (oldOnly.isEmpty() || newOnly.isEmpty()) return null;
        boolean someOldOnly = oldOnly.get(), someNewOnly = newOnly.get();
        if (!someOldOnly && !someNewOnly) return Relation.SAME;
        if (someOldOnly && someNewOnly) return Relation.DIFFERENT;
        return someNewOnly ? Relation.WIDER : Relation.NARROWER;
    }

    /** The literal true when the dimension of {@code key} has, on one side, an answer that passes the test. */
    private static int atom(Propositions p, List<List<Pair>> domains, List<List<Integer>> options, Integer key,
            java.util.function.Function<Pair, Ans> side, java.util.function.Predicate<Ans> test) {
        if (key == null) return test.test(null) ? p.yes : p.no();
        List<Integer> holds = new ArrayList<>();
        List<Pair> d = domains.get(key);
        for (int i = 0; i < d.size(); i++) if (test.test(side.apply(d.get(i)))) holds.add(options.get(key).get(i));
        return p.or(holds);
    }

    /** The possible answers of a dimension pair, or null when they cannot be enumerated. */
    private List<Pair> domain(String oldId, String newId, Set<BigDecimal> numbers) {
        Dimension o = oldId == null ? null : m.oldRubric.dimension(oldId).orElse(null);
        Dimension n = newId == null ? null : m.newRubric.dimension(newId).orElse(null);
        List<Pair> out = new ArrayList<>();
        // A required dimension that is never skipped always has an answer: "no answer" is not a case to compare.
        boolean oldAlways = o != null && always(m.oldRubric, o), newAlways = n != null && always(m.newRubric, n);
        if (o != null && n != null && o.scale().kind().equals(n.scale().kind())) {
            if (!(oldAlways && newAlways)) out.add(new Pair(null, null));
            Matching.ValueMap vm = m.values(oldId);
            Scale os = o.scale(), ns = n.scale();
            if (os instanceof Scale.Ordinal) {
                vm.points.forEach((a, b) -> out.add(new Pair(new Num(a), new Num(b))));
            } else if (os instanceof Scale.Categorical) {
                vm.choices.forEach((a, b) -> out.add(new Pair(new Choice(a), new Choice(b))));
            } else if (os instanceof Scale.Bool) {
                out.add(new Pair(new Bool(true), new Bool(true)));
                out.add(new Pair(new Bool(false), new Bool(false)));
            } else if (os instanceof Scale.MultiSelect) {
                List<Map.Entry<String, String>> cs = new ArrayList<>(vm.choices.entrySet());
                if (cs.size() > MAX_MULTI_CHOICES) return null;
                for (int mask = 0; mask < (1 << cs.size()); mask++) {
                    Set<String> a = new TreeSet<>(), b = new TreeSet<>();
                    for (int i = 0; i < cs.size(); i++) {
                        if ((mask & (1 << i)) != 0) {
                            a.add(cs.get(i).getKey());
                            b.add(cs.get(i).getValue());
                        }
                    }
                    out.add(new Pair(new Many(a), new Many(b)));
                }
            } else if (os instanceof Scale.Numeric or && ns instanceof Scale.Numeric nr) {
                List<BigDecimal> xs = numbers(or, nr, numbers);
                if (xs == null) return null;
                xs.forEach(x -> out.add(new Pair(new Num(x), new Num(x))));
            } else {
                out.add(new Pair(new Words(), new Words()));
            }
            if (o.notApplicable().isPresent() && n.notApplicable().isPresent()) {
                out.add(new Pair(new NotApplicable(), new NotApplicable()));
            }
            return out;
        }
        // Unmatched (or of another kind): each side's answers, independently.
        List<Ans> olds = o == null ? new ArrayList<>() : answers(o, numbers);
        List<Ans> news = n == null ? new ArrayList<>() : answers(n, numbers);
        if (olds == null || news == null) return null;
        if (!oldAlways) olds.add(null);
        if (!newAlways) news.add(null);
        for (Ans a : olds) for (Ans b : news) out.add(new Pair(a, b));
        return out;
    }

    private static boolean always(org.rubricc.model.Rubric r, Dimension d) {
        return d.required() && r.skipCondition(d).isEmpty();
    }

    private List<Ans> answers(Dimension d, Set<BigDecimal> numbers) {
        List<Ans> out = new ArrayList<>();
        Scale s = d.scale();
        if (s instanceof Scale.Ordinal o) o.points().forEach(p -> out.add(new Num(p.value())));
        else if (s instanceof Scale.Categorical c) c.choices().forEach(x -> out.add(new Choice(x.id())));
        else if (s instanceof Scale.Bool) {
            out.add(new Bool(true));
            out.add(new Bool(false));
        } else if (s instanceof Scale.MultiSelect ms) {
            if (ms.choices().size() > MAX_MULTI_CHOICES) return null;
            for (int mask = 0; mask < (1 << ms.choices().size()); mask++) {
                Set<String> a = new TreeSet<>();
                for (int i = 0; i < ms.choices().size(); i++) if ((mask & (1 << i)) != 0) a.add(ms.choices().get(i).id());
                out.add(new Many(a));
            }
        } else if (s instanceof Scale.Numeric r) {
            List<BigDecimal> xs = numbers(r, r, numbers);
            if (xs == null) return null;
            xs.forEach(x -> out.add(new Num(x)));
        } else out.add(new Words());
        if (d.notApplicable().isPresent()) out.add(new NotApplicable());
        return out;
    }

    /**
     * Numbers both range scales accept that decide every comparison with {@code constants}: the ends,
     * the constants and a number between each two neighbours; for stepped scales, every value.
     */
    private static List<BigDecimal> numbers(Scale.Numeric a, Scale.Numeric b, Set<BigDecimal> constants) {
        BigDecimal lo = a.min().max(b.min()), hi = a.max().min(b.max());
        if (lo.compareTo(hi) > 0) return List.of();
        Optional<Scale.Numeric> stepped = a.step().isPresent() ? Optional.of(a) : b.step().isPresent() ? Optional.of(b) : Optional.empty();
        List<BigDecimal> out = new ArrayList<>();
        if (stepped.isPresent()) {
            Scale.Numeric s = stepped.get();
            BigDecimal step = s.step().get();
            BigDecimal count = hi.subtract(s.min()).divide(step, 0, RoundingMode.FLOOR);
            if (count.compareTo(BigDecimal.valueOf(MAX_RANGE_VALUES * 10L)) > 0) return null;
            for (BigDecimal x = s.min(); x.compareTo(hi) <= 0; x = x.add(step)) {
                if (x.compareTo(lo) >= 0 && a.accepts(x) && b.accepts(x)) out.add(x);
                if (out.size() > MAX_RANGE_VALUES) return null;
            }
            return out;
        }
        TreeSet<BigDecimal> points = new TreeSet<>();
        points.add(lo);
        points.add(hi);
        for (BigDecimal c : constants) if (c.compareTo(lo) >= 0 && c.compareTo(hi) <= 0) points.add(c);
        List<BigDecimal> sorted = new ArrayList<>(points);
        for (int i = 0; i < sorted.size(); i++) {
            out.add(sorted.get(i));
            if (i + 1 < sorted.size()) out.add(sorted.get(i).add(sorted.get(i + 1)).divide(BigDecimal.valueOf(2)));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------
    // Evaluation (README, "Conditions" and "Edge-case rules")
    // ---------------------------------------------------------------------------------------------

    /** One combination of answers, read by the language's own meaning of conditions and constraints. */
    private record View(java.util.function.Function<String, Ans> answers) implements Answers<Ans> {
        @Override
        public Ans answer(String dimension) {
            return answers.apply(dimension);
        }

        @Override
        public boolean equal(Ans a, Value v) {
            if (v instanceof Value.NotApplicable) return a instanceof NotApplicable;
            if (a instanceof Num n) return v instanceof Value.Number x && n.v().compareTo(x.value()) == 0;
            if (a instanceof Choice c) return v instanceof Value.Choice x && c.id().equals(x.id());
            if (a instanceof Bool b) return v instanceof Value.Bool x && b.v() == x.value();
            return false;
        }

        @Override
        public boolean ordered(Ans a, Condition.Op op, BigDecimal constant) {
            return a instanceof Num n && op.test(n.v().compareTo(constant));
        }

        @Override
        public boolean contains(Ans a, String choice) {
            return a instanceof Many many && many.ids().contains(choice);
        }
    }

    /** A condition as a formula: its structure as is, each test of one dimension's answer an atom. */
    private static int encode(Condition c, Propositions p,
            java.util.function.BiFunction<String, java.util.function.Predicate<Ans>, Integer> atom) {
        if (c instanceof Condition.Not n) return -encode(n.operand(), p, atom);
        if (c instanceof Condition.And a) return p.and(a.operands().stream().map(o -> encode(o, p, atom)).toList());
        if (c instanceof Condition.Or o) return p.or(o.operands().stream().map(x -> encode(x, p, atom)).toList());
        Condition.Atom at = (Condition.Atom) c;
        return atom.apply(at.dimension(), ans -> new View(d -> ans).holds(at));
    }

    /** When the rule is violated: its condition holds and one of its answer constraints does not. */
    private static int violated(Rule r, Propositions p,
            java.util.function.BiFunction<String, java.util.function.Predicate<Ans>, Integer> atom) {
        int when = r.when().map(c -> encode(c, p, atom)).orElse(p.yes);
        List<Integer> broken = new ArrayList<>();
        for (Constraint c : answerConstraints(r)) broken.add(atom.apply(c.target(), ans -> !new View(d -> ans).satisfies(c, ans)));
        return p.and(List.of(when, p.or(broken)));
    }

    // ---------------------------------------------------------------------------------------------
    // Written forms, for the fallback
    // ---------------------------------------------------------------------------------------------

    private static Set<String> refs(List<Condition> cs) {
        Set<String> out = new java.util.LinkedHashSet<>();
        cs.forEach(c -> out.addAll(c.references()));
        return out;
    }

    private static Set<BigDecimal> constants(List<Condition> olds, List<Condition> news) {
        Set<BigDecimal> out = new TreeSet<>();
        for (Condition c : olds) collectNumbers(c, out);
        for (Condition c : news) collectNumbers(c, out);
        return out;
    }

    private static void collectNumbers(Condition c, Set<BigDecimal> out) {
        if (c instanceof Condition.And a) a.operands().forEach(x -> collectNumbers(x, out));
        else if (c instanceof Condition.Or o) o.operands().forEach(x -> collectNumbers(x, out));
        else if (c instanceof Condition.Not n) collectNumbers(n.operand(), out);
        else if (c instanceof Condition.Compare cmp && cmp.value() instanceof Value.Number v) out.add(v.value());
        else if (c instanceof Condition.In in) in.values().forEach(v -> {
            if (v instanceof Value.Number n) out.add(n.value());
        });
    }

    /** A condition as written, with and/or operands and value sets in a canonical order. */
    static String canonical(Condition c) {
        if (c instanceof Condition.And a) return "(" + String.join(" and ", new TreeSet<>(a.operands().stream().map(Semantics::canonical).toList())) + ")";
        if (c instanceof Condition.Or o) return "(" + String.join(" or ", new TreeSet<>(o.operands().stream().map(Semantics::canonical).toList())) + ")";
        if (c instanceof Condition.Not n) return "not " + canonical(n.operand());
        if (c instanceof Condition.In in) {
            return in.dimension() + " in {" + String.join(", ", new TreeSet<>(in.values().stream().map(Value::toSource).toList())) + "}";
        }
        return c.toSource();
    }

    /** An old condition in the new version's ids and values, canonical; values without a counterpart are marked. */
    String mapped(Condition c) {
        return canonical(translate(c));
    }

    private String mapped(Constraint c) {
        String target = m.newDimensionId(c.target()).orElse("<removed " + c.target() + ">");
        java.util.function.Function<Value, String> v = x -> m.mapValue(c.target(), x).map(Value::toSource)
                .orElse("<removed " + x.toSource() + ">");
        if (c instanceof Constraint.Require) return "require " + target;
        if (c instanceof Constraint.Justify j) return "justify " + target + " min " + j.minLength();
        if (c instanceof Constraint.Bound b) return target + " " + b.op().symbol() + " " + v.apply(b.value());
        List<Value> vs = values(c);
        String set = "{" + String.join(", ", new TreeSet<>(vs.stream().map(v).toList())) + "}";
        return (c instanceof Constraint.Forbid ? "forbid " : "") + target + " in " + set;
    }

    /** An old condition rewritten with new ids and values (values without a counterpart keep a marker choice). */
    Condition translate(Condition c) {
        if (c instanceof Condition.And a) return new Condition.And(a.operands().stream().map(this::translate).toList(), a.span());
        if (c instanceof Condition.Or o) return new Condition.Or(o.operands().stream().map(this::translate).toList(), o.span());
        if (c instanceof Condition.Not n) return new Condition.Not(translate(n.operand()), n.span());
        Condition.Atom atom = (Condition.Atom) c;
        String old = atom.dimension();
        String dim = m.newDimensionId(old).orElse("<removed " + old + ">");
        java.util.function.Function<Value, Value> v = x -> m.mapValue(old, x)
                .orElseGet(() -> new Value.Choice("<removed " + x.toSource() + ">"));
        if (atom instanceof Condition.Compare cmp) return new Condition.Compare(dim, cmp.op(), v.apply(cmp.value()), cmp.span());
        if (atom instanceof Condition.In in) return new Condition.In(dim, in.values().stream().map(v).toList(), in.span());
        if (atom instanceof Condition.Contains con) {
            return new Condition.Contains(dim, m.values(old).mapChoice(con.choice()).orElse("<removed " + con.choice() + ">"), con.span());
        }
        return new Condition.Answered(dim, atom.span());
    }
}
