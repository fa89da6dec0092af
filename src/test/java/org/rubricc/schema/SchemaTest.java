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
    void answersCarryLabelsOrderAndSectionForFormRenderers() throws IOException {
        Rubric r = DifferentialTestSupport.bundled().stream().filter(x -> x.toString().equals("image-edit@2.0.0")).findFirst().orElseThrow();
        JsonNode schema = new SchemaEncoder(r).encode();
        assertEquals("urn:rubricc:image-edit:2.0.0:rating-form", schema.get("$id").asText());
        JsonNode adherence = schema.at("/properties/answers/properties/adherence");
        assertEquals("Instruction adherence", adherence.get("title").asText());
        assertEquals("How completely does the edited image carry out the instruction?", adherence.get("description").asText());
        assertEquals("1 \u2013 Ignored", adherence.at("/oneOf/0/title").asText());
        assertEquals(1, adherence.at("/oneOf/0/const").asInt());
        assertEquals("quality", adherence.get("x-rubric-section").asText());
        assertEquals(8, adherence.get("x-rubric-order").asInt());
        JsonNode feasibility = schema.at("/properties/answers/properties/feasibility");
        assertEquals("Partly feasible", feasibility.at("/oneOf/1/title").asText());
        assertEquals("partial", feasibility.at("/oneOf/1/const").asText());
    }
}
