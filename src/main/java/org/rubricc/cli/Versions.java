package org.rubricc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.diag.Diagnostic;
import org.rubricc.diag.Diagnostics;
import org.rubricc.diag.TextRenderer;
import org.rubricc.model.Rubric;
import org.rubricc.model.Version;

/**
 * The rubric versions a command over ratings reads: every file given, folders searched for `*.rubric`, by
 * rubric id and version. Errors in any of them, or two files declaring the same version, are printed and
 * make the command stop with status 2, before any rating is read.
 */
final class Versions {
    /** rubric id -> version -> rubric, both sorted. */
    final Map<String, TreeMap<Version, Rubric>> byId = new TreeMap<>();
    /** The file each version was read from, as shown in messages. */
    final Map<Rubric, String> files = new java.util.IdentityHashMap<>();

    private Versions() {}

    /** Loads the versions, or prints why it cannot and returns null. */
    static Versions load(List<Path> paths, Path root, PrintWriter err) {
        List<Path> files;
        try {
            files = Inputs.expand(paths);
        } catch (Inputs.InputException e) {
            err.println("error: " + e.getMessage());
            return null;
        }
        Frontend frontend = Frontend.forProject(root, paths);
        Diagnostics all = new Diagnostics();
        Versions v = new Versions();
        List<String> problems = new ArrayList<>();
        List<Compilation> checked = new ArrayList<>();
        for (Path f : files) {
            Compilation c = frontend.check(f);
            checked.add(c);
            all.addAll(c.diagnostics());
            if (c.library()) {
                if (paths.stream().anyMatch(p -> p.normalize().equals(f))) problems.add(c.displayPath() + " is a scale library, not a rubric");
                continue;
            }
            if (c.rubric().isEmpty()) {
                problems.add(c.displayPath() + " has errors");
                continue;
            }
            Rubric r = c.rubric().get();
            Rubric previous = v.byId.computeIfAbsent(r.id(), k -> new TreeMap<>()).putIfAbsent(r.version(), r);
            if (previous == null) v.files.put(r, c.displayPath());
        }
        // One version declared by two files: R0207, as `check` reports it.
        all.addAll(org.rubricc.check.Layout.duplicates(checked));
        List<Diagnostic> errors = all.sorted().stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty() || !problems.isEmpty()) {
            err.print(new TextRenderer(frontend.sources()).render(errors));
            for (String p : problems) err.println("error: " + p + "; no rating was checked");
            if (problems.isEmpty()) err.println("error: no rating was checked");
            return null;
        }
        if (v.byId.isEmpty()) {
            err.println("error: " + String.join(", ", paths.stream().map(Path::toString).toList()) + " holds scale libraries only, no rubric");
            return null;
        }
        return v;
    }

    List<Rubric> all() {
        List<Rubric> out = new ArrayList<>();
        byId.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    /** The one rubric given, when only one version of one rubric was given. */
    boolean single() {
        return byId.size() == 1 && byId.values().iterator().next().size() == 1; // asked once per rating: no list built
    }
}
