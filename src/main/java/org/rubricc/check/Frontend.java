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
import org.rubricc.model.Rubric;
import org.rubricc.project.ProjectRoot;
import org.rubricc.parse.Parsing;
import org.rubricc.source.SourceFile;
import org.rubricc.source.Span;

/**
 * The compiler front end: reads a rubric and the libraries it imports, parses them and checks them
 * into a model. Imports may not leave the rubric's project root ({@link ProjectRoot}), and a version the
 * project's lock says is released must still mean what it meant then ({@link ReleaseCheck}). Parsed libraries
 * are shared between the files of one run, so each library is read, and its problems reported, once.
 */
public final class Frontend {
    private final Path explicitRoot;
    private final List<Path> given;
    private final Function<Path, String> displayPath;
    private final Map<String, SourceFile> sources = new LinkedHashMap<>();
    private final Map<List<Path>, Loaded> loaded = new HashMap<>();
    private final Map<Path, Path> realRoots = new HashMap<>();
    private final ReleaseCheck releases;
    private java.time.Duration analysisBudget = org.rubricc.check.analysis.Analysis.DEFAULT_BUDGET;
    private boolean checkReleases = true;

    /**
     * A parsed and checked file: its AST (null when unreadable or unparseable), for a library its scales, and
     * the libraries it imports by alias.
     */
    record Loaded(Path path, SourceFile source, Ast.File ast, List<Diagnostic> diagnostics, Resolver.Result result,
            Map<String, Library> libraries) {}

    /** A library a file imports: where it is, and the import that names it. */
    record Library(Path path, Span importSpan) {}

    /** A front end whose imports may not leave {@code root}, for every file (as {@code --root} does). */
    public Frontend(Path root) {
        this(root, Frontend::relativeToWorkingDirectory);
    }

    /** @param displayPath how a file's path is shown in diagnostics */
    public Frontend(Path root, Function<Path, String> displayPath) {
        this(root, List.of(), displayPath);
    }

    private Frontend(Path explicitRoot, List<Path> given, Function<Path, String> displayPath) {
        this.explicitRoot = explicitRoot;
        this.given = List.copyOf(given);
        this.displayPath = displayPath;
        this.releases = new ReleaseCheck(displayPath, sources);
    }

    /**
     * A front end that finds each file's project root from where the file is ({@link ProjectRoot#of}), or uses
     * {@code explicitRoot} when it is not null.
     *
     * @param given the paths named on the command line
     */
    public static Frontend forProject(Path explicitRoot, List<Path> given) {
        return new Frontend(explicitRoot, given, Frontend::relativeToWorkingDirectory);
    }

    /** The project root of a file, as this front end chooses it. */
    public ProjectRoot rootOf(Path file) {
        return ProjectRoot.of(file, explicitRoot, given);
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
        return start(file).finish();
    }

    /**
     * Checks one file up to the semantic analysis, which {@link Started#finish} runs: a caller may start work on
     * the model ({@link Started#model}) while the analysis runs, and must drop that work if {@code finish} then
     * reports an error.
     */
    public Started start(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        ProjectRoot root = rootOf(abs);
        Diagnostics all = new Diagnostics();
        Loaded l = load(abs, root, new ArrayList<>(), all);
        if (l.ast() != null) all.addAll(Layout.check(abs, l.ast()));
        boolean library = l.ast() != null && l.ast().kind() == Ast.FileKind.LIBRARY;
        List<Diagnostic> ds = all.sorted();
        boolean errors = ds.stream().anyMatch(Diagnostic::isError);
        if (checkReleases && !errors && !library && l.result() != null && l.result().rubric() != null) {
            all.addAll(releases.check(root, l.result().rubric(), libraries(l)));
            ds = all.sorted();
            errors = ds.stream().anyMatch(Diagnostic::isError);
        }
        return new Started(abs, displayPath.apply(abs), library, l.result() == null ? null : l.result().rubric(), all, errors,
                analysisBudget);
    }

    /** A file checked up to the semantic analysis. */
    public static final class Started {
        private final Path path;
        private final String shown;
        private final boolean library;
        /** The resolved rubric, or null. */
        private final Rubric resolved;
        private final Diagnostics diagnostics;
        private final boolean errors;
        private final java.time.Duration budget;

        private Started(Path path, String shown, boolean library, Rubric resolved, Diagnostics diagnostics, boolean errors,
                java.time.Duration budget) {
            this.path = path;
            this.shown = shown;
            this.library = library;
            this.resolved = resolved;
            this.diagnostics = diagnostics;
            this.errors = errors;
            this.budget = budget;
        }

