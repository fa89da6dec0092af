package org.rubricc.diff;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.rubricc.model.Dimension;
import org.rubricc.model.Rubric;
import org.rubricc.model.Rule;
import org.rubricc.model.Scale;
import org.rubricc.model.Section;
import org.rubricc.model.Value;

/**
 * Which thing in the new version is which thing in the old one: by {@code formerly} where the new
 * version declares it, else by the same id (unless another new thing claims that id with
 * {@code formerly}). A {@code formerly} that the old version already declares on the same entry is
 * left over from an earlier release and ignored. Values of scales are matched the same way, per pair
 * of dimensions.
 */
final class Matching {
    final Rubric oldRubric;
    final Rubric newRubric;
    /** old id -> new id, for matched things only. */
    final Map<String, String> dimensions;
    final Map<String, String> sections;
    final Map<String, String> rules;
    private final Map<String, ValueMap> values = new LinkedHashMap<>();

    Matching(Rubric oldRubric, Rubric newRubric) {
        this.oldRubric = oldRubric;
        this.newRubric = newRubric;
        this.dimensions = match(oldRubric.dimensions(), newRubric.dimensions(), Dimension::id, Dimension::formerly);
        this.sections = match(oldRubric.sections(), newRubric.sections(), Section::id, Section::formerly);
        this.rules = match(oldRubric.rules(), newRubric.rules(), Rule::id, Rule::formerly);
        for (Map.Entry<String, String> e : dimensions.entrySet()) {
            Dimension o = oldRubric.dimension(e.getKey()).orElseThrow();
            Dimension n = newRubric.dimension(e.getValue()).orElseThrow();
            values.put(e.getKey(), ValueMap.of(o.scale(), n.scale()));
        }
    }

    static <T> Map<String, String> match(List<T> olds, List<T> news, Function<T, String> id,
            Function<T, Optional<String>> formerly) {
        Set<String> oldIds = new HashSet<>();
        olds.forEach(o -> oldIds.add(id.apply(o)));
        // A `formerly` the old version already declares on the same entry is left over from an earlier release.
        Set<String> stale = new HashSet<>();
        for (T o : olds) formerly.apply(o).ifPresent(f -> stale.add(id.apply(o) + "\u0000" + f));
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> claimed = new HashSet<>();
        for (T n : news) {
            formerly.apply(n).filter(oldIds::contains).filter(f -> !claimed.contains(f))
                    .filter(f -> !stale.contains(id.apply(n) + "\u0000" + f)).ifPresent(f -> {
                out.put(f, id.apply(n));
                claimed.add(f);
            });
        }
        Set<String> newMatched = new HashSet<>(out.values());
        for (T n : news) {
            String nid = id.apply(n);
            if (newMatched.contains(nid)) continue;
            if (oldIds.contains(nid) && !claimed.contains(nid)) {
                out.put(nid, nid);
                claimed.add(nid);
            }
        }
        // Keep the old order, so reports are stable.
        Map<String, String> ordered = new LinkedHashMap<>();
        for (T o : olds) if (out.containsKey(id.apply(o))) ordered.put(id.apply(o), out.get(id.apply(o)));
        return ordered;
    }

    Optional<Dimension> newDimension(String oldId) {
        return Optional.ofNullable(dimensions.get(oldId)).flatMap(newRubric::dimension);
    }

    Optional<Dimension> oldDimension(String newId) {
        return dimensions.entrySet().stream().filter(e -> e.getValue().equals(newId)).findFirst()
                .flatMap(e -> oldRubric.dimension(e.getKey()));
    }

    Optional<String> newDimensionId(String oldId) {
        return Optional.ofNullable(dimensions.get(oldId));
    }

    Optional<String> newSectionId(String oldId) {
        return Optional.ofNullable(sections.get(oldId));
    }

    /** How the values of an old dimension's scale map to its new scale; empty for an unmatched dimension. */
    ValueMap values(String oldDimensionId) {
        return values.getOrDefault(oldDimensionId, ValueMap.NONE);
    }

    /** An old value of an old dimension in the new version's terms; empty when it has no counterpart. */
    Optional<Value> mapValue(String oldDimensionId, Value v) {
        if (v instanceof Value.NotApplicable) {
            Optional<Dimension> n = newDimension(oldDimensionId);
            return n.isPresent() && n.get().notApplicable().isPresent() ? Optional.of(v) : Optional.empty();
        }
        return values(oldDimensionId).map(v);
    }

    /**
     * The values of two scales matched: ordinal points by {@code formerly} or the same value, choices by
     * {@code formerly} or the same id, booleans and numbers as themselves. Nothing matches across kinds.
     */
    static final class ValueMap {
        static final ValueMap NONE = new ValueMap(Map.of(), Map.of(), false);

        /** old point value (normalised) -> new point value. */
        final Map<BigDecimal, BigDecimal> points;
        /** old choice id -> new choice id. */
        final Map<String, String> choices;
        /** Whether booleans, numbers and text map to themselves (same kind: boolean, range or text). */
        final boolean identity;

        ValueMap(Map<BigDecimal, BigDecimal> points, Map<String, String> choices, boolean identity) {
            this.points = points;
            this.choices = choices;
            this.identity = identity;
        }

        static ValueMap of(Scale o, Scale n) {
            if (o instanceof Scale.Ordinal op && n instanceof Scale.Ordinal np) {
                Map<String, String> m = match(op.points(), np.points(), p -> key(p.value()),
                        p -> p.formerly().map(ValueMap::key));
                Map<BigDecimal, BigDecimal> points = new LinkedHashMap<>();
                m.forEach((k, v) -> points.put(new BigDecimal(k), new BigDecimal(v)));
                return new ValueMap(points, Map.of(), false);
            }
            List<Scale.Choice> oc = choices(o), nc = choices(n);
            if (oc != null && nc != null && o.kind().equals(n.kind())) {
                return new ValueMap(Map.of(), match(oc, nc, Scale.Choice::id, Scale.Choice::formerly), false);
            }
            return new ValueMap(Map.of(), Map.of(), o.kind().equals(n.kind()));
        }

        static String key(BigDecimal v) {
            return new Value.Number(v).toSource();
        }

        static List<Scale.Choice> choices(Scale s) {
            if (s instanceof Scale.Categorical c) return c.choices();
            if (s instanceof Scale.MultiSelect m) return m.choices();
            return null;
        }

        Optional<Value> map(Value v) {
            if (v instanceof Value.Number num) {
                if (identity) return Optional.of(v);
                for (Map.Entry<BigDecimal, BigDecimal> e : points.entrySet()) {
                    if (e.getKey().compareTo(num.value()) == 0) return Optional.of(new Value.Number(e.getValue()));
                }
                return Optional.empty();
            }
            if (v instanceof Value.Choice c) return Optional.ofNullable(choices.get(c.id())).map(Value.Choice::new);
            if (v instanceof Value.Bool) return identity ? Optional.of(v) : Optional.empty();
            return Optional.empty();
        }

        Optional<String> mapChoice(String id) {
            return Optional.ofNullable(choices.get(id));
        }

        List<BigDecimal> oldPoints() {
            return new ArrayList<>(points.keySet());
        }
    }
}
