package org.rubricc.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rubricc.ast.Ast;
import org.rubricc.diag.Code;
import org.rubricc.diag.Diagnostic;
import org.rubricc.diag.Suggestions;
import org.rubricc.model.Answers;
import org.rubricc.model.Condition;
import org.rubricc.model.Constraint;
import org.rubricc.model.Scale;
import org.rubricc.model.Value;
import org.rubricc.source.Span;

/**
 * Resolves conditions, constraints and constants against the dimensions they name: each name must
 * be a dimension asked early enough, each constant a value of its scale, each operator one that
 * applies to the scale. Also decides when a condition is evidently constant.
 */
final class Conditions {
    private final Map<String, Resolver.DimInfo> dims;
    private final Map<String, Ast.Section> sections;
    private final List<Diagnostic> out;
    /** Whether each section has a skip condition, looked up once (a section may hold thousands of members). */
    private final Map<String, Boolean> sectionSkips = new java.util.HashMap<>();

    Conditions(Map<String, Resolver.DimInfo> dims, Map<String, Ast.Section> sections, List<Diagnostic> out) {
        this.dims = dims;
        this.sections = sections;
        this.out = out;
    }

    /** Which dimensions a condition may look at. */
    record Scope(Kind kind, String owner, int position) {
        enum Kind { BEFORE, UP_TO_SELF, SECTION, ANYWHERE }

        /** Dimensions asked before {@code owner}; with {@code self}, also {@code owner} itself. */
        static Scope before(String owner, int position, boolean self) {
            return new Scope(self ? Kind.UP_TO_SELF : Kind.BEFORE, owner, position);
        }

        /** Dimensions of sections before section {@code owner}, whose first dimension is at {@code firstPosition}. */
        static Scope section(String owner, int firstPosition) {
            return new Scope(Kind.SECTION, owner, firstPosition);
        }

        static Scope anywhere() {
            return new Scope(Kind.ANYWHERE, "", Integer.MAX_VALUE);
        }
    }

    /** Resolves a condition; empty when any part of it is wrong (each problem reported). */
    Optional<Condition> resolve(Ast.Condition c, Scope scope, String what) {
        if (c instanceof Ast.And a) {
            List<Condition> ops = resolveAll(a.operands(), scope, what);
            return ops == null ? Optional.empty() : Optional.of(new Condition.And(ops, a.span()));
        }
        if (c instanceof Ast.Or o) {
            List<Condition> ops = resolveAll(o.operands(), scope, what);
            return ops == null ? Optional.empty() : Optional.of(new Condition.Or(ops, o.span()));
        }
        if (c instanceof Ast.Not n) {
            return resolve(n.operand(), scope, what).map(x -> new Condition.Not(x, n.span()));
        }
        Ast.Name ref = refOf(c);
        Resolver.DimInfo dim = dimension(ref, scope, what);
        if (dim == null) return Optional.empty();
        String id = ref.text();
        if (c instanceof Ast.Answered a) {
            Condition.Atom atom = new Condition.Answered(id, a.span());
            return Optional.of(a.negated() ? new Condition.Not(atom, a.span()) : atom);
        }
        if (dim.scale() == null) return Optional.empty();
        Scale scale = dim.scale();
        if (c instanceof Ast.Compare cmp) {
            Condition.Op op = Condition.Op.fromSymbol(cmp.op());
            if (!operatorApplies(op, dim, cmp.span(), cmp.value())) return Optional.empty();
            return value(cmp.value(), dim, "comparison").map(v -> new Condition.Compare(id, op, v, cmp.span()));
        }
        if (c instanceof Ast.In in) {
            if (scale instanceof Scale.MultiSelect || scale instanceof Scale.Text) {
                out.add(notFor("`in`", dim, in.span(), scale instanceof Scale.MultiSelect
                        ? "test a multi-select with `" + id + " contains CHOICE`" : "test free text with `" + id + " is answered`"));
                return Optional.empty();
            }
            List<Value> values = values(in.values(), dim);
            if (values == null) return Optional.empty();
            Condition.Atom atom = new Condition.In(id, values, in.span());
            return Optional.of(in.negated() ? new Condition.Not(atom, in.span()) : atom);
        }
        Ast.Contains con = (Ast.Contains) c;
        if (!(scale instanceof Scale.MultiSelect)) {
            out.add(notFor("`contains`", dim, con.span(), "`contains` tests a multi-select; use `==` or `in` here"));
            return Optional.empty();
        }
        return value(con.value(), dim, "contains").map(v -> new Condition.Contains(id, ((Value.Choice) v).id(), con.span()));
    }

