package org.rubricc.source;

/**
 * A region of a source file. Lines and columns are 1-based; columns count Unicode code points.
 * The end is inclusive of the last character ({@code endColumn} is the column of the last code point).
 */
public record Span(String file, int line, int column, int endLine, int endColumn) {

    public static final Span NONE = new Span("<none>", 0, 0, 0, 0);

    public static Span point(String file, int line, int column) {
        return new Span(file, line, column, line, column);
    }

    /** The smallest span covering both. Both must be in the same file. */
    public Span to(Span other) {
        if (this == NONE) return other;
        if (other == NONE) return this;
        boolean thisFirst = line < other.line || (line == other.line && column <= other.column);
        Span first = thisFirst ? this : other;
        boolean thisLast = endLine > other.endLine || (endLine == other.endLine && endColumn >= other.endColumn);
        Span last = thisLast ? this : other;
        return new Span(file, first.line, first.column, last.endLine, last.endColumn);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