        /** The rubric, when it has no error so far: the one {@link #finish} analyses, and returns unless it finds an error. */
        public Optional<Rubric> model() {
            return errors || library ? Optional.empty() : Optional.ofNullable(resolved);
        }

        /** Whether the file has an error already: then {@link #finish} reports it, and there is no model. */
        public boolean failed() {
            return errors;
        }

        /** Runs the semantic analysis (the costly part of a check, for a large rubric) and gives the whole check's result. */
        public Compilation finish() {
            List<Diagnostic> ds = diagnostics.sorted();
            boolean failed = errors;
            if (model().isPresent()) {
                Diagnostics all = new Diagnostics();
                all.addAll(ds);
                all.addAll(org.rubricc.check.analysis.Analysis.analyse(resolved, budget, ds));
                ds = all.sorted();
                failed = ds.stream().anyMatch(Diagnostic::isError);
            }
            return new Compilation(path, shown, library, failed || resolved == null ? Optional.empty() : Optional.of(resolved), ds);
        }
    }

    /**
     * Leaves out the check of released versions against the project's lock, for {@code rubricc lock}, which makes
     * that judgement itself ({@link #releaseProblems}); returns this front end.
     */
    public Frontend withoutReleaseCheck() {
        this.checkReleases = false;
        return this;
    }

    /**
     * What a rubric is as a release: the entry {@code rubricc lock} writes for it. The compilation must be a rubric
     * without errors, checked by this front end.
     */
    public org.rubricc.project.Lockfile.Entry releaseOf(Compilation c) {
        Rubric r = c.rubric().orElseThrow(() -> new IllegalArgumentException(c.displayPath() + " has errors"));
        ProjectRoot root = rootOf(c.path());
        return ReleaseCheck.entry(root, r, libraries(loaded.get(List.of(root.dir(), c.path()))), c.path());
    }

    /** The check of a rubric (without errors, checked by this front end) against its project's lock. */
    public List<Diagnostic> releaseProblems(Compilation c) {
        Rubric r = c.rubric().orElseThrow(() -> new IllegalArgumentException(c.displayPath() + " has errors"));
        ProjectRoot root = rootOf(c.path());
        return releases.check(root, r, libraries(loaded.get(List.of(root.dir(), c.path()))));
    }

    /** The libraries a rubric imports, by the names its scales take from them ({@code alias.}). */
    private static Map<String, Library> libraries(Loaded l) {
        return l == null ? Map.of() : l.libraries();
    }

    /**
     * Loads a file and, depth first, what it imports. {@code stack} holds the files being loaded, to
     * find cycles. Diagnostics of every file reached go to {@code out}.
     */
    private Loaded load(Path abs, ProjectRoot root, List<Path> stack, Diagnostics out) {
        List<Path> key = List.of(root.dir(), abs);
        Loaded cached = loaded.get(key);
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
            Loaded l = new Loaded(abs, null, null, ds, null, Map.of());
            loaded.put(key, l);
            out.addAll(ds);
            return l;
        } catch (TooLarge e) {
            ds.add(Diagnostic.of(Code.READ_ERROR, Span.point(shown, 0, 0), "cannot read " + shown + ": " + e.getMessage())
                    .withHint("a rubric this large is not one raters can work from; scales shared by rubrics go in a library"));
            Loaded l = new Loaded(abs, null, null, ds, null, Map.of());
            loaded.put(key, l);
            out.addAll(ds);
            return l;
        } catch (IOException | RuntimeException e) {
            ds.add(Diagnostic.of(Code.READ_ERROR, Span.point(shown, 0, 0), "cannot read " + shown + ": " + describe(e)));
            Loaded l = new Loaded(abs, null, null, ds, null, Map.of());
            loaded.put(key, l);
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
            Loaded l = new Loaded(abs, source, null, ds, null, Map.of());
            loaded.put(key, l);
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
                Imported i = resolveImport(abs, root, imp, stack, ds, out);
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
        Map<String, Library> libraries = new LinkedHashMap<>();
        imports.forEach((alias, i) -> libraries.put(alias, new Library(i.library, i.declaration.span())));
        Loaded l = new Loaded(abs, source, ast, ds, result, libraries);
        loaded.put(key, l);
        out.addAll(ds);
        return l;
    }

