package org.rubricc.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rubricc.backend.Json;

/**
 * rubricc's messages for the keywords of a schema, noted on the schema objects while they are built and
 * keyed afterwards by where each keyword ended up: the JSON Pointer fragment of the keyword, as ajv's
 * {@code schemaPath} and networknt's schema location give it ({@code #/properties/answers/required}).
 * A {@code null} message marks a keyword whose failure only echoes a failure that has its own message
 * (the {@code if} of a failed {@code then}, the branches of a failed {@code oneOf}): tools hide it.
 */
final class Messages {
    private final Map<JsonNode, Map<String, String>> notes = new IdentityHashMap<>();

    /** When {@code keyword} of {@code schema} fails, say {@code message}. */
    void note(ObjectNode schema, String keyword, String message) {
        notes.computeIfAbsent(schema, k -> new LinkedHashMap<>()).put(keyword, message);
    }

    /** The failure of {@code keyword} of {@code schema} is reported by another keyword's message. */
    void hide(ObjectNode schema, String keyword) {
        notes.computeIfAbsent(schema, k -> new LinkedHashMap<>()).put(keyword, null);
    }

    /** The catalog: schema location to message (or null), in the order of the schema, for the schema rooted at {@code root}. */
    ObjectNode catalog(JsonNode root) {
        Map<String, String> out = new LinkedHashMap<>();
        walk(root, new StringBuilder("#"), out, new HashMap<>());
        ObjectNode o = Json.object();
        out.forEach((k, v) -> {
            if (v == null) o.set(k, NullNode.getInstance());
            else o.put(k, v);
        });
        return o;
    }

    /**
     * Goes through the schema with the pointer to the current node in {@code path}, one builder for the whole walk,
     * and each key escaped once ({@code escaped}): a large rubric's schema has millions of nodes and few keys.
     */
    private void walk(JsonNode node, StringBuilder path, Map<String, String> out, Map<String, String> escaped) {
        int at = path.length();
        Map<String, String> own = notes.get(node);
        if (own != null) {
            own.forEach((keyword, message) -> {
                if (!node.has(keyword)) throw new IllegalStateException("a message for " + path + "/" + keyword
                        + ", which the schema does not have");
                out.put(path.append('/').append(escaped.computeIfAbsent(keyword, Messages::escape)).toString(), message);
                path.setLength(at);
            });
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                path.append('/').append(escaped.computeIfAbsent(e.getKey(), Messages::escape));
                walk(e.getValue(), path, out, escaped);
                path.setLength(at);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path.append('/').append(i), out, escaped);
                path.setLength(at);
            }
        }
    }

    /** A JSON Pointer reference token, percent-encoded for a URI fragment as ajv writes it. */
    private static String escape(String token) {
        String pointer = token.replace("~", "~0").replace("/", "~1");
        StringBuilder b = new StringBuilder();
        for (byte x : pointer.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-_.!~*'()".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }
}
