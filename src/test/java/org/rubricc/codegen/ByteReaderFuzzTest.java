package org.rubricc.codegen;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.rubricc.model.Rubric;
import org.rubricc.validate.SubmissionGenerator;

/**
 * The generated validator's byte reader against the runtime validator, in process, on ratings damaged
 * at the bytes where the two readers could part: quotes, backslashes, brackets, separators, digits,
 * signs and exponents, whitespace and control bytes, lead and continuation bytes of UTF-8, cuts and
 * repeats. Every line must get the same violations from both engines (messages of malformed JSON
 * included). Regressions of this kind are added to {@code GeneratedValidatorTest}.
 */
class ByteReaderFuzzTest {
    static final byte[] INTERESTING = "\"\\{}[],: \t\r0123456789-+.eEtfnu/".getBytes(StandardCharsets.US_ASCII);
    static final int[] HIGH = {0x80, 0xA0, 0xBF, 0xC0, 0xC2, 0xC3, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x00, 0x01, 0x1F, 0x7F};

    static final List<Rubric> RUBRICS;

    static {
        try {
            RUBRICS = GeneratedValidatorTest.rubrics();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Property
    void damagedRatingsGetTheSameVerdictFromBothEngines(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Random random = new Random(seed);
        Rubric r = RUBRICS.get(random.nextInt(RUBRICS.size()));
        Engines engines = new Engines(r);
        SubmissionGenerator gen = new SubmissionGenerator(r, seed);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        SubmissionGenerator.Mutation[] kinds = SubmissionGenerator.Mutation.values();
        for (int line = 0; line < 20; line++) {
            var sample = gen.sample(kinds[random.nextInt(kinds.length)]);
            if (sample.isEmpty()) continue;
            byte[] b = damage(sample.get().submission().toString().getBytes(StandardCharsets.UTF_8), random);
            file.write(b, 0, b.length);
            file.write('\n');
        }
        byte[] input = file.toByteArray();
        List<List<Engines.V>>[] verdicts = engines.judge(input);
        String[] text = new String(input, StandardCharsets.ISO_8859_1).split("\n", -1);
        for (int i = 0; i < verdicts[0].size(); i++) {
            if (!verdicts[0].get(i).equals(verdicts[1].get(i))) {
                fail(r + ", line " + (i + 1) + ": the engines differ on (bytes as Latin-1)\n" + text[i]
                        + "\nruntime:   " + verdicts[0].get(i) + "\ngenerated: " + verdicts[1].get(i));
            }
        }
    }

    /**
     * Ratings as a JSON writer that escapes may write them (Python's {@code json.dumps} escapes every non-ASCII
     * character, a JavaScript writer only quotes and controls): each character of each key and string value is
     * written plain, as a short escape or as a u escape in either case, astral characters as surrogate pairs; a few
     * strings get what Jackson refuses or keeps as is (a lone surrogate, an unknown escape, a bad hex digit, a cut
     * escape). The byte reader decodes the escapes itself: both engines must still agree on every line.
     */
    @Property
    void escapedRatingsGetTheSameVerdictFromBothEngines(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Random random = new Random(seed);
        Rubric r = RUBRICS.get(random.nextInt(RUBRICS.size()));
        Engines engines = new Engines(r);
        SubmissionGenerator gen = new SubmissionGenerator(r, seed);
        StringBuilder file = new StringBuilder();
        SubmissionGenerator.Mutation[] kinds = SubmissionGenerator.Mutation.values();
        for (int k = 0; k < 20; k++) {
            var sample = gen.sample(kinds[random.nextInt(kinds.length)]);
            if (sample.isEmpty()) continue;
            StringBuilder line = new StringBuilder();
            write(sample.get().submission(), random, line);
            // One line in eight cut short, after or inside an escape: the reader's end-of-input path.
            if (random.nextInt(8) == 0) {
                int cut = random.nextInt(line.length());
                if (cut > 0 && Character.isHighSurrogate(line.charAt(cut - 1))) cut--;
                line.setLength(cut);
            }
            file.append(line).append('\n');
        }
        byte[] input = file.toString().getBytes(StandardCharsets.UTF_8);
        List<List<Engines.V>>[] verdicts = engines.judge(input);
        String[] text = file.toString().split("\n", -1);
        for (int i = 0; i < verdicts[0].size(); i++) {
            if (!verdicts[0].get(i).equals(verdicts[1].get(i))) {
                fail(r + ", line " + (i + 1) + ": the engines differ on\n" + text[i]
                        + "\nruntime:   " + verdicts[0].get(i) + "\ngenerated: " + verdicts[1].get(i));
            }
        }
    }

    /** Characters a rater's text holds, beyond ASCII letters: accents, CJK, an emoji, quotes and line breaks. */
    private static final String[] EXTRA = {"\u00e9", "\u4e2d\u6587", "\ud83d\ude00", "\"", "\\", "\n", "/", "\t", "\u2028", "\u0000"};

    static void write(com.fasterxml.jackson.databind.JsonNode node, Random random, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            var fields = node.fields();
            boolean first = true;
            while (fields.hasNext()) {
                var f = fields.next();
                if (!first) out.append(',');
                first = false;
                string(f.getKey(), random, out);
                out.append(':');
                write(f.getValue(), random, out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) out.append(',');
                write(node.get(i), random, out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            String v = node.textValue();
            // Justifications and free text: now and then with characters to escape (a choice id stays as it is).
            if (v.length() > 8 && random.nextInt(3) == 0) v = v + EXTRA[random.nextInt(EXTRA.length)] + v;
            string(v, random, out);
        } else {
            out.append(node.toString());
        }
    }

    static void string(String v, Random random, StringBuilder out) {
        int style = random.nextInt(4); // 0: plain; 1: some escaped; 2: all escaped; 3: ASCII only, as json.dumps writes
        out.append('"');
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            i += Character.charCount(cp);
            boolean must = cp == '"' || cp == '\\' || cp < 0x20;
            boolean escape = must || style == 2 || (style == 1 && random.nextInt(3) == 0) || (style == 3 && cp > 0x7E);
            if (!escape) {
                out.appendCodePoint(cp);
            } else if (cp == '"' || cp == '\\' || (cp == '/' && random.nextBoolean())) {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\n' && random.nextBoolean()) {
                out.append("\\n");
            } else if (cp == '\t' && random.nextBoolean()) {
                out.append("\\t");
            } else {
                for (char c : Character.toChars(cp)) {
                    String hex = String.format("%04x", (int) c);
                    out.append("\\u").append(random.nextBoolean() ? hex : hex.toUpperCase(java.util.Locale.ROOT));
                }
            }
        }
        if (random.nextInt(25) == 0) {
            String[] odd = {"\\ud800", "\\udc00x", "\\ud83d\\u0041", "\\x", "\\u12g4", "\\u12", "\\", "\\'", "\\U0041"};
            out.append(odd[random.nextInt(odd.length)]);
        }
        out.append('"');
    }

    /** Zero to three changes at random places: a byte put in, taken out or replaced, a cut, a repeat. */
    static byte[] damage(byte[] b, Random random) {
        int changes = random.nextInt(4);
        for (int k = 0; k < changes && b.length > 0; k++) {
            int at = random.nextInt(b.length);
            byte x = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) HIGH[random.nextInt(HIGH.length)];
            switch (random.nextInt(5)) {
                case 0 -> b = splice(b, at, at, new byte[] {x});
                case 1 -> b = splice(b, at, at + 1, new byte[0]);
                case 2 -> b[at] = x;
                case 3 -> b = java.util.Arrays.copyOf(b, at);
                default -> {
                    int end = Math.min(b.length, at + 1 + random.nextInt(12));
                    b = splice(b, end, end, java.util.Arrays.copyOfRange(b, at, end));
                }
            }
        }
        return b;
    }

    static byte[] splice(byte[] b, int from, int to, byte[] with) {
        byte[] out = new byte[b.length - (to - from) + with.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(with, 0, out, from, with.length);
        System.arraycopy(b, to, out, from + with.length, b.length - to);
        return out;
    }
}
