package org.rubricc.check.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rubricc.diag.Code;
import org.rubricc.model.Answers;
import org.rubricc.diag.Diagnostic;
import org.rubricc.model.Condition;
import org.rubricc.model.Constraint;
import org.rubricc.model.Dimension;
import org.rubricc.model.Phrases;
import org.rubricc.model.Rubric;
import org.rubricc.model.Rule;
import org.rubricc.model.Scale;
import org.rubricc.model.Section;
import org.rubricc.model.Value;
import org.rubricc.source.Span;

/**
 * The checker's semantic analysis (README, "Semantic analysis"): decides, with a SAT solver over every rating
 * the rubric allows, whether raters can get stuck (dead ends, an error), and which dimensions, rules, points
 * and conditions no valid rating can reach (warnings). Runs only on rubrics free of earlier errors. Each
 * rubric has a time budget; what was not decided within it is reported, never passed over in silence.
 */
public final class Analysis {
    /** The default time budget per rubric; {@code -Drubricc.analysis.budget=MILLISECONDS} changes it. */
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(Long.getLong("rubricc.analysis.budget", 10_000));

    private final Rubric rubric;
    private final Encoding enc;
    private final long deadline;
    private final Duration budget;
    private final Set<String> reported;
    /** Spans of conditions already reported always true from their scales alone. */
    private final Set<String> reportedAlways = new HashSet<>();
    private final List<Diagnostic> out = new ArrayList<>();
    private final List<String> notProved = new ArrayList<>();
    /** Random valid ratings drawn for reachability, kept to witness what the later questions ask. */
    private final List<Answers<Object>> ratings = new ArrayList<>();
    /** Set when the solver failed: what was not proved by then is reported all the same. */
    private String failure;
    /** Set when the budget ran out before every dimension was added: nothing after that is asked. */
    private boolean outOfTime;

    private Analysis(Rubric rubric, Duration budget, List<Diagnostic> earlier) {
        this.rubric = rubric;
        this.budget = budget;
        this.deadline = System.nanoTime() + budget.toNanos();
        this.enc = new Encoding(rubric);
        this.reported = new HashSet<>();
        for (Diagnostic d : earlier) {
            reported.add(key(d.span()));
            if (d.code() == Code.CONDITION_ALWAYS_TRUE) reportedAlways.add(key(d.span()));
        }
    }

    /**
     * Analyses a rubric that has no errors. {@code earlier} are the warnings already reported for it, so a
     * condition found constant from its scale alone is not reported twice.
     */
    public static List<Diagnostic> analyse(Rubric rubric, Duration budget, List<Diagnostic> earlier) {
        Analysis a;
        try {
            a = new Analysis(rubric, budget, earlier);
        } catch (LinkageError e) {
            // sat4j needs the java.logging module; a runtime limited to java.base lacks it
            return List.of(Diagnostic.of(Code.ANALYSIS_INCOMPLETE, rubric.versionSpan(), "the semantic analysis could not run in this "
                    + "Java runtime (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "), so nothing of it was proved")
                    .withHint("run rubricc on a full Java runtime (sat4j needs the java.logging module)"));
        }
        try {
            a.deadEnds();
            // After a dead end, what no valid rating reaches follows from it: fix the dead end first.
            boolean stuck = a.out.stream().anyMatch(d -> d.code() == Code.DEAD_END);
            if (a.outOfTime) a.notProved.add("what no valid rating reaches, and overlapping justifications");
            else if (!stuck && !a.enc.contradiction) {
                a.reachability();
                a.justificationOverlaps();
            }
        } catch (RuntimeException e) {
            a.failure = e.getClass().getSimpleName();
        }
        a.reportNotProved();
        return a.out;
    }

    // ---------------------------------------------------------------------------------------------
    // Solving within the budget
    // ---------------------------------------------------------------------------------------------

    private enum Answer { SAT, UNSAT, UNKNOWN }

