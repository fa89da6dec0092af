package org.rubricc.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.rubricc.ast.Ast;
import org.rubricc.diag.Code;
import org.rubricc.diag.Diagnostic;
import org.rubricc.parse.antlr.RubricLexer;
import org.rubricc.parse.antlr.RubricParser;
import org.rubricc.source.SourceFile;
import org.rubricc.source.Span;

/** Parses one source file into an AST. The only way into this package; no ANTLR type leaves it. */
public final class Parsing {
    /** Deepest nesting of parentheses, or longest run of `not`, a condition may have. */
    public static final int MAX_NESTING = 100;
    /** At most this many syntax errors are reported per file; past it the rest are noise. */
    static final int MAX_SYNTAX_ERRORS = 50;

    private Parsing() {}

    /** The AST (null when nothing usable was parsed) and the problems found while reading. */
    public record Result(Ast.File file, List<Diagnostic> diagnostics) {}

    public static Result parse(SourceFile source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Spans spans = new Spans(source.path());
        RubricLexer lexer = new RubricLexer(CharStreams.fromString(source.text(), source.path()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();

        Set<Integer> badTokens = new HashSet<>();
        if (!checkTokens(tokens.getTokens(), spans, diagnostics, badTokens)) {
            return new Result(null, diagnostics);
        }

        RubricParser parser = new RubricParser(tokens);
        parser.removeErrorListeners();
        RubricParser.FileContext tree;
        // Two-stage parsing: the fast SLL mode is enough for correct files; only on failure is the file
        // parsed again in full LL mode with error reporting and recovery.
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            tree = parser.file();
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(new Listener(spans, diagnostics, badTokens));
            tree = parser.file();
        }
        Ast.File file = new AstBuilder(source.path(), diagnostics).file(tree);
        return new Result(file, diagnostics);
    }

    /**
     * Reports tokens the lexer could only make by giving up (a stray character, a string with no end)
     * and conditions nested beyond {@link #MAX_NESTING}. Returns false when the file must not be parsed.
     */
    private static boolean checkTokens(List<Token> tokens, Spans spans, List<Diagnostic> out, Set<Integer> bad) {
        int depth = 0;
        int nots = 0;
        for (Token t : tokens) {
            switch (t.getType()) {
                case RubricLexer.UNKNOWN_CHAR -> {
                    bad.add(t.getTokenIndex());
                    String shown = describeChar(t.getText());
                    out.add(Diagnostic.of(Code.INVALID_CHARACTER, spans.of(t), "unexpected character " + shown)
                            .withLabel("not part of the rubric language")
                            .withHint(charHint(t.getText())));
                }
                case RubricLexer.UNTERMINATED_STRING -> {
                    bad.add(t.getTokenIndex());
                    out.add(Diagnostic.of(Code.UNTERMINATED_STRING, Span.point(spans.of(t).file(), t.getLine(),
                            t.getCharPositionInLine() + 1), "string is not closed before the end of the line")
                            .withLabel("this string").withHint("add a closing `\"`; for text over several lines use \"\"\" ... \"\"\""));
                }
                case RubricLexer.UNTERMINATED_TEXT_BLOCK -> {
                    bad.add(t.getTokenIndex());
                    out.add(Diagnostic.of(Code.UNTERMINATED_STRING, Span.point(spans.of(t).file(), t.getLine(),
                            t.getCharPositionInLine() + 1), "text block is not closed before the end of the file")
                            .withLabel("this text block").withHint("close it with `\"\"\"`"));
                }
                case RubricLexer.UNTERMINATED_BLOCK_COMMENT -> {
                    bad.add(t.getTokenIndex());
                    out.add(Diagnostic.of(Code.UNTERMINATED_COMMENT, Span.point(spans.of(t).file(), t.getLine(),
                            t.getCharPositionInLine() + 1), "comment is not closed before the end of the file")
                            .withLabel("this comment").withHint("close it with `*/`"));
                }
                case RubricLexer.LPAREN -> {
                    if (++depth > MAX_NESTING) {
                        out.add(Diagnostic.of(Code.NESTING_TOO_DEEP, spans.of(t),
                                "parentheses are nested more than " + MAX_NESTING + " deep")
                                .withHint("split the condition up; no rubric needs it this deep"));
                        return false;
                    }
                }
                case RubricLexer.RPAREN -> depth = Math.max(0, depth - 1);
                default -> { }
            }
            if (t.getType() == RubricLexer.NOT) {
                if (++nots > MAX_NESTING) {
                    out.add(Diagnostic.of(Code.NESTING_TOO_DEEP, spans.of(t),
                            "more than " + MAX_NESTING + " `not` in a row").withHint("two `not` cancel out"));
                    return false;
                }
            } else if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != RubricLexer.LPAREN) {
                nots = 0;
            }
        }
        return true;
    }

