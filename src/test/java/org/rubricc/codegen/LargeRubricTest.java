package org.rubricc.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.rubricc.bench.SyntheticRubric;
import org.rubricc.model.Rubric;
import org.rubricc.validate.SubmissionGenerator;

/**
 * Rubrics past what one class file holds (65,535 constants, 64 KiB of bytecode per method and in the static
 * initializer): hundreds of dimensions, scales of up to {@link JavaTarget#OPTIONS} choices or points with long
 * labels, a title of 40,000 characters. javac must compile each generated validator (in memory, as
 * {@code rubricc validate} does), and it must give the runtime validator's verdict on every rating. Before the
 * validator was spread over parts ({@link Layout}) and long texts split ({@link JavaNames#literal}), each of these
 * failed to compile ("too many constants", "code too large", "constant string too long").
 */
class LargeRubricTest {
    /** A large rubric, checked, from its text. */
    private static Rubric rubric(String name, String text) throws IOException {
        Path dir = Files.createTempDirectory("rubricc-large");
        Path file = dir.resolve(name).resolve("1.0.0.rubric");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return Engines.load(file, dir);
    }

    /** Both engines judge generated ratings (valid ones and every kind of mistake) the same. */
    private static void sameVerdicts(Rubric r, long seed, int lines) {
        Engines engines = new Engines(r);
        SubmissionGenerator gen = new SubmissionGenerator(r, seed);
        SubmissionGenerator.Mutation[] kinds = SubmissionGenerator.Mutation.values();
        StringBuilder input = new StringBuilder();
        for (int k = 0; k < lines; k++) gen.sample(kinds[k % kinds.length]).ifPresent(s -> input.append(s.submission()).append('\n'));
        List<List<Engines.V>>[] verdicts = engines.judge(input.toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(verdicts[0].size() >= lines / 2, "ratings were generated");
        for (int i = 0; i < verdicts[0].size(); i++) assertEquals(verdicts[0].get(i), verdicts[1].get(i), r + ", line " + (i + 1));
    }

    /** The scales and dimensions of {@link #withBigScales}, to put before the synthetic rubric's first section. */
    private static String bigScales(int options, int titleLength, Random random) {
        StringBuilder b = new StringBuilder();
        for (String kind : List.of("categorical", "multi")) {
            b.append("scale big_").append(kind).append(": ").append(kind).append(" {\n");
            for (int k = 0; k < options; k++) {
                String label = ("Choice " + k + " of a long list ").repeat(3).substring(0, 40);
                b.append("  c").append(k).append(" \"").append(label).append("\" \"A choice.\"\n");
            }
            b.append("}\n");
        }
        b.append("scale big_ordinal: ordinal {\n");
        for (int k = 1; k <= options; k++) b.append("  ").append(k).append(" \"Point ").append(k).append("\" \"A point.\"\n");
        b.append("}\n\nsection big \"Big scales\" {\n");
        StringBuilder title = new StringBuilder("\ud83d\ude00 ");
        while (title.length() < titleLength) title.append(random.nextBoolean() ? "\u4e2d\u6587 title " : "\u00e9t\u00e9 ");
        b.append("  dimension long_title \"").append(title, 0, titleLength).append("\" {\n    question \"Q?\"\n    scale yes_no\n  }\n");
        for (String kind : List.of("categorical", "multi", "ordinal")) {
            b.append("  dimension big_").append(kind).append(" \"Big ").append(kind).append("\" {\n    question \"Q?\"\n    scale big_")
                    .append(kind).append("\n  }\n");
        }
        return b.append("}\n").toString();
    }

    /** The synthetic rubric of {@code n} dimensions with the big scales' section first, and a rule over them. */
    private static String withBigScales(String id, int n, int options, int titleLength, Random random) {
        String base = SyntheticRubric.of(n).replaceFirst("rubric synthetic", "rubric " + id);
        int at = base.indexOf("\nsection s0 ");
        String rule = "\nrule big \"Big rule\" {\n  when big_categorical == c" + (options - 1) + " or big_multi contains c0\n"
                + "  then big_ordinal >= " + Math.max(1, options / 2) + "\n}\n";
        return base.substring(0, at) + "\n" + bigScales(options, titleLength, random) + base.substring(at) + rule;
    }

    @Property(tries = 2)
    void largeRubricsCompileAndAgreeWithTheRuntimeValidator(@ForAll @IntRange(min = 250, max = 900) int n,
            @ForAll @IntRange(min = 1, max = JavaTarget.OPTIONS) int options, @ForAll @IntRange(min = 3, max = 40_000) int title,
            @ForAll @IntRange(min = 0, max = 1_000_000) int seed) throws IOException {
        Rubric r = rubric("large-" + seed, withBigScales("large-" + seed, n, options, title, new Random(seed)));
        assertEquals(Optional.empty(), JavaTarget.beyondLimits(r), "within the limits");
        sameVerdicts(r, seed, 120);
    }

    @Test
    void scalesAtTheLimitWithLongLabelsAndAVeryLongTitleCompile() throws IOException {
        Rubric r = rubric("at-limit", withBigScales("at-limit", 20, JavaTarget.OPTIONS, 40_000, new Random(1)));
        String source = new ValidatorGenerator(r, "p").generate();
        assertTrue(source.contains("String.join(\"\", "), "the long title is split into parts of a constant each");
        assertTrue(source.contains("static final class Part1 "), "a scale at the limit has a part of its own");
        sameVerdicts(r, 7, 200);
    }

    @Test
    void aRubricThatFitsOneClassHasNoPart() throws IOException {
        Rubric r = rubric("small", SyntheticRubric.of(60).replaceFirst("rubric synthetic", "rubric small"));
        String source = new ValidatorGenerator(r, "p").generate();
        assertFalse(source.contains("class Part1"), "no part");
        assertFalse(source.contains("import static"), "no static import");
        assertTrue(source.contains("switch (st.se - st.ss)"), "keys are matched on their bytes");
    }

    @Test
    void theLimitsAreStated() throws IOException {
        Rubric over = rubric("over", withBigScales("over", 5, JavaTarget.OPTIONS + 1, 10, new Random(2)));
        assertEquals(Optional.of("dimension `big_categorical` has a scale of 2,001 choices"), JavaTarget.beyondLimits(over));
        assertTrue(new JavaTarget().caveat(over, List.of()).orElseThrow().contains("beyond the java target's limits (5,000 dimensions, "
                + "2,000 points or choices per scale)"));
    }
}
