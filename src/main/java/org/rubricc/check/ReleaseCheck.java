package org.rubricc.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.rubricc.diag.Code;
import org.rubricc.diag.Diagnostic;
import org.rubricc.model.Rubric;
import org.rubricc.project.Lockfile;
import org.rubricc.project.Meaning;
import org.rubricc.project.ProjectRoot;
import org.rubricc.source.Span;

/**
 * Released versions do not change: a rubric version that its project's {@code rubricc.lock} lists must mean what
 * it meant when it was locked, its imported scales included. When it does not, the diagnostic names what moved:
 * the scales of a library (and which library), or the rubric's own file.
 */
final class ReleaseCheck {
    private final Function<Path, String> displayPath;
    /** Per lock file: the lock, or why it cannot be read. */
    private final Map<Path, Object> locks = new HashMap<>();
    private final Set<Path> reported = new HashSet<>();

    private final Map<String, org.rubricc.source.SourceFile> sources;

    /** @param sources where a damaged lock file's text goes, so its diagnostic can show the line */
    ReleaseCheck(Function<Path, String> displayPath, Map<String, org.rubricc.source.SourceFile> sources) {
        this.displayPath = displayPath;
        this.sources = sources;
    }

    /** The problems with a rubric (checked, without errors) against its project's lock; none when it has no lock. */
    List<Diagnostic> check(ProjectRoot root, Rubric r, Map<String, Frontend.Library> libraries) {
        Path lockPath = root.lockFile();
        if (!Files.isRegularFile(lockPath)) return List.of();
        Object lockOrWhy = locks.computeIfAbsent(lockPath, ReleaseCheck::read);
        String shownLock = displayPath.apply(lockPath);
        if (lockOrWhy instanceof Lockfile.Invalid why) {
            if (!reported.add(lockPath)) return List.of();
            try {
                sources.put(shownLock, new org.rubricc.source.SourceFile(shownLock, Files.readString(lockPath)));
            } catch (IOException | RuntimeException unreadable) {
                // The diagnostic says why; without the text it shows no line.
            }
            return List.of(Diagnostic.of(Code.LOCK_INVALID, Span.point(shownLock, why.line, why.column),
                    "cannot use the lock file " + shownLock + ": " + why.getMessage())
                    .withHint("restore it from version control, or write it again with `rubricc lock`"));
        }
        Lockfile lock = (Lockfile) lockOrWhy;
        Optional<Lockfile.Entry> released = lock.get(r.id(), r.version());
        if (released.isEmpty()) return List.of();
        Lockfile.Entry was = released.get();
        Lockfile.Entry now = entry(root, r, libraries, null);
        if (now.sha256().equals(was.sha256())) return List.of();

        String release = r.id() + " " + r.version();
        // Which imported scales moved, grouped by library, in name order.
        Map<String, Set<String>> changed = new TreeMap<>();
        Set<String> names = new TreeSet<>(was.imported().keySet());
        names.addAll(now.imported().keySet());
        for (String name : names) {
            Lockfile.Imported before = was.imported().get(name), after = now.imported().get(name);
            if (before != null && after != null && before.equals(after)) continue;
            String library = after != null ? after.library() : before.library();
            changed.computeIfAbsent(library, k -> new TreeSet<>()).add("`" + name + "`");
        }
        Diagnostic d = Diagnostic.of(Code.RELEASED_VERSION_CHANGED, r.versionSpan(),
                release + " is released, and what it means has changed since")
                .withLabel("released in " + shownLock);
        String accept = "; to accept the change deliberately, run `rubricc lock --update " + r.id() + "@" + r.version() + "`";
        if (!changed.isEmpty()) {
            Set<Span> related = new HashSet<>();
            List<String> parts = new ArrayList<>();
            changed.forEach((lib, what) -> parts.add("the library " + lib + " (" + ReleaseCheck.named(what) + ")"));
            for (String name : changed.values().stream().flatMap(Set::stream).toList()) {
                Frontend.Library lib = libraries.get(name.substring(1, name.indexOf('.')));
                if (lib != null && lib.importSpan() != null && related.add(lib.importSpan())) {
                    d = d.withRelated(lib.importSpan(), "this library changed");
                }
            }
            d = d.withHint("changed since the release: " + String.join(" and ", parts)
                    + ". Raters of " + release + " would read different anchors under the same version number: undo the"
                    + " library edit, or put the new wording in a new library file that only new versions import" + accept);
        } else {
            d = d.withHint("this file changed since the release: undo the edit, or make the change in a new version" + accept);
        }
        return List.of(d);
    }

    /** {@code scale `common.quality`, table `common.consistency`}: what changed in a library, by kind. */
    static String named(Set<String> names) {
        Map<String, List<String>> byKind = new java.util.LinkedHashMap<>();
        for (String n : names) {
            String kind = n.contains(".table:") ? "table" : n.contains(".rule:") ? "rule" : "scale";
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(n.replace(".table:", ".").replace(".rule:", "."));
        }
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, ns) -> parts.add(kind + (ns.size() == 1 ? " " : "s ") + String.join(", ", ns)));
        return String.join(", ", parts);
    }

    /** The lock entry for a rubric as it is now. {@code file} may be null (then the entry names no file). */
    static Lockfile.Entry entry(ProjectRoot root, Rubric r, Map<String, Frontend.Library> libraries, Path file) {
        Meaning m = Meaning.of(r);
        Map<String, Lockfile.Imported> imported = new TreeMap<>();
        for (var e : m.scales().entrySet()) {
            int dot = e.getKey().indexOf('.');
            if (dot < 0) continue;
            Frontend.Library lib = libraries.get(e.getKey().substring(0, dot));
            boolean shared = e.getKey().contains(".rule:") || e.getKey().contains(".table:");
            if (lib == null || !(shared || used(r, e.getKey()))) continue;
            imported.put(e.getKey(), new Lockfile.Imported(root.relative(lib.path()), e.getValue()));
        }
        return new Lockfile.Entry(file == null ? "" : root.relative(file), m.sha256(), imported);
    }

    /** Whether a dimension of the rubric asks on the named scale. */
    static boolean used(Rubric r, String scaleName) {
        var scale = r.scales().get(scaleName);
        return scale != null && r.dimensions().stream().anyMatch(d -> d.scale() == scale || d.scale().equals(scale));
    }

    private static Object read(Path lockPath) {
        try {
            return Lockfile.parse(Files.readString(lockPath, StandardCharsets.UTF_8));
        } catch (Lockfile.Invalid e) {
            return e;
        } catch (IOException | RuntimeException e) {
            return new Lockfile.Invalid(e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.charset.CharacterCodingException ? "it is not valid UTF-8"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
