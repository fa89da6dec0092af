package org.rubricc.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rubricc.diag.Diagnostic;

/** Imports cannot read outside the root folder, however the path is spelled. */
class ImportContainmentTest {
    static final String LIB = "library lib\nscale flag: boolean {}\n";

    static String rubric(String importPath) {
        return "rubric r\nversion 1.0.0\ntitle \"R\"\nimport \"" + importPath + "\" as lib\n"
                + "section s \"S\" { dimension d \"D\" { question \"Q?\" scale lib.flag } }\n";
    }

    static List<String> codes(Compilation c) {
        return c.diagnostics().stream().map(d -> d.code().id()).toList();
    }

    @Test
    void aSymbolicLinkInsideTheRootThatLeadsOutIsRefused(@TempDir Path tmp) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("lib.rubric"), LIB);
        Files.createSymbolicLink(root.resolve("link.rubric"), outside.resolve("lib.rubric"));
        Files.createSymbolicLink(root.resolve("dir"), outside);
        Files.writeString(root.resolve("a.rubric"), rubric("link.rubric"));
        Files.writeString(root.resolve("b.rubric"), rubric("dir/lib.rubric"));
        Frontend f = new Frontend(root);
        for (String name : List.of("a.rubric", "b.rubric")) {
            Compilation c = f.check(root.resolve(name));
            assertEquals(List.of("R0702"), codes(c), name + ": " + c.diagnostics());
            assertTrue(c.diagnostics().get(0).message().contains("symbolic link"));
        }
    }

    @Test
    void aSymbolicLinkThatStaysInsideTheRootIsFollowed(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(tmp.resolve("shared/lib.rubric"), LIB);
        Files.createSymbolicLink(tmp.resolve("alias.rubric"), tmp.resolve("shared/lib.rubric"));
        Files.writeString(tmp.resolve("a.rubric"), rubric("alias.rubric"));
        Compilation c = new Frontend(tmp).check(tmp.resolve("a.rubric"));
        assertEquals(List.of(), c.diagnostics());
    }

    @Test
    void dotDotThatComesBackInsideIsFineButLeavingIsNot(@TempDir Path tmp) throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(root.resolve("a"));
        Files.writeString(root.resolve("lib.rubric"), LIB);
        Files.writeString(tmp.resolve("lib.rubric"), LIB);
        Files.writeString(root.resolve("a/ok.rubric"), rubric("../a/../lib.rubric"));
        Files.writeString(root.resolve("a/out.rubric"), rubric("../../lib.rubric"));
        Files.writeString(root.resolve("a/abs.rubric"), rubric(tmp.resolve("lib.rubric").toAbsolutePath().toString()));
        Frontend f = new Frontend(root);
        assertEquals(List.of(), codes(f.check(root.resolve("a/ok.rubric"))));
        assertEquals(List.of("R0702"), codes(f.check(root.resolve("a/out.rubric"))));
        assertEquals(List.of("R0702"), codes(f.check(root.resolve("a/abs.rubric"))));
    }

    @Test
    void aProblemInALibraryIsReportedWhereItIs(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("lib.rubric"), "library lib\nscale flag: boolean { maybe \"Maybe\" }\nscale ok: boolean {}\n");
        Files.writeString(tmp.resolve("a.rubric"), rubric("lib.rubric").replace("lib.flag", "lib.ok"));
        Frontend f = new Frontend(tmp);
        Compilation c = f.check(tmp.resolve("a.rubric"));
        List<Diagnostic> ds = c.diagnostics();
        assertEquals(List.of("R0404"), codes(c), ds.toString());
        assertEquals("lib.rubric", ds.get(0).span().file().replaceAll(".*/", ""));
    }
}
