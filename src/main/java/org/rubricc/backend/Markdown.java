package org.rubricc.backend;

/**
 * Escaping of rubric text for Markdown. Names and labels are plain text: every character Markdown
 * would read as syntax is escaped. Prose (descriptions, guidance) is Markdown and keeps its syntax,
 * except raw HTML: a {@code <} outside code is escaped, so no tag a rubric holds reaches a page.
 * Used by every back end that writes Markdown: the guidelines, the calibration notices and the form schemas.
 */
public final class Markdown {
    private Markdown() {}

    // Names and labels never start a line, so only characters that are syntax mid-line need escaping.
    private static final String SPECIAL = "\\`*_[]<>|~&";

    /** Plain text as inline Markdown: shows exactly these characters, on one line. */
    public static String inline(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) b.append(' ');
            else if (cp < 0x80 && SPECIAL.indexOf(cp) >= 0) b.append('\\').appendCodePoint(cp);
            else if (Character.isISOControl(cp)) b.append('\uFFFD');
            else b.appendCodePoint(cp);
        });
        return b.toString();
    }

    /**
     * Rubric prose: Markdown as written, with {@code <} escaped outside code spans and fenced code
     * blocks (so raw HTML shows as text), line separators made plain line breaks, and control
     * characters removed.
     */
    public static String prose(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        boolean fenced = false;
        for (String line : text.replace('\u2028', '\n').replace('\u2029', '\n').split("\n", -1)) {
            if (b.length() > 0) b.append('\n');
            String trimmed = line.stripLeading();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fenced = !fenced;
                b.append(clean(line));
                continue;
            }
            if (fenced) {
                b.append(clean(line));
                continue;
            }
            int ticks = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '`') {
                    int run = 0;
                    while (i < line.length() && line.charAt(i) == '`') {
                        run++;
                        i++;
                    }
                    i--;
                    ticks = ticks == 0 ? run : ticks == run ? 0 : ticks;
                    b.append("`".repeat(run));
                } else if (c == '<' && ticks == 0) {
                    b.append("\\<");
                } else if (c == '\\' && ticks == 0 && i + 1 < line.length() && line.charAt(i + 1) == '<') {
                    b.append("\\\\"); // keep the backslash literal, so it does not unescape our escape
                } else if (c != '\r' && !(Character.isISOControl(c) && c != '\t')) {
                    b.append(c);
                }
            }
        }
        return b.toString();
    }

    private static String clean(String line) {
        StringBuilder b = new StringBuilder();
        line.codePoints().filter(cp -> cp == '\t' || !Character.isISOControl(cp)).forEach(b::appendCodePoint);
        return b.toString();
    }

    /** Text for a table cell: inline Markdown whose pipes are escaped. */
    public static String cell(String text) {
        return inline(text);
    }

    /**
     * Prose inside a table cell: one line, pipes escaped, HTML neutralised. A table row is split at every pipe
     * not preceded by a backslash, before any other Markdown is read (GFM), so a pipe the prose already escapes
     * ({@code \|}, an odd number of backslashes before it) is left as it is, and any other pipe gets one more
     * backslash: {@code a \\| b} (an escaped backslash, then a pipe) must not end the cell.
     */
    public static String proseCell(String text) {
        String line = prose(text).replace("\n", " ");
        StringBuilder b = new StringBuilder(line.length() + 8);
        int backslashes = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '|' && backslashes % 2 == 0) b.append('\\');
            b.append(c);
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        return b.toString();
    }
}
