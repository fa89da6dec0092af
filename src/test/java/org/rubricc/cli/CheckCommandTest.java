package org.rubricc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    static final Path BROKEN = Path.of("src/test/resources/cli/broken.rubric");

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aBrokenFileGetsAllItsErrorsInOneRunEachAtItsLineAndColumn() throws IOException {
        Run r = run("check", "--format", "json", BROKEN.toString());
        assertEquals(1, r.status());
        List<String> found = new ArrayList<>();
        for (JsonNode d : new ObjectMapper().readTree(r.out())) {
            found.add(d.get("code").asText() + "@" + d.get("line").asInt() + ":" + d.get("column").asInt());
        }
        assertEquals(List.of(
                "R0201@2:9",   // version 2.0 is not semver
                "R0302@14:11", // unknown scale likret5
                "R0502@19:15", // b's skip looks at c, asked later
                "R0305@24:20", // 9 is not a point
                "R0303@29:8"   // unknown dimension d in a rule
        ), found);
    }

    @Test
    void jsonDiagnosticsHaveExactlyTheDocumentedFields() throws IOException {
        Run r = run("check", "--format", "json", BROKEN.toString());
        JsonNode first = new ObjectMapper().readTree(r.out()).get(0);
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("code", "severity", "file", "line", "column", "endLine", "endColumn", "message", "hint"), fields);
        assertEquals("error", first.get("severity").asText());
        assertEquals("src/test/resources/cli/broken.rubric", first.get("file").asText());
        assertEquals(11, first.get("endColumn").asInt(), "`2.0` spans columns 9 to 11, end inclusive");
        JsonNode noHint = new ObjectMapper().readTree(r.out()).get(4);
        assertTrue(noHint.get("hint").isNull(), "hint is null when there is none");
    }

    @Test
    void textDiagnosticsGoToStderrWithCaretsAndASummary() {
        Run r = run("check", BROKEN.toString());
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().contains("error[R0302]: unknown scale `likret5`\n"
                + "  --> src/test/resources/cli/broken.rubric:14:11\n"
                + "   |\n"
                + "14 |     scale likret5\n"
                + "   |           ^^^^^^^ not defined in this rubric\n"
                + "   = help: did you mean `likert5`?\n"), r.err());
        assertTrue(r.err().endsWith("1 file checked, 5 errors, 0 warnings\n"), r.err());
    }

    @Test
    void cleanFilesExitZeroEvenWithWarnings(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("ok.rubric");
        Files.writeString(f, "rubric ok\nversion 1.0.0\ntitle \"OK\"\n"
                + "section s \"S\" { dimension d \"D\" { question \"Q?\" scale boolean {} } }\n"
                + "rule vague \"Vague\" { guidance \"Take care.\" }\n");
        Run r = run("check", f.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("warning[R0802]"));
    }

    @Test
    void foldersAreSearchedForRubricFiles(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("a/b"));
        Files.writeString(tmp.resolve("a/b/x.rubric"), "rubric x\nversion 1.0.0\n");
        Files.writeString(tmp.resolve("a/notes.txt"), "not a rubric");
        Run r = run("check", tmp.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("rubric `x` has no `title`"), r.err());
        assertTrue(r.err().contains("1 file checked"), r.err());
    }

    @Test
    void usageAndIoProblemsExitTwo() {
        assertEquals(2, run("check", "no/such/file.rubric").status());
        // A missing file among good ones: its error alone, no summary that says "0 errors".
        for (String command : List.of("check", "compile")) {
            Run missing = command.equals("check") ? run("check", "rubrics/image-quality/1.0.0.rubric", "no/such/file.rubric")
                    : run("compile", "rubrics/image-quality/1.0.0.rubric", "no/such/file.rubric", "-o", "target/never-written");
            assertEquals(2, missing.status(), command);
            assertEquals("error: no such file or folder: no/such/file.rubric\n", missing.err(), command);
        }
        assertEquals(2, run("check", "--format", "yaml", BROKEN.toString()).status());
        assertEquals(2, run("check").status());
        assertEquals(2, run("frobnicate").status());
    }

    @Test
    void helpAndVersion() {
        Run help = run("check", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--format"));
        Run version = run("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("rubricc "));
    }

    @Test
    void aFolderWithNoRubricsIsAnError(@org.junit.jupiter.api.io.TempDir Path tmp) throws java.io.IOException {
        java.nio.file.Files.writeString(tmp.resolve("notes.txt"), "not a rubric");
        Run check = run("check", tmp.toString());
        assertEquals(2, check.status());
        assertEquals("error: no rubric files (*.rubric) in " + tmp + "\n", check.err());
        Run compile = run("compile", tmp.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(2, compile.status());
        assertEquals("error: no rubric files (*.rubric) in " + tmp + "\n", compile.err());
    }
}
