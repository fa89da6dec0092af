package org.rubricc.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rubricc.ast.Ast;
import org.rubricc.diag.Code;
import org.rubricc.diag.Diagnostic;
import org.rubricc.diag.Suggestions;
import org.rubricc.model.Scale;
import org.rubricc.model.TextPattern;
import org.rubricc.source.Span;

/** Checks a scale body and builds the scale. */
final class Scales {
    /** The most values a range whose minimum is off its step may have (the schema lists them). */
    static final int MAX_LISTED_VALUES = 10_000;

    static final List<String> KINDS = List.of("ordinal", "categorical", "boolean", "multi", "range", "text");

    private static final Map<String, String> KIND_PHRASES = Map.of(
            "ordinal", "an ordinal", "multi", "a multi-select", "text", "a free-text");

    private final List<Diagnostic> out;

    Scales(List<Diagnostic> out) {
        this.out = out;
    }

    Optional<Scale> resolve(Optional<String> name, Ast.ScaleBody body) {
        String kind = body.kind().text();
        String what = name.map(n -> "scale `" + n + "`").orElse("this scale");
        Span span = body.span();
        switch (kind) {
            case "ordinal": {
                List<Scale.Point> points = new ArrayList<>();
                Map<BigDecimal, Ast.PointEntry> seen = new HashMap<>();
                for (Ast.ScaleEntry e : body.entries()) {
                    if (!(e instanceof Ast.PointEntry p)) {
                        notApplicable(e, kind, "points of an ordinal scale are numbers: `1 \"Poor\" \"What it means\"`");
                        continue;
                    }
                    Optional<BigDecimal> v = number(p.value(), out);
                    if (v.isEmpty()) continue;
                    BigDecimal key = v.get().stripTrailingZeros();
                    Ast.PointEntry first = seen.putIfAbsent(key, p);
                    if (first != null) {
                        duplicateValue(p.value().span(), "point " + p.value().text(), what, first.span());
                        continue;
                    }
                    List<BigDecimal> formerly = new ArrayList<>();
                    Map<BigDecimal, Span> formerlySeen = new HashMap<>();
                    for (Ast.Literal f : p.formerly()) {
                        if (f.kind() != Ast.LiteralKind.NUMBER) {
                            out.add(Diagnostic.of(Code.INVALID_NUMBER, f.span(),
                                    "`formerly` of a point must be the number it had before"));
                            continue;
                        }
                        Optional<BigDecimal> old = number(f, out);
                        if (old.isEmpty()) continue;
                        Span earlier = formerlySeen.putIfAbsent(old.get().stripTrailingZeros(), f.span());
                        if (earlier != null) duplicateValue(f.span(), "former point " + f.text(), "this `formerly`", earlier);
                        else formerly.add(old.get());
                    }
                    points.add(new Scale.Point(v.get(), p.label().value(), text(p.description()), formerly, p.span()));
                }
                if (points.isEmpty() && !hasEntries(body)) empty(body, what, "add points such as `1 \"Poor\" \"...\"`");
                return points.isEmpty() ? Optional.empty() : Optional.of(new Scale.Ordinal(name, points, span));
            }
            case "categorical":
            case "multi": {
                List<Scale.Choice> choices = new ArrayList<>();
                Map<String, Span> seen = new HashMap<>();
                Ast.NumberSetting min = null, max = null;
                for (Ast.ScaleEntry e : body.entries()) {
                    if (e instanceof Ast.ChoiceEntry c) {
                        addChoice(choices, seen, c.id(), c.label(), c.description(), c.formerly(), c.span(), what);
                    } else if (e instanceof Ast.LabelSetting l) {
                        // `yes "..."` / `no "..."` are choices called yes and no outside a boolean scale
                        addChoice(choices, seen, l.keyword(), l.label(), null, List.of(), l.span(), what);
                    } else if (e instanceof Ast.PatternSetting p) {
                        // `pattern "..." "..."` is a choice called pattern outside a text scale
                        addChoice(choices, seen, p.keyword(), p.regex(), p.description(), List.of(), p.span(), what);
                    } else if (kind.equals("multi") && e instanceof Ast.NumberSetting s && !s.keyword().text().equals("step")) {
                        if (s.keyword().text().equals("min")) min = setOnce(min, s);
                        else max = setOnce(max, s);
                    } else {
                        notApplicable(e, kind, e instanceof Ast.PointEntry
                                ? "choices have ids, such as `feasible \"Feasible\" \"What it means\"`" : null);
                    }
                }
                if (choices.isEmpty() && !hasEntries(body)) {
                    empty(body, what, "add choices such as `feasible \"Feasible\" \"...\"`");
                }
                if (choices.isEmpty()) return Optional.empty();
                if (kind.equals("categorical")) return Optional.of(new Scale.Categorical(name, choices, span));
                int lo = min == null ? 0 : count(min.value(), out).orElse(0);
                int hi = max == null ? choices.size() : count(max.value(), out).orElse(choices.size());
                if (lo > hi) {
                    if (max != null) {
                        minMax(max.value().span(), lo, hi, what);
                    } else {
                        out.add(Diagnostic.of(Code.MIN_GREATER_THAN_MAX, min.value().span(), "`min` " + lo
                                + " is more than the " + choices.size() + (choices.size() == 1 ? " choice" : " choices") + " of " + what));
                    }
                    return Optional.empty();
                }
                return Optional.of(new Scale.MultiSelect(name, choices, lo, hi, span));
            }
            case "boolean": {
                String yes = "Yes", no = "No";
                Ast.LabelSetting y = null, n = null;
                for (Ast.ScaleEntry e : body.entries()) {
                    if (e instanceof Ast.LabelSetting l) {
                        if (l.keyword().text().equals("yes")) y = setOnce(y, l);
                        else n = setOnce(n, l);
                    } else {
                        notApplicable(e, kind, "a boolean scale takes only `yes \"Label\"` and `no \"Label\"`");
                    }
                }
                if (y != null) yes = y.label().value();
                if (n != null) no = n.label().value();
                return Optional.of(new Scale.Bool(name, yes, no, span));
            }
            case "range": {
                Ast.NumberSetting min = null, max = null, step = null;
                for (Ast.ScaleEntry e : body.entries()) {
                    if (e instanceof Ast.NumberSetting s) {
                        switch (s.keyword().text()) {
                            case "min" -> min = setOnce(min, s);
                            case "max" -> max = setOnce(max, s);
                            default -> step = setOnce(step, s);
                        }
                    } else {
                        notApplicable(e, kind, "a range takes `min N`, `max N` and `step N`");
                    }
                }
                if (min == null || max == null) {
                    out.add(Diagnostic.of(Code.MISSING_SETTING, body.kind().span(),
                            what + " needs both `min` and `max`").withHint("for example `range { min 0 max 100 step 5 }`"));
                    return Optional.empty();
                }
                Optional<BigDecimal> lo = number(min.value(), out), hi = number(max.value(), out);
                Optional<BigDecimal> st = step == null ? Optional.empty() : number(step.value(), out);
                if (lo.isEmpty() || hi.isEmpty() || (step != null && st.isEmpty())) return Optional.empty();
                if (lo.get().compareTo(hi.get()) > 0) {
                    minMax(max.value().span(), lo.get(), hi.get(), what);
                    return Optional.empty();
                }
                if (st.isPresent() && st.get().signum() <= 0) {
                    out.add(Diagnostic.of(Code.INVALID_STEP, step.value().span(), "step must be greater than 0"));
                    return Optional.empty();
                }
                if (st.isPresent() && lo.get().remainder(st.get()).signum() != 0) {
                    // JSON Schema's multipleOf cannot say "min + k * step"; such a range is encoded by listing its values.
                    BigDecimal values = hi.get().subtract(lo.get()).divideToIntegralValue(st.get()).add(BigDecimal.ONE);
                    if (values.compareTo(BigDecimal.valueOf(MAX_LISTED_VALUES)) > 0) {
                        out.add(Diagnostic.of(Code.INVALID_STEP, step.value().span(), "a range whose `min` is not a multiple of its `step` "
                                + "may have at most " + MAX_LISTED_VALUES + " values; this one has " + values.toBigInteger())
                                .withHint("start the range at a multiple of the step (such as 0), or use a larger step: the rating-form "
                                        + "schema states such a range by listing its values"));
                        return Optional.empty();
                    }
                }
                return Optional.of(new Scale.Numeric(name, lo.get(), hi.get(), st, span));
            }
            case "text": {
                Ast.NumberSetting min = null, max = null;
                Ast.PatternSetting pattern = null;
                for (Ast.ScaleEntry e : body.entries()) {
                    if (e instanceof Ast.NumberSetting s && !s.keyword().text().equals("step")) {
                        if (s.keyword().text().equals("min")) min = setOnce(min, s);
                        else max = setOnce(max, s);
                    } else if (e instanceof Ast.PatternSetting p) {
                        pattern = setOnce(pattern, p);
                    } else {
                        notApplicable(e, kind, "a text scale takes only `min N` and `max N` (lengths in characters) and `pattern \"...\"`");
                    }
                }
                Optional<TextPattern> compiled = Optional.empty();
                if (pattern != null) {
                    Ast.PatternSetting p = pattern;
                    Optional<TextPattern.Regex> regex = PatternParser.parse(p.regex().value(), (from, to) -> patternSpan(p, from, to), out);
                    if (regex.isEmpty()) return Optional.empty();
                    compiled = Optional.of(new TextPattern(p.regex().value(),
                            Optional.ofNullable(p.description()).map(Ast.Text::value), regex.get(), p.span()));
                }
                int lo = min == null ? 0 : count(min.value(), out).orElse(0);
                Optional<Integer> hi = max == null ? Optional.empty() : count(max.value(), out);
                if (hi.isPresent() && lo > hi.get()) {
                    minMax(max.value().span(), lo, hi.get(), what);
                    return Optional.empty();
                }
                if (compiled.isPresent() && !patternFits(compiled.get(), pattern.regex().span(), lo, hi, min, max)) return Optional.empty();
                return Optional.of(new Scale.Text(name, lo, hi, compiled, span));
            }
            default: {
                Diagnostic d = Diagnostic.of(Code.UNKNOWN_KIND, body.kind().span(), "unknown kind of scale `" + kind + "`")
                        .withLabel("expected one of " + String.join(", ", KINDS));
                out.add(Suggestions.didYouMean(kind, KINDS).map(d::withHint).orElse(d));
                return Optional.empty();
            }
        }
    }

