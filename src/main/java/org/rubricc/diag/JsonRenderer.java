package org.rubricc.diag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Renders diagnostics as a JSON array for editors and CI: each element has {@code code},
 * {@code severity}, {@code file}, {@code line}, {@code column}, {@code endLine}, {@code endColumn}
 * (1-based, end inclusive), {@code message} and {@code hint} (null when absent); when other places take part
 * (the rules that clash in a dead end, ...), {@code related} lists them with the same position fields and a
 * {@code label}.
 */
public final class JsonRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonRenderer() {}

    public static ArrayNode toJson(List<Diagnostic> diagnostics) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Diagnostic d : diagnostics) {
            ObjectNode o = array.addObject();
            o.put("code", d.code().id());
            o.put("severity", d.severity().label());
            o.put("file", d.span().file());
            o.put("line", d.span().line());
            o.put("column", d.span().column());
            o.put("endLine", d.span().endLine());
            o.put("endColumn", d.span().endColumn());
            o.put("message", d.message());
            if (d.hint().isPresent()) o.put("hint", d.hint().get());
            else o.putNull("hint");
            if (!d.related().isEmpty()) {
                ArrayNode related = o.putArray("related");
                for (Diagnostic.Related r : d.related()) {
                    ObjectNode x = related.addObject();
                    x.put("file", r.span().file());
                    x.put("line", r.span().line());
                    x.put("column", r.span().column());
                    x.put("endLine", r.span().endLine());
                    x.put("endColumn", r.span().endColumn());
                    x.put("label", r.label());
                }
            }
        }
        return array;
    }

    public static String render(List<Diagnostic> diagnostics) {
        try {
            return MAPPER.writeValueAsString(toJson(diagnostics)).replace("\r\n", "\n") + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("diagnostics could not be written as JSON", e);
        }
    }
}
