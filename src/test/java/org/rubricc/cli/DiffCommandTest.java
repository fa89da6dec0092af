package org.rubricc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    static final String EDIT = "rubrics/image-edit/";

    static final String BASE = "rubric r\nversion %s\ntitle \"R\"\nsection s \"S\" {\n"
            + "  dimension a \"A\" { question \"A?\" scale boolean {} }\n%s}\n";

    static Path write(Path dir, String name, String version, String extra) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, BASE.formatted(version, extra));
        return f;
    }

    @Test
    void theDefaultIsTheCalibrationNoticeAndExitsZeroWhateverChanged() {
        CheckCommandTest.Run r = CheckCommandTest.run("diff", EDIT + "1.1.0.rubric", EDIT + "2.0.0.rubric");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("# Calibration notice: Image edit evaluation 2.0.0\n"), r.out());
        assertEquals(r.out(), CheckCommandTest.run("diff", "--format", "text", EDIT + "1.1.0.rubric", EDIT + "2.0.0.rubric").out());
    }

    @Test
    void jsonHasTheDocumentedFields() throws IOException {
        CheckCommandTest.Run r = CheckCommandTest.run("diff", "--format", "json", EDIT + "1.1.0.rubric", EDIT + "2.0.0.rubric");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        List<String> top = new ArrayList<>();
        doc.fieldNames().forEachRemaining(top::add);
        assertEquals(List.of("rubric", "oldVersion", "newVersion", "requiredBump", "smallestAllowedVersion", "changes"), top);
        assertEquals("major", doc.get("requiredBump").asText());
        JsonNode first = doc.get("changes").get(0);
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("rule", "class", "path", "oldLine", "newLine", "old", "new", "message"), fields);
        boolean renumbered = false;
        for (JsonNode c : doc.get("changes")) {
            if (c.get("rule").asText().equals("SCALE_POINT_RENUMBERED") && c.get("path").asText().equals("dimension:adherence/point:2")) {
                renumbered = true;
                assertEquals("3", c.get("old").asText());
                assertEquals("2", c.get("new").asText());
                assertEquals(36, c.get("newLine").asInt());
            }
        }
        assertTrue(renumbered, r.out());
    }

    @Test
    void checkVersionPassesForTheBundledVersions() {
        CheckCommandTest.Run r = CheckCommandTest.run("diff", "--check-version", EDIT + "1.0.0.rubric", EDIT + "1.1.0.rubric");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals("ok: image-edit 1.0.0 -> 1.1.0: 5 changes, minor release needed\n", r.err());
    }

    @Test
    void checkVersionFailsWithADiagnosticNamingTheChange(@TempDir Path tmp) throws IOException {
        Path old = write(tmp, "old.rubric", "1.1.0", "  dimension structure \"S\" { question \"S?\" scale boolean {} }\n");
        Path now = write(tmp, "new.rubric", "1.2.0", "");
        CheckCommandTest.Run r = CheckCommandTest.run("diff", "--check-version", old.toString(), now.toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("error[R1001]: version 1.2.0 is a minor release, but the changes from 1.1.0 need a major release\n"), r.err());
        assertTrue(r.err().contains("2 | version 1.2.0\n  |         ^^^^^ expected 2.0.0 or later\n"), r.err());
        assertTrue(r.err().contains("= help: `DIMENSION_REMOVED` at dimension:structure requires a major version (2.0.0)\n"), r.err());
        CheckCommandTest.Run json = CheckCommandTest.run("diff", "--check-version", "--format", "json", old.toString(), now.toString());
        assertEquals(1, json.status());
        assertEquals("R1001", new ObjectMapper().readTree(json.out()).get(0).get("code").asText());
    }

    @Test
    void checkVersionAllowsNoBumpForNoChangeAndAnyLargerBump(@TempDir Path tmp) throws IOException {
        Path old = write(tmp, "old.rubric", "1.0.0", "");
        Path same = write(tmp, "same.rubric", "1.0.0", "");
        Path major = write(tmp, "major.rubric", "2.0.0", "");
        assertEquals(0, CheckCommandTest.run("diff", "--check-version", old.toString(), same.toString()).status());
        assertEquals(0, CheckCommandTest.run("diff", "--check-version", old.toString(), major.toString()).status());
        Path changed = write(tmp, "changed.rubric", "1.0.0", "  dimension b \"B\" { question \"B?\" scale boolean {} optional }\n");
        CheckCommandTest.Run r = CheckCommandTest.run("diff", "--check-version", old.toString(), changed.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("version 1.0.0 is unchanged, but the changes from 1.0.0 need a minor release"), r.err());
    }

    @Test
    void checkVersionRejectsAnOlderVersionAndAnotherRubric(@TempDir Path tmp) throws IOException {
        Path old = write(tmp, "old.rubric", "2.0.0", "");
        Path older = write(tmp, "older.rubric", "1.0.0", "");
        CheckCommandTest.Run r = CheckCommandTest.run("diff", "--check-version", old.toString(), older.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("error[R1003]"), r.err());
        assertEquals(0, CheckCommandTest.run("diff", old.toString(), older.toString()).status(), "without the check, any order");
        Path other = tmp.resolve("other.rubric");
        Files.writeString(other, BASE.formatted("3.0.0", "").replace("rubric r\n", "rubric other\n"));
        CheckCommandTest.Run o = CheckCommandTest.run("diff", "--check-version", old.toString(), other.toString());
        assertEquals(1, o.status());
        assertTrue(o.err().contains("error[R1002]: `other` is not a version of rubric `r`"), o.err());
        assertEquals(2, CheckCommandTest.run("diff", old.toString(), other.toString()).status(), "two rubrics cannot be compared");
    }

    @Test
    void usageErrorsAndRubricsWithErrorsExitTwo(@TempDir Path tmp) throws IOException {
        Path ok = write(tmp, "ok.rubric", "1.0.0", "");
        assertEquals(2, CheckCommandTest.run("diff", ok.toString()).status(), "NEW is required");
        assertEquals(2, CheckCommandTest.run("diff", ok.toString(), tmp.resolve("missing.rubric").toString()).status());
        assertEquals(2, CheckCommandTest.run("diff", "--format", "pdf", ok.toString(), ok.toString()).status());
        CheckCommandTest.Run broken = CheckCommandTest.run("diff", ok.toString(), CheckCommandTest.BROKEN.toString());
        assertEquals(2, broken.status());
        assertTrue(broken.err().contains("error[R0302]"), broken.err());
        assertEquals("", broken.out());
        assertEquals(2, CheckCommandTest.run("diff", "--check-version", ok.toString(), CheckCommandTest.BROKEN.toString()).status());
    }
}