    private List<Condition> resolveAll(List<Ast.Condition> operands, Scope scope, String what) {
        List<Condition> out = new ArrayList<>();
        boolean ok = true;
        for (Ast.Condition o : operands) {
            Optional<Condition> r = resolve(o, scope, what);
            if (r.isPresent()) out.add(r.get());
            else ok = false;
        }
        return ok ? out : null;
    }

    private static Ast.Name refOf(Ast.Condition c) {
        if (c instanceof Ast.Compare x) return x.ref();
        if (c instanceof Ast.In x) return x.ref();
        if (c instanceof Ast.Contains x) return x.ref();
        return ((Ast.Answered) c).ref();
    }

    /** The dimension a name in a condition refers to, if it exists and may be looked at from {@code scope}. */
    private Resolver.DimInfo dimension(Ast.Name ref, Scope scope, String what) {
        Resolver.DimInfo dim = dims.get(ref.text());
        if (dim == null) {
            unknownDimension(ref);
            return null;
        }
        switch (scope.kind()) {
            case BEFORE, UP_TO_SELF -> {
                if (ref.text().equals(scope.owner())) {
                    if (scope.kind() == Scope.Kind.UP_TO_SELF) return dim;
                    out.add(Diagnostic.of(Code.SELF_REFERENCE, ref.span(),
                            "the " + what + " looks at `" + ref.text() + "` itself").withLabel("its own answer")
                            .withHint("whether a question is asked cannot depend on its own answer"));
                    return null;
                }
                if (dim.position() > scope.position()) {
                    out.add(Diagnostic.of(Code.FORWARD_REFERENCE, ref.span(),
                            "the " + what + " looks at `" + ref.text() + "`, which is asked later")
                            .withLabel("asked after `" + scope.owner() + "`")
                            .withHint("a condition may only look at answers given before; move `" + ref.text()
                                    + "` earlier or change the condition"));
                    return null;
                }
            }
            case SECTION -> {
                if (dim.sectionId().equals(scope.owner())) {
                    out.add(Diagnostic.of(Code.SELF_REFERENCE, ref.span(), "the " + what + " looks at `"
                            + ref.text() + "`, a question of the same section").withLabel("in this section")
                            .withHint("a section's skip condition may only look at questions of earlier sections"));
                    return null;
                }
                if (dim.position() > scope.position()) {
                    out.add(Diagnostic.of(Code.FORWARD_REFERENCE, ref.span(),
                            "the " + what + " looks at `" + ref.text() + "`, which is asked later")
                            .withLabel("in a later section")
                            .withHint("a section's skip condition may only look at questions of earlier sections"));
                    return null;
                }
            }
            case ANYWHERE -> { }
        }
        return dim;
    }

    void unknownDimension(Ast.Name ref) {
        Diagnostic d = Diagnostic.of(Code.UNKNOWN_DIMENSION, ref.span(), "unknown dimension `" + ref.text() + "`")
                .withLabel("not defined in this rubric");
        Optional<String> hint = Suggestions.didYouMean(ref.text(), dims.keySet());
        if (hint.isEmpty() && sections.containsKey(ref.text())) {
            hint = Optional.of("`" + ref.text() + "` is a section; conditions look at dimensions");
        }
        out.add(hint.map(d::withHint).orElse(d));
    }

    boolean operatorApplies(Condition.Op op, Resolver.DimInfo dim, Span span, Ast.Literal value) {
        Scale scale = dim.scale();
        String id = dim.ast().id().text();
        if (scale instanceof Scale.MultiSelect) {
            out.add(notFor("`" + op.symbol() + "`", dim, span, "test a multi-select with `" + id + " contains CHOICE`"));
            return false;
        }
        if (scale instanceof Scale.Text) {
            out.add(notFor("`" + op.symbol() + "`", dim, span, "test free text with `" + id + " is answered`"));
            return false;
        }
        if (op.ordering() && !scale.ordered()) {
            out.add(Diagnostic.of(Code.ORDERING_ON_UNORDERED, span, "`" + op.symbol() + "` compares order, but `" + id
                    + "` has " + scale.kindPhrase() + " scale, whose values have no order")
                    .withHint("list the values instead: `" + id + " in {...}`"));
            return false;
        }
        if (op.ordering() && value.kind() == Ast.LiteralKind.NA) {
            out.add(notFor("`" + op.symbol() + "` with `n/a`", dim, span, "`n/a` has no order; use `== n/a` or `!= n/a`"));
            return false;
        }
        return true;
    }

