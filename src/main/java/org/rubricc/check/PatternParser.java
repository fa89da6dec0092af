package org.rubricc.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.rubricc.diag.Code;
import org.rubricc.diag.Diagnostic;
import org.rubricc.model.TextPattern.Alt;
import org.rubricc.model.TextPattern.CharSet;
import org.rubricc.model.TextPattern.Chars;
import org.rubricc.model.TextPattern.Regex;
import org.rubricc.model.TextPattern.Repeat;
import org.rubricc.model.TextPattern.Seq;
import org.rubricc.source.Span;

/**
 * Reads a text pattern with a whitelist: only the constructs that java.util.regex, ECMAScript (u flag) and
 * Python's re read the same way (README, "Text patterns"), and only patterns that a backtracking engine matches
 * without blowing up. Everything else is a diagnostic at the offending characters, never a guess.
 */
final class PatternParser {
    /** The largest count a quantifier may give ({@code {n,m}}). */
    static final int MAX_COUNT = 1000;
    /** The most positions (characters and classes) a pattern may have. */
    static final int MAX_POSITIONS = 256;
    private static final int MAX_DEPTH = 50;

    private final int[] cps;
    private final BiFunction<Integer, Integer, Span> span;
    private final List<Diagnostic> out;
    private int at;
    private int depth;
    private boolean failed;
    /** Where each character set and repetition was written: code points {@code [from, to)}. */
    private final java.util.IdentityHashMap<Regex, int[]> written = new java.util.IdentityHashMap<>();

    /** {@code span.apply(from, to)} is the source span of code points {@code from} to {@code to} (exclusive). */
    private PatternParser(String source, BiFunction<Integer, Integer, Span> span, List<Diagnostic> out) {
        this.cps = source.codePoints().toArray();
        this.span = span;
        this.out = out;
    }

    static Optional<Regex> parse(String source, BiFunction<Integer, Integer, Span> span, List<Diagnostic> out) {
        PatternParser p = new PatternParser(source, span, out);
        if (p.cps.length == 0) {
            out.add(Diagnostic.of(Code.PATTERN_SYNTAX, span.apply(0, 0), "an empty pattern accepts only an empty answer")
                    .withHint("leave the pattern out to accept any text, or write what an answer must look like"));
            return Optional.empty();
        }
        Regex r = p.alternatives();
        if (!p.failed && p.at < p.cps.length) p.error(Code.PATTERN_SYNTAX, p.at, p.at + 1, "unmatched `)`", "write `\\)` for a parenthesis");
        if (p.failed) return Optional.empty();
        if (!new Backtracking(p).safe(r)) return Optional.empty();
        return Optional.of(r);
    }

    private Regex alternatives() {
        List<Regex> options = new ArrayList<>();
        options.add(sequence());
        while (!failed && at < cps.length && cps[at] == '|') {
            at++;
            options.add(sequence());
        }
        return options.size() == 1 ? options.get(0) : new Alt(options);
    }

    private Regex sequence() {
        List<Regex> parts = new ArrayList<>();
        while (!failed && at < cps.length && cps[at] != '|' && cps[at] != ')') {
            int start = at;
            Regex atom = atom();
            if (failed) break;
            if (atom instanceof Chars) written.put(atom, new int[] {start, at});
            parts.add(quantified(atom, start));
        }
        return parts.size() == 1 ? parts.get(0) : new Seq(parts);
    }

    private Regex quantified(Regex atom, int start) {
        if (at >= cps.length) return atom;
        int q = at, min, max;
        switch (cps[at]) {
            case '*' -> { min = 0; max = -1; at++; }
            case '+' -> { min = 1; max = -1; at++; }
            case '?' -> { min = 0; max = 1; at++; }
            case '{' -> {
                int[] bounds = braces();
                if (bounds == null) return atom;
                min = bounds[0];
                max = bounds[1];
            }
            default -> { return atom; }
        }
        if (at < cps.length && (cps[at] == '?' || cps[at] == '+')) {
            boolean lazy = cps[at] == '?';
            error(Code.PATTERN_NOT_PORTABLE, at, at + 1, (lazy ? "lazy" : "possessive") + " quantifier `" + text(q, at + 1) + "`",
                    lazy ? "a pattern matches the whole answer, so greedy and lazy match the same: drop the `?`"
                         : "JavaScript has no possessive quantifiers: drop the `+`");
            return atom;
        }
        if (at < cps.length && (cps[at] == '*' || cps[at] == '{')) {
            error(Code.PATTERN_SYNTAX, at, at + 1, "a quantifier follows another quantifier", "group first: `(?:a+)*`, or escape it");
            return atom;
        }
        Repeat r = new Repeat(atom, min, max);
        written.put(r, new int[] {start, at});
        return r;
    }

