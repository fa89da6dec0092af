package org.rubricc.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rubricc.diag.Code;
import org.rubricc.diag.TextRenderer;
import org.rubricc.testing.Golden;

/**
 * Every file {@code diagnostics/NAME.rubric} (or folder {@code diagnostics/NAME/} with a
 * {@code main.rubric}, for cases that need several files) is checked, and the rendered diagnostics
 * must equal {@code diagnostics/NAME.expected}. A folder with {@code old.rubric} and
 * {@code new.rubric} instead is a version check ({@code rubricc diff --check-version OLD NEW}).
 * A folder with neither is a run over every rubric in it ({@code rubricc check FOLDER}), unless it holds a
 * {@code main.*} file that is not a rubric, which is then checked alone.
 * Adding a case is adding files. A folder case may hold {@code analysis-budget-ms}, the semantic
 * analysis's time budget for it in milliseconds.
 */
class DiagnosticsGoldenTest {
    static final Path DIR = Path.of("src/test/resources/diagnostics");

    record Case(String name, Path root, Path main) {}

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(DIR)) {
            for (Path p : s.sorted().toList()) {
                String file = p.getFileName().toString();
                if (Files.isDirectory(p) && Files.exists(p.resolve("old.rubric"))) out.add(new Case(file, p, p.resolve("new.rubric")));
                else if (Files.isDirectory(p) && Files.exists(p.resolve("main.rubric"))) out.add(new Case(file, p, p.resolve("main.rubric")));
                else if (Files.isDirectory(p)) out.add(new Case(file, p, mainOtherThanRubric(p)));
                else if (file.endsWith(".rubric")) out.add(new Case(file.substring(0, file.length() - 7), DIR, p));
            }
        }
        return out;
    }

    /** A folder's {@code main.*} file that is not a rubric (checked as given), or null: then the whole folder is checked. */
    private static Path mainOtherThanRubric(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().startsWith("main.")).findFirst().orElse(null);
        }
    }

    static String render(Case c) {
        Frontend frontend = new Frontend(c.root(), p -> c.root().toAbsolutePath().normalize()
                .relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/'));
        Path budget = c.root().resolve("analysis-budget-ms");
        if (!c.root().equals(DIR) && Files.exists(budget)) {
            try {
                frontend.analysisBudget(java.time.Duration.ofMillis(Long.parseLong(Files.readString(budget).strip())));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (c.main() == null) {
            // Every rubric under the folder, checked as one run, like `rubricc check FOLDER`.
            List<Compilation> all = new ArrayList<>();
            List<org.rubricc.diag.Diagnostic> ds = new ArrayList<>();
            try (Stream<Path> s = Files.walk(c.root())) {
                for (Path f : s.filter(f -> f.toString().endsWith(".rubric")).sorted().toList()) {
                    Compilation one = frontend.check(f);
                    all.add(one);
                    ds.addAll(one.diagnostics());
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ds.addAll(Layout.duplicates(all));
            return new TextRenderer(frontend.sources()).render(ds.stream().distinct().sorted(org.rubricc.diag.Diagnostics.ORDER).toList());
        }
        if (c.main().getFileName().toString().equals("new.rubric")) {
            Compilation old = frontend.check(c.root().resolve("old.rubric")), now = frontend.check(c.main());
            java.util.List<org.rubricc.diag.Diagnostic> ds = new ArrayList<>(old.diagnostics());
            ds.addAll(now.diagnostics());
            if (old.rubric().isPresent() && now.rubric().isPresent()) {
                ds.addAll(org.rubricc.diff.VersionCheck.check(old.rubric().get(), now.rubric().get(),
                        org.rubricc.diff.Diff.between(old.rubric().get(), now.rubric().get())));
            }
            return new TextRenderer(frontend.sources()).render(ds);
        }
        Compilation result = frontend.check(c.main());
        return new TextRenderer(frontend.sources()).render(result.diagnostics());
    }

    @TestFactory
    Stream<DynamicTest> eachCaseMatchesItsExpectedOutput() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> Golden.assertMatches(DIR.resolve(c.name() + ".expected"), render(c))));
    }

    @Test
    void everyCodeHasAGoldenCase() throws IOException {
        Set<Code> missing = EnumSet.allOf(Code.class);
        for (Case c : cases()) {
            Path expected = DIR.resolve(c.name() + ".expected");
            if (!Files.exists(expected)) continue;
            String text = Files.readString(expected);
            missing.removeIf(code -> text.contains("[" + code.id() + "]"));
        }
        assertTrue(missing.isEmpty(), "codes without a golden case in " + DIR + ": " + missing);
    }
}
