package org.rubricc.codegen.js;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Rubric text as JavaScript literals: JSON written by Jackson in pure ASCII, with {@code <}, {@code >} and
 * {@code &} escaped too, so no rubric string can end its literal, a template, a comment or an HTML
 * {@code <script>} the module is inlined in ({@code </script>}, {@code <!--}, U+2028 and U+2029 all become
 * {@code \\uXXXX} escapes).
 */
final class JsLiterals {
    private JsLiterals() {}

    private static final CharacterEscapes ESCAPES = new CharacterEscapes() {
        private final int[] ascii = standardAsciiEscapesForJSON();

        {
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    };

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** A string literal. */
    static String string(String s) {
        return write(MAPPER.getNodeFactory().textNode(s));
    }

    /** A JSON value as a JavaScript expression. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writer().with(ESCAPES).writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
