package org.rubricc.check;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.rubricc.ast.Ast;
import org.rubricc.diag.Code;
import org.rubricc.diag.Diagnostic;
import org.rubricc.diag.Diagnostics;
import org.rubricc.parse.Parsing;
import org.rubricc.source.SourceFile;
import org.rubricc.source.Span;

/**
 * The compiler front end: reads a rubric and the libraries it imports, parses them and checks them
 * into a model. Imports may not leave {@code root}. Parsed libraries are shared between the files of
 * one run, so each library is read, and its problems reported, once.
 */
public final class Frontend {
    private final Path root;
    private final Path realRoot;
    private final Function<Path, String> displayPath;
    private final Map<String, SourceFile> sources = new LinkedHashMap<>();
    private final Map<Path, Loaded> loaded = new HashMap<>();
    private java.time.Duration analysisBudget = org.rubricc.check.analysis.Analysis.DEFAULT_BUDGET;

    /** A parsed and checked file: its AST (null when unreadable or unparseable) and, for a library, its scales. */
    record Loaded(Path path, SourceFile source, Ast.File ast, List<Diagnostic> diagnostics, Resolver.Result result) {}

    public Frontend(Path root) {
        this(root, Frontend::relativeToWorkingDirectory);
    }

    /** @param displayPath how a file's path is shown in diagnostics */
    public Frontend(Path root, Function<Path, String> displayPath) {
        this.root = root.toAbsolutePath().normalize();
        Path real;
        try {
            real = this.root.toRealPath();
        } catch (IOException e) {
            real = this.root;
        }
        this.realRoot = real;
        this.displayPath = displayPath;
    }

    public static String relativeToWorkingDirectory(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        String shown = abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
        return shown.isEmpty() ? "." : shown.replace('\\', '/');
    }

    /** Every file read so far, by display path, for rendering diagnostics. */
    public Map<String, SourceFile> sources() {
        return sources;
    }

    /** The time the semantic analysis may take per rubric (README, "Semantic analysis"); returns this front end. */
    public Frontend analysisBudget(java.time.Duration budget) {
        this.analysisBudget = budget;
        return this;
    }

    /**
     * Checks one file. Never throws on bad input: every problem is a diagnostic. A rubric without errors is
     * then analysed over every rating it allows (dead ends, what no rating reaches).
     */
    public Compilation check(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Diagnostics all = new Diagnostics();
        Loaded l = load(abs, new ArrayList<>(), all);
        if (l.ast() != null) all.addAll(Layout.check(abs, l.ast()));
        boolean library = l.ast() != null && l.ast().kind() == Ast.FileKind.LIBRARY;
        List<Diagnostic> ds = all.sorted();
        boolean errors = ds.stream().anyMatch(Diagnostic::isError);
        if (!errors && !library && l.result() != null && l.result().rubric() != null) {
            all.addAll(org.rubricc.check.analysis.Analysis.analyse(l.result().rubric(), analysisBudget, ds));
            ds = all.sorted();
            errors = ds.stream().anyMatch(Diagnostic::isError);
        }
        return new Compilation(abs, displayPath.apply(abs), library,
                errors || l.result() == null ? Optional.empty() : Optional.ofNullable(l.result().rubric()), ds);
    }

    /**
     * Loads a file and, depth first, what it imports. {@code stack} holds the files being loaded, to
     * find cycles. Diagnostics of every file reached go to {@code out}.
     */
    private Loaded load(Path abs, List<Path> stack, Diagnostics out) {
        Loaded cached = loaded.get(abs);
        if (cached != null) {
            out.addAll(cached.diagnostics());
            return cached;
        }
        String shown = displayPath.apply(abs);
        List<Diagnostic> ds = new ArrayList<>();
        SourceFile source;
        try {
            source = read(abs, shown);
        } catch (NotUtf8 e) {
            ds.add(Diagnostic.of(Code.READ_ERROR, Span.point(shown, e.line, e.column), "cannot read " + shown
                    + ": it is not valid UTF-8 from here on").withHint("save the file as UTF-8"));
            Loaded l = new Loaded(abs, null, null, ds, null);
            loaded.put(abs, l);
            out.addAll(ds);
            return l;
        } catch (IOException | RuntimeException e) {
            ds.add(Diagnostic.of(Code.READ_ERROR, Span.point(shown, 0, 0), "cannot read " + shown + ": " + describe(e)));
            Loaded l = new Loaded(abs, null, null, ds, null);
            loaded.put(abs, l);
            out.addAll(ds);
            return l;
        }
        sources.put(shown, source);
        if (!abs.getFileName().toString().endsWith(".rubric") && !Parsing.looksLikeRubric(source)) {
            // Not a rubric given by mistake (a README, a JSON file): one error, not one per word of it.
            ds.add(Diagnostic.of(Code.NOT_A_RUBRIC, Span.point(shown, 1, 1), shown + " does not look like a rubric")
                    .withLabel("a rubric starts with `rubric NAME`")
                    .withHint("rubric files are named *.rubric and start with `rubric NAME` (a scale library with "
                            + "`library NAME`)"));
            Loaded l = new Loaded(abs, source, null, ds, null);
            loaded.put(abs, l);
            out.addAll(ds);
            return l;
        }
        Parsing.Result parsed = Parsing.parse(source);
        ds.addAll(parsed.diagnostics());
        Ast.File ast = parsed.file();

        Map<String, Imported> imports = new LinkedHashMap<>();
        if (ast != null) {
            stack.add(abs);
            for (Ast.Import imp : ast.imports()) {
                Imported i = resolveImport(abs, imp, stack, ds, out);
                if (i == null) continue;
                if (imports.containsKey(imp.alias().text())) {
                    ds.add(Diagnostic.of(Code.DUPLICATE_ID, imp.alias().span(),
                            "import alias `" + imp.alias().text() + "` is defined twice").withLabel("already used above"));
                } else {
                    imports.put(imp.alias().text(), i);
                }
            }
            stack.remove(stack.size() - 1);
        }
        // After a syntax error the tree may lack parts: what the checks would say is then mostly its echo.
        List<Diagnostic> checks = new ArrayList<>();
        Resolver.Result result = ast == null ? null : new Resolver(ast, imports, checks).resolve();
        if (parsed.complete()) ds.addAll(checks);
        Loaded l = new Loaded(abs, source, ast, ds, result);
        loaded.put(abs, l);
        out.addAll(ds);
        return l;
    }