    /** {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code at}; null (reported) when it is anything else. */
    private int[] braces() {
        int open = at;
        int i = at + 1;
        int n = digits(i);
        if (n == i) {
            error(Code.PATTERN_SYNTAX, open, open + 1, "`{` does not start a count such as `{2}`, `{2,}` or `{2,5}`",
                    "write `\\{` for a brace");
            return null;
        }
        long min = number(i, n), max;
        i = n;
        if (i < cps.length && cps[i] == ',') {
            int m = digits(i + 1);
            max = m == i + 1 ? -1 : number(i + 1, m);
            i = m;
        } else {
            max = min;
        }
        if (i >= cps.length || cps[i] != '}') {
            error(Code.PATTERN_SYNTAX, open, Math.min(i + 1, cps.length), "`{` does not start a count such as `{2}`, `{2,}` or `{2,5}`",
                    "write `\\{` for a brace");
            return null;
        }
        at = i + 1;
        if (min > MAX_COUNT || max > MAX_COUNT) {
            error(Code.PATTERN_SYNTAX, open, at, "a count above " + MAX_COUNT, "use `{" + Math.min(min, MAX_COUNT) + ",}` for no upper limit");
            return null;
        }
        if (max != -1 && min > max) {
            error(Code.PATTERN_SYNTAX, open, at, "the count `" + text(open, at) + "` has its minimum above its maximum", null);
            return null;
        }
        return new int[] {(int) min, (int) max};
    }

    private int digits(int i) {
        while (i < cps.length && cps[i] >= '0' && cps[i] <= '9') i++;
        return i;
    }

    private long number(int from, int to) {
        return to - from > 6 ? Long.MAX_VALUE : Long.parseLong(text(from, to));
    }

    private Regex atom() {
        int c = cps[at];
        int start = at;
        switch (c) {
            case '(' -> {
                if (at + 1 < cps.length && cps[at + 1] == '?') {
                    if (at + 2 < cps.length && cps[at + 2] == ':') {
                        at += 3;
                    } else {
                        groupKind(start);
                        return null;
                    }
                } else {
                    at++;
                }
                if (++depth > MAX_DEPTH) {
                    error(Code.PATTERN_SYNTAX, start, start + 1, "groups are nested more than " + MAX_DEPTH + " deep", null);
                    return null;
                }
                Regex inner = alternatives();
                depth--;
                if (failed) return null;
                if (at >= cps.length) {
                    error(Code.PATTERN_SYNTAX, start, start + 1, "this `(` is never closed", "close it with `)`, or write `\\(` for a parenthesis");
                    return null;
                }
                at++;
                return inner;
            }
            case '[' -> {
                return new Chars(charClass());
            }
            case '.' -> {
                at++;
                return new Chars(CharSet.dot());
            }
            case '\\' -> {
                CharSet s = escape(false);
                return s == null ? null : new Chars(s);
            }
            case '^', '$' -> {
                error(Code.PATTERN_NOT_PORTABLE, at, at + 1, "`" + (char) c + "` in a pattern",
                        "a pattern always matches the whole answer, from its first character to its last: remove the `"
                                + (char) c + "`, and write `\\n` to match a line break");
                return null;
            }
            case '*', '+', '?' -> {
                error(Code.PATTERN_SYNTAX, at, at + 1, "`" + (char) c + "` repeats nothing", "write `\\" + (char) c + "` for the character itself");
                return null;
            }
            case '{' -> {
                error(Code.PATTERN_SYNTAX, at, at + 1, "`{` repeats nothing", "write `\\{` for a brace");
                return null;
            }
            case ']', '}' -> {
                error(Code.PATTERN_NOT_PORTABLE, at, at + 1, "`" + (char) c + "` on its own",
                        "JavaScript refuses it unescaped: write `\\" + (char) c + "`");
                return null;
            }
            default -> {
                at++;
                return new Chars(CharSet.of(c));
            }
        }
    }

