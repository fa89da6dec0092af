package org.rubricc.diff;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.rubricc.model.Condition;
import org.rubricc.model.Dimension;
import org.rubricc.model.Table;
import org.rubricc.model.Value;

/**
 * Decision tables: added, removed, renamed; their inputs and output; their rows and {@code otherwise}, classified by
 * what the table decides. The old table is read in the new version's terms (renamed dimensions, renumbered points,
 * renamed choices), and the two are compared on every combination of answers to the inputs, class by class: when
 * they decide the same value everywhere, the edits are {@link ChangeRule#TABLE_ROWS_REWRITTEN} (cosmetic); when not,
 * each edited row or {@code otherwise} is reported as breaking, with a combination of answers where the decision
 * changed.
 */
final class TableEvaluator implements Evaluator {
    /** Beyond this many combinations of classes, two tables are taken to decide differently (the safe side). */
    static final int MAX_COMBINATIONS = 200_000;
    private static final Object UNANSWERED = new Object();
    /** An old output that has no counterpart in the new scale: it equals no new value. */
    private static final Value GONE = new Value.Choice("\u0000gone");

    @Override
    public void evaluate(Report r) {
        List<Table> olds = r.m.oldRubric.tables(), news = r.m.newRubric.tables();
        Map<String, String> matched = Matching.match(olds, news, Table::id, Table::formerly);
        for (Table n : news) {
            String path = "table:" + n.id();
            Optional<Table> match = matched.entrySet().stream().filter(e -> e.getValue().equals(n.id())).findFirst()
                    .flatMap(e -> olds.stream().filter(x -> x.id().equals(e.getKey())).findFirst());
            if (match.isEmpty()) {
                r.add(ChangeRule.TABLE_ADDED, path, Report.of(Change.Subject.Kind.TABLE, null, n.id()), null, n.span(), null,
                        source(n), "table `" + n.id() + "` added: it decides `" + n.output() + "`");
                continue;
            }
            Table o = match.get();
            var s = Report.of(Change.Subject.Kind.TABLE, o.id(), n.id());
            if (!o.id().equals(n.id())) {
                r.add(ChangeRule.TABLE_RENAMED, path, s, o.span(), n.span(), o.id(), n.id(), "table `" + o.id() + "` is now `" + n.id() + "`");
            }
            r.text(ChangeRule.TITLE_REWORDED, path + "/title", s, o.span(), n.span(), o.title(), n.title(), "the title of table `" + n.id() + "`");
            r.text(ChangeRule.GUIDANCE_REWORDED, path + "/guidance", s, o.span(), n.span(), o.guidance(), n.guidance(),
                    "the guidance of table `" + n.id() + "`");
            List<String> inputs = o.inputs().stream().map(i -> r.m.newDimensionId(i).orElse("\u0000" + i)).toList();
            String output = r.m.newDimensionId(o.output()).orElse("\u0000" + o.output());
            if (!inputs.equals(n.inputs()) || !output.equals(n.output())) {
                r.add(ChangeRule.TABLE_INPUTS_CHANGED, path + "/inputs", s, o.span(), n.span(), header(o), header(n),
                        "table `" + n.id() + "` now decides `" + n.output() + "` from " + ids(n.inputs()) + ", was `" + o.output()
                                + "` from " + ids(o.inputs()));
                continue;
            }
            rows(r, s, path, inNewTerms(r, o, n), o, n);
        }
        for (Table o : olds) {
            if (!matched.containsKey(o.id())) {
                r.add(ChangeRule.TABLE_REMOVED, "table:" + o.id(), Report.of(Change.Subject.Kind.TABLE, o.id(), null), o.span(), null,
                        source(o), null, "table `" + o.id() + "` removed: `" + o.output() + "` is no longer decided by it");
            }
        }
    }

    /** The old table with the new version's ids and values; a value that is gone matches nothing and decides nothing new. */
    private static Table inNewTerms(Report r, Table o, Table n) {
        List<Table.Row> rows = new ArrayList<>();
        for (Table.Row row : o.rows()) {
            List<Table.Cell> cells = new ArrayList<>();
            for (int i = 0; i < row.cells().size(); i++) {
                Table.Cell c = row.cells().get(i);
                List<Table.Cell.Test> tests = new ArrayList<>();
                for (Table.Cell.Test t : c.tests()) {
                    Optional<Value> v = t.op() == Condition.Op.EQ || !(t.value() instanceof Value.Number)
                            ? r.m.mapValue(o.inputs().get(i), t.value()) : Optional.of(t.value());
                    v.ifPresent(x -> tests.add(new Table.Cell.Test(t.op(), x)));
                }
                cells.add(new Table.Cell(c.any(), c.unanswered(), tests, c.span()));
            }
            rows.add(new Table.Row(cells, r.m.mapValue(o.output(), row.output()).orElse(GONE), row.span()));
        }
        Optional<Table.Otherwise> otherwise = o.otherwise().map(x -> new Table.Otherwise(r.m.mapValue(o.output(), x.value()).orElse(GONE), x.span()));
        return new Table(n.id(), o.title(), o.guidance(), n.inputs(), n.output(), rows, otherwise, o.formerly(), o.span());
    }

