package org.rubricc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.check.Layout;
import org.rubricc.diag.Diagnostic;
import org.rubricc.diag.Diagnostics;
import org.rubricc.diag.JsonRenderer;
import org.rubricc.diag.Severity;
import org.rubricc.diag.TextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Check rubric files and report every problem.%n"
                + "Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage or I/O problem.")
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rubric files, or folders searched for *.rubric.")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "text", description = "text (to stderr) or json (to stdout). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--root", paramLabel = "DIR", description = "The folder imports may not leave (default: the nearest folder above each rubric that holds rubricc.lock).")
    Path root;

    @Override
    public Integer call() {
        List<Path> files;
        try {
            files = Inputs.expand(paths);
        } catch (Inputs.InputException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return Main.USAGE;
        }
        Frontend frontend = Frontend.forProject(root, paths);
        Diagnostics all = new Diagnostics();
        List<Compilation> checked = new ArrayList<>();
        for (Path f : files) {
            Compilation c = frontend.check(f);
            checked.add(c);
            all.addAll(c.diagnostics());
        }
        all.addAll(Layout.duplicates(checked));
        List<Diagnostic> ds = all.sorted();
        if (format == Format.json) {
            spec.commandLine().getOut().print(JsonRenderer.render(ds));
        } else {
            var err = spec.commandLine().getErr();
            err.print(new TextRenderer(frontend.sources()).render(ds));
            err.println(summary(ds, files.size()));
        }
        boolean readErrors = ds.stream().anyMatch(d -> d.code() == org.rubricc.diag.Code.READ_ERROR);
        if (readErrors) return Main.USAGE;
        return ds.stream().anyMatch(Diagnostic::isError) ? 1 : 0;
    }

    static String summary(List<Diagnostic> ds, int files) {
        long errors = ds.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = ds.stream().filter(d -> d.severity() == Severity.WARNING).count();
        List<String> parts = new ArrayList<>();
        parts.add(plural(files, "file") + " checked");
        parts.add(plural(errors, "error"));
        parts.add(plural(warnings, "warning"));
        return String.join(", ", parts);
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