    /** Reports {@code (?...)} other than {@code (?:}: lookaround, named groups, inline flags. */
    private void groupKind(int start) {
        String rest = text(start, Math.min(cps.length, start + 4));
        String what, hint;
        if (rest.startsWith("(?=") || rest.startsWith("(?!") || rest.startsWith("(?<=") || rest.startsWith("(?<!")) {
            what = "lookaround `" + rest.substring(0, rest.startsWith("(?<") ? 4 : 3) + "`";
            hint = "lookaround is left out of the portable subset (and lookbehind differs between engines): describe the answer by what it contains";
        } else if (rest.startsWith("(?P") || rest.startsWith("(?<") || rest.startsWith("(?'")) {
            what = "a named group";
            hint = "Python writes `(?P<name>...)` and JavaScript `(?<name>...)`: names do not matter to a match, write `(...)`";
        } else {
            what = "inline flags or an extension `" + rest.substring(0, Math.min(3, rest.length())) + "`";
            hint = "flags such as `(?i)` mean different things in each engine: spell the cases out, such as `[Nn]one`";
        }
        error(Code.PATTERN_NOT_PORTABLE, start, Math.min(cps.length, start + (what.startsWith("lookaround `(?<") ? 4 : 3)), what, hint);
    }

    /** A class {@code [...]} starting at {@code at}. */
    private CharSet charClass() {
        int open = at++;
        boolean negate = at < cps.length && cps[at] == '^';
        if (negate) at++;
        CharSet set = CharSet.empty();
        boolean first = true;
        while (true) {
            if (at >= cps.length) {
                error(Code.PATTERN_SYNTAX, open, open + 1, "this `[` is never closed", "close it with `]`, or write `\\[` for a bracket");
                return null;
            }
            int c = cps[at];
            if (c == ']') {
                if (first) {
                    error(Code.PATTERN_NOT_PORTABLE, open, at + 1, "an empty class `" + text(open, at + 1) + "`",
                            "`[]` and `[^]` mean different things in each engine; write `\\]` for a bracket");
                    return null;
                }
                at++;
                break;
            }
            first = false;
            if (c == '[') {
                error(Code.PATTERN_NOT_PORTABLE, at, at + 1, "`[` inside a class",
                        "Java reads it as a nested class, JavaScript as a bracket: write `\\[`");
                return null;
            }
            if ((c == '&' || c == '~' || c == '|' || c == '-') && at + 1 < cps.length && cps[at + 1] == c && c != '-') {
                error(Code.PATTERN_NOT_PORTABLE, at, at + 2, "`" + (char) c + (char) c + "` inside a class",
                        c == '&' ? "Java reads `&&` as the intersection of classes: list the characters instead"
                                 : "Python warns it may become a set operation: write one of them escaped, `\\" + (char) c + "`");
                return null;
            }
            int memberStart = at;
            CharSet lo = member();
            if (lo == null) return null;
            if (at + 1 < cps.length && cps[at] == '-' && cps[at + 1] != ']') {
                at++;
                CharSet hi = member();
                if (hi == null) return null;
                int[] l = lo.ranges(), h = hi.ranges();
                if (l.length != 2 || l[0] != l[1] || h.length != 2 || h[0] != h[1]) {
                    error(Code.PATTERN_NOT_PORTABLE, memberStart, at, "a range `" + text(memberStart, at) + "` with a class at one end",
                            "write `\\-` for a hyphen");
                    return null;
                }
                if (l[0] > h[0]) {
                    error(Code.PATTERN_SYNTAX, memberStart, at, "the range `" + text(memberStart, at) + "` is out of order", null);
                    return null;
                }
                set = set.union(CharSet.range(l[0], h[0]));
            } else {
                set = set.union(lo);
            }
        }
        return negate ? set.complement() : set;
    }

    /** One member of a class: a character or an escape. */
    private CharSet member() {
        if (cps[at] == '\\') return escape(true);
        return CharSet.of(cps[at++]);
    }