    private static boolean hasEntries(Ast.ScaleBody body) {
        return body.entries().stream().anyMatch(e -> e instanceof Ast.PointEntry || e instanceof Ast.ChoiceEntry
                || e instanceof Ast.LabelSetting || e instanceof Ast.PatternSetting);
    }

    private void addChoice(List<Scale.Choice> choices, Map<String, Span> seen, Ast.Name id, Ast.Text label,
            Ast.Text description, List<Ast.Literal> formerly, Span span, String what) {
        Span first = seen.putIfAbsent(id.text(), span);
        if (first != null) {
            duplicateValue(id.span(), "choice `" + id.text() + "`", what, first);
            return;
        }
        List<String> old = new ArrayList<>();
        Map<String, Span> formerlySeen = new HashMap<>();
        for (Ast.Literal f : formerly) {
            if (f.kind() != Ast.LiteralKind.NAME) {
                out.add(Diagnostic.of(Code.INVALID_NUMBER, f.span(), "`formerly` of a choice must be the id it had before"));
                continue;
            }
            Span earlier = formerlySeen.putIfAbsent(f.text(), f.span());
            if (earlier != null) duplicateValue(f.span(), "former choice `" + f.text() + "`", "this `formerly`", earlier);
            else old.add(f.text());
        }
        choices.add(new Scale.Choice(id.text(), label.value(), text(description), old, span));
    }