    private Answer solve(int... assumptions) {
        Optional<Boolean> sat = enc.satisfiable(Duration.ofNanos(deadline - System.nanoTime()), assumptions);
        return sat.isEmpty() ? Answer.UNKNOWN : sat.get() ? Answer.SAT : Answer.UNSAT;
    }

    private boolean value(int lit) {
        return enc.value(lit);
    }

    private void reportNotProved() {
        if (failure != null) {
            out.add(Diagnostic.of(Code.ANALYSIS_INCOMPLETE, rubric.versionSpan(), "the semantic analysis stopped on an internal error ("
                    + failure + ") and did not prove the rest: dead ends, reachability and justification overlaps are unchecked"
                    + (notProved.isEmpty() ? "" : "; also not proved: " + String.join("; ", notProved)))
                    .withHint("please report this rubric to the rubricc maintainers"));
            return;
        }
        if (notProved.isEmpty()) return;
        List<String> shown = notProved.size() > 5 ? notProved.subList(0, 5) : notProved;
        String more = notProved.size() > 5 ? " and " + (notProved.size() - 5) + " more" : "";
        out.add(Diagnostic.of(Code.ANALYSIS_INCOMPLETE, rubric.versionSpan(), "the semantic analysis ran out of its time budget ("
                + budget.toMillis() + " ms) and did not prove: " + String.join("; ", shown) + more)
                .withHint("raise the budget with -Drubricc.analysis.budget=MILLISECONDS, or simplify the rules and skips"));
    }

    // ---------------------------------------------------------------------------------------------
    // Dead ends
    // ---------------------------------------------------------------------------------------------

    /**
     * Goes through the dimensions in asking order; before adding what the validator demands of dimension
     * k, asks whether some valid answers to the dimensions before it leave it no allowed answer.
     */
    private void deadEnds() {
        List<Dimension> dims = rubric.dimensions();
        for (int i = 0; i < dims.size(); i++) {
            Dimension d = dims.get(i);
            if (System.nanoTime() > deadline) {
                notProved.add("no dead end at the " + (dims.size() - i) + " dimensions from `" + d.id() + "` on");
                outOfTime = true;
                return;
            }
            if (!enc.contradiction) {
                int stuck = enc.stuck(d);
                if (stuck != enc.no()) {
                    Answer a = solve(stuck);
                    if (a == Answer.SAT) out.add(deadEnd(d));
                    else if (a == Answer.UNKNOWN) notProved.add("no dead end at `" + d.id() + "`");
                }
            }
            enc.assertValid(d);
        }
    }

