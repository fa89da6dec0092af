package org.rubricc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rubricc.agree.Agreement;
import org.rubricc.agree.HtmlReport;
import org.rubricc.agree.JsonReport;
import org.rubricc.agree.MarkdownReport;
import org.rubricc.agree.Ratings;
import org.rubricc.agree.Report;
import org.rubricc.model.Rubric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "agree", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        customSynopsis = "rubricc agree [OPTIONS] RUBRIC... RATINGS...",
        description = "Inter-rater agreement of ratings: Krippendorff's alpha per dimension and version, with a bootstrap "
                + "interval; with --gold, each rater against gold answers.%n"
                + "RUBRIC is a rubric file or a folder of its versions (*.rubric); every other path is a ratings file "
                + "(JSON Lines), - for standard input.%n"
                + "Exit status: 0 report written, 1 report written but some lines were left out or a rater is below "
                + "--threshold, 2 usage or I/O problem or a rubric with errors.")
final class AgreeCommand implements Callable<Integer> {
    enum Format { markdown, html, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "2..*",
            description = "Rubric files or folders (the versions the ratings follow), then the ratings files.")
    List<String> paths;

    @Option(names = "--gold", paramLabel = "GOLD", description = "Gold answers: ratings in the same format, one per item and version.")
    Path gold;

    @Option(names = "--format", defaultValue = "markdown", description = "markdown, html (one self-contained page) or json. "
            + "Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--threshold", defaultValue = "0.667", paramLabel = "ALPHA",
            description = "With --gold: a rater whose alpha against gold on any dimension is below this is listed. "
                    + "Default: ${DEFAULT-VALUE}.")
    double threshold;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "N",
            description = "Resamples of items for the confidence interval (0: none). Default: ${DEFAULT-VALUE}.")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the resampling; the same seed gives the same report. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--root", paramLabel = "DIR", description = "The folder imports may not leave (default: the nearest folder above each rubric that holds rubricc.lock).")
    Path root;

    /** Where standard input comes from; a field so tests can set it. */
    InputStream stdin = System.in;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (bootstrap < 0 || !(threshold >= -1 && threshold <= 1)) {
            err.println("error: --bootstrap must be 0 or more and --threshold between -1 and 1");
            return Main.USAGE;
        }
        List<Path> rubricPaths = new ArrayList<>();
        List<String> ratingFiles = new ArrayList<>();
        for (String p : paths) {
            if (!p.equals("-") && (Files.isDirectory(Path.of(p)) || p.endsWith(".rubric"))) rubricPaths.add(Path.of(p));
            else ratingFiles.add(p);
        }
        if (rubricPaths.isEmpty() || ratingFiles.isEmpty()) {
            err.println("error: give the rubric (a .rubric file or a folder of versions) and at least one ratings file");
            return Main.USAGE;
        }
        Versions versions = Versions.load(rubricPaths, root, err);
        if (versions == null) return Main.USAGE;
        if (versions.byId.size() > 1) {
            err.println("error: " + String.join(" and ", versions.byId.keySet()) + " are different rubrics; give the versions of one");
            return Main.USAGE;
        }
        List<Rubric> rubrics = versions.all();
        Ratings data = new Ratings(rubrics);
        for (String f : ratingFiles) {
            String shown = Inputs.shown(f);
            try (InputStream in = Inputs.ratings(f, stdin)) {
                data.read(in, shown);
            } catch (Inputs.InputException e) {
                err.println("error: " + e.getMessage());
                return Main.USAGE;
            } catch (IOException | RuntimeException e) {
                err.println("error: cannot read " + shown + ": " + e.getMessage());
                return Main.USAGE;
            }
        }
        if (gold != null) {
            try (InputStream in = Files.newInputStream(gold)) {
                data.readGold(in, gold.toString());
            } catch (IOException | RuntimeException e) {
                err.println("error: cannot read " + gold + ": " + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
                return Main.USAGE;
            }
        }
        Report report = Agreement.compute(data, new Report.Settings(bootstrap, seed, 0.95, threshold));
        String text = switch (format) {
            case markdown -> MarkdownReport.render(report);
            case html -> HtmlReport.render(report);
            case json -> JsonReport.render(report);
        };
        if (output != null) {
            try {
                Path target = output.toAbsolutePath().normalize();
                new OutputWriter(target.getParent()).write(target.getFileName().toString(), text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.println("error: cannot write " + output + ": " + e.getMessage());
                return Main.USAGE;
            }
        } else {
            out.print(text);
            out.flush();
        }
        boolean below = report.gold().map(g -> !g.below().isEmpty()).orElse(false);
        if (report.leftOutTotal() > 0) err.println("note: " + report.leftOutTotal() + " line" + (report.leftOutTotal() == 1 ? " was" : "s were") + " left out (see the report)");
        if (below) err.println("note: " + report.gold().get().below().size() + " rater" + (report.gold().get().below().size() == 1 ? " is" : "s are") + " below the threshold");
        return report.leftOutTotal() > 0 || below ? 1 : 0;
    }
}
