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
