package org.rubricc.schema;

import java.util.List;
import org.rubricc.backend.GeneratedFile;
import org.rubricc.backend.Json;
import org.rubricc.backend.Target;
import org.rubricc.model.Rubric;

/**
 * `rubricc compile --target schema`: the rating form as JSON Schema 2020-12, the react-jsonschema-form
 * uiSchema that draws it, and the catalog of rubricc's messages for its keywords.
 */
public final class SchemaTarget implements Target {
    public static final String FILE = "rating-form.schema.json";
    public static final String UI_FILE = "rating-form.ui.json";
    public static final String MESSAGES_FILE = "rating-form.messages.json";

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public List<GeneratedFile> generate(Rubric rubric, Options options) {
        SchemaEncoder encoder = new SchemaEncoder(rubric);
        return List.of(GeneratedFile.text(FILE, encoder.text()),
                GeneratedFile.text(UI_FILE, Json.write(new UiSchemaEncoder(rubric).encode())),
                GeneratedFile.text(MESSAGES_FILE, Json.write(encoder.messages())));
    }
}
