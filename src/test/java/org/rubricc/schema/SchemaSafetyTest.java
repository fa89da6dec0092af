package org.rubricc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rubricc.backend.GeneratedFile;
import org.rubricc.backend.Json;
import org.rubricc.backend.Target;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.model.Dimension;
import org.rubricc.model.Rubric;
import org.rubricc.model.Scale;

/**
 * The schema emitter under hostile rubric text (quotes, backslashes, {@code *}{@code /}, a literal
 * {@code \}{@code u000a}, markup, U+2028 and U+2029, right-to-left marks, emoji): the file is JSON that
 * parses, every text comes back exactly as written, and the line and paragraph separators are escaped so
 * the schema can also be embedded in JavaScript.
 */
class SchemaSafetyTest {

    static Rubric hostile() {
        Path dir = Path.of("src/test/resources/docs");
        Compilation c = new Frontend(dir).check(dir.resolve("hostile.rubric"));
        assertEquals(List.of(), c.diagnostics());
        return c.rubric().orElseThrow();
    }

    @Test
    void hostileTextParsesBackExactly() throws Exception {
        Rubric r = hostile();
        GeneratedFile file = new SchemaTarget().generate(r, Target.Options.DEFAULT).get(0);
        String text = new String(file.content(), StandardCharsets.UTF_8);
        JsonNode schema = Json.MAPPER.readTree(text);

        assertEquals(r.title() + " " + r.version(), schema.get("title").asText());
        assertEquals(r.description(), schema.get("description").asText());
        Dimension d = r.dimensions().get(0);
        JsonNode answer = schema.at("/properties/answers/properties/" + d.id());
        assertEquals(d.title(), answer.get("title").asText());
        assertEquals(d.question(), answer.get("description").asText());
        Scale.Categorical scale = (Scale.Categorical) d.scale();
        for (int i = 0; i < scale.choices().size(); i++) {
            assertEquals(scale.choices().get(i).label(), answer.at("/oneOf/" + i + "/title").asText());
            assertEquals(scale.choices().get(i).description(), answer.at("/oneOf/" + i + "/description").asText());
        }
        assertTrue(d.guidance().contains("\\u000a") && d.guidance().contains("\u2029") && d.title().contains("\u2028"),
                "the test rubric holds what it is meant to");

        assertFalse(text.contains("\u2028") || text.contains("\u2029"), "line and paragraph separators are escaped");
        assertTrue(text.contains("\\u2028"), "the title's line separator is there, escaped");
        assertTrue(text.contains("\uD83D\uDE00") && text.contains("\u202E"), "other characters are written as they are");
    }

    @Test
    void theUiSchemaNeutralisesRawHtmlInRubricProse() throws Exception {
        Rubric r = hostile();
        List<GeneratedFile> files = new SchemaTarget().generate(r, Target.Options.DEFAULT);
        GeneratedFile file = files.stream().filter(f -> f.path().toString().equals(SchemaTarget.UI_FILE)).findFirst().orElseThrow();
        String text = new String(file.content(), StandardCharsets.UTF_8);
        JsonNode ui = Json.MAPPER.readTree(text);
        Dimension d = r.dimensions().get(0);
        String help = ui.at("/answers/" + d.id() + "/ui:help").asText();
        String description = ui.at("/answers/" + d.id() + "/ui:description").asText();
        assertTrue(help.contains("Guidance \\<iframe src=javascript:alert(3)>\\</iframe>"), help);
        assertTrue(help.contains("Means \\<script>evil()\\</script>"), help);
        assertTrue(description.contains("What about \\<b\\>bold\\</b\\> and \\| pipes?"), description);
        String form = ui.get("ui:description").asText();
        assertTrue(form.contains("Prose with \\<script>alert('x')\\</script>"), form);
        assertTrue(form.contains("`<code> stays code`"), "code spans are kept as written: " + form);
        assertFalse(text.contains("\u2028") || text.contains("\u2029"), "line and paragraph separators are escaped");
        assertTrue(help.contains("para") && !help.contains("\u2029"), "the guidance's paragraph separator is a line break");
    }
}
