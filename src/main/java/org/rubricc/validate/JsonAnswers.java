package org.rubricc.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.rubricc.model.Answers;
import org.rubricc.model.Condition;
import org.rubricc.model.Value;

/**
 * A submission's {@code answers} object read as {@link Answers}: what a condition or constraint means is
 * decided there; here only how a JSON value compares. Equality follows JSON: numbers by value
 * ({@code 1 == 1.0}), strings and booleans exactly, values of another type are not equal. The JSON Schema
 * encoding in {@code org.rubricc.schema} states the same meaning; a differential test keeps them in agreement.
 */
public record JsonAnswers(JsonNode answers) implements Answers<JsonNode> {

    @Override
    public JsonNode answer(String dimension) {
        return answers.get(dimension);
    }

    @Override
    public boolean equal(JsonNode v, Value constant) {
        if (constant instanceof Value.Number n) return v.isNumber() && v.decimalValue().compareTo(n.value()) == 0;
        if (constant instanceof Value.Choice ch) return v.isTextual() && v.textValue().equals(ch.id());
        if (constant instanceof Value.Bool b) return v.isBoolean() && v.booleanValue() == b.value();
        return v.isTextual() && v.textValue().equals("n/a");
    }

    @Override
    public boolean ordered(JsonNode v, Condition.Op op, BigDecimal constant) {
        return v.isNumber() && op.test(v.decimalValue().compareTo(constant));
    }

    @Override
    public boolean contains(JsonNode v, String choice) {
        if (!v.isArray()) return false;
        for (JsonNode item : v) if (item.isTextual() && item.textValue().equals(choice)) return true;
        return false;
    }
}