    private Diagnostic notFor(String what, Resolver.DimInfo dim, Span span, String hint) {
        return Diagnostic.of(Code.OPERATOR_NOT_APPLICABLE, span, what + " does not apply to `" + dim.ast().id().text()
                + "`, which has " + dim.scale().kindPhrase() + " scale").withHint(hint);
    }

    private List<Value> values(List<Ast.Literal> literals, Resolver.DimInfo dim) {
        List<Value> out = new ArrayList<>();
        boolean ok = true;
        for (Ast.Literal l : literals) {
            Optional<Value> v = value(l, dim, "set");
            if (v.isPresent()) {
                if (!out.contains(v.get())) out.add(v.get());
            } else {
                ok = false;
            }
        }
        return ok ? out : null;
    }

    /** A constant as a value of the dimension's scale; reports it when it is not one. */
    Optional<Value> value(Ast.Literal l, Resolver.DimInfo dim, String context) {
        Scale scale = dim.scale();
        String id = dim.ast().id().text();
        if (l.kind() == Ast.LiteralKind.NA) {
            if (dim.notApplicable().isPresent()) return Optional.of(Value.NotApplicable.INSTANCE);
            out.add(Diagnostic.of(Code.NOT_APPLICABLE_NOT_ALLOWED, l.span(),
                    "`" + id + "` has no \"not applicable\" answer").withLabel("n/a is not an answer of this dimension")
                    .withHint("add `not_applicable \"Label\"` to the dimension to offer it"));
            return Optional.empty();
        }
        String scaleName = scale.name().map(n -> "scale `" + n + "`").orElse("the scale of `" + id + "`");
        if (scale instanceof Scale.Ordinal o) {
            if (l.kind() == Ast.LiteralKind.NUMBER) {
                Optional<BigDecimal> n = Scales.number(l, new ArrayList<>());
                if (n.isPresent() && o.point(n.get()).isPresent()) return Optional.of(new Value.Number(n.get()));
            }
            String points = o.points().stream().map(p -> p.value().toPlainString()).collect(Collectors.joining(", "));
            out.add(Diagnostic.of(Code.UNKNOWN_CHOICE, l.span(), "`" + l.text() + "` is not a point of " + scaleName)
                    .withLabel("not a point").withHint("its points are " + points));
            return Optional.empty();
        }
        if (scale instanceof Scale.Numeric r) {
            if (l.kind() == Ast.LiteralKind.NUMBER) {
                Optional<BigDecimal> n = Scales.number(l, new ArrayList<>());
                if (n.isPresent() && r.accepts(n.get())) return Optional.of(new Value.Number(n.get()));
            }
            out.add(Diagnostic.of(Code.UNKNOWN_CHOICE, l.span(), "`" + l.text() + "` is not a value of " + scaleName)
                    .withLabel("not in the range").withHint("its values are " + r.min().toPlainString() + " to "
                            + r.max().toPlainString() + r.step().map(s -> " in steps of " + s.toPlainString()).orElse("")));
            return Optional.empty();
        }
        if (scale instanceof Scale.Bool) {
            if (l.kind() == Ast.LiteralKind.TRUE || (l.kind() == Ast.LiteralKind.NAME && l.text().equals("yes"))) {
                return Optional.of(new Value.Bool(true));
            }
            if (l.kind() == Ast.LiteralKind.FALSE || (l.kind() == Ast.LiteralKind.NAME && l.text().equals("no"))) {
                return Optional.of(new Value.Bool(false));
            }
            out.add(Diagnostic.of(Code.UNKNOWN_CHOICE, l.span(), "`" + l.text() + "` is not a value of boolean " + scaleName)
                    .withLabel("expected `true` or `false`"));
            return Optional.empty();
        }
        List<Scale.Choice> choices = scale instanceof Scale.Categorical c ? c.choices()
                : scale instanceof Scale.MultiSelect m ? m.choices() : List.of();
        if (scale instanceof Scale.Text) {
            out.add(notFor("a constant", dim, l.span(), "free text can only be tested with `" + id + " is answered`"));
            return Optional.empty();
        }
        if (l.kind() == Ast.LiteralKind.NAME && choices.stream().anyMatch(ch -> ch.id().equals(l.text()))) {
            return Optional.of(new Value.Choice(l.text()));
        }
        List<String> ids = choices.stream().map(Scale.Choice::id).toList();
        Diagnostic d = Diagnostic.of(Code.UNKNOWN_CHOICE, l.span(), "`" + l.text() + "` is not a choice of " + scaleName)
                .withLabel("not a choice");
        out.add(d.withHint(Suggestions.didYouMean(l.text(), ids).orElse("its choices are " + String.join(", ", ids))));
        return Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------
    // Constraints of rules
    // ---------------------------------------------------------------------------------------------

    Optional<Constraint> constraint(Ast.Constraint c) {
        Resolver.DimInfo dim = dims.get(c.target().text());
        if (dim == null) {
            unknownDimension(c.target());
            return Optional.empty();
        }
        String id = c.target().text();
        if (c instanceof Ast.Require r) return Optional.of(new Constraint.Require(id, r.span()));
        if (c instanceof Ast.JustifyConstraint j) {
            Optional<Integer> min = j.min() == null ? Optional.of(1) : Scales.count(j.min(), out);
            return min.map(m -> new Constraint.Justify(id, m, j.span()));
        }
        if (dim.scale() == null) return Optional.empty();
        if (c instanceof Ast.Bound b) {
            Condition.Op op = Condition.Op.fromSymbol(b.op());
            if (!operatorApplies(op, dim, b.span(), b.value())) return Optional.empty();
            return value(b.value(), dim, "constraint").map(v -> new Constraint.Bound(id, op, v, b.span()));
        }
        if (c instanceof Ast.OneOf o) {
            if (dim.scale() instanceof Scale.MultiSelect || dim.scale() instanceof Scale.Text) {
                out.add(notFor("`in`", dim, o.span(), "constrain a multi-select with `forbid` or `require`"));
                return Optional.empty();
            }
            List<Value> vs = values(o.values(), dim);
            return vs == null ? Optional.empty() : Optional.of(new Constraint.OneOf(id, vs, o.span()));
        }
        Ast.Forbid f = (Ast.Forbid) c;
        if (f.op() != null && !f.op().equals("==")) {
            out.add(Diagnostic.of(Code.OPERATOR_NOT_APPLICABLE, f.span(), "`forbid` takes `==` or `in`, not `" + f.op() + "`")
                    .withHint("to bound a value write `then " + id + " " + negate(f.op()) + " ...`"));
            return Optional.empty();
        }
        if (dim.scale() instanceof Scale.MultiSelect || dim.scale() instanceof Scale.Text) {
            out.add(notFor("`forbid`", dim, f.span(), "`forbid` applies to single answers"));
            return Optional.empty();
        }
        List<Value> vs = values(f.values(), dim);
        return vs == null ? Optional.empty() : Optional.of(new Constraint.Forbid(id, vs, f.span()));
    }

    private static String negate(String op) {
        return switch (op) {
            case "<" -> ">=";
            case "<=" -> ">";
            case ">" -> "<=";
            case ">=" -> "<";
            default -> "==";
        };
    }

    /**
     * A rule may only constrain answers asked after everything its condition looks at (a justify
     * constraint may also look at its own target), so a form can enforce it when the constrained
     * question comes up.
     */
    void checkRuleOrder(String ruleId, Condition when, List<Constraint> constraints) {
        for (Condition.Atom atom : when.atoms()) {
            Resolver.DimInfo looked = dims.get(atom.dimension());
            for (Constraint c : constraints) {
                Resolver.DimInfo target = dims.get(c.target());
                if (looked == null || target == null) continue;
                boolean selfJustify = c instanceof Constraint.Justify && c.target().equals(atom.dimension());
                if (looked.position() >= target.position() && !selfJustify) {
                    out.add(Diagnostic.of(Code.CONSTRAINT_ON_EARLIER, c.span(), "rule `" + ruleId + "` constrains `"
                            + c.target() + "`, but its condition looks at `" + atom.dimension() + "`, which is not asked before it")
                            .withLabel("constrained here")
                            .withHint("a rule's condition may only look at answers given before the ones it constrains"));
                    return;
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Evidently constant conditions
    // ---------------------------------------------------------------------------------------------

    enum Truth { NEVER, MAYBE, ALWAYS }

    /** Whether the condition is decided by the scales alone. */
    Truth truth(Condition c) {
        if (c instanceof Condition.Not n) {
            Truth t = truth(n.operand());
            return t == Truth.NEVER ? Truth.ALWAYS : t == Truth.ALWAYS ? Truth.NEVER : Truth.MAYBE;
        }
        if (c instanceof Condition.And a) {
            List<Truth> ts = a.operands().stream().map(this::truth).toList();
            if (ts.contains(Truth.NEVER)) return Truth.NEVER;
            return ts.stream().allMatch(t -> t == Truth.ALWAYS) ? Truth.ALWAYS : Truth.MAYBE;
        }
        if (c instanceof Condition.Or o) {
            List<Truth> ts = o.operands().stream().map(this::truth).toList();
            if (ts.contains(Truth.ALWAYS)) return Truth.ALWAYS;
            return ts.stream().allMatch(t -> t == Truth.NEVER) ? Truth.NEVER : Truth.MAYBE;
        }
        Condition.Atom atom = (Condition.Atom) c;
        Resolver.DimInfo dim = dims.get(atom.dimension());
        if (dim == null) return Truth.MAYBE;
        boolean alwaysAnswered = dim.required() && !dim.hasSkip() && dim.notApplicable().isEmpty()
                && !sectionSkips.computeIfAbsent(dim.sectionId(),
                        id -> sections.containsKey(id) && sections.get(id).members().stream().anyMatch(m -> m instanceof Ast.Skip));
        if (atom instanceof Condition.Answered) return alwaysAnswered ? Truth.ALWAYS : Truth.MAYBE;
        int[] counts = satisfying(atom, dim.scale(), dim.notApplicable().isPresent());
        if (counts == null) return Truth.MAYBE;
        if (counts[0] == 0) return Truth.NEVER;
        return counts[0] == counts[1] && alwaysAnswered ? Truth.ALWAYS : Truth.MAYBE;
    }

    /** Whether a valid rating may leave the dimension without an answer: it is optional, or it or its section can be skipped. */
    boolean mayBeUnanswered(Resolver.DimInfo dim) {
        return !dim.required() || dim.hasSkip() || sectionSkips.computeIfAbsent(dim.sectionId(),
                id -> sections.containsKey(id) && sections.get(id).members().stream().anyMatch(m -> m instanceof Ast.Skip));
    }

    /** {how many values satisfy the atom, how many values there are}, for scales with finitely many values. */
    private static int[] satisfying(Condition.Atom atom, Scale scale, boolean notApplicable) {
        List<Value> all;
        if (scale instanceof Scale.Ordinal o) all = o.points().stream().map(p -> (Value) p.asValue()).toList();
        else if (scale instanceof Scale.Categorical c) all = c.choices().stream().map(x -> (Value) new Value.Choice(x.id())).toList();
        else if (scale instanceof Scale.Bool) all = List.of(new Value.Bool(true), new Value.Bool(false));
        else if (scale instanceof Scale.Numeric r && atom instanceof Condition.Compare cmp) return rangeCounts(r, cmp);
        else return null;
        if (notApplicable) {
            all = new java.util.ArrayList<>(all);
            all.add(Value.NotApplicable.INSTANCE); // `x == n/a` can hold when x offers "not applicable"
        }
        int n = 0;
        for (Value v : all) if (holds(atom, v)) n++;
        return new int[] {n, all.size()};
    }

    /** Whether the atom holds when its dimension is answered with {@code v}, by the meaning {@link Answers} gives it. */
    private static boolean holds(Condition.Atom atom, Value v) {
        return org.rubricc.check.analysis.Samples.of(d -> v).holds(atom); // multi-select scales are not enumerated here
    }

    /** For a range: 0 satisfying when no value in [min, max] does, equal counts when every value does. */
    private static int[] rangeCounts(Scale.Numeric r, Condition.Compare cmp) {
        if (!(cmp.value() instanceof Value.Number num)) return null;
        BigDecimal c = num.value();
        boolean any = cmp.op().test(r.min().compareTo(c)) || cmp.op().test(r.max().compareTo(c))
                || cmp.op() == Condition.Op.EQ || (cmp.op() == Condition.Op.NE && r.min().compareTo(r.max()) != 0);
        boolean all = cmp.op().test(r.min().compareTo(c)) && cmp.op().test(r.max().compareTo(c))
                && cmp.op() != Condition.Op.EQ && cmp.op() != Condition.Op.NE;
        return new int[] {any ? 1 : 0, all ? 1 : 2};
    }

    /** Why a condition can never be true, naming the first test that decides it. */
    String explainNever(Condition c) {
        for (Condition.Atom atom : c.atoms()) {
            if (truth(atom) != Truth.NEVER) continue;
            Resolver.DimInfo dim = dims.get(atom.dimension());
            return "no value of `" + atom.dimension() + "` (" + describeValues(dim.scale()) + ") satisfies `" + atom.toSource() + "`";
        }
        return "its parts contradict each other";
    }

    private static String describeValues(Scale s) {
        if (s instanceof Scale.Ordinal o) return o.points().stream().map(p -> p.value().toPlainString()).collect(Collectors.joining(", "));
        if (s instanceof Scale.Numeric r) return r.min().toPlainString() + " to " + r.max().toPlainString();
        if (s instanceof Scale.Categorical c) return c.choices().stream().map(Scale.Choice::id).collect(Collectors.joining(", "));
        return "true, false";
    }
}
