package org.rubricc.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.rubricc.source.Span;

/**
 * The format a free-text answer must have: a regular expression of the portable subset (README, "Text
 * patterns"), as the checker parsed it, that the whole answer must match. {@code source} is the pattern as
 * written; {@code regex} is what it means; {@link #portable()} writes that meaning once, in the one syntax that
 * java.util.regex, ECMAScript (with the {@code u} flag, as ajv compiles JSON Schema's {@code pattern}) and
 * Python's {@code re} (as python-jsonschema uses it) all read the same way.
 */
public record TextPattern(String source, Optional<String> description, Regex regex, Span span) {

    /**
     * The pattern for an unanchored search (JSON Schema's {@code pattern}, {@code Matcher.find},
     * {@code RegExp.test}, {@code re.search}) that succeeds exactly when the whole answer matches. The end is
     * {@code (?![\s\S])}, "no character follows", because {@code $} also matches before a final line feed in Java
     * and Python but not in JavaScript.
     */
    public String portable() {
        return "^(?:" + regex.emit() + ")(?![\\s\\S])";
    }

    /**
     * The format in words a rater reads: the rubric's description of it, or, when there is none, the pattern
     * itself, saying that the whole answer must match it.
     */
    public String inWords() {
        return description.orElse("the whole answer must match the pattern `" + source + "`");
    }

    /** The message when an answer does not have the format, after the question's title. */
    public String mismatch() {
        return description.map(w -> " must be in this format: " + w).orElse(" must match the pattern `" + source + "` as a whole");
    }