    private Diagnostic deadEnd(Dimension d) {
        Encoding.Domain dom = enc.domain(d.id());
        boolean skipped = value(enc.skip(d));
        List<Map.Entry<Rule, Constraint>> cs = enc.constraintsOn(d);
        List<Map.Entry<Rule, Constraint>> chosen = new ArrayList<>();
        for (Map.Entry<Rule, Constraint> e : cs) {
            if (e.getValue() instanceof Constraint.Require && value(enc.active(e.getKey()))) {
                chosen.add(e);
                break;
            }
        }
        Set<String> looked = new LinkedHashSet<>();
        String title = Phrases.title(d);
        if (skipped) {
            Condition skip = rubric.skipCondition(d).orElseThrow();
            looked.addAll(skip.references());
            chosen.forEach(e -> e.getKey().when().ifPresent(w -> looked.addAll(w.references())));
            Diagnostic diag = Diagnostic.of(Code.DEAD_END, d.span(), "dead end at " + title + ": it is skipped but a rule requires an answer "
                    + "when " + answers(looked)).withLabel("raters get stuck here");
            diag = diag.withRelated(skip.span(), "skips " + title);
            for (Map.Entry<Rule, Constraint> e : chosen) diag = diag.withRelated(e.getValue().span(), Phrases.rule(e.getKey()) + " requires an answer");
            return diag.withHint("make the rule's condition exclude the answers that skip " + title + ", or do not skip it then");
        }
        // every class is excluded by some rule in force: choose few rules that exclude them all
        List<Encoding.Klass> open = new ArrayList<>();
        for (Encoding.Klass k : dom.classes) if (!(k.sample() == Encoding.ARRAY && dom.arrayImpossible)) open.add(k);
        List<Map.Entry<Rule, Constraint>> excluding = new ArrayList<>();
        for (Map.Entry<Rule, Constraint> e : cs) {
            if (!(e.getValue() instanceof Constraint.Require) && value(enc.active(e.getKey()))) excluding.add(e);
        }
        List<Map.Entry<Rule, Constraint>> cover = new ArrayList<>();
        List<Encoding.Klass> left = new ArrayList<>(open);
        while (!left.isEmpty()) {
            Map.Entry<Rule, Constraint> best = null;
            int bestCount = 0;
            for (Map.Entry<Rule, Constraint> e : excluding) {
                int n = (int) left.stream().filter(k -> !Encoding.satisfies(e.getValue(), k.sample())).count();
                if (n > bestCount) {
                    best = e;
                    bestCount = n;
                }
            }
            if (best == null) break; // cannot happen for a model of `stuck`
            Map.Entry<Rule, Constraint> b = best;
            cover.add(b);
            left.removeIf(k -> !Encoding.satisfies(b.getValue(), k.sample()));
        }
        // drop rules the others make redundant
        for (int i = cover.size() - 1; i >= 0; i--) {
            List<Map.Entry<Rule, Constraint>> without = new ArrayList<>(cover);
            without.remove(i);
            boolean enough = open.stream().allMatch(k -> without.stream().anyMatch(e -> !Encoding.satisfies(e.getValue(), k.sample())));
            if (enough) cover = without;
        }
        for (Map.Entry<Rule, Constraint> e : cover) e.getKey().when().ifPresent(w -> looked.addAll(w.references()));
        chosen.forEach(e -> e.getKey().when().ifPresent(w -> looked.addAll(w.references())));
        rubric.skipCondition(d).ifPresent(s -> looked.addAll(s.references()));
        List<String> ordered = new ArrayList<>(looked);
        ordered.sort((a, b) -> Integer.compare(rubric.position(a), rubric.position(b)));
        String when = ordered.isEmpty() ? "whatever the answers before it" : "when " + answers(ordered);
        Diagnostic diag = Diagnostic.of(Code.DEAD_END, d.span(), "dead end at " + title + ": " + when + ", no answer is allowed")
                .withLabel("raters get stuck here");
        for (Map.Entry<Rule, Constraint> e : cover) {
            diag = diag.withRelated(e.getValue().span(), Phrases.rule(e.getKey()) + ": " + Phrases.constraint(d, e.getValue()));
        }
        String why;
        if (!chosen.isEmpty()) {
            diag = diag.withRelated(chosen.get(0).getValue().span(), Phrases.rule(chosen.get(0).getKey()) + " requires an answer");
            why = "a rule requires an answer";
        } else {
            why = title + " is required";
        }
        if (dom.arrayImpossible) why += " and its scale allows no selection (minimum above the number of choices)";
        return diag.withHint(why + ", so some value must stay allowed: change one of these rules or make their conditions exclusive");
    }