    private static String charHint(String c) {
        return switch (c) {
            case "'" -> "strings are written in double quotes: \"...\"";
            case "=" -> "compare with `==`";
            case "&", "|", "!" -> "conditions use `==`, `!=`, `and`, `or` and `not`";
            case "#" -> "comments start with `//`";
            default -> null;
        };
    }

    private static String describeChar(String text) {
        int cp = text.codePointAt(0);
        if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.getType(cp) == Character.FORMAT) {
            return String.format("U+%04X", cp);
        }
        return "`" + text + "`";
    }

    /** Turns ANTLR's reports into messages a person can act on. */
    private static final class Listener extends BaseErrorListener {
        private final Spans spans;
        private final List<Diagnostic> out;
        private final Set<Integer> badTokens;
        private final Set<Integer> linesReported = new HashSet<>();
        private int count;

        Listener(Spans spans, List<Diagnostic> out, Set<Integer> badTokens) {
            this.spans = spans;
            this.out = out;
            this.badTokens = badTokens;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                String msg, RecognitionException e) {
            if (!(offendingSymbol instanceof Token token) || badTokens.contains(token.getTokenIndex())) return;
            // One report per line: after the first error on a line, the rest are usually its echo.
            if (!linesReported.add(token.getLine()) || ++count > MAX_SYNTAX_ERRORS) return;
            Parser parser = (Parser) recognizer;
            IntervalSet expected;
            try {
                expected = e != null ? e.getExpectedTokens() : parser.getExpectedTokens();
            } catch (RuntimeException noState) {
                expected = new IntervalSet();
            }
            ParserRuleContext ctx = e != null && e.getCtx() instanceof ParserRuleContext p ? p : parser.getContext();
            String wanted = describeExpected(expected, ctx);
            String found = describeToken(token);
            String message = wanted.isEmpty() ? "unexpected " + found : "expected " + wanted + ", found " + found;
            Diagnostic d = Diagnostic.of(Code.SYNTAX, spans.of(token), message).withLabel("unexpected here");
            String hint = hintFor(token, expected);
            out.add(hint == null ? d : d.withHint(hint));
        }

        private static String hintFor(Token token, IntervalSet expected) {
            if (token.getType() == RubricLexer.EOF && expected.contains(RubricLexer.RBRACE)) {
                return "a `{` is not closed";
            }
            if (token.getType() == RubricLexer.NUMBER && expected.contains(RubricLexer.VERSION_LITERAL)) {
                return "a version has three parts, such as `1.0.0`";
            }
            String text = token.getText();
            if ("=".equals(text) || "&&".equals(text) || "||".equals(text) || "!".equals(text)) {
                return "conditions use `==`, `and`, `or` and `not`";
            }
            return null;
        }

        private static String describeToken(Token t) {
            if (t.getType() == Token.EOF) return "end of file";
            String text = t.getText();
            if (t.getType() == RubricLexer.STRING || t.getType() == RubricLexer.TEXT_BLOCK) {
                String firstLine = text.lines().findFirst().orElse("");
                return "string " + (firstLine.length() > 30 ? firstLine.substring(0, 27) + "..." : firstLine)
                        + (t.getType() == RubricLexer.TEXT_BLOCK ? "\"\"\"" : "");
            }
            if (t.getType() == RubricLexer.NUMBER) return "number `" + text + "`";
            if (t.getType() == RubricLexer.IDENTIFIER) return "`" + text + "`";
            return "`" + text + "`";
        }

        private static final String DIMENSION_MEMBERS = "a dimension property (`question`, `scale`, `required`, "
                + "`optional`, `weight`, `guidance`, `example`, `not_applicable`, `skip when`, `justify`, `formerly`) or `}`";
        private static final String SECTION_MEMBERS = "`guidance`, `skip when`, `dimension` or `}`";
        private static final String RULE_MEMBERS = "`guidance`, `when`, `then`, `about` or `}`";
        private static final String SCALE_ENTRIES = "a scale entry such as `1 \"Poor\" \"...\"`, `min 0` or `}`";

        private static final java.util.Map<Integer, String> CONTEXTS = java.util.Map.ofEntries(
                java.util.Map.entry(RubricParser.RULE_dimensionMember, DIMENSION_MEMBERS),
                java.util.Map.entry(RubricParser.RULE_dimension, DIMENSION_MEMBERS),
                java.util.Map.entry(RubricParser.RULE_sectionMember, SECTION_MEMBERS),
                java.util.Map.entry(RubricParser.RULE_section, SECTION_MEMBERS),
                java.util.Map.entry(RubricParser.RULE_ruleMember, RULE_MEMBERS),
                java.util.Map.entry(RubricParser.RULE_ruleDecl, RULE_MEMBERS),
                java.util.Map.entry(RubricParser.RULE_scaleEntry, SCALE_ENTRIES),
                java.util.Map.entry(RubricParser.RULE_scaleBody, SCALE_ENTRIES),
                java.util.Map.entry(RubricParser.RULE_itemBlock, "an item field such as `photo: image \"Photo\"` or `}`"),
                java.util.Map.entry(RubricParser.RULE_declaration, "`import`, `item`, `scale`, `section` or `rule`"),
                java.util.Map.entry(RubricParser.RULE_condition, "a condition such as `feasibility == infeasible`"),
                java.util.Map.entry(RubricParser.RULE_constraint,
                        "a constraint such as `overall <= 2`, `require x`, `forbid x == 5` or `justify x`"),
                java.util.Map.entry(RubricParser.RULE_valueLiteral, "a value (a number, a choice, `true`, `false` or `n/a`)"));

        private static String describeExpected(IntervalSet expected, ParserRuleContext ctx) {
            Set<String> names = new LinkedHashSet<>();
            boolean nameAllowed = expected.contains(RubricLexer.IDENTIFIER);
            for (int type : expected.toList()) {
                String n = tokenName(type, nameAllowed);
                if (n != null) names.add(n);
            }
            if (names.size() <= 5 && !names.isEmpty()) return join(new ArrayList<>(names));
            for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
                String phrase = CONTEXTS.get(c.getRuleIndex());
                if (phrase != null) return phrase;
                if (c.getRuleIndex() == RubricParser.RULE_file && expected.contains(RubricLexer.EOF)) {
                    return CONTEXTS.get(RubricParser.RULE_declaration);
                }
            }
            return names.isEmpty() ? "" : join(new ArrayList<>(names).subList(0, Math.min(5, names.size()))) ;
        }

        private static String tokenName(int type, boolean nameAllowed) {
            switch (type) {
                case Token.EOF: return "end of file";
                case RubricLexer.IDENTIFIER: return "a name";
                case RubricLexer.NUMBER: return "a number";
                case RubricLexer.STRING:
                case RubricLexer.TEXT_BLOCK: return "a string";
                case RubricLexer.VERSION_LITERAL: return "a version such as `1.0.0`";
                default:
                    String literal = RubricLexer.VOCABULARY.getLiteralName(type);
                    if (literal == null) return null;
                    String kw = literal.substring(1, literal.length() - 1);
                    // Keywords that may serve as names are not listed separately where a name is expected.
                    if (nameAllowed && Character.isLetter(kw.charAt(0)) && !kw.equals("true") && !kw.equals("false")
                            && !kw.equals("n/a") && !kw.equals("and") && !kw.equals("or") && !kw.equals("not")
                            && !kw.equals("in") && !kw.equals("when")) {
                        return null;
                    }
                    return "`" + kw + "`";
            }
        }

        private static String join(List<String> items) {
            if (items.size() == 1) return items.get(0);
            return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
        }
    }
}
