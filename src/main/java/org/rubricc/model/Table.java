package org.rubricc.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rubricc.source.Span;

/**
 * A decision table (README, "Decision tables"): the answer to {@code output} follows from the answers to
 * {@code inputs}, which are asked before it. Each row gives, per input, the answers it matches, and the value it
 * decides; where no row matches, {@code otherwise} decides (without one, the checker has proved that every
 * combination of answers is matched). Rows that match the same answers decide the same value (also proved).
 *
 * <p>A table is enforced as rules ({@link #rules}): row by row, "when the row matches, the output, if answered,
 * is the row's value", so every engine that enforces rules enforces tables the same way.
 */
public record Table(
        String id,
        String title,
        String guidance,
        List<String> inputs,
        String output,
        List<Row> rows,
        Optional<Otherwise> otherwise,
        Optional<String> formerly,
        Span span) {

    public Table {
        guidance = guidance == null ? "" : guidance;
        inputs = List.copyOf(inputs);
        rows = List.copyOf(rows);
    }

    /** The numbers the cells of input {@code i} compare with, in order. */
    public java.util.SortedSet<BigDecimal> constants(int i) {
        java.util.SortedSet<BigDecimal> out = new java.util.TreeSet<>();
        for (Row row : rows) {
            for (Cell.Test t : row.cells().get(i).tests()) if (t.value() instanceof Value.Number n) out.add(n.value());
        }
        return out;
    }

    /**
     * One answer on scale {@code s} per class of answers that cells comparing with {@code constants} tell apart:
     * every point, choice or truth value; on a range, each constant the range accepts and the first value of the range
     * in each interval around them. What the checker proves tables on, and what a diff compares two tables on; "n/a"
     * and no answer are the caller's to add. Empty for the scales a table cannot take as input.
     */
    public static List<Value> answerClasses(Scale s, java.util.SortedSet<BigDecimal> constants) {
        List<Value> out = new ArrayList<>();
        if (s instanceof Scale.Ordinal o) o.points().forEach(p -> out.add(p.asValue()));
        else if (s instanceof Scale.Categorical c) c.choices().forEach(ch -> out.add(new Value.Choice(ch.id())));
        else if (s instanceof Scale.Bool) {
            out.add(new Value.Bool(true));
            out.add(new Value.Bool(false));
        } else if (s instanceof Scale.Numeric r) {
            BigDecimal lo = null;
            for (BigDecimal c : constants) {
                BigDecimal between = r.firstBetween(lo, c);
                if (between != null) out.add(new Value.Number(between));
                if (r.accepts(c)) out.add(new Value.Number(c));
                lo = c;
            }
            BigDecimal last = r.firstBetween(lo, null);
            if (last != null) out.add(new Value.Number(last));
        }
        return out;
    }

    /** One row: a cell per input, in the order of {@link #inputs}, and the value decided. */
    public record Row(List<Cell> cells, Value output, Span span) {
        public Row {
            cells = List.copyOf(cells);
        }

        /** When the row matches, over the table's inputs. */
        public Condition when(List<String> inputs) {
            List<Condition> parts = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) parts.add(cells.get(i).condition(inputs.get(i)));
            return parts.size() == 1 ? parts.get(0) : new Condition.And(parts, span);
        }

        /** The row as written, without the bars: {@code no | kept, minor -> 0.5}. */
        public String toSource() {
            return cells.stream().map(Cell::toSource).collect(Collectors.joining(" | ")) + " -> " + output.toSource();
        }
    }

    /** {@code otherwise -> VALUE}. */
    public record Otherwise(Value value, Span span) {}

    /**
     * The answers one cell matches: any answer ({@code any}, which includes "n/a"), no answer ({@code not answered}:
     * skipped, or optional and left empty), and answers that pass one of the tests ({@code kept, minor}, {@code <= 2}).
     */
    public record Cell(boolean any, boolean unanswered, List<Test> tests, Span span) {
        public Cell {
            tests = List.copyOf(tests);
        }

        /** {@code == v} (written as just {@code v}) or an ordering such as {@code <= 2}. */
        public record Test(Condition.Op op, Value value) {
            public String toSource() {
                return op == Condition.Op.EQ ? value.toSource() : op.symbol() + " " + value.toSource();
            }
        }

        /** The cell as a condition on {@code dimension}, with the meaning conditions have everywhere. */
        public Condition condition(String dimension) {
            List<Condition> parts = new ArrayList<>();
            if (any) parts.add(new Condition.Answered(dimension, span));
            if (unanswered) parts.add(new Condition.Not(new Condition.Answered(dimension, span), span));
            List<Value> equal = tests.stream().filter(t -> t.op() == Condition.Op.EQ).map(Test::value).toList();
            if (!any) {
                if (equal.size() == 1) parts.add(new Condition.Compare(dimension, Condition.Op.EQ, equal.get(0), span));
                else if (equal.size() > 1) parts.add(new Condition.In(dimension, equal, span));
                for (Test t : tests) {
                    if (t.op() != Condition.Op.EQ) parts.add(new Condition.Compare(dimension, t.op(), t.value(), span));
                }
            }
            return parts.size() == 1 ? parts.get(0) : new Condition.Or(parts, span);
        }

        /**
         * Whether the cell matches an answer, {@code null} standing for no answer; what {@link #condition} says, read
         * on one answer (an ordering matches numbers only).
         */
        public boolean matches(Value answer) {
            if (answer == null) return unanswered;
            if (any) return true;
            for (Test t : tests) {
                if (t.op() == Condition.Op.EQ) {
                    if (t.value().equals(answer)) return true;
                } else if (answer instanceof Value.Number a && t.value() instanceof Value.Number v && t.op().test(a.value().compareTo(v.value()))) {
                    return true;
                }
            }
            return false;
        }

        public String toSource() {
            List<String> out = new ArrayList<>();
            if (any) out.add("any");
            if (unanswered) out.add("not answered");
            tests.forEach(t -> out.add(t.toSource()));
            return String.join(", ", out);
        }
    }

    /** Where a rule enforced for a table comes from: row {@code row} (from 1), or 0 for {@code otherwise}. */
    public record Origin(String tableId, String tableTitle, int row) {}

    /**
     * The table as rules: one per row ({@code ID.row-N}, "when the row matches, OUTPUT == VALUE") and one for
     * {@code otherwise} ({@code ID.otherwise}, "when no row matches, OUTPUT == VALUE"). A value constraint lets
     * "n/a" through; when the output dimension offers "n/a", {@code forbid OUTPUT == n/a} makes the value exact.
     */
    public List<Rule> rules(boolean outputOffersNotApplicable) {
        List<Rule> out = new ArrayList<>();
        List<Condition> whens = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Condition when = r.when(inputs);
            whens.add(when);
            out.add(new Rule(id + ".row-" + (i + 1), title + ", row " + (i + 1), "", Optional.of(when),
                    decide(r.output(), r.span(), outputOffersNotApplicable), List.of(), Optional.empty(), r.span(),
                    Optional.of(new Origin(id, title, i + 1))));
        }
        if (otherwise.isPresent()) {
            Otherwise o = otherwise.get();
            Optional<Condition> when = whens.isEmpty() ? Optional.empty()
                    : Optional.of(new Condition.Not(whens.size() == 1 ? whens.get(0) : new Condition.Or(whens, o.span()), o.span()));
            out.add(new Rule(id + ".otherwise", title + ", otherwise", "", when,
                    decide(o.value(), o.span(), outputOffersNotApplicable), List.of(), Optional.empty(), o.span(),
                    Optional.of(new Origin(id, title, 0))));
        }
        return out;
    }

    private List<Constraint> decide(Value v, Span span, boolean na) {
        List<Constraint> cs = new ArrayList<>();
        cs.add(new Constraint.Bound(output, Condition.Op.EQ, v, span));
        if (na && !(v instanceof Value.NotApplicable)) cs.add(new Constraint.Forbid(output, List.of(Value.NotApplicable.INSTANCE), span));
        return cs;
    }
}