    /** An escape at {@code at} ({@code \d}, {@code \n}, {@code \.}, ...); null when it was reported. */
    private CharSet escape(boolean inClass) {
        int start = at;
        if (at + 1 >= cps.length) {
            error(Code.PATTERN_SYNTAX, at, at + 1, "a backslash at the end of the pattern", "write `\\\\` for a backslash");
            return null;
        }
        int c = cps[at + 1];
        at += 2;
        switch (c) {
            case 'd': return CharSet.digits();
            case 'D': return CharSet.digits().complement();
            case 'w': return CharSet.word();
            case 'W': return CharSet.word().complement();
            case 's': return CharSet.space();
            case 'S': return CharSet.space().complement();
            case 'n': return CharSet.of('\n');
            case 'r': return CharSet.of('\r');
            case 't': return CharSet.of('\t');
            case 'u': {
                int end = at;
                while (end < cps.length && end < at + 4 && Character.digit(cps[end], 16) >= 0) end++;
                if (end - at == 4) {
                    int cp = Integer.parseInt(text(at, end), 16);
                    if (cp >= 0xD800 && cp <= 0xDFFF) {
                        error(Code.PATTERN_NOT_PORTABLE, start, end, "a surrogate `" + text(start, end) + "`",
                                "JavaScript joins two of them into one character, Python and Java do not: write the character itself");
                        return null;
                    }
                    at = end;
                    return CharSet.of(cp);
                }
                error(Code.PATTERN_NOT_PORTABLE, start, Math.min(end + 1, cps.length), "`\\u` needs four hex digits here",
                        "such as `\\u00E9`; write characters beyond U+FFFF as themselves");
                return null;
            }
            default:
                break;
        }
        if ("^$\\.*+?()[]{}|/".indexOf(c) >= 0 || (inClass && c == '-')) return CharSet.of(c);
        String e = "`\\" + new String(Character.toChars(c)) + "`";
        String hint = switch (c) {
            case 'b', 'B' -> "word boundaries differ: Python counts any letter as a word character, Java and JavaScript only ASCII ones";
            case 'A', 'Z', 'z', 'G' -> "a pattern always matches the whole answer already: remove it";
            case 'p', 'P' -> "Unicode properties are read differently by each engine (and need the `u` flag in JavaScript): list the characters";
            case 'x', 'U', 'N', 'o' -> "write `\\u` and four hex digits, such as `\\u00E9`, or the character itself";
            case 'k', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> "backreferences are left out of the portable subset";
            case 'v' -> "`\\v` is a vertical tab in JavaScript and Python but any vertical space in Java: write `\\u000B`";
            case 'f', 'a', 'e', '0', 'c' -> "write `\\u` and four hex digits for the control character";
            case 'h', 'H', 'R', 'X', 'Q', 'E' -> "it exists only in some of the engines";
            default -> inClass && c == '-' ? null : "escape only the characters `^ $ \\ . * + ? ( ) [ ] { } | /` (and `-` in a class)";
        };
        error(Code.PATTERN_NOT_PORTABLE, start, at, "the escape " + e + " is not in the portable subset", hint);
        return null;
    }

    private String text(int from, int to) {
        return new String(cps, from, Math.max(0, Math.min(to, cps.length) - from));
    }

    private void error(Code code, int from, int to, String message, String hint) {
        if (failed) return;
        failed = true;
        Diagnostic d = Diagnostic.of(code, span.apply(from, Math.max(from + 1, to)), message);
        out.add(hint == null ? d : d.withHint(hint));
    }