    /** The source span of code points {@code from} to {@code to} (exclusive) of a pattern's value. */
    private static Span patternSpan(Ast.PatternSetting p, int from, int to) {
        Span whole = p.regex().span();
        List<Integer> cols = p.columns();
        if (cols.isEmpty()) return whole;
        int last = cols.size() - 1;
        int start = cols.get(Math.min(from, last));
        int end = to > from ? cols.get(Math.min(to, last)) - 1 : start;
        return new Span(whole.file(), whole.line(), start, whole.line(), Math.max(start, end));
    }

    private <T extends Ast.ScaleEntry> T setOnce(T previous, T next) {
        if (previous != null) {
            String kw = next instanceof Ast.NumberSetting n ? n.keyword().text()
                    : next instanceof Ast.PatternSetting p ? p.keyword().text() : ((Ast.LabelSetting) next).keyword().text();
            out.add(Diagnostic.of(Code.DUPLICATE_MEMBER, next.span(), "`" + kw + "` is given twice")
                    .withLabel("second one here").withHint("the first is at line " + previous.span().line()));
            return previous;
        }
        return next;
    }

    private void notApplicable(Ast.ScaleEntry e, String kind, String hint) {
        String what;
        if (e instanceof Ast.PointEntry) what = "a numbered point";
        else if (e instanceof Ast.ChoiceEntry) what = "a choice";
        else if (e instanceof Ast.NumberSetting n) what = "`" + n.keyword().text() + "`";
        else if (e instanceof Ast.PatternSetting) what = "`pattern`";
        else what = "`" + ((Ast.LabelSetting) e).keyword().text() + "`";
        Diagnostic d = Diagnostic.of(Code.SETTING_NOT_APPLICABLE, e.span(), what + " does not belong in " + KIND_PHRASES.getOrDefault(kind, "a " + kind) + " scale");
        out.add(hint == null ? d : d.withHint(hint));
    }

