package org.rubricc.check.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.rubricc.model.Answers;
import org.rubricc.model.Condition;
import org.rubricc.model.Constraint;
import org.rubricc.model.Dimension;
import org.rubricc.model.Rubric;
import org.rubricc.model.Rule;
import org.rubricc.model.Scale;
import org.rubricc.model.Value;

/**
 * A rubric as propositional clauses for a SAT solver (README, "Semantic analysis"). Each dimension's possible
 * answers fall into finitely many classes that no condition or rule tells apart: each point, choice or boolean
 * value; "n/a"; for a range, each constant the rubric compares it with and each open interval between them
 * that holds an allowed value; for free text, any text; for a multi-select, "an array of choices", with one
 * variable per choice under cardinality constraints. A class is a variable, at most one per dimension is
 * true, and "answered" is the disjunction of them. Conditions become literals (Tseitin), with the meaning
 * {@link Answers} gives them, evaluated on one sample answer per class.
 *
 * <p>The clauses saying what a dimension may be answered with (skip, required, rules) are added one
 * dimension at a time by {@link #assertValid}, so the solver holds exactly the valid prefixes.
 */
final class Encoding extends Propositions {
    /** The sample of the "any text" class. */
    static final Object TEXT = new Object();
    /** The sample of the "an array of choices" class of a multi-select. */
    static final Object ARRAY = new Object();

    private final Rubric rubric;
    private final Map<String, Domain> domains = new LinkedHashMap<>();
    private final Map<Condition, Integer> literals = new HashMap<>();
    private final Map<Rule, Integer> activations = new HashMap<>();
    private final Map<String, Integer> skips = new HashMap<>();
    private final Map<String, List<Map.Entry<Rule, Constraint>>> constraints = new HashMap<>();
    private final Map<String, List<Map.Entry<Rule, Constraint.Justify>>> justifies = new HashMap<>();

    /** One class of answers to a dimension: its variable and a sample answer that stands for it. */
    record Klass(Object sample, int var, boolean point) {}

    /** A dimension's variables. */
    static final class Domain {
        final Dimension dimension;
        final int answered;
        final List<Klass> classes = new ArrayList<>();
        final Map<String, Integer> selected = new LinkedHashMap<>();
        /** Whether the "array" class of a multi-select has no allowed member (too few choices for its minimum). */
        boolean arrayImpossible;

        Domain(Dimension dimension, int answered) {
            this.dimension = dimension;
            this.answered = answered;
        }
    }

    Encoding(Rubric rubric) {
        this.rubric = rubric;
        for (Rule r : rubric.enforcedRules()) {
            for (Constraint c : r.constraints()) {
                if (c instanceof Constraint.Justify j) justifies.computeIfAbsent(c.target(), k -> new ArrayList<>()).add(Map.entry(r, j));
                else constraints.computeIfAbsent(c.target(), k -> new ArrayList<>()).add(Map.entry(r, c));
            }
        }
        Map<String, TreeSet<BigDecimal>> constants = constants(rubric);
        for (Dimension d : rubric.dimensions()) domains.put(d.id(), domain(d, constants.getOrDefault(d.id(), new TreeSet<>())));
    }

    Domain domain(String id) {
        return domains.get(id);
    }

    Rubric rubric() {
        return rubric;
    }

    // ---------------------------------------------------------------------------------------------
    // Domains
    // ---------------------------------------------------------------------------------------------

