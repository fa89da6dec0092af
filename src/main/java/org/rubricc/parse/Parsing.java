package org.rubricc.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
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
import org.rubricc.diag.Suggestions;
import org.rubricc.parse.antlr.RubricLexer;
import org.rubricc.parse.antlr.RubricParser;
import org.rubricc.source.SourceFile;
import org.rubricc.source.Span;

/** Parses one source file into an AST. The only way into this package; no ANTLR type leaves it. */
public final class Parsing {
    /** Deepest nesting of parentheses, or longest run of `not`, a condition may have. */
    public static final int MAX_NESTING = 100;
    private Parsing() {}

    /**
     * The AST (null when nothing usable was parsed) and the problems found while reading.
     *
     * @param complete false when a syntax error left the AST uncertain (parts may be missing or misread): the
     *                 checks of names and values then stay silent, since what they would report is mostly an echo
     *                 of the syntax error ("no title" after a misspelt `version` line, ...). True when the file
     *                 parsed, or every problem was repaired exactly (a misspelt keyword, a string in curly quotes).
     */
    public record Result(Ast.File file, List<Diagnostic> diagnostics, boolean complete) {}

    /** Whether the file starts (after comments) with `rubric` or `library`, as every rubric file does. */
    public static boolean looksLikeRubric(SourceFile source) {
        RubricLexer lexer = new RubricLexer(CharStreams.fromString(source.text(), source.path()));
        lexer.removeErrorListeners();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return t.getType() == RubricLexer.RUBRIC || t.getType() == RubricLexer.LIBRARY;
            }
        }
        return false;
    }

    public static Result parse(SourceFile source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Spans spans = new Spans(source.path());
        RubricLexer lexer = new RubricLexer(CharStreams.fromString(source.text(), source.path()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();

        Diagnostic lostTextBlock = TextBlocks.unclosed(tokens.getTokens(), spans);
        if (lostTextBlock != null) {
            // Everything after the unclosed block is read inside out (text as code, code as text): say where it
            // starts and nothing else.
            return new Result(null, List.of(lostTextBlock), false);
        }
        repairCurlyStrings(tokens.getTokens(), spans, diagnostics);
        int repairedByLexer = diagnostics.size();
        Set<Integer> badTokens = new HashSet<>();
        if (!checkTokens(tokens.getTokens(), spans, diagnostics, badTokens)) {
            return new Result(null, diagnostics, false);
        }
        boolean complete = diagnostics.size() == repairedByLexer;

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
            Listener first = new Listener(spans, tokens, badTokens, true);
            tree = parseWithRecovery(parser, tokens, first);
            Listener used = first;
            if (!first.keywords.isEmpty()) {
                // Misspelt keywords: read them as the keyword meant and parse again, so that one typo is one error
                // instead of a header or a block lost to recovery. Kept only when no error remains at a repaired token.
                Map<Integer, Integer> types = new HashMap<>();
                first.keywords.forEach((index, type) -> {
                    CommonToken t = (CommonToken) tokens.get(index);
                    types.put(index, t.getType());
                    t.setType(type);
                });
                Listener again = new Listener(spans, tokens, badTokens, false);
                RubricParser.FileContext repaired = parseWithRecovery(parser, tokens, again);
                if (again.errorTokens.stream().noneMatch(first.keywords::containsKey)) {
                    tree = repaired;
                    diagnostics.addAll(first.typos);
                    used = again;
                } else {
                    types.forEach((index, type) -> ((CommonToken) tokens.get(index)).setType(type));
                    diagnostics.addAll(first.typos);
                    complete = false;
                }
            }
            diagnostics.addAll(used.out);
            complete = complete && used.unrepaired == 0;
        }
        Ast.File file = new AstBuilder(source.path(), diagnostics).file(tree);
        return new Result(file, diagnostics, complete);
    }

    private static RubricParser.FileContext parseWithRecovery(RubricParser parser, CommonTokenStream tokens,
            Listener listener) {
        tokens.seek(0);
        parser.reset();
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        parser.setErrorHandler(new Recovery());
        parser.addErrorListener(listener);
        return parser.file();
    }

    private static boolean isCurly(int cp) {
        return cp == '\u201C' || cp == '\u201D';
    }

    /** Strings in curly quotes: one error each, then read as the string meant, so the file is still checked. */
    private static void repairCurlyStrings(List<Token> tokens, Spans spans, List<Diagnostic> out) {
        for (Token t : tokens) {
            if (t.getType() != RubricLexer.CURLY_STRING) continue;
            String text = t.getText();
            out.add(Diagnostic.of(Code.INVALID_CHARACTER, spans.of(t), "a string in curly quotes")
                    .withLabel("these quotes are not `\"`")
                    .withHint("use straight quotes: \"" + text.substring(1, text.length() - 1)
                            + "\" (a word processor or chat tool may have turned them curly)"));
            CommonToken c = (CommonToken) t;
            c.setType(RubricLexer.STRING);
            c.setText("\"" + text.substring(1, text.length() - 1) + "\"");
        }
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
                    String name = slashedName(tokens, t.getTokenIndex());
                    if (name != null) {
                        String id = name.replaceAll("[^A-Za-z0-9_-]+", "_");
                        out.add(Diagnostic.of(Code.INVALID_CHARACTER, spans.of(t), "unexpected character " + shown
                                + " in `" + name + "`").withLabel("not allowed in a name")
                                .withHint("a name is letters, digits, `_` and `-`; name it `" + id + "` and write \""
                                        + name + "\" in its label, which is what raters see"));
                    } else {
                        out.add(Diagnostic.of(Code.INVALID_CHARACTER, spans.of(t), "unexpected character " + shown)
                                .withLabel("not part of the rubric language")
                                .withHint(charHint(t.getText())));
                    }
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
            case "\u201C", "\u201D" -> "use straight quotes `\"` around strings";
            case "\u2018", "\u2019" -> "strings are written in straight double quotes: \"...\"";
            default -> null;
        };
    }

    /**
     * The name around a stray character written inside one, such as `a/b` ({@code index} is the character's
     * token): the name as written, or null when the character does not sit between two words.
     */
    private static String slashedName(List<Token> tokens, int index) {
        if (index == 0 || index + 1 >= tokens.size()) return null;
        Token before = tokens.get(index - 1), c = tokens.get(index), after = tokens.get(index + 1);
        if (!c.getText().equals("/") && !c.getText().equals("&") && !c.getText().equals("+")) return null;
        boolean word = isWord(before) && isWord(after);
        if (!word || before.getStopIndex() + 1 != c.getStartIndex() || c.getStopIndex() + 1 != after.getStartIndex()) {
            return null;
        }
        return before.getText() + c.getText() + after.getText();
    }

    private static boolean isWord(Token t) {
        return t.getType() == RubricLexer.IDENTIFIER || t.getType() == RubricLexer.NUMBER
                || (t.getText() != null && t.getText().matches("[a-z_]+") && t.getChannel() == Token.DEFAULT_CHANNEL);
    }

    private static String describeChar(String text) {
        int cp = text.codePointAt(0);
        if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.getType(cp) == Character.FORMAT) {
            return String.format("U+%04X", cp);
        }
        return "`" + text + "`";
    }

    /** ANTLR's recovery, and: a `dimension` outside any section is skipped whole, brace to brace, as one error. */
    private static final class Recovery extends DefaultErrorStrategy {
        @Override
        public void sync(Parser recognizer) {
            ParserRuleContext ctx = recognizer.getContext();
            boolean top = ctx instanceof RubricParser.FileContext || ctx instanceof RubricParser.RubricHeaderContext
                    || ctx instanceof RubricParser.LibraryHeaderContext;
            if (top && recognizer.getInputStream().LA(1) == RubricLexer.DIMENSION) {
                recognizer.notifyErrorListeners(recognizer.getCurrentToken(), "dimension outside any section", null);
                int depth = 0;
                for (int type = recognizer.getInputStream().LA(1); type != Token.EOF;
                        type = recognizer.getInputStream().LA(1)) {
                    recognizer.consume();
                    if (type == RubricLexer.LBRACE) depth++;
                    else if (type == RubricLexer.RBRACE && --depth <= 0) break;
                }
                endErrorCondition(recognizer);
                return;
            }
            super.sync(recognizer);
        }
    }

    /** Turns ANTLR's reports into messages a person can act on. */
    private static final class Listener extends BaseErrorListener {
        private final Spans spans;
        private final CommonTokenStream tokens;
        private final Set<Integer> badTokens;
        private final boolean suggest;
        private final Set<Integer> linesReported = new HashSet<>();
        /** Syntax errors, except misspelt keywords. */
        final List<Diagnostic> out = new ArrayList<>();
        /** Misspelt keywords, each with the keyword meant. */
        final List<Diagnostic> typos = new ArrayList<>();
        /** Token index of each misspelt keyword, to the type of the keyword meant. */
        final Map<Integer, Integer> keywords = new LinkedHashMap<>();
        /** Every token ANTLR stopped at, reported or not. */
        final Set<Integer> errorTokens = new HashSet<>();
        /** Token ranges (first, last index) whose errors are echoes of one already reported. */
        private final List<int[]> quiet = new ArrayList<>();
        int unrepaired;

        Listener(Spans spans, CommonTokenStream tokens, Set<Integer> badTokens, boolean suggest) {
            this.spans = spans;
            this.tokens = tokens;
            this.badTokens = badTokens;
            this.suggest = suggest;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                String msg, RecognitionException e) {
            if (!(offendingSymbol instanceof Token token)) return;
            errorTokens.add(token.getTokenIndex());
            if (badTokens.contains(token.getTokenIndex())) return;
            if (isQuiet(token.getTokenIndex())) return;
            Parser parser = (Parser) recognizer;
            IntervalSet expected;
            try {
                expected = e != null ? e.getExpectedTokens() : parser.getExpectedTokens();
            } catch (RuntimeException noState) {
                expected = new IntervalSet();
            }
            ParserRuleContext ctx = e != null && e.getCtx() instanceof ParserRuleContext p ? p : parser.getContext();
            // A keyword written with a typo, where that keyword would fit: one error, and the parse is repeated with
            // the keyword meant.
            if (suggest && token.getType() == RubricLexer.IDENTIFIER && !linesReported.contains(token.getLine())) {
                Optional<Map.Entry<String, Integer>> meant = keywordMeant(token.getText(), expected, ctx);
                if (meant.isPresent()) {
                    linesReported.add(token.getLine());
                    keywords.put(token.getTokenIndex(), meant.get().getValue());
                    typos.add(Diagnostic.of(Code.SYNTAX, spans.of(token), "unknown keyword `" + token.getText() + "`")
                            .withLabel(NOT_A_KEYWORD).withHint("did you mean `" + meant.get().getKey() + "`?"));
                    return;
                }
            }
            unrepaired++;
            // One report per line: after the first error on a line, the rest are usually its echo.
            if (!linesReported.add(token.getLine())) return;
            if (token.getType() == RubricLexer.DIMENSION && atTopLevel(ctx)) {
                // A dimension outside any section: one error for the whole block, not one per token of it.
                quiet.add(new int[] {token.getTokenIndex(), closingBrace(token.getTokenIndex())});
                out.add(Diagnostic.of(Code.SYNTAX, spans.of(token), "a `dimension` must be inside a `section`")
                        .withLabel("outside any section")
                        .withHint("put it in a section: `section ID \"Title\" { dimension ... }`; every dimension "
                                + "belongs to one"));
                return;
            }
            Diagnostic valueMissing = keywordReadAsValue(token);
            if (valueMissing != null) {
                out.add(valueMissing);
                return;
            }
            Diagnostic unclosed = unclosedBrace(token, expected, ctx);
            if (unclosed != null) {
                out.add(unclosed);
                return;
            }
            String wanted = describeExpected(expected, ctx);
            String found = describeToken(token);
            String message = wanted.isEmpty() ? "unexpected " + found : "expected " + wanted + ", found " + found;
            Diagnostic d = Diagnostic.of(Code.SYNTAX, spans.of(token), message).withLabel("unexpected here");
            String hint = hintFor(token, expected);
            out.add(hint == null ? d : d.withHint(hint));
        }

        static final String NOT_A_KEYWORD = "not a keyword";

        private boolean isQuiet(int index) {
            for (int[] q : quiet) {
                if (index >= q[0] && index <= q[1]) return true;
            }
            return false;
        }

        /** The index of the `}` that closes the first `{` after {@code from} (the last token when there is none). */
        private int closingBrace(int from) {
            int depth = 0;
            for (int i = from; i < tokens.size(); i++) {
                int type = tokens.get(i).getType();
                if (type == RubricLexer.LBRACE) depth++;
                else if (type == RubricLexer.RBRACE && --depth <= 0 && depth == 0) return i;
                else if (type == Token.EOF) return i;
            }
            return tokens.size() - 1;
        }

        private static boolean atTopLevel(ParserRuleContext ctx) {
            for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
                int rule = c.getRuleIndex();
                if (rule == RubricParser.RULE_section || rule == RubricParser.RULE_dimension
                        || rule == RubricParser.RULE_ruleDecl || rule == RubricParser.RULE_scaleDecl
                        || rule == RubricParser.RULE_tableDecl
                        || rule == RubricParser.RULE_itemBlock) {
                    return false;
                }
            }
            return true;
        }

        /** Keywords that may start a header field or a declaration, for typos at the top of a file. */
        private static final int[] TOP_LEVEL = {RubricLexer.VERSION, RubricLexer.TITLE, RubricLexer.DESCRIPTION,
            RubricLexer.IMPORT, RubricLexer.ITEM, RubricLexer.SCALE, RubricLexer.SECTION, RubricLexer.RULE, RubricLexer.TABLE, RubricLexer.EXPECT};

        /** The keyword a misspelt word most likely means, among those that would fit here. */
        private static Optional<Map.Entry<String, Integer>> keywordMeant(String word, IntervalSet expected,
                ParserRuleContext ctx) {
            Map<String, Integer> candidates = new LinkedHashMap<>();
            for (int type : expected.toList()) addKeyword(candidates, type);
            if (atTopLevel(ctx)) {
                for (int type : TOP_LEVEL) addKeyword(candidates, type);
            }
            return Suggestions.closest(word, candidates.keySet()).map(k -> Map.entry(k, candidates.get(k)));
        }

        private static void addKeyword(Map<String, Integer> candidates, int type) {
            String literal = type > 0 ? RubricLexer.VOCABULARY.getLiteralName(type) : null;
            if (literal == null) return;
            String kw = literal.substring(1, literal.length() - 1);
            if (kw.length() > 2 && Character.isLetter(kw.charAt(0))) candidates.put(kw, type);
        }

        /**
         * A comparison with no value before the next line's keyword (`when x ==` then `then ...`): the keyword was
         * read as the value, and the error comes a word later. Reported at the keyword, as what it is.
         */
        private Diagnostic keywordReadAsValue(Token token) {
            Token keyword = previous(token.getTokenIndex());
            Token op = keyword == null ? null : previous(keyword.getTokenIndex());
            if (keyword == null || op == null || keyword.getLine() == op.getLine()) return null;
            String literal = RubricLexer.VOCABULARY.getLiteralName(keyword.getType());
            boolean isKeyword = literal != null && Character.isLetter(literal.charAt(1));
            boolean comparison = op.getType() == RubricLexer.EQ || op.getType() == RubricLexer.NE
                    || op.getType() == RubricLexer.LT || op.getType() == RubricLexer.LE || op.getType() == RubricLexer.GT
                    || op.getType() == RubricLexer.GE || op.getType() == RubricLexer.CONTAINS;
            boolean connective = op.getType() == RubricLexer.AND || op.getType() == RubricLexer.OR
                    || op.getType() == RubricLexer.NOT;
            if (!isKeyword || !(comparison || connective)) return null;
            if (connective) {
                return Diagnostic.of(Code.SYNTAX, spans.of(op), "expected a condition after `" + op.getText()
                        + "`, found `" + keyword.getText() + "` on the next line")
                        .withLabel("no condition after this")
                        .withRelated(spans.of(keyword), "read as part of the condition, though it starts the next line")
                        .withHint("complete the condition, or remove the `" + op.getText() + "`");
            }
            return Diagnostic.of(Code.SYNTAX, spans.of(op), "expected a value after `" + op.getText() + "`, found `"
                    + keyword.getText() + "` on the next line")
                    .withLabel("no value after this")
                    .withRelated(spans.of(keyword), "read as the value, though it starts the next line")
                    .withHint("complete the comparison, such as `" + op.getText() + " 2` or `" + op.getText() + " true`");
        }

        /** The token on the default channel before {@code index}, or null. */
        private Token previous(int index) {
            for (int i = index - 1; i >= 0; i--) {
                Token t = tokens.get(i);
                if (t.getChannel() == Token.DEFAULT_CHANNEL) return t;
            }
            return null;
        }

        /** "expected `}` to close ..." with the `{` that is not closed, when that is what went wrong. */
        private Diagnostic unclosedBrace(Token token, IntervalSet expected, ParserRuleContext ctx) {
            if (!expected.contains(RubricLexer.RBRACE)) return null;
            int type = token.getType();
            boolean startsSomethingElse = type == Token.EOF || type == RubricLexer.DIMENSION || type == RubricLexer.SECTION
                    || type == RubricLexer.RULE || type == RubricLexer.IMPORT || type == RubricLexer.ITEM
                    || type == RubricLexer.TABLE;
            if (!startsSomethingElse) return null;
            for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
                Token open = null;
                boolean closed = false;
                for (int i = 0; i < c.getChildCount(); i++) {
                    if (c.getChild(i) instanceof org.antlr.v4.runtime.tree.TerminalNode n) {
                        if (n.getSymbol().getType() == RubricLexer.LBRACE && open == null) open = n.getSymbol();
                        if (n.getSymbol().getType() == RubricLexer.RBRACE && n.getSymbol().getTokenIndex() >= 0) closed = true;
                    }
                }
                if (open == null || closed) continue;
                String what = blockName(c);
                String found = type == Token.EOF ? "the end of the file" : "`" + token.getText() + "`";
                return Diagnostic.of(Code.SYNTAX, spans.of(token), "expected `}` to close " + what + ", found "
                        + (type == Token.EOF ? "end of file" : "`" + token.getText() + "`"))
                        .withLabel("expected `}` before this")
                        .withRelated(spans.of(open), "unclosed `{`")
                        .withHint("add a `}` before " + found + " to close " + what);
            }
            return null;
        }

        private static String blockName(ParserRuleContext c) {
            if (c instanceof RubricParser.DimensionContext d && d.id != null) return "dimension `" + d.id.getText() + "`";
            if (c instanceof RubricParser.SectionContext s && s.id != null) return "section `" + s.id.getText() + "`";
            if (c instanceof RubricParser.RuleDeclContext r && r.id != null) return "rule `" + r.id.getText() + "`";
            if (c instanceof RubricParser.TableDeclContext t && t.id != null) return "table `" + t.id.getText() + "`";
            if (c instanceof RubricParser.ItemBlockContext) return "the `item` block";
            if (c.getParent() instanceof RubricParser.ScaleDeclContext s && s.name != null) {
                return "scale `" + s.name.getText() + "`";
            }
            if (c instanceof RubricParser.ValueSetContext) return "the set of values";
            return "the scale";
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
        private static final String TABLE_MEMBERS = "`guidance`, a row `| ... | -> VALUE |`, `otherwise -> VALUE` or `}`";
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
                java.util.Map.entry(RubricParser.RULE_declaration, "`import`, `item`, `scale`, `section`, `rule`, `table` or `expect`"),
                java.util.Map.entry(RubricParser.RULE_tableMember, TABLE_MEMBERS),
                java.util.Map.entry(RubricParser.RULE_tableDecl, TABLE_MEMBERS),
                java.util.Map.entry(RubricParser.RULE_tableCell, "a cell: `any`, `not answered`, values such as `kept, minor`, or `<= 2`"),
                java.util.Map.entry(RubricParser.RULE_cellEntry, "a cell: `any`, `not answered`, values such as `kept, minor`, or `<= 2`"),
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