    /** The answers a model gives to these dimensions, as a sentence. */
    private String answers(Iterable<String> ids) {
        List<String> parts = new ArrayList<>();
        for (String id : ids) parts.add(answer(rubric.dimension(id).orElseThrow()));
        if (parts.isEmpty()) return "whatever the answers before it";
        if (parts.size() == 1) return parts.get(0);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private String answer(Dimension d) {
        Encoding.Domain dom = enc.domain(d.id());
        String t = Phrases.title(d);
        if (!value(dom.answered)) return t + (value(enc.skip(d)) ? " is skipped" : " is not answered");
        for (Encoding.Klass k : dom.classes) {
            if (!value(k.var())) continue;
            if (k.sample() == Encoding.TEXT) return t + " is answered";
            if (k.sample() == Encoding.ARRAY) {
                List<String> sel = new ArrayList<>();
                dom.selected.forEach((c, v) -> {
                    if (value(v)) sel.add(Phrases.value(d, new Value.Choice(c)));
                });
                return sel.isEmpty() ? t + " has no choice selected" : t + " includes " + String.join(", ", sel);
            }
            return t + " is " + Phrases.value(d, (Value) k.sample());
        }
        return t + " is answered";
    }

    // ---------------------------------------------------------------------------------------------
    // What no valid rating reaches
    // ---------------------------------------------------------------------------------------------

    /**
     * Something that some valid rating should make true, as a literal for the solver and as a test of a
     * random valid rating; reported when none does.
     */
    private record Goal(int literal, java.util.function.Predicate<Answers<Object>> in, Runnable unreachable, String what) {}

    private void reachability() {
        List<Goal> goals = new ArrayList<>();
        Set<String> neverAsked = new HashSet<>();
        for (Dimension d : rubric.dimensions()) {
            Optional<Condition> skip = rubric.skipCondition(d);
            if (skip.isEmpty()) continue;
            // always true from its scales alone, reported before (R0902): the section's skip or the dimension's own
            boolean already = rubric.sectionOf(d).skipWhen().map(c -> reportedAlways.contains(key(c.span()))).orElse(false)
                    || d.skipWhen().map(c -> reportedAlways.contains(key(c.span()))).orElse(false);
            goals.add(new Goal(-enc.skip(d), v -> !v.holds(skip.get()), () -> {
                neverAsked.add(d.id());
                if (already) return;
                out.add(Diagnostic.of(Code.NEVER_ASKED, d.span(), Phrases.title(d) + " is never asked: its skip condition holds in every valid rating")
                        .withLabel("always skipped").withRelated(skip.get().span(), "always true given the answers before it")
                        .withHint("remove the dimension, or change the skip condition"));
            }, "that `" + d.id() + "` can be asked"));
        }
        for (Section s : rubric.sections()) {
            s.skipWhen().ifPresent(c -> conditionGoals(goals, c, "skip condition of section `" + s.id() + "`", false));
        }
        for (Dimension d : rubric.dimensions()) {
            d.skipWhen().ifPresent(c -> conditionGoals(goals, c, "skip condition of `" + d.id() + "`", false));
            for (Dimension.Justification j : d.justifications()) {
                j.when().ifPresent(c -> conditionGoals(goals, c, "justification condition of `" + d.id() + "`", true));
            }
        }
        for (Rule r : rubric.rules()) {
            if (r.when().isEmpty()) continue;
            Condition w = r.when().get();
            if (!reported.contains(key(w.span()))) {
                goals.add(new Goal(enc.active(r), v -> v.holds(w), () -> out.add(Diagnostic.of(Code.RULE_NEVER_FIRES, w.span(), Phrases.rule(r)
                        + " never applies: its condition holds in no valid rating").withLabel("never true given the skips and rules")
                        .withHint("a test of a dimension is false when it is skipped or unanswered: check the skip conditions "
                                + "of the dimensions it looks at, and the rules on them")), "that rule `" + r.id() + "` can apply"));
                goals.add(new Goal(-enc.active(r), v -> !v.holds(w), () -> out.add(Diagnostic.of(Code.CONDITION_ALWAYS_TRUE, w.span(),
                        "condition of rule `" + r.id() + "` holds in every valid rating").withLabel("always true given the skips and rules")
                        .withHint("drop the condition, or check what it was meant to test")), "that rule `" + r.id() + "` need not apply"));
            }
        }
        // Without dead ends (all proved), a point of a dimension no rule restricts can be chosen whenever the
        // dimension is asked, and the rating then completes: only dimensions with value rules need asking.
        boolean allProved = notProved.isEmpty();
        for (Dimension d : rubric.dimensions()) {
            Encoding.Domain dom = enc.domain(d.id());
            boolean restricted = enc.constraintsOn(d).stream().anyMatch(e -> !(e.getValue() instanceof Constraint.Require));
            boolean multiOpen = !(d.scale() instanceof Scale.MultiSelect m) || (m.max() >= 1 && !dom.arrayImpossible);
            if (allProved && !restricted && multiOpen) continue;
            for (Encoding.Klass k : dom.classes) {
                if (!k.point()) continue;
                goals.add(new Goal(k.var(), v -> k.sample().equals(v.answer(d.id())), () -> {
                    if (!neverAsked.contains(d.id())) out.add(pointNeverChosen(d, (Value) k.sample()));
                }, "that " + ((Value) k.sample()).toSource() + " can be chosen for `" + d.id() + "`"));
            }
            for (Map.Entry<String, Integer> c : dom.selected.entrySet()) {
                goals.add(new Goal(c.getValue(), v -> v.answer(d.id()) instanceof Set<?> s && s.contains(c.getKey()), () -> {
                    if (!neverAsked.contains(d.id())) out.add(pointNeverChosen(d, new Value.Choice(c.getKey())));
                }, "that " + c.getKey() + " can be chosen for `" + d.id() + "`"));
            }
        }
        boolean[] seen = new boolean[goals.size()];
        // Random valid ratings witness most goals without the solver; the solver gets the rest.
        Walks walks = new Walks(enc);
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < goals.size(); i++) open.add(i);
        for (int w = 0, idle = 0; w < WALKS && idle < IDLE_WALKS && !open.isEmpty() && System.nanoTime() < deadline; w++) {
            Optional<Answers<Object>> rating = walks.walk();
            idle++;
            if (rating.isEmpty()) continue;
            if (ratings.size() < KEPT_RATINGS) ratings.add(rating.get());
            int before = open.size();
            open.removeIf(i -> {
                boolean hit = goals.get(i).in().test(rating.get());
                if (hit) seen[i] = true;
                return hit;
            });
            if (open.size() < before) idle = 0;
        }
        for (int i = 0; i < goals.size(); i++) {
            if (seen[i]) continue;
            Goal g = goals.get(i);
            if (g.literal() == enc.yes) continue;
            Answer a = g.literal() == enc.no() ? Answer.UNSAT : solve(g.literal());
            if (a == Answer.SAT) mark(goals, seen);
            else if (a == Answer.UNSAT) g.unreachable().run();
            else notProved.add(g.what());
        }
    }

