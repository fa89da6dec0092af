package org.rubricc.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rubricc.ast.Ast;
import org.rubricc.diag.Code;
import org.rubricc.diag.Diagnostic;
import org.rubricc.model.Answers;
import org.rubricc.model.Condition;
import org.rubricc.model.Scale;
import org.rubricc.model.Table;
import org.rubricc.model.Value;
import org.rubricc.source.Span;

/**
 * Resolves decision tables and proves each one complete (every combination of answers to its inputs is matched
 * by a row, unless it has {@code otherwise}) and free of conflicts (rows that match the same answers decide the
 * same value), or reports a combination of answers where it is not.
 *
 * <p>The proof works on classes, not on every combination of answers: per input, answers that the same rows match
 * are one class (a range of 0 to 100 that cells compare with 50 has three: below, at, above). It then splits the
 * rows input by input, and stops as soon as the rows left agree and one of them matches everything for the inputs
 * still to come (a row of {@code any}), so wildcards are never expanded.
 */
final class Tables {
    /** Beyond this many classes of combinations visited, a table is reported as too large to prove. */
    static final int MAX_STEPS = 1_000_000;
    private static final int MAX_CONFLICTS = 3;
    /** The "no answer" of an input, beside its scale's values. */
    private static final Object UNANSWERED = new Object() {
        @Override
        public String toString() {
            return "not answered";
        }
    };

    private final Map<String, Resolver.DimInfo> dims;
    /** Per dimension, the skip conditions (its section's and its own) that were resolved without errors. */
    private final Map<String, List<Condition>> skips;
    private final Conditions conditions;
    private final List<Diagnostic> out;

    /** Whether to prove tables complete: not in a library, whose tables are complete or not with an importer's skips. */
    private boolean proveComplete = true;

    Tables(Map<String, Resolver.DimInfo> dims, Map<String, List<Condition>> skips, Conditions conditions, List<Diagnostic> out) {
        this.dims = dims;
        this.skips = skips;
        this.conditions = conditions;
        this.out = out;
    }

    /** Leaves out the proof of completeness (for a library); returns this. */
    Tables withoutCompleteness() {
        proveComplete = false;
        return this;
    }

    /** @param prefix put before each table's id: the import alias and a dot for a library's tables, else empty */
    List<Table> resolve(List<Ast.Table> asts, String prefix) {
        List<Table> tables = new ArrayList<>();
        Map<String, Ast.Table> seen = new HashMap<>();
        for (Ast.Table t : asts) {
            Ast.Table first = seen.putIfAbsent(t.id().text(), t);
            if (first != null) {
                out.add(Diagnostic.of(Code.DUPLICATE_ID, t.id().span(), "table `" + t.id().text() + "` is defined twice")
                        .withLabel("defined again here").withHint("the first definition is at line " + first.id().span().line()));
                continue;
            }
            resolve(t, prefix).ifPresent(tables::add);
        }
        return tables;
    }