    private Domain domain(Dimension d, TreeSet<BigDecimal> numbers) {
        Domain dom = new Domain(d, fresh());
        Scale s = d.scale();
        if (s instanceof Scale.Ordinal o) o.points().forEach(p -> dom.classes.add(new Klass(p.asValue(), fresh(), true)));
        else if (s instanceof Scale.Categorical c) c.choices().forEach(x -> dom.classes.add(new Klass(new Value.Choice(x.id()), fresh(), true)));
        else if (s instanceof Scale.Bool) {
            dom.classes.add(new Klass(new Value.Bool(true), fresh(), true));
            dom.classes.add(new Klass(new Value.Bool(false), fresh(), true));
        } else if (s instanceof Scale.Numeric r) {
            BigDecimal lo = null;
            List<BigDecimal> cs = new ArrayList<>(numbers);
            for (int i = 0; i <= cs.size(); i++) {
                BigDecimal hi = i < cs.size() ? cs.get(i) : null;
                BigDecimal rep = firstBetween(r, lo, hi);
                if (rep != null) dom.classes.add(new Klass(new Value.Number(rep), fresh(), false));
                if (hi != null) dom.classes.add(new Klass(new Value.Number(hi), fresh(), false));
                lo = hi;
            }
        } else if (s instanceof Scale.Text) {
            dom.classes.add(new Klass(TEXT, fresh(), false));
        } else if (s instanceof Scale.MultiSelect m) {
            int array = fresh();
            dom.classes.add(new Klass(ARRAY, array, false));
            List<Integer> sel = new ArrayList<>();
            for (Scale.Choice c : m.choices()) {
                int v = fresh();
                dom.selected.put(c.id(), v);
                sel.add(v);
                clause(-v, array);
            }
            dom.arrayImpossible = m.min() > m.choices().size() || m.min() > m.max();
            if (dom.arrayImpossible) {
                clause(-array);
            } else {
                if (m.max() < m.choices().size()) atMost(sel.stream().mapToInt(Integer::intValue).toArray(), m.max());
                if (m.min() > 0) {
                    // at least min choices when the answer is an array: the "not an array" literal counts min times
                    List<Integer> atLeast = new ArrayList<>(sel);
                    for (int i = 0; i < m.min(); i++) {
                        int z = fresh();
                        clause(-z, -array);
                        clause(z, array);
                        atLeast.add(z);
                    }
                    atLeast(atLeast.stream().mapToInt(Integer::intValue).toArray(), m.min());
                }
            }
        }
        if (d.notApplicable().isPresent()) dom.classes.add(new Klass(Value.NotApplicable.INSTANCE, fresh(), false));
        // answered <-> one of the classes; at most one class
        int[] anyLits = new int[dom.classes.size() + 1];
        int[] vars = new int[dom.classes.size()];
        anyLits[0] = -dom.answered;
        for (int i = 0; i < dom.classes.size(); i++) {
            Klass k = dom.classes.get(i);
            anyLits[i + 1] = k.var();
            vars[i] = k.var();
            clause(dom.answered, -k.var());
        }
        clause(anyLits);
        if (vars.length > 1) atMost(vars, 1);
        return dom;
    }

    /** The first value of the range above {@code lo} (from its minimum when null) and below {@code hi} (up to its maximum when null). */
    static BigDecimal firstBetween(Scale.Numeric r, BigDecimal lo, BigDecimal hi) {
        return r.firstBetween(lo, hi);
    }

    /** The numbers each range dimension is compared with, anywhere in the rubric. */
    private static Map<String, TreeSet<BigDecimal>> constants(Rubric rubric) {
        Map<String, TreeSet<BigDecimal>> out = new HashMap<>();
        List<Condition> conditions = new ArrayList<>();
        rubric.sections().forEach(s -> s.skipWhen().ifPresent(conditions::add));
        for (Dimension d : rubric.dimensions()) {
            d.skipWhen().ifPresent(conditions::add);
            d.justifications().forEach(j -> j.when().ifPresent(conditions::add));
        }
        for (Rule r : rubric.enforcedRules()) {
            r.when().ifPresent(conditions::add);
            for (Constraint c : r.constraints()) {
                List<Value> vs = c instanceof Constraint.Bound b ? List.of(b.value())
                        : c instanceof Constraint.OneOf o ? o.values() : c instanceof Constraint.Forbid f ? f.values() : List.of();
                add(out, c.target(), vs);
            }
        }
        for (Condition c : conditions) {
            for (Condition.Atom a : c.atoms()) {
                if (a instanceof Condition.Compare cmp) add(out, a.dimension(), List.of(cmp.value()));
                else if (a instanceof Condition.In in) add(out, a.dimension(), in.values());
            }
        }
        return out;
    }

    private static void add(Map<String, TreeSet<BigDecimal>> out, String dim, List<Value> values) {
        for (Value v : values) if (v instanceof Value.Number n) out.computeIfAbsent(dim, k -> new TreeSet<>()).add(n.value());
    }

    // ---------------------------------------------------------------------------------------------
    // What a sample answer satisfies, by the meaning Answers gives conditions and constraints
    // ---------------------------------------------------------------------------------------------

    private static Answers<Object> sampleAnswers(Object sample) {
        return Samples.of(d -> sample);
    }

    static boolean holds(Condition.Atom atom, Object sample) {
        return sampleAnswers(sample).holds(atom);
    }

    /** Whether answering with this class satisfies a value constraint (require and justify aside). */
    static boolean satisfies(Constraint c, Object sample) {
        return sampleAnswers(sample).satisfies(c, sample);
    }

    // ---------------------------------------------------------------------------------------------
    // Conditions as literals
    // ---------------------------------------------------------------------------------------------

