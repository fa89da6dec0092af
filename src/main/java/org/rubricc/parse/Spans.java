package org.rubricc.parse;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.rubricc.source.Span;

/** Spans from ANTLR tokens: 1-based lines and columns, in code points, end inclusive. */
final class Spans {
    private final String file;

    Spans(String file) {
        this.file = file;
    }

    Span of(Token t) {
        return of(t, t);
    }

    Span of(ParserRuleContext ctx) {
        Token stop = ctx.getStop() == null || ctx.getStop().getTokenIndex() < ctx.getStart().getTokenIndex()
                ? ctx.getStart() : ctx.getStop();
        return of(ctx.getStart(), stop);
    }

    Span of(Token start, Token stop) {
        int line = start.getLine();
        int column = start.getCharPositionInLine() + 1;
        if (stop.getType() == Token.EOF) {
            // A span that runs to the end of the file (a whole file) starts where it starts, not at the end.
            return new Span(file, start.getType() == Token.EOF ? stop.getLine() : line,
                    start.getType() == Token.EOF ? stop.getCharPositionInLine() + 1 : column, stop.getLine(),
                    stop.getCharPositionInLine() + 1);
        }
        String text = stop.getText() == null ? "" : stop.getText();
        int endLine = stop.getLine();
        int endColumn;
        int lastNewline = text.lastIndexOf('\n');
        if (lastNewline >= 0) {
            endLine += (int) text.chars().filter(c -> c == '\n').count();
            String tail = text.substring(lastNewline + 1);
            endColumn = Math.max(1, tail.codePointCount(0, tail.length()));
        } else {
            int len = text.codePointCount(0, text.length());
            endColumn = stop.getCharPositionInLine() + Math.max(1, len);
        }
        return new Span(file, line, column, endLine, endColumn);
    }
}
