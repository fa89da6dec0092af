package org.rubricc.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements of generated code, built as with JavaPoet's builders, that JavaPoet writes the same but in far fewer
 * pieces: the body of a {@link Method}, or a {@link Body} of code for one. JavaPoet writes code piece by piece (a
 * statement is at least two: its text and {@code ;}), splits every piece on line breaks with a regular expression
 * and does it all twice (the first time to collect imports); a large rubric's validator is hundreds of thousands of
 * statements, and that was most of the Java target's time and memory. Here the code is one format: a statement on one line is written into it with its indentation, so
 * consecutive statements and control flow are one piece; what may span lines (a code block, a line break in the
 * format or in an argument) keeps JavaPoet's markers ({@code $>}, {@code $[}), so JavaPoet indents it as it would
 * have. The code written is the same, character for character ({@code StatementsTest}).
 *
 * @param <S> the builder's own type, which every call returns
 */
abstract class Statements<S extends Statements<S>> {
    /** The indentation of one level: the generated file's ({@link ValidatorGenerator#generate}). */
    static final String INDENT = "    ";

    private final StringBuilder format = new StringBuilder();
    private final List<Object> args = new ArrayList<>();
    /** Levels of control flow open. */
    private int depth;
    /**
     * Whether the code so far ends a line, as far as can be told: JavaPoet indents a line when its first character
     * is written, so a line that may continue code of unknown end is left to JavaPoet to indent.
     */
    private boolean atLineStart = true;

    /** As {@link CodeBlock.Builder#addStatement(String, Object...)}. */
    S addStatement(String format, Object... args) {
        if (oneLine(format, args)) {
            line(format, args, ";\n");
        } else {
            spanning("$[" + format + ";\n$]", args);
        }
        return self();
    }

    /** A statement of a format written as {@link ValidatorGenerator#c} writes it. */
    S addStatement(ValidatorGenerator.Format format) {
        return addStatement(format.format(), format.args());
    }

    /** As {@link CodeBlock.Builder#beginControlFlow(String, Object...)}. */
    S beginControlFlow(String controlFlow, Object... args) {
        flow(controlFlow, args, " {\n");
        depth++;
        return self();
    }

    /** Control flow of a format written as {@link ValidatorGenerator#c} writes it. */
    S beginControlFlow(ValidatorGenerator.Format format) {
        return beginControlFlow(format.format(), format.args());
    }

    /** As {@link CodeBlock.Builder#nextControlFlow(String, Object...)}. */
    S nextControlFlow(String controlFlow, Object... args) {
        close();
        flow("} " + controlFlow, args, " {\n");
        depth++;
        return self();
    }

    /** As {@link CodeBlock.Builder#endControlFlow()}. */
    S endControlFlow() {
        close();
        line("}", new Object[0], "\n");
        return self();
    }

    /** As {@link CodeBlock.Builder#endControlFlow(String, Object...)}: {@code } while (...);}. */
    S endControlFlow(String controlFlow, Object... args) {
        close();
        flow("} " + controlFlow, args, ";\n");
        return self();
    }

    /** As {@link CodeBlock.Builder#add(CodeBlock)}. */
    S addCode(CodeBlock code) {
        spanning("$L", new Object[] {code});
        return self();
    }

    /** As {@link CodeBlock.Builder#add(String, Object...)}. */
    S addCode(String format, Object... args) {
        spanning(format, args);
        return self();
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    boolean isEmpty() {
        return format.isEmpty();
    }

    /** The statements as one code block; every control flow begun here must have ended. */
    CodeBlock code() {
        if (depth != 0) throw new IllegalStateException(depth + " control flows left open");
        return CodeBlock.of(format.toString(), args.toArray());
    }

    private void close() {
        if (depth == 0) throw new IllegalStateException("no control flow to end");
        depth--;
    }

    private void flow(String format, Object[] args, String end) {
        if (oneLine(format, args)) {
            line(format, args, end);
        } else {
            spanning(format + end, args);
        }
    }

    /** Code JavaPoet writes on one line, written here with the indentation JavaPoet would give it. */
    private void line(String format, Object[] args, String end) {
        if (!atLineStart) {
            spanning(format + end, args);
            return;
        }
        for (int i = 0; i < depth; i++) this.format.append(INDENT);
        this.format.append(format).append(end);
        add(args);
    }

    /** Code that may span lines, left to JavaPoet to indent: the levels open here become its indentation. */
    private void spanning(String format, Object[] args) {
        this.format.append("$>".repeat(depth)).append(format).append("$<".repeat(depth));
        add(args);
        atLineStart = format.endsWith("\n") || format.endsWith("\n$]");
    }

    private void add(Object[] args) {
        for (Object a : args) this.args.add(a);
    }

    /**
     * Whether JavaPoet writes a format and its arguments on one line: no line break in the format or in a string
     * argument, no marker of its own, and no argument that is code (a code block may span lines). JavaPoet breaks
     * lines at everything {@code \R} matches.
     */
    static boolean oneLine(String format, Object[] args) {
        if (breaks(format) || format.contains("$W") || format.contains("$Z") || format.contains("$[")
                || format.contains("$]") || format.contains("$>") || format.contains("$<")) {
            return false;
        }
        for (Object a : args) {
            if (a instanceof String s) {
                if (breaks(s)) return false;
            } else if (!(a == null || a instanceof TypeName || a instanceof Type || a instanceof Number
                    || a instanceof Character || a instanceof Boolean)) {
                return false;
            }
        }
        return true;
    }

    private static boolean breaks(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028'
                    || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
