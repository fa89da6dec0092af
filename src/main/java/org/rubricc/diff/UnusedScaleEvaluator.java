package org.rubricc.diff;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.rubricc.model.Dimension;
import org.rubricc.model.Rubric;
import org.rubricc.model.Scale;

/**
 * Named scales that no dimension of either version uses. Scales in use are compared where they are
 * used, dimension by dimension ({@link ScaleEvaluator}); these are only declarations.
 */
final class UnusedScaleEvaluator implements Evaluator {
    @Override
    public void evaluate(Report r) {
        Set<String> used = new TreeSet<>();
        used.addAll(usedNames(r.m.oldRubric));
        used.addAll(usedNames(r.m.newRubric));
        Map<String, Scale> olds = r.m.oldRubric.scales(), news = r.m.newRubric.scales();
        Set<String> names = new TreeSet<>(olds.keySet());
        names.addAll(news.keySet());
        for (String name : names) {
            if (used.contains(name)) continue;
            Scale o = olds.get(name), n = news.get(name);
            String a = o == null ? null : describe(o), b = n == null ? null : describe(n);
            if (java.util.Objects.equals(a, b)) continue;
            r.add(ChangeRule.UNUSED_SCALE_CHANGED, "scale:" + name, Report.of(org.rubricc.diff.Change.Subject.Kind.SCALE,
                    o == null ? null : name, n == null ? null : name), o == null ? null : o.span(), n == null ? null : n.span(),
                    a, b, "scale `" + name + "`, which no dimension uses, " + (o == null ? "added" : n == null ? "removed" : "changed"));
        }
    }

    /**
     * The names, in {@link Rubric#scales()}, of the scales some dimension uses. An imported scale is listed there as
     * `alias.name` but knows itself by its name in the library, so it is found as the same scale, not by name.
     */
    private static Set<String> usedNames(Rubric rubric) {
        Set<String> used = rubric.dimensions().stream().map(Dimension::scale).flatMap(s -> s.name().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Scale> usedScales = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        rubric.dimensions().forEach(d -> usedScales.add(d.scale()));
        rubric.scales().forEach((name, scale) -> {
            if (usedScales.contains(scale)) used.add(name);
        });
        return used;
    }

    /** A scale's content as written, without its place in the file. */
    static String describe(Scale s) {
        StringBuilder b = new StringBuilder(s.kind()).append(" {");
        if (s instanceof Scale.Ordinal o) {
            o.points().forEach(p -> b.append(' ').append(Matching.ValueMap.key(p.value())).append(' ')
                    .append(quote(p.label())).append(' ').append(quote(p.description())));
        } else if (s instanceof Scale.Categorical c) {
            c.choices().forEach(x -> b.append(' ').append(x.id()).append(' ').append(quote(x.label())).append(' ').append(quote(x.description())));
        } else if (s instanceof Scale.MultiSelect m) {
            m.choices().forEach(x -> b.append(' ').append(x.id()).append(' ').append(quote(x.label())).append(' ').append(quote(x.description())));
            b.append(" min ").append(m.min()).append(" max ").append(m.max());
        } else if (s instanceof Scale.Bool x) {
            b.append(" yes ").append(quote(x.yesLabel())).append(" no ").append(quote(x.noLabel()));
        } else if (s instanceof Scale.Numeric x) {
            b.append(" min ").append(x.min().toPlainString()).append(" max ").append(x.max().toPlainString());
            x.step().ifPresent(st -> b.append(" step ").append(st.toPlainString()));
        } else if (s instanceof Scale.Text t) {
            b.append(" min ").append(t.minLength());
            t.maxLength().ifPresent(m -> b.append(" max ").append(m));
        }
        return b.append(" }").toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
