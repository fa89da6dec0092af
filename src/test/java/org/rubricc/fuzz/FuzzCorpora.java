package org.rubricc.fuzz;

import java.util.List;

/** The damaged ratings files of {@link ValidateFuzzTest}, for tests in other packages. */
public final class FuzzCorpora {
    private FuzzCorpora() {}

    /** The rubrics ratings are fuzzed against. */
    public static List<String> rubrics() {
        return ValidateFuzzTest.RUBRICS;
    }

    /** A file of 1 to 12 generated ratings for rubric {@code rubric} (an index of {@link #rubrics()}), damaged as the fuzz test damages them. */
    public static byte[] damagedFile(int rubric, long seed) {
        java.util.Random r = new java.util.Random(seed);
        return ValidateFuzzTest.file(new int[] {rubric, r.nextInt(), 1 + r.nextInt(12), r.nextInt(2), r.nextInt(3)});
    }
}
