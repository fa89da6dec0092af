package org.rubricc.parse;

import java.util.List;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;
import org.rubricc.diag.Code;
import org.rubricc.diag.Diagnostic;
import org.rubricc.parse.antlr.RubricLexer;
import org.rubricc.source.Span;

/**
 * Finds the text block that was not closed. A `"""` with no end makes the lexer close it at the next `"""`,
 * which opens another block further down; from there on, text is read as code and code as text, and the
 * file ends with a block that never closes. The block meant is the one whose end is written like an opening:
 * a line such as {@code guidance """} with only a keyword (and perhaps one value) before the `"""` and
 * nothing after it.
 */
final class TextBlocks {
    private TextBlocks() {}

    /** A keyword, perhaps with one value (`example 2 """`), and nothing else on the line before `"""`. */
    private static final Pattern OPENING = Pattern.compile("\\s*[a-z_]+(\\s+[A-Za-z0-9_.-]+)?\\s*");

    /** The error for the block that was not closed, at its opening `"""`; null when no block looks unclosed. */
    static Diagnostic unclosed(List<Token> tokens, Spans spans) {
        boolean endsOpen = tokens.stream().anyMatch(t -> t.getType() == RubricLexer.UNTERMINATED_TEXT_BLOCK);
        if (!endsOpen) return null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getType() != RubricLexer.TEXT_BLOCK) continue;
            String text = t.getText();
            int lastNewline = text.lastIndexOf('\n');
            if (lastNewline < 0) continue;
            String lastLine = text.substring(lastNewline + 1, text.length() - 3);
            if (lastLine.endsWith("\r")) continue;
            if (!OPENING.matcher(lastLine).matches() || !lineEndsAfter(tokens, i)) continue;
            Span open = spans.of(t);
            String file = open.file();
            int closeLine = t.getLine() + (int) text.chars().filter(c -> c == '\n').count();
            int closeColumn = lastLine.codePointCount(0, lastLine.length()) + 1;
            return Diagnostic.of(Code.UNTERMINATED_STRING,
                    new Span(file, t.getLine(), t.getCharPositionInLine() + 1, t.getLine(), t.getCharPositionInLine() + 3),
                    "text block is not closed")
                    .withLabel("this text block")
                    .withRelated(new Span(file, closeLine, closeColumn, closeLine, closeColumn + 2),
                            "read as its end, but this `\"\"\"` opens the next text block")
                    .withHint("close it with `\"\"\"` where its text ends");
        }
        return null;
    }

    /** Whether only blanks (or a comment) follow token {@code i} on its line. */
    private static boolean lineEndsAfter(List<Token> tokens, int i) {
        for (int j = i + 1; j < tokens.size(); j++) {
            Token next = tokens.get(j);
            if (next.getType() == Token.EOF) return true;
            if (next.getType() == RubricLexer.LINE_COMMENT) continue;
            if (next.getType() != RubricLexer.WS) return false;
            String ws = next.getText();
            return ws.contains("\n") || ws.contains("\r");
        }
        return true;
    }
}
