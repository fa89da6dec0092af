package org.rubricc.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rubricc.ast.Ast;
import org.rubricc.diag.Code;
import org.rubricc.diag.Diagnostic;
import org.rubricc.model.Rubric;
import org.rubricc.model.Version;

/**
 * Where rubric files live, checked against what they declare. A rubric file named for a version
 * ({@code rubrics/<id>/<version>.rubric}, the layout of the bundled rubrics) must declare that version, and
 * its folder must be named for its id: a mismatch is almost always a copy that was not edited, and it
 * would publish one version under another's name. Files named otherwise, and scale libraries (which start
 * with {@code library NAME} and live where their importers find them), are not held to this. Across the files of
 * one run, no two may declare the same id and version.
 */
public final class Layout {
    private Layout() {}

    /** The file's name and folder against the id and version it declares. */
    static List<Diagnostic> check(Path file, Ast.File ast) {
        List<Diagnostic> out = new ArrayList<>();
        if (ast == null || ast.kind() != Ast.FileKind.RUBRIC) return out;
        String name = file.getFileName().toString();
        if (!name.endsWith(".rubric")) return out;
        String stem = name.substring(0, name.length() - ".rubric".length());
        Optional<Version> named = Version.parse(stem);
        if (named.isEmpty()) return out;
        for (Ast.HeaderField f : ast.header()) {
            if (f.kind() != Ast.HeaderKind.VERSION) continue;
            Optional<Version> declared = Version.parse(f.value());
            if (declared.isPresent() && !declared.get().equals(named.get())) {
                out.add(Diagnostic.of(Code.VERSION_NOT_FILE_NAME, f.valueSpan(), "the file " + name + " declares version "
                        + declared.get())
                        .withLabel("not " + named.get())
                        .withHint("a file named for a version must declare it: write `version " + named.get()
                                + "`, or save this version as " + declared.get() + ".rubric (released versions "
                                + "are never edited in place)"));
            }
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (folder != null && folder.getFileName() != null) {
            String folderName = folder.getFileName().toString();
            String id = ast.id().text();
            if (!folderName.equals(id)) {
                out.add(Diagnostic.of(Code.ID_NOT_FOLDER_NAME, ast.id().span(), "rubric `" + id + "` is in the folder "
                        + folderName)
                        .withLabel("not `" + folderName + "`")
                        .withHint("a rubric's versions live in a folder named for its id (rubrics/" + id + "/" + stem
                                + ".rubric): move the file there, or, if it is a new rubric made from a copy of `" + id
                                + "`, give it its own id, such as `" + folderName + "`"));
            }
        }
        return out;
    }

    /**
     * Rubrics of one run that declare the same id and version: one error each for the second and later,
     * pointing at the first as well.
     */
    public static List<Diagnostic> duplicates(List<Compilation> compilations) {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, Rubric> first = new LinkedHashMap<>();
        Map<String, Compilation> firstFile = new LinkedHashMap<>();
        for (Compilation c : compilations) {
            if (c.rubric().isEmpty()) continue;
            Rubric r = c.rubric().get();
            String key = r.id() + " " + r.version();
            Rubric earlier = first.putIfAbsent(key, r);
            if (earlier == null) {
                firstFile.put(key, c);
                continue;
            }
            if (firstFile.get(key).path().equals(c.path())) continue;
            out.add(Diagnostic.of(Code.DUPLICATE_VERSION, r.versionSpan(), "`" + r.id() + "` " + r.version()
                    + " is declared twice")
                    .withLabel("declared again here")
                    .withRelated(earlier.versionSpan(), "first declared here")
                    .withHint("each version is one file; if this is a new version, give it the next version number"));
        }
        return out;
    }
}
