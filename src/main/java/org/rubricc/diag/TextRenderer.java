package org.rubricc.diag;

import java.util.List;
import java.util.Map;
import org.rubricc.source.SourceFile;
import org.rubricc.source.Span;

/**
 * Renders diagnostics for people, in the style of rustc:
 * <pre>
 * error[R0302]: unknown scale `likret5`
 *   --&gt; rubrics/image-edit/2.0.0.rubric:14:11
 *    |
 * 14 |     scale likret5
 *    |           ^^^^^^^ not defined in this rubric
 *    = help: did you mean `likert5`?
 * </pre>
 */
public final class TextRenderer {
    private static final int TAB_WIDTH = 4;
    /** Source lines longer than this many code points are shown as a window around the span. */
    private static final int MAX_SHOWN = 200;
    private static final int CONTEXT = 60;

    private final Map<String, SourceFile> sources;

    /** @param sources the files diagnostics may point into, by display path */
    public TextRenderer(Map<String, SourceFile> sources) {
        this.sources = sources;
    }

    /**
     * Renders diagnostics in the order given, at most {@link #MAX_ERRORS_PER_FILE} errors per file: past that a
     * file's diagnostics are counted, not shown ("note: 81 more errors in x.rubric not shown"), since they are
     * mostly echoes of the first and would push those off the screen.
     */
    public String render(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        String file = null;
        int errors = 0;
        int hiddenErrors = 0;
        int hiddenOthers = 0;
        for (Diagnostic d : diagnostics) {
            if (!d.span().file().equals(file)) {
                hidden(out, file, hiddenErrors, hiddenOthers);
                file = d.span().file();
                errors = hiddenErrors = hiddenOthers = 0;
            }
            if (errors >= MAX_ERRORS_PER_FILE) {
                if (d.isError()) hiddenErrors++;
                else hiddenOthers++;
                continue;
            }
            if (d.isError()) errors++;
            out.append(render(d)).append('\n');
        }
        hidden(out, file, hiddenErrors, hiddenOthers);
        return out.toString();
    }

    /** At most this many errors of one file are shown; the rest are counted. */
    public static final int MAX_ERRORS_PER_FILE = 50;

    private static void hidden(StringBuilder out, String file, int errors, int others) {
        if (errors == 0 && others == 0) return;
        List<String> parts = new java.util.ArrayList<>();
        if (errors > 0) parts.add(errors + " more error" + (errors == 1 ? "" : "s"));
        if (others > 0) parts.add(others + " more warning" + (others == 1 ? "" : "s"));
        out.append("note: ").append(String.join(" and ", parts)).append(" in ").append(printable(file))
                .append(" not shown; fix the first ").append(MAX_ERRORS_PER_FILE).append(" and check again\n\n");
    }

    public String render(Diagnostic d) {
        StringBuilder out = new StringBuilder();
        Span s = d.span();
        out.append(d.severity().label()).append('[').append(d.code().id()).append("]: ")
                .append(printable(d.message())).append('\n');
        String gutter = " ".repeat(Integer.toString(Math.max(gutterLine(d), 1)).length());
        out.append(gutter).append("--> ").append(s.file());
        if (s.line() > 0) out.append(':').append(s.line()).append(':').append(s.column());
        out.append('\n');
        snippet(out, gutter, s, '^', d.label());
        for (Diagnostic.Related r : d.related()) {
            if (!r.span().file().equals(s.file())) {
                out.append(gutter).append("::: ").append(r.span().file());
                if (r.span().line() > 0) out.append(':').append(r.span().line()).append(':').append(r.span().column());
                out.append('\n');
            }
            snippet(out, gutter, r.span(), '-', r.label());
        }
        d.hint().ifPresent(h -> out.append(gutter).append(" = help: ").append(printable(h)).append('\n'));
        return out.toString();
    }

    /** The widest line number printed, so every gutter lines up. */
    private static int gutterLine(Diagnostic d) {
        int max = d.span().line();
        for (Diagnostic.Related r : d.related()) max = Math.max(max, r.span().line());
        return max;
    }

    /** The source line of {@code s}, with {@code mark} under the span and the label after it. */
    private void snippet(StringBuilder out, String gutter, Span s, char mark, String label) {
        SourceFile file = sources.get(s.file());
        if (file == null || s.line() <= 0) return;
        String line = file.line(s.line());
        String shown = expand(line);
        int startCol = Math.max(1, s.column());
        int endCol = s.endLine() == s.line() ? Math.max(startCol, s.endColumn())
                : line.codePointCount(0, line.length());
        String before = expand(prefix(line, startCol - 1));
        int pad = before.codePointCount(0, before.length());
        String through = expand(prefix(line, Math.max(endCol, startCol)));
        int width = Math.max(1, through.codePointCount(0, through.length()) - pad);
        int length = shown.codePointCount(0, shown.length());
        if (length > MAX_SHOWN) {
            // Show a window around the span, so a megabyte-long line prints as one readable line.
            int from = Math.max(0, pad - CONTEXT);
            width = Math.min(width, MAX_SHOWN - 2 * CONTEXT);
            int to = Math.min(length, pad + width + CONTEXT);
            String window = shown.substring(shown.offsetByCodePoints(0, from), shown.offsetByCodePoints(0, to));
            shown = (from > 0 ? "..." : "") + window + (to < length ? "..." : "");
            pad = pad - from + (from > 0 ? 3 : 0);
        }
        String number = Integer.toString(s.line());
        out.append(gutter).append(" |\n");
        out.append(" ".repeat(gutter.length() - number.length())).append(number).append(" | ").append(shown).append('\n');
        out.append(gutter).append(" | ").append(" ".repeat(pad)).append(String.valueOf(mark).repeat(width));
        if (!label.isEmpty()) out.append(' ').append(printable(label));
        out.append('\n');
    }

    /** The first {@code n} code points of {@code line} (all of it when shorter). */
    private static String prefix(String line, int n) {
        int cps = line.codePointCount(0, line.length());
        return line.substring(0, line.offsetByCodePoints(0, Math.min(n, cps)));
    }

    /** Tabs to spaces, control characters to U+FFFD, so the caret lines up and a terminal shows what is there. */
    private static String expand(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp == '\t') b.append(" ".repeat(TAB_WIDTH));
            else if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) b.append('\uFFFD');
            else b.appendCodePoint(cp);
        });
        return b.toString();
    }

    private static String printable(String s) {
        return expand(s);
    }
}