    /** A literal equivalent to the condition. */
    int literal(Condition c) {
        Integer cached = literals.get(c);
        if (cached != null) return cached;
        int lit;
        if (c instanceof Condition.Not n) lit = -literal(n.operand());
        else if (c instanceof Condition.And a) lit = and(a.operands().stream().map(this::literal).toList());
        else if (c instanceof Condition.Or o) lit = or(o.operands().stream().map(this::literal).toList());
        else {
            Condition.Atom atom = (Condition.Atom) c;
            Domain dom = domains.get(atom.dimension());
            if (atom instanceof Condition.Answered) lit = dom.answered;
            else if (atom instanceof Condition.Contains con) lit = dom.selected.getOrDefault(con.choice(), no());
            else {
                List<Integer> ks = new ArrayList<>();
                for (Klass k : dom.classes) if (holds(atom, k.sample())) ks.add(k.var());
                lit = or(ks);
            }
        }
        literals.put(c, lit);
        return lit;
    }

    /** When the dimension is skipped. */
    int skip(Dimension d) {
        return skips.computeIfAbsent(d.id(), id -> rubric.skipCondition(d).map(this::literal).orElse(no()));
    }

    /** When the rule is in force. */
    int active(Rule r) {
        return activations.computeIfAbsent(r, x -> x.when().map(this::literal).orElse(yes));
    }

    // ---------------------------------------------------------------------------------------------
    // What a valid answer is
    // ---------------------------------------------------------------------------------------------

    /** The constraints of rules on a dimension, with their rules, in rubric order (justify aside). */
    List<Map.Entry<Rule, Constraint>> constraintsOn(Dimension d) {
        return constraints.getOrDefault(d.id(), List.of());
    }

    /** Adds what the validator demands of the dimension's answer: skipped means unanswered, asked and required means answered, rules. */
    void assertValid(Dimension d) {
        Domain dom = domains.get(d.id());
        int skip = skip(d);
        clause(-skip, -dom.answered);
        if (d.required()) clause(skip, dom.answered);
        for (Map.Entry<Rule, Constraint> e : constraintsOn(d)) {
            int act = active(e.getKey());
            Constraint c = e.getValue();
            if (c instanceof Constraint.Require) {
                clause(-act, dom.answered);
                continue;
            }
            for (Klass k : dom.classes) if (!satisfies(c, k.sample())) clause(-act, -k.var());
        }
    }

    /**
     * A literal true exactly when, given the answers before it, the dimension has no allowed answer: no
     * answer is not allowed (it is asked and required, or a rule in force requires it) and every class of
     * answers is ruled out (it is skipped, a rule in force excludes the class, or the class is empty).
     */
    int stuck(Dimension d) {
        Domain dom = domains.get(d.id());
        int skip = skip(d);
        List<Integer> needsAnswer = new ArrayList<>();
        needsAnswer.add(d.required() ? -skip : no());
        List<Map.Entry<Rule, Constraint>> cs = constraintsOn(d);
        cs.forEach(e -> active(e.getKey())); // every literal a witness reads exists before the solver runs
        for (Map.Entry<Rule, Constraint> e : cs) if (e.getValue() instanceof Constraint.Require) needsAnswer.add(active(e.getKey()));
        List<Integer> all = new ArrayList<>();
        all.add(or(needsAnswer));
        for (Klass k : dom.classes) {
            List<Integer> excluded = new ArrayList<>();
            excluded.add(skip);
            if (k.sample() == ARRAY && dom.arrayImpossible) excluded.add(yes);
            for (Map.Entry<Rule, Constraint> e : cs) {
                Constraint c = e.getValue();
                if (!(c instanceof Constraint.Require) && !satisfies(c, k.sample())) excluded.add(active(e.getKey()));
            }
            all.add(or(excluded));
        }
        return and(all);
    }

    /** The justification requirements on a dimension: its own and those of rules, each with when it applies. */
    record Requirement(int applies, Optional<Condition> when, int minLength, org.rubricc.source.Span span, Optional<Rule> rule) {
        /** Whether it applies to a rating. */
        boolean appliesTo(Answers<Object> rating) {
            return when.isEmpty() || rating.holds(when.get());
        }
    }

    List<Requirement> requirements(Dimension d) {
        List<Requirement> out = new ArrayList<>();
        for (Dimension.Justification j : d.justifications()) {
            out.add(new Requirement(j.when().map(this::literal).orElse(yes), j.when(), j.minLength(), j.span(), Optional.empty()));
        }
        for (Map.Entry<Rule, Constraint.Justify> e : justifies.getOrDefault(d.id(), List.of())) {
            out.add(new Requirement(active(e.getKey()), e.getKey().when(), e.getValue().minLength(), e.getValue().span(), Optional.of(e.getKey())));
        }
        return out;
    }

    /** Every variable and literal of the dimensions, for reading models. */
    Set<String> dimensionIds() {
        return domains.keySet();
    }
}
