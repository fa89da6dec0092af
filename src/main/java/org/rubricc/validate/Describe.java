package org.rubricc.validate;

import com.fasterxml.jackson.databind.JsonNode;
import org.rubricc.model.Dimension;
import org.rubricc.model.Phrases;
import org.rubricc.model.Scale;
import org.rubricc.model.Value;

/**
 * The wording of violation messages for answers as parsed JSON. What names the rubric (titles, values
 * with labels, constraints) is {@link Phrases}, shared with the generated validators; this adds the JSON side.
 */
final class Describe {
    private Describe() {}

    /** Length as JSON Schema counts it: Unicode code points. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** A submitted value as compact JSON, cut to 60 characters. */
    static String json(JsonNode v) {
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** A given answer, with its label when it is a value of the scale. */
    static String answer(Dimension d, JsonNode v) {
        Scale s = d.scale();
        if (v.isNumber() && s instanceof Scale.Ordinal) return Phrases.value(d, new Value.Number(v.decimalValue()));
        if (v.isTextual() && s instanceof Scale.Categorical) return Phrases.value(d, new Value.Choice(v.textValue()));
        if (v.isBoolean() && s instanceof Scale.Bool) return Phrases.value(d, new Value.Bool(v.booleanValue()));
        return json(v);
    }
}
