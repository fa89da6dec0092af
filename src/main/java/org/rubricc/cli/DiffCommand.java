package org.rubricc.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.diag.Diagnostic;
import org.rubricc.diag.Diagnostics;
import org.rubricc.diag.JsonRenderer;
import org.rubricc.diag.TextRenderer;
import org.rubricc.diff.Diff;
import org.rubricc.diff.DiffJson;
import org.rubricc.diff.Notice;
import org.rubricc.diff.VersionCheck;
import org.rubricc.model.Rubric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Compare two versions of a rubric: what changed, and what it means for raters.%n"
                + "Prints a calibration notice (Markdown) or, with --format json, every change for tools.%n"
                + "With --check-version, checks instead that NEW's version follows semver for what changed.%n"
                + "Exit status: 0 compared (or versions right), 1 --check-version failed,"
                + " 2 usage or I/O problem or a rubric with errors.")
final class DiffCommand implements Callable<Integer> {
    enum Format { markdown, text, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The old version's rubric file.")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "The new version's rubric file.")
    Path newFile;

    @Option(names = "--format", defaultValue = "markdown",
            description = "markdown (the calibration notice; `text` is the same) or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--check-version", description = "Check that NEW's version is right for what changed; exit 1 if not.")
    boolean checkVersion;

    @Option(names = "--root", paramLabel = "DIR", description = "The folder imports may not leave (default: the nearest folder above each rubric that holds rubricc.lock).")
    Path root;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        for (Path p : List.of(oldFile, newFile)) {
            if (!Files.isRegularFile(p)) {
                err.println("error: no such file: " + p);
                return Main.USAGE;
            }
        }
        Frontend frontend = Frontend.forProject(root, List.of(oldFile, newFile));
        Compilation oldC = frontend.check(oldFile), newC = frontend.check(newFile);
        Diagnostics all = new Diagnostics();
        all.addAll(oldC.diagnostics());
        all.addAll(newC.diagnostics());
        List<Diagnostic> ds = all.sorted();
        TextRenderer text = new TextRenderer(frontend.sources());
        List<Diagnostic> errors = ds.stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty() || oldC.rubric().isEmpty() || newC.rubric().isEmpty()) {
            err.print(text.render(ds));
            for (Compilation c : List.of(oldC, newC)) {
                if (c.library()) err.println("error: " + c.displayPath() + " is a scale library, not a rubric");
            }
            err.println("nothing compared: " + CheckCommand.summary(ds, 2));
            return Main.USAGE;
        }
        Rubric o = oldC.rubric().get(), n = newC.rubric().get();
        Diff diff = Diff.between(o, n);
        List<Diagnostic> check = new ArrayList<>(VersionCheck.check(o, n, diff));
        boolean otherRubric = !o.id().equals(n.id());
        if (checkVersion) {
            if (format == Format.json) out.print(JsonRenderer.render(check));
            else if (!check.isEmpty()) err.print(text.render(check));
            if (check.isEmpty()) {
                err.println("ok: " + n.id() + " " + o.version() + " -> " + n.version() + ": "
                        + (diff.changes().isEmpty() ? "no changes" : diff.changes().size() + " change"
                                + (diff.changes().size() == 1 ? "" : "s") + ", " + diff.requiredBump().label() + " release needed"));
            }
            return check.isEmpty() ? 0 : 1;
        }
        if (otherRubric) {
            err.print(text.render(check));
            return Main.USAGE;
        }
        out.print(format == Format.json ? DiffJson.render(diff) : Notice.markdown(diff));
        return 0;
    }
}
