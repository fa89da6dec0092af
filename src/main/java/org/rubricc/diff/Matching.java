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
public final class Matching {
    final Rubric oldRubric;
    final Rubric newRubric;
    /** old id -> new id, for matched things only. */
    final Map<String, String> dimensions;
    final Map<String, String> sections;
    final Map<String, String> rules;
    private final Map<String, ValueMap> values = new LinkedHashMap<>();

    public Matching(Rubric oldRubric, Rubric newRubric) {
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

    /** The old dimension a new one was (by id or {@code formerly}); empty for a new dimension. */
    public Optional<Dimension> oldDimension(String newId) {
        return dimensions.entrySet().stream().filter(e -> e.getValue().equals(newId)).findFirst()
                .flatMap(e -> oldRubric.dimension(e.getKey()));
    }

    /** The id an old dimension has in the new version; empty when it is gone. */
    public Optional<String> newDimensionId(String oldId) {
        return Optional.ofNullable(dimensions.get(oldId));
    }

    /** The old rule a new one was (by id or {@code formerly}); empty for a new rule. */
    public Optional<String> oldRuleId(String newId) {
        return rules.entrySet().stream().filter(e -> e.getValue().equals(newId)).map(Map.Entry::getKey).findFirst();
    }

    Optional<String> newSectionId(String oldId) {
        return Optional.ofNullable(sections.get(oldId));
    }

    /** How the values of an old dimension's scale map to its new scale; empty for an unmatched dimension. */
    public ValueMap values(String oldDimensionId) {
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
     * Old values to the new values they became: by {@code formerly} where a new value lists old ones (one for a
     * rename or renumbering, several for a merge; an old value listed by several new ones is split), else by the
     * same value or id, as {@link #match} does for ids. The result keeps the old order; each target list keeps
     * the new order.
     */
    static <T> Map<String, List<String>> matchValues(List<T> olds, List<T> news, Function<T, String> id,
            Function<T, List<String>> formerly) {
        Set<String> oldIds = new HashSet<>();
        olds.forEach(o -> oldIds.add(id.apply(o)));
        Set<String> stale = new HashSet<>();
        for (T o : olds) for (String f : formerly.apply(o)) stale.add(id.apply(o) + "\u0000" + f);
        Map<String, List<String>> out = new LinkedHashMap<>();
        Set<String> explicit = new HashSet<>();
        for (T n : news) {
            for (String f : formerly.apply(n)) {
                if (!oldIds.contains(f) || stale.contains(id.apply(n) + "\u0000" + f)) continue;
                out.computeIfAbsent(f, k -> new ArrayList<>()).add(id.apply(n));
                explicit.add(id.apply(n));
            }
        }
        for (T n : news) {
            String nid = id.apply(n);
            if (explicit.contains(nid)) continue;
            if (oldIds.contains(nid) && !out.containsKey(nid)) out.put(nid, new ArrayList<>(List.of(nid)));
        }
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        for (T o : olds) {
            List<String> targets = out.get(id.apply(o));
            if (targets != null) ordered.put(id.apply(o), List.copyOf(targets));
        }
        return ordered;
    }

    /**
     * The values of two scales matched: ordinal points by {@code formerly} or the same value, choices by
     * {@code formerly} or the same id, booleans and numbers as themselves. Nothing matches across kinds.
     * Several old values may become one new value (a merge); an old value that became several new ones (a
     * split) has no single counterpart and is kept apart, in {@link #pointSplits} and {@link #choiceSplits}.
     */
    public static final class ValueMap {
        static final ValueMap NONE = new ValueMap(Map.of(), Map.of(), Map.of(), Map.of(), false);

        /** old point value (normalised) -> the one new point value it became. */
        final Map<BigDecimal, BigDecimal> points;
        /** old choice id -> the one new choice id it became. */
        final Map<String, String> choices;
        /** old point value -> the new points it was split into (two or more). */
        final Map<BigDecimal, List<BigDecimal>> pointSplits;
        /** old choice id -> the new choices it was split into (two or more). */
        final Map<String, List<String>> choiceSplits;
        /** Whether booleans, numbers and text map to themselves (same kind: boolean, range or text). */
        final boolean identity;

        ValueMap(Map<BigDecimal, BigDecimal> points, Map<String, String> choices, Map<BigDecimal, List<BigDecimal>> pointSplits,
                Map<String, List<String>> choiceSplits, boolean identity) {
            this.points = points;
            this.choices = choices;
            this.pointSplits = pointSplits;
            this.choiceSplits = choiceSplits;
            this.identity = identity;
        }

        static ValueMap of(Scale o, Scale n) {
            if (o instanceof Scale.Ordinal op && n instanceof Scale.Ordinal np) {
                Map<String, List<String>> m = matchValues(op.points(), np.points(), p -> key(p.value()),
                        p -> p.formerly().stream().map(ValueMap::key).toList());
                Map<BigDecimal, BigDecimal> points = new LinkedHashMap<>();
                Map<BigDecimal, List<BigDecimal>> splits = new LinkedHashMap<>();
                m.forEach((k, v) -> {
                    if (v.size() == 1) points.put(new BigDecimal(k), new BigDecimal(v.get(0)));
                    else splits.put(new BigDecimal(k), v.stream().map(BigDecimal::new).toList());
                });
                return new ValueMap(points, Map.of(), splits, Map.of(), false);
            }
            List<Scale.Choice> oc = choices(o), nc = choices(n);
            if (oc != null && nc != null && o.kind().equals(n.kind())) {
                Map<String, List<String>> m = matchValues(oc, nc, Scale.Choice::id, Scale.Choice::formerly);
                Map<String, String> choices = new LinkedHashMap<>();
                Map<String, List<String>> splits = new LinkedHashMap<>();
                m.forEach((k, v) -> {
                    if (v.size() == 1) choices.put(k, v.get(0));
                    else splits.put(k, v);
                });
                return new ValueMap(Map.of(), choices, Map.of(), splits, false);
            }
            return new ValueMap(Map.of(), Map.of(), Map.of(), Map.of(), o.kind().equals(n.kind()));
        }

        static String key(BigDecimal v) {
            return new Value.Number(v).toSource();
        }

        static List<Scale.Choice> choices(Scale s) {
            if (s instanceof Scale.Categorical c) return c.choices();
            if (s instanceof Scale.MultiSelect m) return m.choices();
            return null;
        }

        /** An old value as the one new value it became; empty when it has none or was split. */
        public Optional<Value> map(Value v) {
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

        /** Whether the old value was split into several new ones. */
        public boolean split(Value v) {
            if (v instanceof Value.Number num) return pointSplits.keySet().stream().anyMatch(k -> k.compareTo(num.value()) == 0);
            return v instanceof Value.Choice c && choiceSplits.containsKey(c.id());
        }

        /** The old values that became this new value (several for a merge), in the old order. */
        public List<Value> sources(Value newValue) {
            List<Value> out = new ArrayList<>();
            if (newValue instanceof Value.Number num) {
                points.forEach((a, b) -> {
                    if (b.compareTo(num.value()) == 0) out.add(new Value.Number(a));
                });
            } else if (newValue instanceof Value.Choice c) {
                choices.forEach((a, b) -> {
                    if (b.equals(c.id())) out.add(new Value.Choice(a));
                });
            }
            return out;
        }

        Optional<String> mapChoice(String id) {
            return Optional.ofNullable(choices.get(id));
        }

        List<BigDecimal> oldPoints() {
            return new ArrayList<>(points.keySet());
        }
    }
}
