package org.rubricc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCommandTest {
    static final String OK = "rubric r\nversion 1.0.0\ntitle \"R\"\n"
            + "section s \"S\" { dimension d \"D\" { question \"Q?\" scale boolean {} } }\n";

    @Test
    void aRubricWithErrorsWritesNothingAndExitsOne(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("good.rubric"), OK);
        Files.writeString(tmp.resolve("bad.rubric"), OK.replace("r\nversion 1.0.0", "bad\nversion 1.0"));
        Path out = tmp.resolve("out");
        CheckCommandTest.Run r = CheckCommandTest.run("compile", tmp.toString(), "-o", out.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("error[R0201]"), r.err());
        assertTrue(r.err().contains("nothing written"), r.err());
        assertFalse(Files.exists(out), "no output at all when any rubric has errors");
    }

    @Test
    void anErrorOnlyTheAnalysisFindsWritesNothingEither(@TempDir Path tmp) throws IOException {
        // The targets start while the semantic analysis runs; a dead end it finds must still stop every write,
        // including over an output folder that holds an earlier compile.
        Path out = tmp.resolve("out");
        Files.writeString(tmp.resolve("1.0.0.rubric"), OK);
        assertEquals(0, CheckCommandTest.run("compile", tmp.resolve("1.0.0.rubric").toString(), "-o", out.toString()).status());
        java.util.Map<String, String> before = tree(out);
        Files.copy(Path.of("src/test/resources/diagnostics/R1101-dead-end.rubric"), tmp.resolve("dead.rubric"));
        CheckCommandTest.Run r = CheckCommandTest.run("compile", tmp.toString(), "-o", out.toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("error[R1101]"), r.err());
        assertTrue(r.err().contains("nothing written"), r.err());
        assertEquals(before, tree(out), "the output folder is as the earlier compile left it");
    }

    /** Every file under a folder (but the lock file of a run), by relative path, with its content. */
    private static java.util.Map<String, String> tree(Path dir) throws IOException {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (var s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (!p.getFileName().toString().startsWith(".")) files.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    @Test
    void twoFilesDeclaringTheSameVersionAreAnError(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("r"));
        Files.writeString(tmp.resolve("r/1.0.0.rubric"), OK);
        Files.writeString(tmp.resolve("r/copy.rubric"), OK);
        for (String command : List.of("check", "compile")) {
            CheckCommandTest.Run r = command.equals("check") ? CheckCommandTest.run("check", tmp.toString())
                    : CheckCommandTest.run("compile", tmp.toString(), "-o", tmp.resolve("out").toString());
            assertEquals(1, r.status(), command);
            // One error, pointing at both files, and a count that says so.
            assertTrue(r.err().contains("error[R0207]: `r` 1.0.0 is declared twice\n"), r.err());
            assertTrue(r.err().contains("r/copy.rubric:2:9"), r.err());
            assertTrue(r.err().contains("r/1.0.0.rubric:2:9"), r.err());
            assertTrue(r.err().contains("2 files checked, 1 error, 0 warnings"), r.err());
            assertFalse(Files.exists(tmp.resolve("out")));
        }
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("a.rubric"), OK);
        CheckCommandTest.Run unknown = CheckCommandTest.run("compile", tmp.toString(), "-o", tmp.resolve("o").toString(),
                "--target", "pdf");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("unknown target `pdf`"), unknown.err());
        CheckCommandTest.Run pkg = CheckCommandTest.run("compile", tmp.toString(), "-o", tmp.resolve("o").toString(),
                "--java-package", "not a package");
        assertEquals(2, pkg.status());
        for (String bad : List.of("class", "a.int.b", "true.false", "_", "java.lang", "java", "a.null")) {
            CheckCommandTest.Run r = CheckCommandTest.run("compile", tmp.toString(), "-o", tmp.resolve("o").toString(),
                    "--java-package", bad);
            assertEquals(2, r.status(), bad);
            assertTrue(r.err().startsWith("error: `" + bad + "` is not a Java package name: "), r.err());
        }
        assertEquals(0, CheckCommandTest.run("compile", tmp.toString(), "-o", tmp.resolve("o").toString(),
                "--java-package", "org.example.javax.classes", "--target", "java").status(), "keywords only as whole parts");
        assertTrue(Files.exists(tmp.resolve("o")));
        assertEquals(2, CheckCommandTest.run("compile", tmp.toString()).status(), "-o is required");
        assertEquals(2, CheckCommandTest.run("compile", tmp.resolve("missing").toString(), "-o", "x").status());
    }

    @Test
    void severalVersionsGetAChangelogAndANoticePerVersionThatTheGuidelinesLinkTo(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("in"));
        Files.writeString(tmp.resolve("in/1.0.0.rubric"), OK);
        Files.writeString(tmp.resolve("in/1.1.0.rubric"), OK.replace("1.0.0", "1.1.0").replace("\"Q?\"", "\"Q, really?\""));
        Path out = tmp.resolve("out");
        CheckCommandTest.Run r = CheckCommandTest.run("compile", tmp.resolve("in").toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        String changelog = Files.readString(out.resolve("r/CHANGELOG.md"));
        assertTrue(changelog.indexOf("## 1.1.0") < changelog.indexOf("## 1.0.0"), "newest first: " + changelog);
        assertTrue(changelog.contains("`QUESTION_REWORDED` `dimension:d/question`"), changelog);
        String notice = Files.readString(out.resolve("r/1.1.0/calibration-notice.md"));
        assertTrue(notice.startsWith("# Calibration notice: R 1.1.0\n"), notice);
        assertFalse(Files.exists(out.resolve("r/1.0.0/calibration-notice.md")), "the first version has no notice");
        assertTrue(Files.readString(out.resolve("r/1.1.0/guidelines.md")).contains("[calibration notice](calibration-notice.md)"));
        assertFalse(Files.readString(out.resolve("r/1.0.0/guidelines.md")).contains("calibration-notice.md"));
        assertTrue(Files.readString(out.resolve("r/1.0.0/guidelines.md")).contains("[changelog](../CHANGELOG.md)"));
    }

    @Test
    void aSingleVersionStillGetsAChangelogSoTheLinkResolves(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("a.rubric"), OK);
        Path out = tmp.resolve("out");
        assertEquals(0, CheckCommandTest.run("compile", tmp.toString(), "-o", out.toString(), "--target", "changelog").status());
        assertTrue(Files.readString(out.resolve("r/CHANGELOG.md")).contains("## 1.0.0\n\nThe first version."));
    }
}