    /** Whether the whole text matches, as java.util.regex reads {@link #portable()}. */
    public boolean matches(String text) {
        return COMPILED.computeIfAbsent(portable(), java.util.regex.Pattern::compile).matcher(text).find();
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, java.util.regex.Pattern> COMPILED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether two patterns mean the same by construction (same canonical form); descriptions aside. */
    public boolean sameAs(TextPattern other) {
        return portable().equals(other.portable());
    }

    /**
     * Whether every text {@code other} matches also matches this pattern, proved by exploring the derivatives of
     * both patterns together (Brzozowski), one class of characters at a time. False when some text matches only
     * {@code other}, and also when the proof would take more than {@link #INCLUSION_LIMIT} steps (so a change is
     * then reported as possibly refusing old answers, never wrongly as relaxed).
     */
    public boolean acceptsAll(TextPattern other) {
        return Derivatives.includes(other.regex, regex);
    }

    /** The most pairs of derivatives {@link #acceptsAll} looks at. */
    public static final int INCLUSION_LIMIT = 20_000;

    private static final class Derivatives {
        private static final Regex EMPTY = new Chars(CharSet.empty());
        private static final Regex EPS = new Seq(List.of());

        /** Whether L(small) is a subset of L(big). */
        static boolean includes(Regex small, Regex big) {
            java.util.Set<List<Regex>> seen = new java.util.HashSet<>();
            java.util.ArrayDeque<List<Regex>> todo = new java.util.ArrayDeque<>();
            List<Regex> start = List.of(norm(small), norm(big));
            seen.add(start);
            todo.add(start);
            while (!todo.isEmpty()) {
                if (seen.size() > INCLUSION_LIMIT) return false;
                List<Regex> pair = todo.poll();
                Regex a = pair.get(0), b = pair.get(1);
                if (nullable(a) && !nullable(b)) return false;
                for (int c : representatives(first(a).union(CharSet.empty()), first(b))) {
                    Regex da = derive(a, c);
                    if (da.equals(EMPTY)) continue;
                    List<Regex> next = List.of(da, derive(b, c));
                    if (seen.add(next)) todo.add(next);
                }
            }
            return true;
        }

        /** One character of each class that the first sets of {@code a} and {@code b} cannot tell apart, within {@code a}'s. */
        private static List<Integer> representatives(CharSet a, CharSet b) {
            java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
            for (CharSet set : List.of(a, b)) {
                int[] r = set.ranges();
                for (int i = 0; i < r.length; i += 2) {
                    cuts.add(r[i]);
                    cuts.add(r[i + 1] + 1);
                }
            }
            List<Integer> out = new ArrayList<>();
            for (int c : cuts) if (a.contains(c)) out.add(c);
            return out;
        }

        private static boolean nullable(Regex r) {
            if (r instanceof Chars) return false;
            if (r instanceof Seq s) return s.parts().stream().allMatch(Derivatives::nullable);
            if (r instanceof Alt a) return a.options().stream().anyMatch(Derivatives::nullable);
            Repeat rep = (Repeat) r;
            return rep.min() == 0 || nullable(rep.body());
        }

        private static CharSet first(Regex r) {
            if (r instanceof Chars c) return c.set();
            if (r instanceof Alt a) {
                CharSet out = CharSet.empty();
                for (Regex o : a.options()) out = out.union(first(o));
                return out;
            }
            if (r instanceof Seq s) {
                CharSet out = CharSet.empty();
                for (Regex p : s.parts()) {
                    out = out.union(first(p));
                    if (!nullable(p)) break;
                }
                return out;
            }
            return first(((Repeat) r).body());
        }

        private static Regex derive(Regex r, int c) {
            if (r instanceof Chars ch) return ch.set().contains(c) ? EPS : EMPTY;
            if (r instanceof Alt a) {
                List<Regex> out = new ArrayList<>();
                for (Regex o : a.options()) out.add(derive(o, c));
                return alt(out);
            }
            if (r instanceof Seq s) {
                if (s.parts().isEmpty()) return EMPTY;
                Regex head = s.parts().get(0);
                Regex rest = seq(s.parts().subList(1, s.parts().size()));
                Regex d = seq(List.of(derive(head, c), rest));
                return nullable(head) ? alt(List.of(d, derive(rest, c))) : d;
            }
            Repeat rep = (Repeat) r;
            Regex again = repeat(rep.body(), Math.max(rep.min() - 1, 0), rep.max() == -1 ? -1 : rep.max() - 1);
            return seq(List.of(derive(rep.body(), c), again));
        }

        private static Regex norm(Regex r) {
            if (r instanceof Chars) return r;
            if (r instanceof Seq s) return seq(s.parts().stream().map(Derivatives::norm).toList());
            if (r instanceof Alt a) return alt(a.options().stream().map(Derivatives::norm).toList());
            Repeat rep = (Repeat) r;
            return repeat(norm(rep.body()), rep.min(), rep.max());
        }

        private static Regex seq(List<Regex> parts) {
            List<Regex> out = new ArrayList<>();
            for (Regex p : parts) {
                if (p.equals(EMPTY)) return EMPTY;
                if (p instanceof Seq s) out.addAll(s.parts());
                else out.add(p);
            }
            return out.size() == 1 ? out.get(0) : new Seq(out);
        }

        private static Regex alt(List<Regex> options) {
            java.util.TreeMap<String, Regex> out = new java.util.TreeMap<>();
            for (Regex o : options) {
                if (o instanceof Alt a) a.options().forEach(x -> out.put(x.emit() + "\u0000" + x, x));
                else if (!o.equals(EMPTY)) out.put(o.emit() + "\u0000" + o, o);
            }
            if (out.isEmpty()) return EMPTY;
            return out.size() == 1 ? out.firstEntry().getValue() : new Alt(new ArrayList<>(out.values()));
        }

        private static Regex repeat(Regex body, int min, int max) {
            if (max == 0 || body.equals(EPS)) return EPS;
            if (body.equals(EMPTY)) return min == 0 ? EPS : EMPTY;
            if (min == 1 && max == 1) return body;
            return new Repeat(body, min, max);
        }
    }

    /** A length no text reaches: a pattern with an unlimited repetition has no longest match. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /**
     * The lengths, in characters (code points), of the texts {@code r} matches whole: {@code {shortest, longest}},
     * longest {@link #UNLIMITED} when a repetition has no limit. Each character or class is one character.
     */
    public static long[] lengths(Regex r) {
        if (r instanceof Chars) return new long[] {1, 1};
        if (r instanceof Seq s) {
            long lo = 0, hi = 0;
            for (Regex p : s.parts()) {
                long[] l = lengths(p);
                lo = add(lo, l[0]);
                hi = add(hi, l[1]);
            }
            return new long[] {lo, hi};
        }
        if (r instanceof Alt a) {
            long lo = UNLIMITED, hi = 0;
            for (Regex o : a.options()) {
                long[] l = lengths(o);
                lo = Math.min(lo, l[0]);
                hi = Math.max(hi, l[1]);
            }
            return a.options().isEmpty() ? new long[] {0, 0} : new long[] {lo, hi};
        }
        Repeat rep = (Repeat) r;
        long[] l = lengths(rep.body());
        long hi = l[1] == 0 ? 0 : rep.max() == -1 ? UNLIMITED : times(l[1], rep.max());
        return new long[] {times(l[0], rep.min()), hi};
    }

    private static long add(long a, long b) {
        return a == UNLIMITED || b == UNLIMITED || a + b < 0 ? UNLIMITED : a + b;
    }

    private static long times(long a, long n) {
        if (a == 0 || n == 0) return 0;
        return a == UNLIMITED || a > UNLIMITED / n ? UNLIMITED : a * n;
    }

    /** A regular expression of the portable subset: characters, sequences, alternatives and repetition. */
    public sealed interface Regex {
        /** The expression in the portable syntax. */
        String emit();

        /** Whether a quantifier sits anywhere in it. */
        boolean repeats();
    }

    /** One character out of a set (a literal, a class, {@code .}, {@code \d}, ...). */
    public record Chars(CharSet set) implements Regex {
        public String emit() {
            return set.emit();
        }

        public boolean repeats() {
            return false;
        }
    }

    /** The parts one after another; no parts matches the empty text. */
    public record Seq(List<Regex> parts) implements Regex {
        public Seq {
            parts = List.copyOf(parts);
        }

        public String emit() {
            StringBuilder b = new StringBuilder();
            for (Regex p : parts) b.append(p instanceof Alt ? "(?:" + p.emit() + ")" : p.emit());
            return b.toString();
        }

        public boolean repeats() {
            return parts.stream().anyMatch(Regex::repeats);
        }
    }

    /** Any one of the options. */
    public record Alt(List<Regex> options) implements Regex {
        public Alt {
            options = List.copyOf(options);
        }

        public String emit() {
            List<String> out = new ArrayList<>();
            for (Regex o : options) out.add(o.emit());
            return String.join("|", out);
        }

        public boolean repeats() {
            return options.stream().anyMatch(Regex::repeats);
        }
    }

    /** {@code body} from {@code min} to {@code max} times; {@code max} is -1 for no limit. */
    public record Repeat(Regex body, int min, int max) implements Regex {
        public String emit() {
            String b = body instanceof Chars ? body.emit() : "(?:" + body.emit() + ")";
            String q;
            if (min == 0 && max == -1) q = "*";
            else if (min == 1 && max == -1) q = "+";
            else if (min == 0 && max == 1) q = "?";
            else if (max == -1) q = "{" + min + ",}";
            else if (min == max) q = "{" + min + "}";
            else q = "{" + min + "," + max + "}";
            return b + q;
        }

        public boolean repeats() {
            return true;
        }
    }

    /**
     * A set of Unicode code points, as sorted, disjoint, non-adjacent inclusive ranges {@code [lo0, hi0, lo1, hi1,
     * ...]}. A lone surrogate is a code point like any other: the three engines read an unpaired surrogate in an
     * answer as one character.
     */
    public static final class CharSet {
        public static final int MAX = Character.MAX_CODE_POINT;
        private final int[] ranges;

        private CharSet(int[] ranges) {
            this.ranges = ranges;
        }

        public static CharSet of(int cp) {
            return new CharSet(new int[] {cp, cp});
        }

        public static CharSet range(int lo, int hi) {
            return new CharSet(new int[] {lo, hi});
        }

        public static CharSet empty() {
            return new CharSet(new int[0]);
        }

        /** ASCII digits, the meaning of {@code \d} here (Python's {@code \d} would also take other digits). */
        public static CharSet digits() {
            return range('0', '9');
        }

        /** ASCII letters, digits and underscore, the meaning of {@code \w} here. */
        public static CharSet word() {
            return range('0', '9').union(range('A', 'Z')).union(of('_')).union(range('a', 'z'));
        }

        /** ASCII white space (tab, line feed, vertical tab, form feed, carriage return, space): {@code \s} here. */
        public static CharSet space() {
            return range(0x09, 0x0D).union(of(' '));
        }

        /** Any character but line feed and carriage return: {@code .} here. */
        public static CharSet dot() {
            return of('\n').union(of('\r')).complement();
        }

        public CharSet union(CharSet other) {
            List<int[]> all = new ArrayList<>();
            for (int i = 0; i < ranges.length; i += 2) all.add(new int[] {ranges[i], ranges[i + 1]});
            for (int i = 0; i < other.ranges.length; i += 2) all.add(new int[] {other.ranges[i], other.ranges[i + 1]});
            all.sort((a, b) -> Integer.compare(a[0], b[0]));
            List<Integer> out = new ArrayList<>();
            for (int[] r : all) {
                int n = out.size();
                if (n > 0 && r[0] <= out.get(n - 1) + 1) {
                    out.set(n - 1, Math.max(out.get(n - 1), r[1]));
                } else {
                    out.add(r[0]);
                    out.add(r[1]);
                }
            }
            return new CharSet(out.stream().mapToInt(Integer::intValue).toArray());
        }

        public CharSet complement() {
            List<Integer> out = new ArrayList<>();
            int next = 0;
            for (int i = 0; i < ranges.length; i += 2) {
                if (ranges[i] > next) {
                    out.add(next);
                    out.add(ranges[i] - 1);
                }
                next = ranges[i + 1] + 1;
            }
            if (next <= MAX) {
                out.add(next);
                out.add(MAX);
            }
            return new CharSet(out.stream().mapToInt(Integer::intValue).toArray());
        }

        public boolean intersects(CharSet other) {
            int i = 0, j = 0;
            while (i < ranges.length && j < other.ranges.length) {
                if (ranges[i + 1] < other.ranges[j]) i += 2;
                else if (other.ranges[j + 1] < ranges[i]) j += 2;
                else return true;
            }
            return false;
        }

        public boolean contains(int cp) {
            for (int i = 0; i < ranges.length; i += 2) {
                if (cp >= ranges[i] && cp <= ranges[i + 1]) return true;
            }
            return false;
        }

        public boolean isEmpty() {
            return ranges.length == 0;
        }

        /** The ranges, {@code [lo0, hi0, lo1, hi1, ...]}. */
        public int[] ranges() {
            return ranges.clone();
        }

        /**
         * The set in the portable syntax: one character as itself (escaped when it must be), otherwise a class,
         * negated when the set reaches the last code point (so surrogate code points never end a written range
         * next to each other, where ECMAScript would read {@code \\uD83D\\uDE00} as one character).
         */
        String emit() {
            if (ranges.length == 0) return "(?!)";
            if (ranges.length == 2 && ranges[0] == 0 && ranges[1] == MAX) return "[\\s\\S]";
            if (ranges.length == 2 && ranges[0] == ranges[1]) return literal(ranges[0], false);
            boolean negate = ranges[ranges.length - 1] == MAX;
            int[] rs = negate ? complement().ranges : ranges;
            StringBuilder b = new StringBuilder(negate ? "[^" : "[");
            for (int i = 0; i < rs.length; i += 2) {
                b.append(literal(rs[i], true));
                if (rs[i + 1] > rs[i]) {
                    if (rs[i + 1] > rs[i] + 1) b.append('-');
                    b.append(literal(rs[i + 1], true));
                }
            }
            return b.append(']').toString();
        }

        /** One code point as the three engines read it the same way, outside or inside a class. */
        static String literal(int cp, boolean inClass) {
            if (cp == '\n') return "\\n";
            if (cp == '\r') return "\\r";
            if (cp == '\t') return "\\t";
            if ("^$\\.*+?()[]{}|".indexOf(cp) >= 0 || (inClass && cp == '-')) return "\\" + (char) cp;
            // `&` and `~` doubled inside a class are set operators to Java (&&) or warned about by Python
            if (inClass && (cp == '&' || cp == '~')) return String.format("\\u%04X", cp);
            if (cp >= 0x20 && cp < 0x7F) return String.valueOf((char) cp);
            if (cp <= 0xFFFF) return String.format("\\u%04X", cp);
            return new String(Character.toChars(cp));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CharSet c && Arrays.equals(ranges, c.ranges);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ranges);
        }

        @Override
        public String toString() {
            return emit();
        }
    }
}