    /**
     * What an import alias stands for: the scales of a library, its rules and tables with the dimensions they expect
     * (null when the library has errors there), and whether anything used it.
     */
    static final class Imported {
        final Ast.Import declaration;
        final Path library;
        final Map<String, org.rubricc.model.Scale> scales;
        /** The library as written, for its rules and tables; null when it does not resolve. */
        final Ast.File file;
        /** The dimensions the library expects, by id, with their scales; null when some did not resolve. */
        final Map<String, org.rubricc.model.Scale> expects;
        boolean used;

        Imported(Ast.Import declaration, Path library, Map<String, org.rubricc.model.Scale> scales) {
            this(declaration, library, scales, null, null);
        }

        Imported(Ast.Import declaration, Path library, Map<String, org.rubricc.model.Scale> scales, Ast.File file,
                Map<String, org.rubricc.model.Scale> expects) {
            this.declaration = declaration;
            this.library = library;
            this.scales = scales;
            this.file = file;
            this.expects = expects;
        }
    }

    private Imported resolveImport(Path from, ProjectRoot root, Ast.Import imp, List<Path> stack, List<Diagnostic> ds,
            Diagnostics out) {
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
        if (!target.startsWith(root.dir())) {
            ds.add(Diagnostic.of(Code.IMPORT_OUTSIDE_ROOT, imp.pathSpan(),
                    "import leads outside the project root " + shownRoot(root))
                    .withLabel("the root is " + root.how().explanation)
                    .withHint(root.how() == ProjectRoot.How.EXPLICIT
                            ? "imports may only read files under the folder given with --root"
                            : "imports may only read files under the project root: put a " + ProjectRoot.LOCK_FILE
                                    + " in the folder that holds your rubrics and their libraries (`rubricc lock FOLDER`"
                                    + " writes one), or pass --root"));
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
            ds.add(Diagnostic.of(Code.IMPORT_NOT_FOUND, imp.pathSpan(), "cannot read " + displayPath.apply(target) + ": "
                    + org.rubricc.diag.IoReason.of(e)));
            return null;
        }
        if (!real.startsWith(realRoot(root))) {
            ds.add(Diagnostic.of(Code.IMPORT_OUTSIDE_ROOT, imp.pathSpan(),
                    "import leads outside the project root " + shownRoot(root) + " through a symbolic link"));
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
        Loaded lib = load(target, root, stack, out);
        if (lib.ast() == null) return null;
        if (lib.ast().kind() != Ast.FileKind.LIBRARY) {
            ds.add(Diagnostic.of(Code.IMPORT_NOT_LIBRARY, imp.pathSpan(),
                    displayPath.apply(target) + " is a rubric, not a scale library")
                    .withHint("only files that start with `library NAME` can be imported"));
            return null;
        }
        return new Imported(imp, target, lib.result() == null ? Map.of() : lib.result().scales(), lib.ast(),
                lib.result() == null ? null : lib.result().expects());
    }

    private Path realRoot(ProjectRoot root) {
        return realRoots.computeIfAbsent(root.dir(), dir -> {
            try {
                return dir.toRealPath();
            } catch (IOException e) {
                return dir;
            }
        });
    }

    /** The root as messages name it: as the user would type it, and never a bare "." that names nothing. */
    private String shownRoot(ProjectRoot root) {
        String shown = displayPath.apply(root.dir());
        if (!shown.isEmpty() && !shown.equals(".")) return shown;
        Path name = root.dir().getFileName();
        return ". (the folder " + (name == null ? root.dir().toString() : name.toString()) + ")";
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

    /**
     * The largest rubric or library file read, in bytes (16 MiB): a rubric of 5,000 dimensions is under 2 MiB.
     * A larger file is refused before it is read, so a huge or endless input (a 300 MB file under -Xmx256m, a
     * device) ends in a diagnostic, not an OutOfMemoryError.
     */
    public static final int MAX_FILE = 16 << 20;

    /** A file over {@link #MAX_FILE}. */
    static final class TooLarge extends IOException {
        TooLarge(long size) {
            super(size < 0 ? "it is larger than " + MAX_FILE + " bytes, the most a rubric file may have (16 MiB)"
                    : "it is " + String.format(java.util.Locale.ROOT, "%,d", size) + " bytes, more than a rubric file may have ("
                    + String.format(java.util.Locale.ROOT, "%,d", MAX_FILE) + " bytes, 16 MiB)");
        }
    }

    private static SourceFile read(Path path, String shown) throws IOException {
        long size = Files.size(path);
        if (size > MAX_FILE) throw new TooLarge(size);
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_FILE + 1); // the file may have grown since, or report no size (a device)
        }
        if (bytes.length > MAX_FILE) throw new TooLarge(-1);
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
        return org.rubricc.diag.IoReason.of(e);
    }
}