    /**
     * What keeps matching fast in a backtracking engine (Java, JavaScript and Python all are). Nothing that can
     * match empty text is repeated; a repeated group holds repetition only when every character it can start with is one
     * that nothing repeated inside it can match (so the rounds of the outer and inner repetitions cannot be traded);
     * and where the next character could be matched by two of the pattern's characters (Glushkov positions), one
     * of them is repeated and the other is not, so that choice comes up a bounded number of times (each repeated
     * position can be left once) rather than at every character. This rules out the exponential cases
     * ({@code (a+)+}, {@code (a|a)*}, {@code (a*)*}, {@code (a|a)(a|a)...}) and neighbours that trade characters
     * ({@code \S*\S*}). Still allowed: a repetition followed by what it also matches, such as {@code .*x.*x},
     * which backtracks polynomially (degree at most the number of such repetitions) on texts that fail late.
     */
    private static final class Backtracking {
        private final PatternParser p;
        private final List<CharSet> positions = new ArrayList<>();
        private final List<Regex> nodes = new ArrayList<>();
        private final List<Set<Integer>> follow = new ArrayList<>();
        /** Whether each position is inside a repetition that may go round more than once. */
        private final List<Boolean> looped = new ArrayList<>();

        Backtracking(PatternParser p) {
            this.p = p;
        }

        /** Glushkov's construction: first, last, nullable per node; follow per position. */
        private record Info(boolean nullable, Set<Integer> first, Set<Integer> last) {}

        boolean safe(Regex r) {
            // checked first: the follow sets below grow with the square of the number of positions
            if (count(r) > MAX_POSITIONS) {
                p.whole(Code.PATTERN_SYNTAX, "the pattern has more than " + MAX_POSITIONS + " characters and classes",
                        "check the format in two questions, or describe it in words and leave the pattern out");
                return false;
            }
            if (!nesting(r)) return false;
            Info all = info(r, false);
            Optional<String> clash = overlap(all.first());
            if (clash.isEmpty()) {
                for (int i = 0; i < positions.size() && clash.isEmpty(); i++) clash = overlap(follow.get(i));
            }
            if (clash.isPresent()) {
                p.at(Code.PATTERN_BACKTRACKING, clashAt, "the pattern is ambiguous: " + clash.get(),
                        "make each step decided by the next character, such as `\\S+(\\n\\S+)*` rather than `(\\S+\\n?)*`, "
                                + "or `[a-z]+[0-9]*` rather than `\\w*[0-9]*`");
                return false;
            }
            return true;
        }

        private Regex clashAt;

