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
     */
    static String literal(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
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
        StringBuilder b = new StringBuilder(source.length() + 64);
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c < 0x80) b.append(c);
            else b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        }
        return b.toString();
    }
}
