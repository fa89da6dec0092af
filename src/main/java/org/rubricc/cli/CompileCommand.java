package org.rubricc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.rubricc.backend.GeneratedFile;
import org.rubricc.backend.Target;
import org.rubricc.backend.Targets;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.check.Layout;
import org.rubricc.diag.Diagnostic;
import org.rubricc.diag.Diagnostics;
import org.rubricc.diag.Suggestions;
import org.rubricc.diag.TextRenderer;
import org.rubricc.model.Rubric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compile", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Compile rubrics into files under OUT/<rubric id>/<version>/.%n"
                + "Nothing is written unless every rubric checks without errors.%n"
                + "Exit status: 0 compiled, 1 a rubric has errors, 2 usage or I/O problem.")
final class CompileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rubric files, or folders searched for *.rubric.")
    List<Path> paths;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "The output folder.")
    Path out;

    @Option(names = "--target", split = ",", paramLabel = "TARGET",
            description = "What to generate (comma-separated; default: all). One of: ${COMPLETION-CANDIDATES}.",
            completionCandidates = TargetNames.class)
    List<String> targets;

    @Option(names = "--java-package", paramLabel = "PACKAGE", defaultValue = "org.rubricc.generated",
            description = "The package of generated Java sources. Default: ${DEFAULT-VALUE}.")
    String javaPackage;

    @Option(names = "--root", paramLabel = "DIR", description = "The folder imports may not leave (default: the nearest folder above each rubric that holds rubricc.lock).")
    Path root;

    static final class TargetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Targets.all().stream().map(Target::name).iterator();
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<Target> selected;
        try {
            selected = select();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Main.USAGE;
        }
        String packageProblem = packageProblem(javaPackage);
        if (packageProblem != null) {
            err.println("error: `" + ValidateCommand.oneLine(javaPackage) + "` is not a Java package name: " + packageProblem);
            return Main.USAGE;
        }
        List<Path> files;
        try {
            files = Inputs.expand(paths);
        } catch (Inputs.InputException e) {
            err.println("error: " + e.getMessage());
            return Main.USAGE;
        }

        Frontend frontend = Frontend.forProject(root, paths);
        List<Frontend.Started> started = new ArrayList<>();
        for (Path f : files) started.add(frontend.start(f));
        // The targets read the immutable model only, so they run side by side on the machine's cores, and they start
        // while the semantic analysis (the costly part of a check, for a large rubric) runs: when every file has
        // checked so far without an error, each target is generated from the models as they will be; should the
        // analysis then report an error, what the targets made is dropped and nothing is written. Everything is
        // generated in memory first, so a failing target leaves the output folder untouched, and collected in the
        // same order as one after another.
        boolean speculate = started.stream().noneMatch(Frontend.Started::failed);
        // rubric id -> version -> model
        Map<String, TreeMap<org.rubricc.model.Version, Rubric>> byId = new TreeMap<>();
        for (Frontend.Started s : started) {
            s.model().ifPresent(r -> byId.computeIfAbsent(r.id(), k -> new TreeMap<>()).putIfAbsent(r.version(), r));
        }
        Target.Options options = new Target.Options(javaPackage);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors()), task -> {
                    Thread t = new Thread(task, "rubricc-compile");
                    t.setDaemon(true);
                    return t;
                });
        Map<String, byte[]> outputs = new LinkedHashMap<>();
        List<String> caveats = new ArrayList<>();
        int versions = 0;
        List<Diagnostic> ds;
        try {
            List<java.util.concurrent.Future<Compilation>> analyses = new ArrayList<>();
            for (Frontend.Started s : started) analyses.add(pool.submit(s::finish));
            // rubric id, then per version and target, the files in order; then the history files per target
            List<java.util.concurrent.Future<List<GeneratedFile>>> byVersion = new ArrayList<>();
            List<java.util.concurrent.Future<List<GeneratedFile>>> byHistory = new ArrayList<>();
            if (speculate) {
                for (TreeMap<org.rubricc.model.Version, Rubric> versionsOfId : byId.values()) {
                    List<Rubric> history = List.copyOf(versionsOfId.values());
                    for (Rubric r : history) {
                        for (Target t : selected) byVersion.add(pool.submit(() -> t.generate(r, history, options)));
                    }
                    for (Target t : selected) byHistory.add(pool.submit(() -> t.generateHistory(history, options)));
                }
            }

            Diagnostics all = new Diagnostics();
            List<Compilation> checked = new ArrayList<>();
            for (java.util.concurrent.Future<Compilation> a : analyses) {
                Compilation c = result(a);
                checked.add(c);
                all.addAll(c.diagnostics());
            }
            all.addAll(Layout.duplicates(checked));
            ds = all.sorted();
            err.print(new TextRenderer(frontend.sources()).render(ds));
            if (ds.stream().anyMatch(d -> d.code() == org.rubricc.diag.Code.READ_ERROR)) return Main.USAGE;
            if (ds.stream().anyMatch(Diagnostic::isError)) {
                err.println("nothing written: " + CheckCommand.summary(ds, files.size()));
                return 1;
            }
            if (!speculate) throw new IllegalStateException("a file failed before the analysis, yet no error was reported");

            int v = 0, h = 0;
            for (Map.Entry<String, TreeMap<org.rubricc.model.Version, Rubric>> e : byId.entrySet()) {
                for (Rubric r : e.getValue().values()) {
                    versions++;
                    for (Target t : selected) {
                        List<GeneratedFile> generated = result(byVersion.get(v++));
                        for (GeneratedFile g : generated) {
                            outputs.put(r.id() + "/" + r.version() + "/" + g.path(), g.content());
                        }
                        t.caveat(r, generated).ifPresent(w -> caveats.add("warning: " + r.id() + " " + r.version() + ": " + w));
                    }
                }
                for (Target t : selected) {
                    for (GeneratedFile g : result(byHistory.get(h++))) {
                        // History files may sit in a version's folder too (`<version>/calibration-notice.md`).
                        String path = e.getKey() + "/" + g.path();
                        if (outputs.containsKey(path)) throw new IllegalStateException("two targets write " + path);
                        outputs.put(path, g.content());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        int changed;
        try (OutputWriter writer = OutputWriter.lock(out, err)) {
            changed = writer.writeAll(outputs);
        } catch (OutputWriter.WriteFailure e) {
            err.println("error: " + e.describe());
            return Main.USAGE;
        } catch (IOException e) {
            err.println("error: cannot write to " + out + ": " + org.rubricc.diag.IoReason.of(e));
            return Main.USAGE;
        }
        caveats.forEach(err::println);
        err.println("compiled " + CheckCommand.plural(versions, "rubric version") + " into " + out + ": "
                + CheckCommand.plural(outputs.size(), "file") + ", " + changed + " changed"
                + (ds.isEmpty() ? "" : ", " + CheckCommand.plural(ds.size(), "warning")));
        return 0;
    }

    /** What a task returned; what it threw, thrown again here, as if the task had run on this thread. */
    private static <T> T result(java.util.concurrent.Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Java's keywords and literals, which no part of a package name may be (JLS 3.9, 3.10.3, 3.10.8). */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("abstract", "assert", "boolean", "break", "byte",
            "case", "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
            "long", "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
            "_", "true", "false", "null");

    /** Why a name cannot be the generated classes' package, or null when it can. */
    static String packageProblem(String name) {
        if (!name.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
            return "dot-separated names of letters, digits, _ and $, each starting with a letter, _ or $";
        }
        for (String part : name.split("\\.")) {
            if (RESERVED.contains(part)) return "`" + part + "` is a Java keyword or literal";
        }
        if (name.equals("java") || name.startsWith("java.")) return "the JVM refuses classes in `java` and its packages";
        return null;
    }

    private List<Target> select() {
        List<Target> known = Targets.all();
        if (targets == null || targets.isEmpty()) return known;
        List<Target> out = new ArrayList<>();
        List<String> names = known.stream().map(Target::name).toList();
        for (String name : targets) {
            Target t = known.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("unknown target `" + name + "`; the targets are " + String.join(", ", names)
                            + Suggestions.didYouMean(name, names).map(h -> " (" + h + ")").orElse("")));
            if (!out.contains(t)) out.add(t);
        }
        out.sort(Comparator.comparingInt(known::indexOf));
        return out;
    }
}