    private void empty(Ast.ScaleBody body, String what, String hint) {
        out.add(Diagnostic.of(Code.EMPTY_SCALE, body.kind().span(), what + " has no values").withHint(hint));
    }

    private void duplicateValue(Span span, String value, String what, Span first) {
        out.add(Diagnostic.of(Code.DUPLICATE_SCALE_VALUE, span, value + " appears twice in " + what)
                .withLabel("again here").withHint("the first is at line " + first.line()));
    }

    /**
     * Whether some text matches both the pattern and the length limits: R1404 when none does; R1405 for each option of
     * the pattern (`none|https?://...`) that the limits rule out, which the rater would be told yet could never give.
     */
    private boolean patternFits(TextPattern pattern, Span at, int lo, Optional<Integer> hi, Ast.NumberSetting min, Ast.NumberSetting max) {
        if (lo == 0 && hi.isEmpty()) return true;
        Optional<Diagnostic> whole = outside(Code.PATTERN_OUTSIDE_LENGTH, pattern.regex(), "this pattern", at, lo, hi, min, max);
        if (whole.isPresent()) {
            out.add(whole.get().withHint("change the pattern or the limit; the form would accept no answer to this question"));
            return false;
        }
        if (pattern.regex() instanceof TextPattern.Alt alt) {
            for (TextPattern.Regex option : alt.options()) {
                outside(Code.PATTERN_OPTION_OUTSIDE_LENGTH, option, "it", at, lo, hi, min, max).ifPresent(d -> out.add(
                        d.withHint("drop the option, or change the limit: raters read the pattern's description and may try it")));
            }
        }
        return true;
    }

    /**
     * R1404 (the whole pattern) or R1405 (an option of it, called {@code it}) when no text {@code r} matches has a length
     * within {@code lo} and {@code hi}, pointing at the limit it misses; empty when some length fits.
     */
    private static Optional<Diagnostic> outside(Code code, TextPattern.Regex r, String it, Span at, int lo, Optional<Integer> hi,
            Ast.NumberSetting min, Ast.NumberSetting max) {
        long[] lengths = TextPattern.lengths(r);
        boolean tooLong = hi.isPresent() && lengths[0] > hi.get();
        boolean tooShort = lengths[1] != TextPattern.UNLIMITED && lengths[1] < lo;
        if (!tooLong && !tooShort) return Optional.empty();
        Ast.NumberSetting limit = tooLong ? max : min;
        String message = code == Code.PATTERN_OUTSIDE_LENGTH
                ? "no answer can match both the pattern and `" + limit.keyword().text() + " " + (tooLong ? hi.get() : lo) + "`"
                : "the option `" + r.emit() + "` of the pattern can never be given";
        return Optional.of(Diagnostic.of(code, at, message)
                .withLabel("every text " + it + " matches has " + (tooLong ? "at least " + characters(lengths[0])
                        : "at most " + characters(lengths[1])))
                .withRelated(limit.span(), tooLong ? "answers may have at most " + characters(hi.get())
                        : "answers must have at least " + characters(lo)));
    }

    private static String characters(long n) {
        return n + (n == 1 ? " character" : " characters");
    }

    private void minMax(Span span, Object lo, Object hi, String what) {
        out.add(Diagnostic.of(Code.MIN_GREATER_THAN_MAX, span, "`min` " + plain(lo) + " is greater than `max` " + plain(hi)
                + " in " + what));
    }

