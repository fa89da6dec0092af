package org.rubricc.diag;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean": the closest known name within a small edit distance. */
public final class Suggestions {
    private Suggestions() {}

    /**
     * The closest candidate within distance 2 (1 for names of 3 or 4 characters; none for shorter
     * names, where every other short name is equally close), if any. Ties go to the first.
     */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        int limit = name.length() <= 2 ? 0 : name.length() <= 4 ? 1 : 2;
        if (limit == 0) return Optional.empty();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c.equals(name)) continue;
            int d = distance(name.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d <= limit && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** "did you mean `x`?" for the closest candidate, if any. */
    public static Optional<String> didYouMean(String name, Collection<String> candidates) {
        return closest(name, candidates).map(c -> "did you mean `" + c + "`?");
    }

    /** Optimal string alignment distance: Levenshtein plus transposition of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