    private static void rows(Report r, Change.Subject s, String path, Table was, Table old, Table n) {
        // Rows written alike (in the new terms) are the same row; of the others, those with the same cells, or else at
        // the same place, are one row changed; the rest are added or removed.
        List<Integer> removed = new ArrayList<>(), added = new ArrayList<>();
        List<String> newRows = n.rows().stream().map(Table.Row::toSource).collect(Collectors.toCollection(ArrayList::new));
        List<Boolean> taken = new ArrayList<>(java.util.Collections.nCopies(n.rows().size(), false));
        for (int i = 0; i < was.rows().size(); i++) {
            String src = was.rows().get(i).toSource();
            int at = -1;
            for (int j = 0; j < newRows.size(); j++) if (!taken.get(j) && newRows.get(j).equals(src)) { at = j; break; }
            if (at >= 0) taken.set(at, true);
            else removed.add(i);
        }
        for (int j = 0; j < n.rows().size(); j++) if (!taken.get(j)) added.add(j);
        List<int[]> changed = new ArrayList<>();
        pair(was, n, removed, added, changed, true);
        pair(was, n, removed, added, changed, false);
        boolean otherwiseChanged = !was.otherwise().map(Table.Otherwise::value).equals(n.otherwise().map(Table.Otherwise::value));
        if (removed.isEmpty() && added.isEmpty() && changed.isEmpty() && !otherwiseChanged) return;

        Optional<String> difference = difference(r, was, n);
        if (difference.isEmpty()) {
            r.add(ChangeRule.TABLE_ROWS_REWRITTEN, path + "/rows", s, old.span(), n.span(), rowsSource(old), rowsSource(n),
                    "the rows of table `" + n.id() + "` are written differently, and decide the same value for every answer");
            return;
        }
        String why = "; it now decides `" + n.output() + "` differently when " + difference.get();
        for (int[] c : changed) {
            Table.Row a = old.rows().get(c[0]), b = n.rows().get(c[1]);
            r.add(ChangeRule.TABLE_ROW_CHANGED, path + "/row:" + (c[1] + 1), s, a.span(), b.span(), a.toSource(), b.toSource(),
                    "row " + (c[1] + 1) + " of table `" + n.id() + "` changed" + why);
        }
        for (Integer j : added) {
            Table.Row b = n.rows().get(j);
            r.add(ChangeRule.TABLE_ROW_ADDED, path + "/row:" + (j + 1), s, null, b.span(), null, b.toSource(),
                    "table `" + n.id() + "` has a new row " + (j + 1) + why);
        }
        for (Integer i : removed) {
            Table.Row a = old.rows().get(i);
            r.add(ChangeRule.TABLE_ROW_REMOVED, path + "/row:" + (i + 1) + "-old", s, a.span(), null, a.toSource(), null,
                    "row " + (i + 1) + " of table `" + old.id() + "` removed" + why);
        }
        if (otherwiseChanged) {
            r.add(ChangeRule.TABLE_DEFAULT_CHANGED, path + "/otherwise", s, old.otherwise().map(Table.Otherwise::span).orElse(old.span()),
                    n.otherwise().map(Table.Otherwise::span).orElse(n.span()),
                    old.otherwise().map(x -> "otherwise -> " + x.value().toSource()).orElse(null),
                    n.otherwise().map(x -> "otherwise -> " + x.value().toSource()).orElse(null),
                    "the `otherwise` of table `" + n.id() + "` " + (old.otherwise().isEmpty() ? "added" : n.otherwise().isEmpty()
                            ? "removed" : "changed") + why);
        }
    }

    /**
     * Pairs removed and added rows into changed ones: with {@code sameCells}, rows that match the same answers (their
     * value changed); else rows that decide the same value and differ in one cell.
     */
    private static void pair(Table was, Table n, List<Integer> removed, List<Integer> added, List<int[]> changed, boolean sameCells) {
        for (Integer i : new ArrayList<>(removed)) {
            Table.Row a = was.rows().get(i);
            Integer j = added.stream().filter(x -> {
                Table.Row b = n.rows().get(x);
                if (sameCells) return cells(a).equals(cells(b));
                if (!a.output().equals(b.output())) return false;
                int differ = 0;
                for (int k = 0; k < a.cells().size(); k++) if (!a.cells().get(k).toSource().equals(b.cells().get(k).toSource())) differ++;
                return differ == 1;
            }).findFirst().orElse(null);
            if (j == null) continue;
            changed.add(new int[] {i, j});
            removed.remove(i);
            added.remove(j);
        }
        changed.sort(java.util.Comparator.comparingInt(c -> c[1]));
    }