    private static String plain(Object o) {
        return o instanceof BigDecimal b ? b.toPlainString() : o.toString();
    }

    private static String text(Ast.Text t) {
        return t == null ? "" : t.value();
    }

    /** A number literal as a decimal; reports a number too large to be useful. */
    /**
     * Why a dimension's scale is not the one a library expects, or empty when it is: the same kind, and the same
     * values (points, choice ids, a range's minimum, maximum and step; a multi-select's limits). Labels, anchors
     * and a free-text scale's limits may differ: rules and tables look only at values.
     */
    static Optional<String> mismatch(Scale want, Scale have) {
        if (!want.kind().equals(have.kind())) {
            return Optional.of("it has " + have.kindPhrase() + " scale, and the library expects " + want.kindPhrase() + " one");
        }
        if (want instanceof Scale.Ordinal w && have instanceof Scale.Ordinal h) {
            java.util.TreeSet<BigDecimal> a = new java.util.TreeSet<>(), b = new java.util.TreeSet<>();
            w.points().forEach(p -> a.add(p.value()));
            h.points().forEach(p -> b.add(p.value()));
            if (!a.equals(b)) return Optional.of("its points are " + plain(b) + ", and the library expects " + plain(a));
        }
        List<Scale.Choice> wc = want instanceof Scale.Categorical c ? c.choices() : want instanceof Scale.MultiSelect m ? m.choices() : null;
        List<Scale.Choice> hc = have instanceof Scale.Categorical c ? c.choices() : have instanceof Scale.MultiSelect m ? m.choices() : null;
        if (wc != null && hc != null) {
            java.util.TreeSet<String> a = new java.util.TreeSet<>(), b = new java.util.TreeSet<>();
            wc.forEach(c -> a.add(c.id()));
            hc.forEach(c -> b.add(c.id()));
            if (!a.equals(b)) return Optional.of("its choices are " + String.join(", ", b) + ", and the library expects " + String.join(", ", a));
        }
        if (want instanceof Scale.MultiSelect w && have instanceof Scale.MultiSelect h && (w.min() != h.min() || w.max() != h.max())) {
            return Optional.of("it allows " + h.min() + " to " + h.max() + " choices, and the library expects " + w.min() + " to " + w.max());
        }
        if (want instanceof Scale.Numeric w && have instanceof Scale.Numeric h && (w.min().compareTo(h.min()) != 0
                || w.max().compareTo(h.max()) != 0 || !w.step().map(BigDecimal::stripTrailingZeros).equals(h.step().map(BigDecimal::stripTrailingZeros)))) {
            return Optional.of("its range is " + range(h) + ", and the library expects " + range(w));
        }
        return Optional.empty();
    }

    private static String plain(java.util.Collection<BigDecimal> values) {
        return String.join(", ", values.stream().map(v -> v.stripTrailingZeros().toPlainString()).toList());
    }

    private static String range(Scale.Numeric r) {
        return r.min().toPlainString() + " to " + r.max().toPlainString() + r.step().map(s -> " in steps of " + s.toPlainString()).orElse("");
    }

    static Optional<BigDecimal> number(Ast.Literal l, List<Diagnostic> out) {
        try {
            BigDecimal v = new BigDecimal(l.text());
            if (v.precision() - v.scale() > 15 || v.scale() > 15) {
                out.add(Diagnostic.of(Code.INVALID_NUMBER, l.span(), "`" + l.text() + "` has more than 15 digits before or after the point"));
                return Optional.empty();
            }
            return Optional.of(v);
        } catch (NumberFormatException e) {
            out.add(Diagnostic.of(Code.INVALID_NUMBER, l.span(), "`" + l.text() + "` is not a number"));
            return Optional.empty();
        }
    }

    /** A whole number from 0 up, such as a length or a count. */
    static Optional<Integer> count(Ast.Literal l, List<Diagnostic> out) {
        try {
            int v = new BigDecimal(l.text()).intValueExact();
            if (v >= 0) return Optional.of(v);
        } catch (ArithmeticException | NumberFormatException e) {
            // reported below
        }
        out.add(Diagnostic.of(Code.INVALID_NUMBER, l.span(), "`" + l.text() + "` is not a whole number from 0 to "
                + Integer.MAX_VALUE).withLabel("expected a count"));
        return Optional.empty();
    }
}
