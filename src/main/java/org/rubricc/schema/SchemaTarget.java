package org.rubricc.schema;

import java.util.List;
import org.rubricc.backend.GeneratedFile;
import org.rubricc.backend.Json;
import org.rubricc.backend.Target;
import org.rubricc.model.Rubric;

/** `rubricc compile --target schema`: the rating form as JSON Schema 2020-12. */
public final class SchemaTarget implements Target {
    public static final String FILE = "rating-form.schema.json";

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public List<GeneratedFile> generate(Rubric rubric, Options options) {
        return List.of(GeneratedFile.text(FILE, Json.write(new SchemaEncoder(rubric).encode())));
    }
}