    /**
     * A combination of answers (in the new version) on which the two tables decide differently, as text; empty when
     * they decide alike everywhere. Undecided (no row, no {@code otherwise}) is a decision of its own.
     */
    private static Optional<String> difference(Report r, Table was, Table now) {
        int n = now.inputs().size();
        List<List<Object>> classes = new ArrayList<>();
        long combinations = 1;
        for (int i = 0; i < n; i++) {
            Dimension d = r.m.newRubric.dimension(now.inputs().get(i)).orElseThrow();
            Map<String, Object> bySignature = new LinkedHashMap<>();
            for (Object p : domain(d, i, was, now)) {
                BitSet sig = new BitSet();
                for (int k = 0; k < was.rows().size(); k++) if (matches(was.rows().get(k).cells().get(i), p)) sig.set(k);
                for (int k = 0; k < now.rows().size(); k++) if (matches(now.rows().get(k).cells().get(i), p)) sig.set(was.rows().size() + k);
                bySignature.putIfAbsent(sig.toString(), p);
            }
            classes.add(new ArrayList<>(bySignature.values()));
            combinations *= Math.max(1, bySignature.size());
            if (combinations > MAX_COMBINATIONS) return Optional.of("some answers (too many combinations to name one)");
        }
        Object[] pick = new Object[n];
        return search(0, pick, classes, was, now);
    }

    private static Optional<String> search(int k, Object[] pick, List<List<Object>> classes, Table was, Table now) {
        if (k == pick.length) {
            Set<Value> a = decided(was, pick), b = decided(now, pick);
            if (a.equals(b)) return Optional.empty();
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < pick.length; i++) {
                String id = now.inputs().get(i);
                parts.add(pick[i] == UNANSWERED ? id + " is not answered" : id + " == " + ((Value) pick[i]).toSource());
            }
            return Optional.of((parts.isEmpty() ? "always" : String.join(" and ", parts)) + " (was " + show(a) + ", now " + show(b) + ")");
        }
        for (Object p : classes.get(k)) {
            pick[k] = p;
            Optional<String> found = search(k + 1, pick, classes, was, now);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    private static String show(Set<Value> values) {
        if (values.isEmpty()) return "nothing";
        return values.stream().map(v -> v == GONE ? "a value that is gone" : v.toSource()).sorted().collect(Collectors.joining(" or "));
    }

    private static Set<Value> decided(Table t, Object[] pick) {
        Set<Value> out = new HashSet<>();
        for (Table.Row row : t.rows()) {
            boolean all = true;
            for (int i = 0; i < pick.length && all; i++) all = matches(row.cells().get(i), pick[i]);
            if (all) out.add(row.output());
        }
        if (out.isEmpty()) t.otherwise().ifPresent(o -> out.add(o.value()));
        return out;
    }

    /** The answers an input has in the new version, up to classes: ranges by the constants either table compares with. */
    private static List<Object> domain(Dimension d, int i, Table was, Table now) {
        java.util.SortedSet<BigDecimal> constants = was.constants(i);
        constants.addAll(now.constants(i));
        List<Object> out = new ArrayList<>(Table.answerClasses(d.scale(), constants));
        if (d.notApplicable().isPresent()) out.add(Value.NotApplicable.INSTANCE);
        out.add(UNANSWERED);
        return out;
    }

    private static boolean matches(Table.Cell c, Object point) {
        return c.matches(point == UNANSWERED ? null : (Value) point);
    }

    private static String cells(Table.Row row) {
        return row.cells().stream().map(Table.Cell::toSource).collect(Collectors.joining(" | "));
    }

    private static String ids(List<String> ids) {
        return ids.stream().map(x -> "`" + x + "`").collect(Collectors.joining(", "));
    }

    static String header(Table t) {
        return "| " + String.join(" | ", t.inputs()) + " | -> " + t.output() + " |";
    }

    private static String rowsSource(Table t) {
        List<String> parts = new ArrayList<>();
        for (Table.Row row : t.rows()) parts.add("| " + row.toSource().replace(" -> ", " | -> ") + " |");
        t.otherwise().ifPresent(o -> parts.add("otherwise -> " + o.value().toSource()));
        return String.join("; ", parts);
    }

    /** The table as written, on one line: its header, rows and {@code otherwise}. */
    static String source(Table t) {
        return header(t) + "; " + rowsSource(t);
    }
}