    /** At most this many random ratings, and no more once this many in a row witnessed nothing new. */
    private static final int WALKS = 100, IDLE_WALKS = 10;
    /** How many of the random ratings are kept as witnesses for the questions after reachability. */
    private static final int KEPT_RATINGS = 32;

    private void mark(List<Goal> goals, boolean[] seen) {
        for (int i = 0; i < goals.size(); i++) {
            int l = goals.get(i).literal();
            if (!seen[i] && (l == enc.yes || (l != enc.no() && value(l)))) seen[i] = true;
        }
    }

    private static String key(Span s) {
        return s.toString() + "/" + s.endLine() + ":" + s.endColumn();
    }

    /** Warnings for a condition that no valid rating makes true, or none makes false (unless its scale alone says so, reported before). */
    private void conditionGoals(List<Goal> goals, Condition c, String what, boolean alwaysToo) {
        if (reported.contains(key(c.span()))) return;
        int lit = enc.literal(c);
        goals.add(new Goal(lit, v -> v.holds(c), () -> out.add(Diagnostic.of(Code.CONDITION_NEVER_TRUE, c.span(), what
                + " can never be true in a valid rating").withLabel("never true given the skips and rules")
                .withHint("a test of a dimension is false when it is skipped or unanswered: check the skip conditions "
                        + "of the dimensions it looks at, and the rules on them")), "that the " + what + " can hold"));
        if (alwaysToo) {
            goals.add(new Goal(-lit, v -> !v.holds(c), () -> out.add(Diagnostic.of(Code.CONDITION_ALWAYS_TRUE, c.span(), what
                    + " is true in every valid rating").withLabel("always true given the skips and rules")
                    .withHint("drop the condition, or check what it was meant to test")), "that the " + what + " can be false"));
        }
    }