    private Optional<Table> resolve(Ast.Table t, String prefix) {
        String id = prefix + t.id().text();
        List<Ast.TableRow> rows = t.members().stream().filter(m -> m instanceof Ast.TableRow).map(m -> (Ast.TableRow) m).toList();
        List<Ast.Otherwise> otherwises = t.members().stream().filter(m -> m instanceof Ast.Otherwise).map(m -> (Ast.Otherwise) m).toList();
        Optional<String> guidance = once(t, Ast.Guidance.class, "guidance").map(g -> g.text().value());
        Optional<String> formerly = once(t, Ast.Formerly.class, "formerly").map(f -> f.old().text());
        if (rows.isEmpty()) {
            out.add(Diagnostic.of(Code.TABLE_SHAPE, t.id().span(), "table `" + id + "` has no header row")
                    .withLabel("no `| INPUT | ... | -> OUTPUT |` row")
                    .withHint("start the table with a row naming its inputs and the dimension it decides: `| follows | background | -> consistency |`"));
            return Optional.empty();
        }
        // The header row.
        Ast.TableRow header = rows.get(0);
        List<Ast.Name> inputNames = new ArrayList<>();
        boolean ok = true;
        for (Ast.Cell c : header.cells()) {
            Ast.Name n = headerName(c);
            if (n == null) {
                out.add(Diagnostic.of(Code.TABLE_SHAPE, c.span(), "the first row of table `" + id + "` must name its inputs")
                        .withLabel("not a dimension id")
                        .withHint("the first row is the header: `| INPUT | ... | -> OUTPUT |`, one dimension id per cell"));
                ok = false;
            } else {
                inputNames.add(n);
            }
        }
        Ast.Name outputName = header.output().kind() == Ast.LiteralKind.NAME
                ? new Ast.Name(header.output().text(), header.output().span()) : null;
        if (outputName == null) {
            out.add(Diagnostic.of(Code.TABLE_SHAPE, header.output().span(), "the first row of table `" + id
                    + "` must name the dimension it decides after `->`").withLabel("not a dimension id")
                    .withHint("write the output dimension's id, such as `-> consistency`"));
            return Optional.empty();
        }
        if (!ok) return Optional.empty();
        Resolver.DimInfo output = dims.get(outputName.text());
        if (output == null) {
            conditions.unknownDimension(outputName);
            return Optional.empty();
        }
        if (output.scale() == null) return Optional.empty();
        if (!singleValued(output.scale())) {
            out.add(Diagnostic.of(Code.TABLE_DIMENSION, outputName.span(), "table `" + id + "` cannot decide `" + outputName.text()
                    + "`, which has " + output.scale().kindPhrase() + " scale")
                    .withLabel("not one value").withHint("a table decides one value: of an ordinal, categorical, boolean or range scale"));
            ok = false;
        }
        List<Resolver.DimInfo> inputs = new ArrayList<>();
        Map<String, Ast.Name> seenInputs = new HashMap<>();
        for (Ast.Name n : inputNames) {
            Resolver.DimInfo in = dims.get(n.text());
            if (in == null) {
                conditions.unknownDimension(n);
                ok = false;
                continue;
            }
            Ast.Name first = seenInputs.putIfAbsent(n.text(), n);
            if (first != null) {
                out.add(Diagnostic.of(Code.TABLE_SHAPE, n.span(), "`" + n.text() + "` is an input of table `" + id + "` twice")
                        .withLabel("again here").withHint("give each input one column"));
                ok = false;
                continue;
            }
            if (n.text().equals(outputName.text())) {
                out.add(Diagnostic.of(Code.TABLE_DIMENSION, n.span(), "table `" + id + "` looks at `" + n.text()
                        + "`, the dimension it decides").withLabel("its own output")
                        .withHint("a table decides a later answer from earlier ones"));
                ok = false;
                continue;
            }
            if (in.position() > output.position()) {
                out.add(Diagnostic.of(Code.TABLE_DIMENSION, n.span(), "table `" + id + "` looks at `" + n.text()
                        + "`, which is asked after `" + outputName.text() + "`, the dimension it decides")
                        .withLabel("asked later")
                        .withHint("a table decides a later answer from earlier ones: ask `" + n.text() + "` before `"
                                + outputName.text() + "`"));
                ok = false;
                continue;
            }
            if (in.scale() == null) {
                ok = false;
                continue;
            }
            if (!singleValued(in.scale())) {
                out.add(Diagnostic.of(Code.TABLE_DIMENSION, n.span(), "table `" + id + "` cannot look at `" + n.text()
                        + "`, which has " + in.scale().kindPhrase() + " scale")
                        .withLabel("not one value")
                        .withHint("a table looks at answers of one value: of an ordinal, categorical, boolean or range scale; "
                                + "test the others in a `rule`"));
                ok = false;
                continue;
            }
            inputs.add(in);
        }
        if (!ok) return Optional.empty();

        // The rows.
        List<Table.Row> built = new ArrayList<>();
        for (Ast.TableRow r : rows.subList(1, rows.size())) {
            if (r.cells().size() != inputs.size()) {
                out.add(Diagnostic.of(Code.TABLE_SHAPE, r.span(), "this row of table `" + id + "` has " + r.cells().size()
                        + (r.cells().size() == 1 ? " cell" : " cells") + ", but the table has " + inputs.size()
                        + (inputs.size() == 1 ? " input" : " inputs")).withLabel("not one cell per input")
                        .withRelated(header.span(), "the inputs are named here")
                        .withHint("give every input a cell; `any` matches every answer"));
                ok = false;
                continue;
            }
            List<Table.Cell> cells = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                Table.Cell c = cell(r.cells().get(i), inputs.get(i));
                if (c == null) ok = false;
                else cells.add(c);
            }
            Optional<Value> v = conditions.value(r.output(), output, "table output");
            if (v.isEmpty()) ok = false;
            if (ok) built.add(new Table.Row(cells, v.get(), r.span()));
        }
        Optional<Table.Otherwise> otherwise = Optional.empty();
        for (Ast.Otherwise o : otherwises) {
            if (otherwise.isPresent()) {
                out.add(Diagnostic.of(Code.TABLE_SHAPE, o.span(), "table `" + id + "` has two `otherwise`").withLabel("second one here")
                        .withRelated(otherwise.get().span(), "the first one").withHint("keep one"));
                ok = false;
                continue;
            }
            Optional<Value> v = conditions.value(o.output(), output, "table output");
            if (v.isEmpty()) ok = false;
            else otherwise = Optional.of(new Table.Otherwise(v.get(), o.span()));
        }
        if (!ok) return Optional.empty();
        Table table = new Table(id, t.title().value(), guidance.orElse(""), inputs.stream().map(i -> i.ast().id().text()).toList(),
                outputName.text(), built, otherwise, formerly, t.span());
        new Proof(table, inputs, header.span()).run();
        return Optional.of(table);
    }

    private <T extends Ast.TableMember> Optional<T> once(Ast.Table t, Class<T> type, String keyword) {
        List<T> all = t.members().stream().filter(type::isInstance).map(type::cast).toList();
        for (int i = 1; i < all.size(); i++) {
            out.add(Diagnostic.of(Code.DUPLICATE_MEMBER, all.get(i).span(), "`" + keyword + "` is given twice")
                    .withLabel("second one here").withHint("the first is at line " + all.get(0).span().line()));
        }
        return all.stream().findFirst();
    }

    private static Ast.Name headerName(Ast.Cell c) {
        if (c.entries().size() != 1) return null;
        Ast.CellEntry e = c.entries().get(0);
        if (e.kind() == Ast.CellKind.ANY) return new Ast.Name("any", e.span());
        if (e.kind() != Ast.CellKind.VALUE || !e.op().equals("==") || e.value().kind() != Ast.LiteralKind.NAME) return null;
        return new Ast.Name(e.value().text(), e.value().span());
    }

    static boolean singleValued(Scale s) {
        return s instanceof Scale.Ordinal || s instanceof Scale.Categorical || s instanceof Scale.Bool || s instanceof Scale.Numeric;
    }

    private Table.Cell cell(Ast.Cell c, Resolver.DimInfo in) {
        boolean any = false, unanswered = false, ok = true;
        List<Table.Cell.Test> tests = new ArrayList<>();
        for (Ast.CellEntry e : c.entries()) {
            switch (e.kind()) {
                case ANY -> any = true;
                case NOT_ANSWERED -> unanswered = true;
                case VALUE -> {
                    Condition.Op op = Condition.Op.fromSymbol(e.op());
                    if (!conditions.operatorApplies(op, in, e.span(), e.value())) {
                        ok = false;
                        continue;
                    }
                    Optional<Value> v = conditions.value(e.value(), in, "table cell");
                    if (v.isEmpty()) ok = false;
                    else tests.add(new Table.Cell.Test(op, v.get()));
                }
            }
        }
        return ok ? new Table.Cell(any, unanswered, tests, c.span()) : null;
    }

    private enum Truth {
        TRUE, FALSE, UNKNOWN;

        Truth and(Truth o) {
            if (this == FALSE || o == FALSE) return FALSE;
            return this == TRUE && o == TRUE ? TRUE : UNKNOWN;
        }

        Truth or(Truth o) {
            if (this == TRUE || o == TRUE) return TRUE;
            return this == FALSE && o == FALSE ? FALSE : UNKNOWN;
        }

        Truth not() {
            return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
        }
    }

    /** One answer picked for one input, read with the meaning conditions have everywhere ({@link Answers}). */
    private record Picked(String dimension, Object value) implements Answers<Object> {
        public Object answer(String d) {
            return d.equals(dimension) ? value : null;
        }

        public boolean equal(Object answer, Value constant) {
            return answer.equals(constant);
        }

        public boolean ordered(Object answer, Condition.Op op, BigDecimal constant) {
            return answer instanceof Value.Number n && op.test(n.value().compareTo(constant));
        }

        public boolean contains(Object answer, String choice) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The proof
    // ---------------------------------------------------------------------------------------------

    /** Answers to one input that the same rows match. */
    private record Klass(BitSet rows, List<Object> points) {}

    private final class Proof {
        private final Table table;
        private final List<Resolver.DimInfo> inputs;
        private final Span header;
        private final List<List<Klass>> columns = new ArrayList<>();
        /** full[i].get(r): row r matches every answer of input i. */
        private final BitSet[] full;
        private final int rows;
        private Object[] missing;
        private final Map<String, Object[]> conflicts = new LinkedHashMap<>();
        private int steps;
        /** Every row decides the same value: no conflict is possible. */
        private final boolean uniform;

        Proof(Table table, List<Resolver.DimInfo> inputs, Span header) {
            this.table = table;
            this.inputs = inputs;
            this.header = header;
            this.rows = table.rows().size();
            this.full = new BitSet[inputs.size()];
            this.uniform = table.rows().stream().map(Table.Row::output).distinct().count() <= 1;
            for (int i = 0; i < inputs.size(); i++) {
                List<Object> domain = domain(i);
                Map<BitSet, Klass> classes = new LinkedHashMap<>();
                BitSet all = new BitSet();
                all.set(0, rows);
                for (Object p : domain) {
                    BitSet bits = new BitSet();
                    for (int r = 0; r < rows; r++) if (matches(table.rows().get(r).cells().get(i), p)) bits.set(r);
                    classes.computeIfAbsent(bits, b -> new Klass(b, new ArrayList<>())).points().add(p);
                    all.and(bits);
                }
                columns.add(List.copyOf(classes.values()));
                full[i] = all;
            }
        }

        /** Every answer input {@code i} can have, up to classes: a range contributes a value per interval its cells make. */
        private List<Object> domain(int i) {
            Resolver.DimInfo in = inputs.get(i);
            List<Object> d = new ArrayList<>(Table.answerClasses(in.scale(), table.constants(i)));
            if (in.notApplicable().isPresent()) d.add(Value.NotApplicable.INSTANCE);
            if (conditions.mayBeUnanswered(in)) d.add(UNANSWERED);
            return d;
        }

        private static boolean matches(Table.Cell c, Object point) {
            return c.matches(point == UNANSWERED ? null : (Value) point);
        }

        void run() {
            BitSet all = new BitSet();
            all.set(0, rows);
            if (!search(0, all, new Object[inputs.size()])) {
                out.add(Diagnostic.of(Code.TABLE_SHAPE, table.span(), "table `" + table.id() + "` has too many distinct "
                        + "combinations of answers to prove it complete and free of conflicts (more than " + MAX_STEPS + ")")
                        .withHint("split it into smaller tables, or use `any` where an input does not matter"));
                return;
            }
            String what = "`" + table.output() + "`";
            if (missing != null && table.otherwise().isEmpty() && proveComplete) {
                Diagnostic d = Diagnostic.of(Code.TABLE_INCOMPLETE, table.span(), "table `" + table.id() + "` decides nothing for "
                        + what + " when " + example(missing)).withLabel("no row matches these answers")
                        .withRelated(header, "the inputs")
                        .withHint("add a row for these answers, or `otherwise -> VALUE` for every combination no row matches");
                out.add(d);
            }
            if (missing == null && table.otherwise().isPresent() && proveComplete) {
                out.add(Diagnostic.of(Code.TABLE_OTHERWISE_UNUSED, table.otherwise().get().span(), "`otherwise` of table `"
                        + table.id() + "` never applies: the rows match every combination of answers").withLabel("never reached")
                        .withHint("remove it"));
            }
            for (Map.Entry<String, Object[]> c : conflicts.entrySet()) {
                String[] pair = c.getKey().split(",");
                int a = Integer.parseInt(pair[0]), b = Integer.parseInt(pair[1]);
                Table.Row ra = table.rows().get(a), rb = table.rows().get(b);
                out.add(Diagnostic.of(Code.TABLE_CONFLICT, rb.span(), "rows " + (a + 1) + " and " + (b + 1) + " of table `" + table.id()
                        + "` decide " + what + " differently when " + example(c.getValue()))
                        .withLabel("decides " + rb.output().toSource() + " here")
                        .withRelated(ra.span(), "decides " + ra.output().toSource() + " here")
                        .withHint("narrow one of the rows so that they do not both match these answers, or make them decide the same value"));
            }
        }

        /** Whether nothing more can be found: a missing combination (when one matters) and every conflict to report. */
        private boolean done() {
            boolean missingKnown = missing != null || !proveComplete;
            return missingKnown && (uniform || conflicts.size() >= MAX_CONFLICTS);
        }

        /** Explores the combinations that agree with {@code pick} up to input {@code k}; false when out of steps. */
        private boolean search(int k, BitSet candidates, Object[] pick) {
            if (++steps > MAX_STEPS) return false;
            if (k > 0 && !possible(pick, k)) return true;
            if (candidates.isEmpty()) {
                if (missing == null) missing = java.util.Arrays.copyOf(pick, k);
                return true;
            }
            Value first = table.rows().get(candidates.nextSetBit(0)).output();
            int disagree = -1;
            for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
                if (!table.rows().get(r).output().equals(first)) {
                    disagree = r;
                    break;
                }
            }
            if (k == inputs.size()) {
                if (disagree >= 0 && conflicts.size() < MAX_CONFLICTS) {
                    conflicts.putIfAbsent(candidates.nextSetBit(0) + "," + disagree, pick.clone());
                }
                return true;
            }
            if (disagree < 0 || conflicts.size() >= MAX_CONFLICTS) {
                // No conflict below matters (the rows left agree, or enough are found): if one row matches everything
                // from here on, nothing below can be missing either.
                for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
                    boolean everything = true;
                    for (int i = k; i < inputs.size() && everything; i++) everything = full[i].get(r);
                    if (everything) return true;
                }
            }
            for (Klass c : columns.get(k)) {
                BitSet next = (BitSet) candidates.clone();
                next.and(c.rows());
                pick[k] = c.points().get(0);
                if (!search(k + 1, next, pick)) return false;
                if (done()) break;
            }
            pick[k] = null;
            return true;
        }

        /**
         * Whether some rating can give the first {@code k} inputs these answers, as far as their skip conditions tell:
         * a required input is unanswered only when it can be skipped, and answered only when it can be asked. A
         * skip condition is evaluated on the answers picked; a test of anything else may go either way.
         */
        private boolean possible(Object[] pick, int k) {
            for (int i = 0; i < k; i++) {
                Resolver.DimInfo in = inputs.get(i);
                Truth skipped = Truth.FALSE;
                for (Condition c : skips.getOrDefault(table.inputs().get(i), List.of())) skipped = skipped.or(eval(c, pick, k));
                if (pick[i] == UNANSWERED ? in.required() && skipped == Truth.FALSE : skipped == Truth.TRUE) return false;
            }
            return true;
        }

        /** A condition over the answers picked for the first {@code k} inputs; UNKNOWN where it looks at anything else. */
        private Truth eval(Condition c, Object[] pick, int k) {
            if (c instanceof Condition.And a) {
                Truth t = Truth.TRUE;
                for (Condition o : a.operands()) t = t.and(eval(o, pick, k));
                return t;
            }
            if (c instanceof Condition.Or o) {
                Truth t = Truth.FALSE;
                for (Condition x : o.operands()) t = t.or(eval(x, pick, k));
                return t;
            }
            if (c instanceof Condition.Not n) return eval(n.operand(), pick, k).not();
            Condition.Atom atom = (Condition.Atom) c;
            int i = table.inputs().indexOf(atom.dimension());
            if (i < 0 || i >= k) return Truth.UNKNOWN;
            Object p = pick[i] == UNANSWERED ? null : pick[i];
            return new Picked(atom.dimension(), p).holds(atom) ? Truth.TRUE : Truth.FALSE;
        }

        /** {@code follows == some and background is not answered}; inputs past the example's end take any answer. */
        private String example(Object[] pick) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < pick.length; i++) {
                String id = table.inputs().get(i);
                parts.add(pick[i] == UNANSWERED ? id + " is not answered" : id + " == " + ((Value) pick[i]).toSource());
            }
            if (parts.isEmpty()) return "any answers";
            String s = String.join(" and ", parts);
            return pick.length < table.inputs().size() ? s + " (whatever the other inputs)" : s;
        }
    }
}
