package org.rubricc.codegen.js;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** String literals are written exactly as Jackson writes a text node with the validator's escapes. */
class JsLiteralsTest {
    private static String jackson(String s) {
        return JsLiterals.write(JsonNodeFactory.instance.textNode(s));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> special = Arbitraries.of('"', '\\', '\b', '\t', '\f', '\n', '\r', '\u0000', '\u001f', ' ', '~',
                '\u007f', '\u0080', '<', '>', '&', '/', '\'', '`', '$', 'é', '\u2028', '\u2029', '\ud83d', '\ude00', '\ufeff', '\uffff');
        Arbitrary<Character> any = Arbitraries.chars();
        return Arbitraries.oneOf(special, any, Arbitraries.chars().ascii()).list().ofMaxSize(40)
                .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
    }

    @Property(tries = 3000)
    void aStringIsWrittenAsJacksonWritesIt(@ForAll("texts") String s) {
        assertEquals(jackson(s), JsLiterals.string(s));
    }

    @Test
    void everyCharacterIsWrittenAsJacksonWritesIt() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String s = "a" + c + "b";
            assertEquals(jackson(s), JsLiterals.string(s), () -> "U+" + Integer.toHexString(s.charAt(1)));
        }
    }
}
