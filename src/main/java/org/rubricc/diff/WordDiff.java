package org.rubricc.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-level diff of two texts: the longest common subsequence of their tokens, as runs of kept, removed and
 * added tokens. A token is a word (letters, digits, and apostrophes or hyphens inside a word) or one punctuation
 * mark, so "resolution)." against "detail)." is one word changed and the ")." kept; whitespace is not compared,
 * but each token remembers whether whitespace came before it, so runs read back as they were written.
 */
public final class WordDiff {
    private WordDiff() {}

    public enum Op { KEEP, REMOVE, ADD }

    /** A word or punctuation mark, and whether whitespace came before it in its text. */
    public record Token(String text, boolean spaced) {}

    /** A run of tokens with one operation. */
    public record Run(Op op, List<Token> tokens) {
        /** The run as written: tokens joined by a space where their text had whitespace. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < tokens.size(); i++) {
                if (i > 0 && tokens.get(i).spaced()) sb.append(' ');
                sb.append(tokens.get(i).text());
            }
            return sb.toString();
        }

        public List<String> words() {
            return tokens.stream().map(Token::text).toList();
        }
    }

    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile(
            "[\\p{L}\\p{N}\\p{M}_]+(?:['\u2019\\-][\\p{L}\\p{N}\\p{M}_]+)*|\\S");

    /** The text as tokens, in order. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        java.util.regex.Matcher m = TOKEN.matcher(text);
        int end = 0;
        while (m.find()) {
            out.add(new Token(m.group(), m.start() > end && !out.isEmpty()));
            end = m.end();
        }
        return out;
    }

    /** Beyond this many differing words on a side, the LCS table would be too large: the middle is one removal and one addition. */
    private static final int MAX_WORDS = 5_000;

    public static List<String> words(String text) {
        String t = text.strip();
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }

    public static List<Run> diff(String oldText, String newText) {
        List<Token> ta = tokens(oldText), tb = tokens(newText);
        List<String> a = ta.stream().map(Token::text).toList(), b = tb.stream().map(Token::text).toList();
        // Common prefix and suffix first: most edits are local, and this keeps the table small.
        int pre = 0;
        while (pre < a.size() && pre < b.size() && a.get(pre).equals(b.get(pre))) pre++;
        int suf = 0;
        while (suf < a.size() - pre && suf < b.size() - pre
                && a.get(a.size() - 1 - suf).equals(b.get(b.size() - 1 - suf))) suf++;
        List<String> ma = a.subList(pre, a.size() - suf), mb = b.subList(pre, b.size() - suf);
        List<Token> ma2 = ta.subList(pre, ta.size() - suf), mb2 = tb.subList(pre, tb.size() - suf);
        List<Op> ops = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < pre; i++) {
            ops.add(Op.KEEP);
            tokens.add(ta.get(i));
        }
        if (ma.size() > MAX_WORDS || mb.size() > MAX_WORDS) {
            ma2.forEach(w -> {
                ops.add(Op.REMOVE);
                tokens.add(w);
            });
            mb2.forEach(w -> {
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
                    tokens.add(ma2.get(i));
                    i++;
                    j++;
                } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
                    ops.add(Op.ADD);
                    tokens.add(mb2.get(j++));
                } else {
                    ops.add(Op.REMOVE);
                    tokens.add(ma2.get(i++));
                }
            }
        }
        for (int i = a.size() - suf; i < a.size(); i++) {
            ops.add(Op.KEEP);
            tokens.add(ta.get(i));
        }
        return runs(ops, tokens);
    }

    /** Groups words into runs; within a change, all removed words come before all added ones. */
    private static List<Run> runs(List<Op> ops, List<Token> tokens) {
        List<Run> out = new ArrayList<>();
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k) == Op.KEEP) {
                List<Token> w = new ArrayList<>();
                while (k < ops.size() && ops.get(k) == Op.KEEP) w.add(tokens.get(k++));
                out.add(new Run(Op.KEEP, w));
            } else {
                List<Token> removed = new ArrayList<>(), added = new ArrayList<>();
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
