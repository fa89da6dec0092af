package org.rubricc.source;

import java.util.List;

/**
 * The text of one input file with the display path used in diagnostics. A leading byte order
 * mark is dropped and CRLF and lone CR line endings become LF, so that lines and columns mean the
 * same thing to the lexer, to diagnostics and to editors.
 */
public final class SourceFile {
    private final String path;
    private final String text;
    private final List<String> lines;

    public SourceFile(String path, String text) {
        this.path = path;
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.text = t.indexOf('\r') < 0 ? t : t.replace("\r\n", "\n").replace('\r', '\n');
        this.lines = List.of(this.text.split("\n", -1));
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    /** The 1-based line, without its terminator; empty when out of range. */
    public String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }

    public int lineCount() {
        return lines.size();
    }
}
