package org.rubricc.check.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

/**
 * The decision engine shared by the checker's semantic analysis and the version diff: propositional
 * formulas over finite choices, decided by sat4j. A literal is a variable number, negative when negated;
 * {@link #yes} is true and {@link #no()} false. {@link #and} and {@link #or} fold constants and otherwise
 * name their result with a fresh variable (Tseitin), so formulas of any size stay linear.
 */
public class Propositions {
    private final ISolver solver = SolverFactory.newDefault();
    /** The literal that is always true. */
    public final int yes;
    /** Set when the clauses added so far have no solution. */
    boolean contradiction;

    public Propositions() {
        solver.setDBSimplificationAllowed(false);
        yes = solver.nextFreeVarId(true);
        clause(yes);
    }

    /** The literal that is always false. */
    public int no() {
        return -yes;
    }

    /** A new variable. */
    public int fresh() {
        return solver.nextFreeVarId(true);
    }

    /** {@code n} new variables of which exactly one is true: the options of one finite choice. */
    public List<Integer> oneOf(int n) {
        List<Integer> vars = new ArrayList<>();
        for (int i = 0; i < n; i++) vars.add(fresh());
        clause(vars.stream().mapToInt(Integer::intValue).toArray());
        if (n > 1) atMost(vars.stream().mapToInt(Integer::intValue).toArray(), 1);
        return vars;
    }

    /** At most {@code k} of the literals are true. */
    public void atMost(int[] lits, int k) {
        try {
            solver.addAtMost(new VecInt(lits), k);
        } catch (ContradictionException e) {
            contradiction = true;
        }
    }

    /** At least {@code k} of the literals are true. */
    public void atLeast(int[] lits, int k) {
        try {
            solver.addAtLeast(new VecInt(lits), k);
        } catch (ContradictionException e) {
            contradiction = true;
        }
    }

    public int and(List<Integer> lits) {
        List<Integer> keep = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int l : lits) {
            if (l == no()) return no();
            if (l != yes && seen.add(l)) keep.add(l);
        }
        if (keep.isEmpty()) return yes;
        if (keep.size() == 1) return keep.get(0);
        for (int l : keep) if (seen.contains(-l)) return no();
        int x = fresh();
        int[] back = new int[keep.size() + 1];
        back[0] = x;
        for (int i = 0; i < keep.size(); i++) {
            clause(-x, keep.get(i));
            back[i + 1] = -keep.get(i);
        }
        clause(back);
        return x;
    }

    public int or(List<Integer> lits) {
        return -and(lits.stream().map(l -> -l).toList());
    }

    public void clause(int... lits) {
        try {
            solver.addClause(new VecInt(lits));
        } catch (ContradictionException e) {
            contradiction = true;
        }
    }

    /**
     * Whether the clauses and the assumptions have a solution: empty when the budget ran out first. Only
     * literals that existed before the call may be read with {@link #value} afterwards.
     */
    public Optional<Boolean> satisfiable(Duration budget, int... assumptions) {
        if (contradiction) return Optional.of(false);
        long ms = budget.toMillis();
        if (ms <= 0) return Optional.empty();
        solver.setTimeoutMs(ms);
        try {
            return Optional.of(solver.isSatisfiable(new VecInt(assumptions)));
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }

    /** The value of a literal in the last solution found. */
    public boolean value(int lit) {
        boolean v = solver.model(Math.abs(lit));
        return lit > 0 ? v : !v;
    }
}
