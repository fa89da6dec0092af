package org.rubricc.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects diagnostics during a run. Reported in source order, file by file. */
public final class Diagnostics {
    /** Diagnostics are sorted by file, then position, then code, so output is stable. */
    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.span().file())
            .thenComparingInt(d -> d.span().line())
            .thenComparingInt(d -> d.span().column())
            .thenComparing(d -> d.code().id())
            .thenComparing(Diagnostic::message);

    private final List<Diagnostic> list = new ArrayList<>();

    public Diagnostic add(Diagnostic d) {
        list.add(d);
        return d;
    }

    public void addAll(List<Diagnostic> ds) {
        list.addAll(ds);
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> sorted() {
        return list.stream().distinct().sorted(ORDER).toList();
    }
}