    /** What an import alias stands for: the scales of a library, and whether anything used it. */
    static final class Imported {
        final Ast.Import declaration;
        final Map<String, org.rubricc.model.Scale> scales;
        boolean used;

        Imported(Ast.Import declaration, Map<String, org.rubricc.model.Scale> scales) {
            this.declaration = declaration;
            this.scales = scales;
        }
    }

    private Imported resolveImport(Path from, Ast.Import imp, List<Path> stack, List<Diagnostic> ds, Diagnostics out) {
        String raw = imp.path();
        Path rel;
        try {
            rel = Path.of(raw);
        } catch (RuntimeException bad) {
            ds.add(Diagnostic.of(Code.IMPORT_NOT_FOUND, imp.pathSpan(), "`" + raw + "` is not a file path"));
            return null;
        }
        if (rel.isAbsolute() || raw.startsWith("/") || raw.startsWith("\\")) {
            ds.add(Diagnostic.of(Code.IMPORT_OUTSIDE_ROOT, imp.pathSpan(), "import paths must be relative, not absolute")
                    .withHint("write the path relative to this file, such as \"../shared/scales.rubric\""));
            return null;
        }
        Path target = from.getParent().resolve(rel).normalize();
        if (!target.startsWith(root)) {
            ds.add(Diagnostic.of(Code.IMPORT_OUTSIDE_ROOT, imp.pathSpan(),
                    "import leads outside the root folder " + shownRoot())
                    .withHint("imports may only read files under the folder given on the command line (or --root)"));
            return null;
        }
        if (!Files.isRegularFile(target)) {
            Diagnostic d = Diagnostic.of(Code.IMPORT_NOT_FOUND, imp.pathSpan(), "no file " + displayPath.apply(target));
            d = suggestSibling(target).map(d::withHint).orElse(d);
            ds.add(d);
            return null;
        }
        Path real;
        try {
            real = target.toRealPath();
        } catch (IOException e) {
            ds.add(Diagnostic.of(Code.IMPORT_NOT_FOUND, imp.pathSpan(), "cannot read " + displayPath.apply(target)));
            return null;
        }
        if (!real.startsWith(realRoot)) {
            ds.add(Diagnostic.of(Code.IMPORT_OUTSIDE_ROOT, imp.pathSpan(),
                    "import leads outside the root folder " + shownRoot() + " through a symbolic link"));
            return null;
        }
        if (stack.contains(target)) {
            StringBuilder chain = new StringBuilder();
            for (Path p : stack.subList(stack.indexOf(target), stack.size())) {
                chain.append(displayPath.apply(p)).append(" -> ");
            }
            chain.append(displayPath.apply(target));
            ds.add(Diagnostic.of(Code.IMPORT_CYCLE, imp.span(), "imports form a cycle: " + chain)
                    .withHint("move the shared scales into a library that imports neither"));
            return null;
        }
        Loaded lib = load(target, stack, out);
        if (lib.ast() == null) return null;
        if (lib.ast().kind() != Ast.FileKind.LIBRARY) {
            ds.add(Diagnostic.of(Code.IMPORT_NOT_LIBRARY, imp.pathSpan(),
                    displayPath.apply(target) + " is a rubric, not a scale library")
                    .withHint("only files that start with `library NAME` can be imported"));
            return null;
        }
        return new Imported(imp, lib.result() == null ? Map.of() : lib.result().scales());
    }

    private String shownRoot() {
        String shown = displayPath.apply(root);
        return shown.isEmpty() ? "." : shown;
    }

    private Optional<String> suggestSibling(Path target) {
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) return Optional.empty();
        try (var files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            return org.rubricc.diag.Suggestions.didYouMean(target.getFileName().toString(), names);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A file that is not valid UTF-8, with where the first bad byte is. */
    static final class NotUtf8 extends IOException {
        final int line;
        final int column;

        NotUtf8(int line, int column) {
            super("the file is not valid UTF-8");
            this.line = line;
            this.column = column;
        }
    }

    private static SourceFile read(Path path, String shown) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult r = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, chars, true);
        if (r.isError()) {
            chars.flip();
            String before = chars.toString();
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            String last = before.substring(before.lastIndexOf('\n') + 1);
            throw new NotUtf8(line, last.codePointCount(0, last.length()) + 1);
        }
        chars.flip();
        return new SourceFile(shown, chars.toString());
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
