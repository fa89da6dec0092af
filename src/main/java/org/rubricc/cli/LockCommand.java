package org.rubricc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.diag.Code;
import org.rubricc.diag.Diagnostic;
import org.rubricc.diag.Diagnostics;
import org.rubricc.diag.TextRenderer;
import org.rubricc.model.Rubric;
import org.rubricc.project.Lockfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rubricc lock}: releases rubric versions, by writing what each one means into its project's
 * {@code rubricc.lock}. The deliberate step that makes a version immutable: from then on every command fails on
 * that version if it, or a library it imports, changes. A version already locked is never rewritten unless
 * {@code --update} names it.
 */
@Command(name = "lock", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Release rubric versions: record what each means in the project's rubricc.lock.%n"
                + "Versions already released stay as they are; a released version that has changed is refused "
                + "unless --update names it. Pre-release versions (1.0.0-rc.1) are drafts and are not locked.%n"
                + "Exit status: 0 written (or nothing new), 1 errors in the rubrics, 2 usage or I/O problem.")
final class LockCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rubric files, or folders searched for *.rubric.")
    List<Path> paths;

    @Option(names = "--update", paramLabel = "ID@VERSION",
            description = "Accept that this released version changed, and lock what it means now. Repeatable.")
    List<String> updates = new ArrayList<>();

    @Option(names = "--root", paramLabel = "DIR", description = "The project root, where rubricc.lock is written "
            + "(default: the nearest folder above each rubric that holds rubricc.lock, else the folder given).")
    Path root;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        List<Path> files;
        try {
            files = Inputs.expand(paths);
        } catch (Inputs.InputException e) {
            err.println("error: " + e.getMessage());
            return Main.USAGE;
        }
        Set<String> toUpdate = new LinkedHashSet<>();
        for (String u : updates) {
            if (!u.matches("[^@\\s]+@[^@\\s]+")) {
                err.println("error: --update " + u + ": write the version as ID@VERSION, such as image-edit@1.0.0");
                return Main.USAGE;
            }
            toUpdate.add(u);
        }
        Frontend frontend = Frontend.forProject(root, paths).withoutReleaseCheck();
        Diagnostics all = new Diagnostics();
        List<Compilation> rubrics = new ArrayList<>();
        for (Path f : files) {
            Compilation c = frontend.check(f);
            all.addAll(c.diagnostics());
            if (!c.library()) rubrics.add(c);
        }
        // A released version that changed is an error here too, unless --update accepts it.
        Set<String> updated = new LinkedHashSet<>();
        for (Compilation c : rubrics) {
            if (c.rubric().isEmpty()) continue;
            Rubric r = c.rubric().get();
            List<Diagnostic> problems = frontend.releaseProblems(c);
            String name = r.id() + "@" + r.version();
            if (toUpdate.contains(name) && problems.stream().allMatch(d -> d.code() == Code.RELEASED_VERSION_CHANGED)) {
                if (!problems.isEmpty()) updated.add(name);
            } else {
                all.addAll(problems);
            }
        }
        List<Diagnostic> ds = all.sorted();
        List<Diagnostic> errors = ds.stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty()) {
            err.print(new TextRenderer(frontend.sources()).render(ds));
            err.println("error: nothing was locked: " + CheckCommand.plural(errors.size(), "error") + " to fix first");
            return errors.stream().anyMatch(d -> d.code() == Code.READ_ERROR) ? Main.USAGE : 1;
        }
        for (String u : toUpdate) {
            if (!updated.contains(u)) {
                err.println("error: --update " + u + ": no released version " + u.replace('@', ' ')
                        + " that has changed is among the rubrics given; nothing was locked");
                return Main.USAGE;
            }
        }

        Map<Path, Lockfile> locks = new TreeMap<>();
        Map<Path, List<String>> said = new TreeMap<>();
        Map<String, String> declaredBy = new TreeMap<>();
        for (Compilation c : rubrics) {
            Rubric r = c.rubric().orElseThrow();
            Path lockPath = frontend.rootOf(c.path()).lockFile();
            String key = lockPath + "\0" + r.id() + "@" + r.version();
            String other = declaredBy.putIfAbsent(key, c.displayPath());
            if (other != null) {
                err.println("error: " + other + " and " + c.displayPath() + " both declare " + r.id() + " " + r.version()
                        + "; nothing was locked");
                return 1;
            }
            Lockfile lock;
            try {
                lock = locks.containsKey(lockPath) ? locks.get(lockPath) : read(lockPath);
            } catch (IOException | Lockfile.Invalid e) {
                err.println("error: cannot read " + Frontend.relativeToWorkingDirectory(lockPath) + ": " + e.getMessage());
                return Main.USAGE;
            }
            List<String> lines = said.computeIfAbsent(lockPath, k -> new ArrayList<>());
            String shown = r.id() + " " + r.version();
            if (!r.version().preRelease().isEmpty()) {
                lines.add("  draft     " + shown + " (a pre-release is not locked)");
            } else {
                Lockfile.Entry now = frontend.releaseOf(c);
                var before = lock.get(r.id(), r.version());
                if (before.isEmpty()) {
                    lines.add("  released  " + shown);
                    lock = lock.with(r.id(), r.version(), now);
                } else if (updated.contains(r.id() + "@" + r.version())) {
                    lines.add("  updated   " + shown);
                    lock = lock.with(r.id(), r.version(), now);
                } else if (!before.get().file().equals(now.file())) {
                    lines.add("  moved     " + shown + " (now " + now.file() + ")");
                    lock = lock.with(r.id(), r.version(), now);
                } else {
                    lines.add("  unchanged " + shown);
                }
            }
            locks.put(lockPath, lock);
        }
        for (var e : locks.entrySet()) {
            Path lockPath = e.getKey();
            String shown = Frontend.relativeToWorkingDirectory(lockPath);
            try {
                byte[] bytes = e.getValue().write().getBytes(StandardCharsets.UTF_8);
                new OutputWriter(lockPath.getParent()).write(lockPath.getFileName().toString(), bytes);
            } catch (IOException ex) {
                err.println("error: cannot write " + shown + ": " + (ex.getMessage() == null ? ex : ex.getMessage()));
                return Main.USAGE;
            }
            out.println(shown + ":");
            said.get(lockPath).forEach(out::println);
        }
        if (locks.isEmpty()) out.println("nothing to lock: the paths given hold scale libraries only");
        return 0;
    }

    private static Lockfile read(Path lockPath) throws IOException, Lockfile.Invalid {
        if (!Files.exists(lockPath)) return Lockfile.empty();
        return Lockfile.parse(Files.readString(lockPath, StandardCharsets.UTF_8));
    }
}
