package org.rubricc.codegen;

import java.util.Locale;
import org.rubricc.model.Rubric;

/** Java names for what a rubric defines: deterministic, and valid Java whatever the ids contain. */
final class JavaNames {
    private JavaNames() {}

    /**
     * The validator class of a rubric version: the id in upper camel case, then the version with every
     * character that cannot be in a name as {@code _}: {@code image-edit} 2.0.0 is
     * {@code ImageEdit_2_0_0Validator}. That reading is one to one only for ids of lower-case words joined by
     * {@code -} and for release versions ({@code 2.0.0}); any other id or version ({@code a_b}, {@code aB},
     * {@code 3.0.0-rc.1}) also gets {@code _H} and 16 hex digits of the SHA-256 of id and version, so no two
     * rubric versions share a class (`a-b` and `aB` would both read {@code AB}; `1.0.0-rc.1` and `1.0.0-rc-1`
     * both {@code 1_0_0_rc_1}). A plain name's version part is digits only, so it never ends like a hashed one.
     */
    static String validatorClass(Rubric r) {
        String id = r.id(), version = r.version().toString();
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (char c : id.toCharArray()) {
            if (c == '-' || c == '_' || c == '.') {
                upper = true;
            } else if (isAsciiLetterOrDigit(c)) {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                b.append(String.format(Locale.ROOT, "x%04X", (int) c));
                upper = true;
            }
        }
        if (b.length() == 0 || !Character.isLetter(b.charAt(0))) b.insert(0, 'R');
        b.append('_');
        for (char c : version.toCharArray()) b.append(isAsciiLetterOrDigit(c) ? c : '_');
        boolean plain = id.matches("[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*") && version.matches("[0-9]+\\.[0-9]+\\.[0-9]+");
        if (!plain) b.append("_H").append(org.rubricc.backend.Digest.sha256Hex(id + "\u0000" + version, 16));
        return b.append("Validator").toString();
    }

    /** Whether text may go into a Java comment as it is (ids and versions always may). */
    static boolean commentSafe(String s) {
        return s.chars().allMatch(c -> isAsciiLetterOrDigit((char) c) || c == '-' || c == '_' || c == '.' || c == '+');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /**
     * A Java string literal for any text, in pure ASCII: quotes and backslashes escaped, control
     * characters as octal escapes, everything beyond ASCII as Unicode escapes. No line terminator can
     * appear in it, before or after javac translates Unicode escapes, and the text it denotes is exactly
     * {@code s}.
     *
     * <p>A class file holds a string constant in at most 65,535 bytes of modified UTF-8 (a character takes one to
     * three); javac refuses a longer literal ("constant string too long"). A longer text (a 40,000-character title,
     * the list of 1,500 choices in a message) is written as {@code String.join("", part, part, ...)}, which is not a
     * constant expression, so javac does not fold the parts back into one constant. Such an expression cannot be a
     * {@code case} label: {@link #fitsOneConstant} says where a label may be used.
     */
    static String literal(String s) {
        if (fitsOneConstant(s)) return oneLiteral(s, 0, s.length());
        StringBuilder b = new StringBuilder(s.length() * 2).append("String.join(\"\"");
        int from = 0;
        while (from < s.length()) {
            int to = from, bytes = 0;
            while (to < s.length() && bytes + constantBytes(s.charAt(to)) <= PART_BYTES) bytes += constantBytes(s.charAt(to++));
            if (to < s.length() && Character.isHighSurrogate(s.charAt(to - 1))) to--; // a pair stays in one part
            b.append(", ").append(oneLiteral(s, from, to));
            from = to;
        }
        return b.append(')').toString();
    }

    /** The most bytes of modified UTF-8 a string constant may take in a class file. */
    static final int CONSTANT_BYTES = 65_535;
    /** The bytes of each part of a longer text: well inside the limit. */
    private static final int PART_BYTES = 60_000;

    /** Whether the text fits one string constant of a class file, so that its literal is a constant expression. */
    static boolean fitsOneConstant(String s) {
        if (s.length() * 3L <= CONSTANT_BYTES) return true;
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) bytes += constantBytes(s.charAt(i));
        return bytes <= CONSTANT_BYTES;
    }

    /** The bytes of a character in modified UTF-8: U+0000 takes two, surrogates three each. */
    private static int constantBytes(char c) {
        return c >= 0x01 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }

    private static String oneLiteral(String s, int from, int to) {
        StringBuilder b = new StringBuilder(to - from + 2).append('"');
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '"') b.append("\\\"");
            else if (c == '\\') b.append("\\\\");
            else if (c < 0x20 || c == 0x7F) b.append(String.format(Locale.ROOT, "\\%03o", (int) c));
            else if (c < 0x80) b.append(c);
            else b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        }
        return b.append('"').toString();
    }

    /** Java source as pure ASCII: every other character as a Unicode escape, so the file compiles in any encoding. */
    static String ascii(String source) {
        int first = 0;
        while (first < source.length() && source.charAt(first) < 0x80) first++;
        if (first == source.length()) return source; // the usual case: JavaNames.literal wrote every text escaped
        StringBuilder b = new StringBuilder(source.length() + 64).append(source, 0, first);
        for (int i = first; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c < 0x80) b.append(c);
            else b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        }
        return b.toString();
    }
}
