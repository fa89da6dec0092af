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

    /**
     * A string literal, written as {@link #write} writes a text node, from the same escape table (JsLiteralsTest
     * holds the two to each other): a validator has several literals per dimension, and Jackson's writer costs far
     * more per call than the escaping. ASCII as the table says (0: as it is; {@code ESCAPE_STANDARD}: a backslash-u
     * escape of four hex digits; else a backslash and that character), everything else a backslash-u escape
     * ({@code ESCAPE_NON_ASCII}).
     */
    static String string(String s) {
        int[] ascii = ESCAPES.getEscapeCodesForAscii();
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int code = c < ascii.length ? ascii[c] : CharacterEscapes.ESCAPE_STANDARD;
            if (code == 0) {
                b.append(c);
            } else if (code == CharacterEscapes.ESCAPE_STANDARD) {
                b.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
            } else {
                b.append('\\').append((char) code);
            }
        }
        return b.append('"').toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** A JSON value as a JavaScript expression. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writer().with(ESCAPES).writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