        private Optional<String> overlap(Set<Integer> ps) {
            List<Integer> list = new ArrayList<>(new java.util.TreeSet<>(ps));
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    CharSet a = positions.get(list.get(i)), b = positions.get(list.get(j));
                    // Two ways on only when both are repeated: each choice can then be made again at every
                    // character. Two plain characters that clash would double the work at each such place.
                    if (a.intersects(b) && looped.get(list.get(i)) == looped.get(list.get(j))) {
                        clashAt = nodes.get(list.get(j));
                        return Optional.of("`" + p.source(nodes.get(list.get(i))) + "` and `" + p.source(clashAt)
                                + "` can both match the same next character, again and again");
                    }
                }
            }
            return Optional.empty();
        }

        private Info info(Regex r, boolean inLoop) {
            if (r instanceof Chars c) {
                positions.add(c.set());
                nodes.add(c);
                follow.add(new HashSet<>());
                looped.add(inLoop);
                int i = positions.size() - 1;
                return new Info(false, Set.of(i), Set.of(i));
            }
            if (r instanceof Alt a) {
                boolean nullable = false;
                Set<Integer> first = new HashSet<>(), last = new HashSet<>();
                for (Regex o : a.options()) {
                    Info x = info(o, inLoop);
                    nullable |= x.nullable();
                    first.addAll(x.first());
                    last.addAll(x.last());
                }
                return new Info(nullable, first, last);
            }
            if (r instanceof Seq s) {
                Info acc = new Info(true, Set.of(), Set.of());
                for (Regex part : s.parts()) {
                    Info x = info(part, inLoop);
                    for (int l : acc.last()) follow.get(l).addAll(x.first());
                    Set<Integer> first = new HashSet<>(acc.first());
                    if (acc.nullable()) first.addAll(x.first());
                    Set<Integer> last = new HashSet<>(x.last());
                    if (x.nullable()) last.addAll(acc.last());
                    acc = new Info(acc.nullable() && x.nullable(), first, last);
                }
                return acc;
            }
            Repeat rep = (Repeat) r;
            Info x = info(rep.body(), inLoop || rep.max() != 1);
            // a bounded count is treated as unbounded: stricter, and the same for every count
            if (rep.max() != 1) for (int l : x.last()) follow.get(l).addAll(x.first());
            return new Info(x.nullable() || rep.min() == 0, x.first(), x.last());
        }

        /** Repetition inside repetition, and repetition of what can match empty text. */
        private boolean nesting(Regex r) {
            if (r instanceof Chars) return true;
            if (r instanceof Alt a) return a.options().stream().allMatch(this::nesting);
            if (r instanceof Seq s) return s.parts().stream().allMatch(this::nesting);
            Repeat rep = (Repeat) r;
            if (!nesting(rep.body())) return false;
            if (rep.max() == 1) return true;
            if (nullable(rep.body())) {
                p.at(Code.PATTERN_BACKTRACKING, rep, "`" + p.source(rep) + "` repeats something that can match empty text",
                        "make what is repeated match at least one character");
                return false;
            }
            List<CharSet> inner = new ArrayList<>();
            innerRepeats(rep.body(), inner);
            if (inner.isEmpty()) return true;
            // every round starts with a character no inner repetition can take: where a round ends is not a choice
            CharSet starts = first(rep.body());
            if (inner.stream().noneMatch(starts::intersects)) return true;
            p.at(Code.PATTERN_BACKTRACKING, rep, "`" + p.source(rep) + "` repeats a repetition",
                    "start the repeated group with a separator that nothing repeated inside it can match, "
                            + "such as `\\S+(\\n\\S+)*` or `[0-9]+(,[0-9]+)*`");
            return false;
        }

        /** The characters of every repetition (with more than one round) inside {@code r}. */
        private static void innerRepeats(Regex r, List<CharSet> out) {
            if (r instanceof Alt a) a.options().forEach(o -> innerRepeats(o, out));
            else if (r instanceof Seq s) s.parts().forEach(o -> innerRepeats(o, out));
            else if (r instanceof Repeat rep) {
                if (rep.max() != 1) chars(rep.body(), out);
                else innerRepeats(rep.body(), out);
            }
        }

        private static void chars(Regex r, List<CharSet> out) {
            if (r instanceof Chars c) out.add(c.set());
            else if (r instanceof Alt a) a.options().forEach(o -> chars(o, out));
            else if (r instanceof Seq s) s.parts().forEach(o -> chars(o, out));
            else chars(((Repeat) r).body(), out);
        }

        private static int count(Regex r) {
            if (r instanceof Chars) return 1;
            if (r instanceof Alt a) return a.options().stream().mapToInt(Backtracking::count).sum();
            if (r instanceof Seq s) return s.parts().stream().mapToInt(Backtracking::count).sum();
            return count(((Repeat) r).body());
        }

        /** The characters a match of {@code r} can start with. */
        private static CharSet first(Regex r) {
            if (r instanceof Chars c) return c.set();
            CharSet out = CharSet.empty();
            if (r instanceof Alt a) {
                for (Regex o : a.options()) out = out.union(first(o));
            } else if (r instanceof Seq s) {
                for (Regex part : s.parts()) {
                    out = out.union(first(part));
                    if (!nullable(part)) break;
                }
            } else {
                out = first(((Repeat) r).body());
            }
            return out;
        }

        private static boolean nullable(Regex r) {
            if (r instanceof Chars) return false;
            if (r instanceof Alt a) return a.options().stream().anyMatch(Backtracking::nullable);
            if (r instanceof Seq s) return s.parts().stream().allMatch(Backtracking::nullable);
            Repeat rep = (Repeat) r;
            return rep.min() == 0 || nullable(rep.body());
        }
    }

    /** The pattern as written for a node. */
    private String source(Regex r) {
        int[] w = written.get(r);
        return w == null ? r.emit() : text(w[0], w[1]);
    }

    private void at(Code code, Regex node, String message, String hint) {
        int[] w = written.getOrDefault(node, new int[] {0, cps.length});
        Diagnostic d = Diagnostic.of(code, span.apply(w[0], w[1]), message);
        out.add(hint == null ? d : d.withHint(hint));
    }

    private void whole(Code code, String message, String hint) {
        Diagnostic d = Diagnostic.of(code, span.apply(0, cps.length), message);
        out.add(hint == null ? d : d.withHint(hint));
    }
}
