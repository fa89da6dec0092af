package org.rubricc.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-level diff of two texts: the longest common subsequence of their words (whitespace
 * separates words and is not compared), as runs of kept, removed and added words.
 */
public final class WordDiff {
    private WordDiff() {}

    public enum Op { KEEP, REMOVE, ADD }

    /** A run of words with one operation. */
    public record Run(Op op, List<String> words) {
        public String text() {
            return String.join(" ", words);
        }
    }

    /** Beyond this many differing words on a side, the LCS table would be too large: the middle is one removal and one addition. */
    private static final int MAX_WORDS = 5_000;

    public static List<String> words(String text) {
        String t = text.strip();
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }

    public static List<Run> diff(String oldText, String newText) {
        List<String> a = words(oldText), b = words(newText);
        // Common prefix and suffix first: most edits are local, and this keeps the table small.
        int pre = 0;
        while (pre < a.size() && pre < b.size() && a.get(pre).equals(b.get(pre))) pre++;
        int suf = 0;
        while (suf < a.size() - pre && suf < b.size() - pre
                && a.get(a.size() - 1 - suf).equals(b.get(b.size() - 1 - suf))) suf++;
        List<String> ma = a.subList(pre, a.size() - suf), mb = b.subList(pre, b.size() - suf);
        List<Op> ops = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < pre; i++) {
            ops.add(Op.KEEP);
            tokens.add(a.get(i));
        }
        if (ma.size() > MAX_WORDS || mb.size() > MAX_WORDS) {
            ma.forEach(w -> {
                ops.add(Op.REMOVE);
                tokens.add(w);
            });
            mb.forEach(w -> {
                ops.add(Op.ADD);
                tokens.add(w);
            });
        } else {
            int n = ma.size(), m = mb.size();
            int[][] lcs = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    lcs[i][j] = ma.get(i).equals(mb.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0, j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && ma.get(i).equals(mb.get(j))) {
                    ops.add(Op.KEEP);
                    tokens.add(ma.get(i));
                    i++;
                    j++;
                } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
                    ops.add(Op.ADD);
                    tokens.add(mb.get(j++));
                } else {
                    ops.add(Op.REMOVE);
                    tokens.add(ma.get(i++));
                }
            }
        }
        for (int i = a.size() - suf; i < a.size(); i++) {
            ops.add(Op.KEEP);
            tokens.add(a.get(i));
        }
        return runs(ops, tokens);
    }

    /** Groups words into runs; within a change, all removed words come before all added ones. */
    private static List<Run> runs(List<Op> ops, List<String> tokens) {
        List<Run> out = new ArrayList<>();
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k) == Op.KEEP) {
                List<String> w = new ArrayList<>();
                while (k < ops.size() && ops.get(k) == Op.KEEP) w.add(tokens.get(k++));
                out.add(new Run(Op.KEEP, w));
            } else {
                List<String> removed = new ArrayList<>(), added = new ArrayList<>();
                while (k < ops.size() && ops.get(k) != Op.KEEP) {
                    (ops.get(k) == Op.REMOVE ? removed : added).add(tokens.get(k));
                    k++;
                }
                if (!removed.isEmpty()) out.add(new Run(Op.REMOVE, removed));
                if (!added.isEmpty()) out.add(new Run(Op.ADD, added));
            }
        }
        return out;
    }
}
