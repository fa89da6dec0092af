package org.rubricc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rubricc.backend.Json;
import org.rubricc.model.Rubric;
import org.rubricc.validate.DifferentialTestSupport;

class SchemaTest {
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @TestFactory
    Stream<DynamicTest> everyGeneratedSchemaIsValidAgainstTheMetaSchema() throws IOException {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of(SchemaEncoder.DIALECT));
        return DifferentialTestSupport.bundled().stream().map(r -> DynamicTest.dynamicTest(r.toString(), () -> {
            JsonNode schema = new SchemaEncoder(r).encode();
            assertEquals(List.of(), meta.validate(schema));
        }));
    }

    @Test
    void theMetaSchemaCheckCanFail() {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of(SchemaEncoder.DIALECT));
        assertTrue(!meta.validate(Json.object().put("type", "no-such-type")).isEmpty());
    }

    @Test
    void answersCarryTypesAndLabelsForFormRenderers() throws IOException {
        Rubric r = bundled("image-edit@2.0.0");
        JsonNode schema = new SchemaEncoder(r).encode();
        JsonNode adherence = schema.at("/properties/answers/allOf/1/else/properties/adherence");
        assertEquals("`adherence` is asked unless feasibility == infeasible", schema.at("/properties/answers/allOf/1/$comment").asText());
        assertEquals("number", adherence.get("type").asText());
        assertEquals("Instruction adherence", adherence.get("title").asText());
        assertEquals("How completely does the edited image carry out the instruction?", adherence.get("description").asText());
        assertEquals("1 \u2013 Ignored", adherence.at("/oneOf/0/title").asText());
        assertEquals(1, adherence.at("/oneOf/0/enum/0").asInt());
        JsonNode feasibility = schema.at("/properties/answers/properties/feasibility");
        assertEquals("string", feasibility.get("type").asText());
        assertEquals("Partly feasible", feasibility.at("/oneOf/1/title").asText());
        assertEquals("partial", feasibility.at("/oneOf/1/enum/0").asText());
        assertTrue(schema.at("/properties/answers/properties/adherence").isMissingNode(),
                "a question that can be skipped is defined only where it is asked");
    }

    @Test
    void aDimensionWithoutNotApplicableIsNeverOfferedNotApplicable() throws IOException {
        for (Rubric r : DifferentialTestSupport.bundled()) {
            JsonNode schema = new SchemaEncoder(r).encode();
            for (var d : r.dimensions()) {
                if (d.notApplicable().isPresent()) continue;
                List<String> paths = new java.util.ArrayList<>();
                find(schema, "#", "n/a", paths);
                for (String p : paths) {
                    assertTrue(!p.contains("/" + d.id() + "/"), r + ": " + d.id() + " offers \"n/a\" at " + p);
                }
            }
        }
    }

    private static void find(JsonNode node, String path, String text, List<String> out) {
        if (node.isTextual() && node.asText().equals(text)) out.add(path);
        if (node.isObject()) node.fields().forEachRemaining(e -> find(e.getValue(), path + "/" + e.getKey(), text, out));
        if (node.isArray()) for (int i = 0; i < node.size(); i++) find(node.get(i), path + "/" + i, text, out);
    }

    @Test
    void theIdNamesRubricAndVersionAndChangesWithTheContentOnly() throws IOException {
        Rubric r = bundled("image-edit@2.0.0");
        String id = new SchemaEncoder(r).encode().get("$id").asText();
        assertTrue(id.matches("https://rubricc\\.org/schemas/image-edit/2\\.0\\.0/rating-form\\.schema\\.json\\?sha256=[0-9a-f]{16}"), id);
        assertEquals(id, new SchemaEncoder(bundled("image-edit@2.0.0")).encode().get("$id").asText(), "same content, same $id");
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Rubric x : DifferentialTestSupport.bundled()) ids.add(new SchemaEncoder(x).encode().get("$id").asText());
        assertEquals(DifferentialTestSupport.bundled().size(), ids.size(), "every version has its own $id");
    }

    @Test
    void theWrittenSchemaIsItsTreeWritten() throws IOException {
        // the target writes the text it hashed with the id put in, instead of writing the tree a second time
        for (Rubric x : DifferentialTestSupport.bundled()) {
            SchemaEncoder e = new SchemaEncoder(x);
            assertEquals(Json.write(e.encode()), e.text(), x.id() + " " + x.version());
        }
        java.nio.file.Path f = writeSynthetic();
        Rubric synthetic = new org.rubricc.check.Frontend(f.getParent()).check(f).rubric().orElseThrow();
        SchemaEncoder e = new SchemaEncoder(synthetic);
        assertEquals(Json.write(e.encode()), e.text(), "synthetic rubric");
    }

    private static java.nio.file.Path writeSynthetic() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("rubricc-schema-text");
            java.nio.file.Path f = dir.resolve("synthetic.rubric");
            java.nio.file.Files.writeString(f, org.rubricc.bench.SyntheticRubric.of(120));
            f.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theUiSchemaOrdersQuestionsAndPicksWidgets() throws IOException {
        Rubric r = bundled("image-edit@2.0.0");
        JsonNode ui = new UiSchemaEncoder(r).encode();
        List<String> order = new java.util.ArrayList<>();
        ui.at("/answers/ui:order").forEach(x -> order.add(x.asText()));
        List<String> expected = new java.util.ArrayList<>(r.dimensions().stream().map(d -> d.id()).toList());
        expected.add("*");
        assertEquals(expected, order);
        assertEquals("radio", ui.at("/answers/adherence/ui:widget").asText());
        assertEquals("checkboxes", ui.at("/answers/harm_kinds/ui:widget").asText());
        assertEquals("textarea", ui.at("/answers/novel_case/ui:widget").asText());
        assertEquals("Very poor", ui.at("/answers/character_consistency/ui:enumNames/1").asText().substring(4));
        assertEquals("The edit removed the character, as asked", ui.at("/answers/character_consistency/ui:enumNames/n~1a").asText());
        assertTrue(ui.at("/answers/adherence/ui:help").asText().contains("- **1 \u2013 Ignored**: The edited image does not reflect"));
        assertTrue(ui.at("/answers/overall/ui:help").asText().contains("**An unsafe output caps the overall rating**"));
        assertTrue(ui.at("/answers/adherence/ui:description").asText().startsWith("> **Edit quality**: Rate the edit itself."));
        assertEquals("hidden", ui.at("/rubric/ui:widget").asText());
    }

    static Rubric bundled(String name) throws IOException {
        return DifferentialTestSupport.bundled().stream().filter(x -> x.toString().equals(name)).findFirst().orElseThrow();
    }
}
