package org.rubricc.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.rubricc.model.Rubric;
import org.rubricc.validate.Utf8;

/**
 * Ill-formed UTF-8 is rejected identically by every engine: {@link Utf8} (the interpreted validator's check)
 * finds exactly where {@code java.nio}'s strict decoder (REPORT) first fails, on random byte sequences made of
 * the bytes where UTF-8 can go wrong; and put in a rating, such bytes make the line malformed-json, with the same
 * message, in the interpreted validator and in the generated validator's byte reader (well-formed ones leave the
 * verdicts as they were: the two engines still agree). The JavaScript validator is held to the same lines by
 * {@code JsValidatorDifferentialTest}; rubric source files by {@code FrontendFuzzTest}.
 */
class Utf8FuzzTest {
    /** Lead bytes at the edges of table 3-7, continuation bytes at their edges, ASCII and the never-valid bytes. */
    static final int[] BYTES = {0x00, 0x22, 0x41, 0x5C, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xAF, 0xBF, 0xC0, 0xC1, 0xC2,
        0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFB, 0xFC, 0xFE, 0xFF};

    /** The named forms of issue 17: overlong, above U+10FFFF, surrogates, truncated. */
    static final List<byte[]> NAMED = List.of(bytes(0xC0, 0xAF), bytes(0xE0, 0x80, 0xAF), bytes(0xF4, 0x90, 0x80, 0x80),
            bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF), bytes(0xF0, 0x80, 0x80, 0xAF), bytes(0xC1, 0xBF),
            bytes(0xE2, 0x82), bytes(0xF0, 0x9F, 0x98), bytes(0x80), bytes(0xF8, 0x88, 0x80, 0x80, 0x80));

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return out;
    }

    /** Where java.nio's strict decoder first fails, or -1. */
    static int strict(byte[] b) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CoderResult r = d.decode(in, CharBuffer.allocate(b.length * 2 + 2), true);
        if (r.isError()) return in.position();
        r = d.flush(CharBuffer.allocate(4));
        return r.isError() ? in.position() : -1;
    }

    /** Random bytes, mostly from BYTES, sometimes whole well-formed characters at the edges of each length. */
    static byte[] random(Random random, int max) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int n = random.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(4) == 0) {
                int[] cps = {0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF, 0x1F600};
                out.writeBytes(new String(Character.toChars(cps[random.nextInt(cps.length)])).getBytes(StandardCharsets.UTF_8));
            } else {
                out.write(BYTES[random.nextInt(BYTES.length)]);
            }
        }
        return out.toByteArray();
    }

    @Test
    void theNamedFormsAreIllFormed() {
        for (byte[] b : NAMED) {
            assertEquals(0, strict(b), java.util.HexFormat.of().formatHex(b));
            assertEquals(0, Utf8.firstIllFormed(b, 0, b.length), java.util.HexFormat.of().formatHex(b));
        }
    }

    @Property(tries = 3000)
    void theCheckFindsWhatTheStrictDecoderFinds(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int seed) {
        Random random = new Random(seed);
        byte[] b = random(random, 24);
        byte[] padded = new byte[b.length + 6];
        System.arraycopy(b, 0, padded, 3, b.length);
        assertEquals(strict(b), Utf8.firstIllFormed(padded, 3, b.length), java.util.HexFormat.of().formatHex(b));
    }

    static final List<Rubric> RUBRICS = ByteReaderFuzzTest.RUBRICS;

    /** A rating of the rubric with the bytes in a string: as a justification, a key, an unknown field's value. */
    static byte[] rating(Rubric r, byte[] inside, int where) {
        String[] forms = {"{\"rubric\":\"" + r.id() + "\",\"version\":\"" + r.version() + "\",\"item\":\"i1\",\"rater\":\"r\",\"answers\":{},\"justifications\":{\"x\":\"@\"}}",
            "{\"rubric\":\"" + r.id() + "\",\"version\":\"" + r.version() + "\",\"@\":1}",
            "{\"rubric\":\"@\"}", "\"@\"", "{\"a\":[\"@\",1e5,\"\\u00e9\"]}", "@"};
        String form = forms[where % forms.length];
        byte[] head = form.substring(0, form.indexOf('@')).getBytes(StandardCharsets.UTF_8);
        byte[] tail = form.substring(form.indexOf('@') + 1).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + inside.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(inside, 0, out, head.length, inside.length);
        System.arraycopy(tail, 0, out, head.length + inside.length, tail.length);
        return out;
    }

    @Property(tries = 400)
    void bothEnginesRejectIllFormedUtf8Alike(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int seed) {
        Random random = new Random(seed);
        Rubric r = RUBRICS.get(random.nextInt(RUBRICS.size()));
        Engines engines = new Engines(r);
        byte[] inside = random.nextInt(3) == 0 ? NAMED.get(random.nextInt(NAMED.size())) : random(random, 12);
        byte[] line = rating(r, inside, random.nextInt(6));
        List<List<Engines.V>>[] v = engines.judge(line);
        int bad = strict(line);
        if (bad >= 0) {
            List<Engines.V> expected = List.of(new Engines.V("", "malformed-json", "not valid JSON: ill-formed UTF-8 at byte " + (bad + 1)));
            String shown = java.util.HexFormat.of().formatHex(line);
            assertEquals(expected, v[0].get(0), "interpreted, " + shown);
            assertEquals(expected, v[1].get(0), "generated, " + shown);
        } else {
            assertEquals(v[0], v[1], "the engines agree on well-formed " + new String(line, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theIssuesExamplesAreMalformedInBothEngines() {
        Rubric r = RUBRICS.get(0);
        Engines engines = new Engines(r);
        for (byte[] b : NAMED) {
            byte[] line = rating(r, b, 0);
            List<List<Engines.V>>[] v = engines.judge(line);
            for (int e = 0; e < 2; e++) {
                assertEquals("malformed-json", v[e].get(0).get(0).code(), (e == 0 ? "interpreted " : "generated ")
                        + java.util.HexFormat.of().formatHex(b));
            }
        }
    }
}