    private Diagnostic pointNeverChosen(Dimension d, Value v) {
        Diagnostic diag = Diagnostic.of(Code.VALUE_NEVER_ALLOWED, d.span(), Phrases.value(d, v) + " can never be chosen for "
                + Phrases.title(d) + ": no valid rating allows it").withLabel("never allowed");
        Object sample = v;
        for (Map.Entry<Rule, Constraint> e : enc.constraintsOn(d)) {
            Constraint c = e.getValue();
            boolean excludes = c instanceof Constraint.Require ? false
                    : d.scale() instanceof Scale.MultiSelect ? false : !Encoding.satisfies(c, sample);
            if (excludes) diag = diag.withRelated(c.span(), Phrases.rule(e.getKey()) + " excludes it");
        }
        return diag.withHint(diag.related().isEmpty() ? "the skip conditions and the rules on earlier answers leave no rating that reaches it"
                : "the rules marked exclude it in every rating where " + Phrases.title(d) + " is asked");
    }

    // ---------------------------------------------------------------------------------------------
    // Justification requirements that overlap
    // ---------------------------------------------------------------------------------------------

    private void justificationOverlaps() {
        for (Dimension d : rubric.dimensions()) {
            List<Encoding.Requirement> rs = enc.requirements(d);
            if (rs.size() < 2) continue;
            int answered = enc.domain(d.id()).answered;
            Set<Integer> flagged = new HashSet<>();
            for (int i = 0; i < rs.size(); i++) {
                for (int j = 0; j < rs.size(); j++) {
                    if (i == j || flagged.contains(i) || flagged.contains(j)) continue;
                    Encoding.Requirement a = rs.get(i), b = rs.get(j);
                    if (a.minLength() > b.minLength()) continue;
                    if (a.minLength() == b.minLength() && i < j && covered(d, answered, b, a) == Answer.UNSAT) continue; // report the later one
                    Answer applies = witnessed(d, a, null) ? Answer.SAT : solve(answered, a.applies());
                    if (applies == Answer.UNSAT) continue; // never applies: not an overlap
                    Answer escapes = applies == Answer.UNKNOWN ? Answer.UNKNOWN : covered(d, answered, a, b);
                    if (escapes == Answer.UNKNOWN) {
                        notProved.add("whether two justification requirements of `" + d.id() + "` overlap");
                    } else if (escapes == Answer.UNSAT) {
                        flagged.add(i);
                        out.add(Diagnostic.of(Code.JUSTIFICATION_OVERLAP, a.span(), "this justification requirement of " + Phrases.title(d)
                                + " never decides anything: whenever it applies, the one at line " + b.span().line()
                                + " applies too, and its minimum of " + b.minLength() + " characters is the one that counts")
                                .withLabel("minimum " + a.minLength() + ", never the one that applies")
                                .withRelated(b.span(), "minimum " + b.minLength() + " applies")
                                .withHint("remove one of the two, or give them conditions that do not overlap"));
                    }
                }
            }
        }
    }

    /** UNSAT when every answered rating where {@code a} applies has {@code b} apply too. */
    private Answer covered(Dimension d, int answered, Encoding.Requirement a, Encoding.Requirement b) {
        if (b.applies() == enc.yes) return Answer.UNSAT;
        if (a.applies() == enc.no()) return Answer.UNSAT;
        if (witnessed(d, a, b)) return Answer.SAT;
        return solve(answered, a.applies(), -b.applies());
    }

    /**
     * Whether one of the random valid ratings answers {@code d} with {@code a} applying (and {@code b} not,
     * unless null): then the solver need not be asked, whose every call costs time in proportion to the rubric.
     */
    private boolean witnessed(Dimension d, Encoding.Requirement a, Encoding.Requirement b) {
        for (Answers<Object> r : ratings) {
            if (r.answer(d.id()) != null && a.appliesTo(r) && (b == null || !b.appliesTo(r))) return true;
        }
        return false;
    }

    /** For tests: the encoding's answer to whether raters can get stuck anywhere. */
    static boolean hasDeadEnd(Rubric rubric) {
        return analyse(rubric, Duration.ofMinutes(1), List.of()).stream().anyMatch(d -> d.code() == Code.DEAD_END);
    }
}
