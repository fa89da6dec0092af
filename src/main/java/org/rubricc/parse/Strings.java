package org.rubricc.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of string literals. A {@code "..."} string knows the escapes {@code &#92;" \\ \/ \n \r \t}
 * and {@code &#92;u{1F600}}; a {@code """...""" } text block is raw (Markdown keeps its backslashes) and
 * loses its common indentation, like a Java text block.
 */
final class Strings {
    private Strings() {}

    /** The problem with an escape, at a code-point offset into the literal (including its quote). */
    record EscapeError(int offset, int length, String message) {}

    /** Unescapes a quoted string literal (with its quotes). Errors are added to {@code errors}. */
    static String unquote(String literal, List<EscapeError> errors) {
        String body = literal.substring(1, literal.length() - (literal.length() > 1 && literal.endsWith("\"") ? 1 : 0));
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            int start = i;
            if (i + 1 >= body.length()) {
                errors.add(new EscapeError(cpOffset(body, start) + 1, 1, "a backslash at the end of a string"));
                break;
            }
            char e = body.charAt(i + 1);
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int close = body.indexOf('}', i);
                    boolean ok = i + 2 < body.length() && body.charAt(i + 2) == '{' && close > i + 3;
                    if (ok) {
                        String hex = body.substring(i + 3, close);
                        try {
                            int cp = Integer.parseInt(hex, 16);
                            if (hex.length() <= 6 && Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                                out.appendCodePoint(cp);
                                i = close + 1;
                                continue;
                            }
                        } catch (NumberFormatException notHex) {
                            // reported below
                        }
                    }
                    errors.add(new EscapeError(cpOffset(body, start) + 1, 2,
                            "`\\u` must be followed by a code point in braces, such as `\\u{00E9}`"));
                    out.append("\\u");
                }
                default -> {
                    errors.add(new EscapeError(cpOffset(body, start) + 1, 2,
                            "unknown escape `\\" + new String(Character.toChars(body.codePointAt(i + 1))) + "`"));
                    out.append(e);
                }
            }
            i += 2;
        }
        return out.toString();
    }

    private static int cpOffset(String s, int charIndex) {
        return s.codePointCount(0, charIndex);
    }

    /** The value of a text block literal (with its triple quotes). */
    static String textBlock(String literal) {
        String body = literal.substring(3, literal.length() - 3);
        List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
        // Text on the opening line is kept; an opening line holding only spaces is dropped.
        boolean openingText = !(lines.size() > 1 && lines.get(0).isBlank());
        if (!openingText) lines.remove(0);
        boolean closingOnOwnLine = lines.size() > 1 && lines.get(lines.size() - 1).isBlank();
        int indent = Integer.MAX_VALUE;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean last = i == lines.size() - 1;
            if ((openingText && i == 0) || (l.isBlank() && !(last && closingOnOwnLine))) continue;
            int n = 0;
            while (n < l.length() && (l.charAt(n) == ' ' || l.charAt(n) == '\t')) n++;
            indent = Math.min(indent, n);
        }
        if (indent == Integer.MAX_VALUE) indent = 0;
        if (closingOnOwnLine) lines.remove(lines.size() - 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (openingText && i == 0) l = l.stripLeading();
            else l = l.length() >= indent ? l.substring(indent) : l.stripLeading();
            out.append(l.stripTrailing());
            if (i < lines.size() - 1) out.append('\n');
        }
        return out.toString();
    }
}
