package org.rubricc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Released versions cannot change behind the raters' backs (rubricc.lock), and imports resolve the same way from
 * any working directory: the project root is found from the rubric, not from where the user stands.
 */
class LockCommandTest {
    @TempDir
    Path tmp;

    /** A copy of the bundled rubrics, with their lock, that a test may edit. */
    private Path project() throws IOException {
        Path dst = tmp.resolve("rubrics");
        try (Stream<Path> files = Files.walk(Path.of("rubrics"))) {
            for (Path p : files.toList()) {
                Path to = dst.resolve(Path.of("rubrics").relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        return dst;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String s = Files.readString(file);
        assertTrue(s.contains(from), file + " holds " + from);
        Files.writeString(file, s.replace(from, to));
    }

    @Test
    void theBundledLockIsCompleteAndCurrent() {
        CheckCommandTest.Run r = CheckCommandTest.run("lock", "rubrics");
        assertEquals(0, r.status(), r.err());
        assertFalse(r.out().contains("released "), "every bundled version is already in rubrics/rubricc.lock:\n" + r.out());
        assertFalse(r.out().contains("moved "), r.out());
    }

    @Test
    void rewordingASharedScaleFailsEveryReleasedVersionThatUsesItAndNamesTheLibrary() throws IOException {
        Path p = project();
        replace(p.resolve("shared/image-scales.rubric"), "\"Acceptable\"", "\"Passable\"");
        CheckCommandTest.Run r = CheckCommandTest.run("check", p.toString());
        assertEquals(1, r.status(), r.err());
        for (String v : List.of("image-edit 1.0.0", "image-edit 1.1.0", "image-edit 2.0.0", "image-quality 1.0.0", "image-quality 1.1.0")) {
            assertTrue(r.err().contains("error[R1301]: " + v + " is released, and what it means has changed since"), r.err());
        }
        assertTrue(r.err().contains("the library shared/image-scales.rubric (scale `common.quality5`)"), r.err());
        assertTrue(r.err().contains("this library changed"), "the import is pointed at:\n" + r.err());

        // compile, validate and diff --check-version refuse it too: nothing downstream reads a changed release.
        Path out = tmp.resolve("out");
        assertEquals(1, CheckCommandTest.run("compile", p.toString(), "-o", out.toString()).status());
        assertFalse(Files.exists(out.resolve("image-edit")), "nothing was written");
        CheckCommandTest.Run diff = CheckCommandTest.run("diff", "--check-version",
                p.resolve("image-edit/1.0.0.rubric").toString(), p.resolve("image-edit/1.1.0.rubric").toString());
        assertEquals(2, diff.status(), "nothing compared: " + diff.out() + diff.err());
        assertTrue(diff.err().contains("R1301"), diff.err());
    }

    @Test
    void aLibraryMayGrowAndFilesMayBeReformattedWithoutChangingAnyRelease() throws IOException {
        Path p = project();
        Files.writeString(p.resolve("shared/image-scales.rubric"),
                Files.readString(p.resolve("shared/image-scales.rubric")) + "\n// a new scale no released version uses\n"
                        + "scale confidence: ordinal { 1 \"Unsure\" \"A guess.\" 2 \"Sure\" \"Certain.\" }\n");
        Path v1 = p.resolve("image-edit/1.0.0.rubric");
        Files.writeString(v1, "// reformatted: comments and blank lines do not change what a version means\n\n"
                + Files.readString(v1).replace("\n  dimension", "\n\n  // a comment\n  dimension").replace("\nsection", "\n\n\nsection"));
        CheckCommandTest.Run r = CheckCommandTest.run("check", p.toString());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void lockUpdateAcceptsANamedChangeAndNothingElse() throws IOException {
        Path p = project();
        Path v2 = p.resolve("image-edit/2.0.0.rubric");
        replace(v2, "title \"", "title \"Edited: ");
        String lockBefore = Files.readString(p.resolve("rubricc.lock"));

        CheckCommandTest.Run refused = CheckCommandTest.run("lock", p.toString());
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("this file changed since the release"), refused.err());
        assertTrue(refused.err().contains("nothing was locked"), refused.err());
        assertEquals(lockBefore, Files.readString(p.resolve("rubricc.lock")));

        CheckCommandTest.Run wrongName = CheckCommandTest.run("lock", "--update", "image-edit@1.0.0", p.toString());
        assertEquals(1, wrongName.status(), "2.0.0 changed and is not accepted:\n" + wrongName.err());

        CheckCommandTest.Run ok = CheckCommandTest.run("lock", "--update", "image-edit@2.0.0", p.toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().contains("  updated   image-edit 2.0.0"), ok.out());
        assertTrue(ok.out().contains("  unchanged image-edit 1.0.0"), ok.out());
        assertEquals(0, CheckCommandTest.run("check", p.toString()).status());
    }

    @Test
    void aNewVersionIsADraftUntilLockedThenItCannotChange() throws IOException {
        Path p = project();
        Path v3 = p.resolve("image-edit/2.1.0.rubric");
        Files.writeString(v3, Files.readString(p.resolve("image-edit/2.0.0.rubric")).replace("version 2.0.0", "version 2.1.0"));
        Path rc = p.resolve("image-edit/3.0.0-rc.1.rubric");
        Files.writeString(rc, Files.readString(p.resolve("image-edit/2.0.0.rubric")).replace("version 2.0.0", "version 3.0.0-rc.1"));
        replace(v3, "title \"", "title \"Draft: ");
        assertEquals(0, CheckCommandTest.run("check", p.toString()).status(), "an unreleased version may change");

        CheckCommandTest.Run r = CheckCommandTest.run("lock", p.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("  released  image-edit 2.1.0"), r.out());
        assertTrue(r.out().contains("  draft     image-edit 3.0.0-rc.1 (a pre-release is not locked)"), r.out());
        String lock = Files.readString(p.resolve("rubricc.lock"));
        assertTrue(lock.contains("\"2.1.0\"") && !lock.contains("3.0.0-rc.1"), lock);

        replace(v3, "title \"Draft: ", "title \"");
        assertEquals(1, CheckCommandTest.run("check", v3.toString()).status(), "2.1.0 is released now");
        replace(rc, "title \"", "title \"Still a draft: ");
        assertEquals(0, CheckCommandTest.run("check", rc.toString()).status());
    }

    @Test
    void theLockIsByteIdenticalWhenWrittenAgain() throws IOException {
        Path p = project();
        Files.delete(p.resolve("rubricc.lock"));
        assertEquals(0, CheckCommandTest.run("lock", p.toString()).status());
        assertEquals(Files.readString(Path.of("rubrics/rubricc.lock")), Files.readString(p.resolve("rubricc.lock")),
                "the lock of the same rubrics is the same bytes wherever it is written");
    }

    @Test
    void aDamagedLockIsADiagnosticNotACrash() throws IOException {
        Path p = project();
        Files.writeString(p.resolve("rubricc.lock"), "{\"lockfile\": 9, \"rubrics\": {}}\n");
        CheckCommandTest.Run r = CheckCommandTest.run("check", p.resolve("image-edit/1.0.0.rubric").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("error[R1302]") && r.err().contains("lock format 9"), r.err());
        CheckCommandTest.Run lock = CheckCommandTest.run("lock", p.toString());
        assertEquals(1, lock.status(), "lock refuses to overwrite what it cannot read");
        assertTrue(lock.err().contains("error[R1302]") && lock.err().contains("nothing was locked"), lock.err());
        assertEquals("{\"lockfile\": 9, \"rubrics\": {}}\n", Files.readString(p.resolve("rubricc.lock")));
    }

    /** rubricc run as a process in another folder, as a user in a shell would. */
    private static CheckCommandTest.Run inFolder(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.rubricc.cli.Main"));
        cmd.addAll(List.of(args));
        Process proc = new ProcessBuilder(cmd).directory(dir.toFile()).start();
        proc.getOutputStream().close();
        byte[] out = proc.getInputStream().readAllBytes(), err = proc.getErrorStream().readAllBytes();
        return new CheckCommandTest.Run(proc.waitFor(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandResolvesImportsTheSameFromAnyWorkingDirectory() throws Exception {
        Path p = project();
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path v2 = p.resolve("image-edit/2.0.0.rubric");
        CheckCommandTest.Run inside = inFolder(p.resolve("image-edit"), "check", "2.0.0.rubric");
        assertEquals(0, inside.status(), inside.err());
        assertEquals("1 file checked, 0 errors, 0 warnings\n", inside.err());
        CheckCommandTest.Run outside = inFolder(elsewhere, "check", v2.toString());
        assertEquals(0, outside.status(), outside.err());
        Path ratings = tmp.resolve("ratings.jsonl");
        Files.copy(Path.of("rubrics/image-edit/examples/ratings.jsonl"), ratings);
        CheckCommandTest.Run validate = inFolder(elsewhere, "validate", v2.toString(), ratings.toString());
        assertTrue(validate.status() <= 1 && !validate.err().contains("R0702"), validate.err());
        CheckCommandTest.Run diff = inFolder(elsewhere, "diff", "--check-version",
                p.resolve("image-edit/1.1.0.rubric").toString(), v2.toString());
        assertEquals(0, diff.status(), diff.err());
    }

    @Test
    void withoutALockTheRootIsTheFolderGivenAndTheMessageNamesIt() throws Exception {
        Path p = project();
        Files.delete(p.resolve("rubricc.lock"));
        CheckCommandTest.Run whole = CheckCommandTest.run("check", p.toString());
        assertEquals(0, whole.status(), "the folder given holds the library: " + whole.err());
        CheckCommandTest.Run alone = inFolder(p.resolve("image-edit"), "check", "2.0.0.rubric");
        assertEquals(1, alone.status());
        assertTrue(alone.err().contains("import leads outside the project root . (the folder image-edit)"), alone.err());
        assertTrue(alone.err().contains("the root is the file's own folder; no rubricc.lock was found above it"), alone.err());
        assertTrue(alone.err().contains("`rubricc lock FOLDER` writes one"), alone.err());
        CheckCommandTest.Run withRoot = inFolder(p.resolve("image-edit"), "check", "--root", "..", "2.0.0.rubric");
        assertEquals(0, withRoot.status(), withRoot.err());
    }
}
