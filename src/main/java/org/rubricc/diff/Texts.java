package org.rubricc.diff;

import java.text.Normalizer;
import java.util.Locale;

/** How two texts differ: not at all, only in typography, or in their words. */
final class Texts {
    private Texts() {}

    enum Difference { NONE, TYPOGRAPHY, WORDS }

    static Difference compare(String a, String b) {
        if (a.equals(b)) return Difference.NONE;
        return typographic(a).equals(typographic(b)) ? Difference.TYPOGRAPHY : Difference.WORDS;
    }

    /**
     * The text with typography ironed out: compatibility forms folded, curly quotes and primes made
     * straight, dashes and minus signs made hyphens, the ellipsis three dots, every run of whitespace
     * one space, and lower case.
     */
    static String typographic(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(t.length());
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            char out = switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`', '\u00B4' -> '\'';
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
                default -> c;
            };
            if (c == '\u2026') {
                b.append("...");
                space = false;
                continue;
            }
            if (Character.isWhitespace(out) || Character.isSpaceChar(out)) {
                space = true;
                continue;
            }
            if (space && b.length() > 0) b.append(' ');
            space = false;
            if (out == '-' && b.length() > 0 && b.charAt(b.length() - 1) == '-') continue; // "--" is a dash too
            b.append(out);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** Text on one line, for messages. */
    static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
