package org.rubricc.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.rubricc.source.Span;

/**
 * The set of answers a dimension accepts. A named scale has a {@code name}; an inline scale,
 * written inside its dimension, has none.
 */
public sealed interface Scale {

    /** The scale's name, or empty for an inline scale. Imported scales are named {@code alias.name}. */
    Optional<String> name();

    Span span();

    /** The keyword of this kind of scale in the language. */
    String kind();

    /** The kind with its article, as said in a sentence: "an ordinal", "a multi-select", ... */
    default String kindPhrase() {
        return switch (kind()) {
            case "ordinal" -> "an ordinal";
            case "multi" -> "a multi-select";
            case "text" -> "a free-text";
            default -> "a " + kind();
        };
    }

    /** Whether answers on this scale are ordered (so {@code <}, {@code <=}, ... apply). */
    default boolean ordered() {
        return this instanceof Ordinal || this instanceof Numeric;
    }

    /** Numbered points; each point's value is a number (integers or decimals such as 0.5). */
    record Ordinal(Optional<String> name, List<Point> points, Span span) implements Scale {
        public Ordinal {
            points = List.copyOf(points);
        }

        public String kind() {
            return "ordinal";
        }

        public Optional<Point> point(BigDecimal value) {
            return points.stream().filter(p -> p.value().compareTo(value) == 0).findFirst();
        }
    }

    /** Unordered choices, each with an id. */
    record Categorical(Optional<String> name, List<Choice> choices, Span span) implements Scale {
        public Categorical {
            choices = List.copyOf(choices);
        }

        public String kind() {
            return "categorical";
        }

        public Optional<Choice> choice(String id) {
            return choices.stream().filter(c -> c.id().equals(id)).findFirst();
        }
    }

    /** Yes or no, with the labels the rater sees. */
    record Bool(Optional<String> name, String yesLabel, String noLabel, Span span) implements Scale {
        public String kind() {
            return "boolean";
        }

        public String label(boolean value) {
            return value ? yesLabel : noLabel;
        }
    }

    /** Any number of distinct choices, at least {@code min} and at most {@code max}. */
    record MultiSelect(Optional<String> name, List<Choice> choices, int min, int max, Span span) implements Scale {
        public MultiSelect {
            choices = List.copyOf(choices);
        }

        public String kind() {
            return "multi";
        }

        public Optional<Choice> choice(String id) {
            return choices.stream().filter(c -> c.id().equals(id)).findFirst();
        }
    }

    /** A number from {@code min} to {@code max} inclusive; with a step, only {@code min + k * step}. */
    record Numeric(Optional<String> name, BigDecimal min, BigDecimal max, Optional<BigDecimal> step, Span span)
            implements Scale {
        public String kind() {
            return "range";
        }

        /** The first value of the range above {@code lo} (from its minimum when null) and below {@code hi} (up to its maximum when null); null when there is none. */
        public BigDecimal firstBetween(BigDecimal lo, BigDecimal hi) {
            BigDecimal v;
            if (step.isPresent()) {
                if (lo == null) v = min;
                else v = min.add(lo.subtract(min).divide(step.get(), 0, java.math.RoundingMode.FLOOR).add(BigDecimal.ONE).multiply(step.get()));
            } else if (lo == null) v = min;
            else if (hi == null) v = max;
            else v = lo.add(hi).divide(BigDecimal.valueOf(2));
            if (lo != null && v.compareTo(lo) <= 0) return null;
            if (hi != null && v.compareTo(hi) >= 0) return null;
            if (v.compareTo(max) > 0 || !accepts(v)) return null;
            return v;
        }

        public boolean accepts(BigDecimal v) {
            if (v.compareTo(min) < 0 || v.compareTo(max) > 0) return false;
            if (step.isEmpty()) return true;
            // min + k * step has no more decimal places than min and step have. Checking that first keeps
            // the arithmetic below small whatever the answer's exponent (1e-999999999 is one JSON token).
            int places = Math.max(Math.max(min.stripTrailingZeros().scale(), step.get().stripTrailingZeros().scale()), 0);
            if (v.stripTrailingZeros().scale() > places) return false;
            return v.subtract(min).remainder(step.get()).signum() == 0;
        }
    }

    /**
     * Free text of {@code minLength} to {@code maxLength} Unicode code points (no maximum when empty) that, when
     * there is a pattern, matches it as a whole.
     */
    record Text(Optional<String> name, int minLength, Optional<Integer> maxLength, Optional<TextPattern> pattern, Span span)
            implements Scale {
        public Text(Optional<String> name, int minLength, Optional<Integer> maxLength, Span span) {
            this(name, minLength, maxLength, Optional.empty(), span);
        }

        public String kind() {
            return "text";
        }
    }

    /**
     * A point of an ordinal scale. {@code formerly} lists the values it had in the previous version: one when it
     * was renumbered, several when former points were merged into it (the same old value on two points is a
     * split); empty when it keeps its value.
     */
    record Point(BigDecimal value, String label, String description, List<BigDecimal> formerly, Span span) {
        public Point {
            value = new Value.Number(value).value();
            description = description == null ? "" : description;
            formerly = formerly.stream().map(f -> new Value.Number(f).value()).toList();
        }

        public Value.Number asValue() {
            return new Value.Number(value);
        }
    }

    /**
     * A choice of a categorical or multi-select scale. {@code formerly} lists the ids it had in the previous
     * version: one when it was renamed, several when former choices were merged into it; empty when it keeps its id.
     */
    record Choice(String id, String label, String description, List<String> formerly, Span span) {
        public Choice {
            description = description == null ? "" : description;
            formerly = List.copyOf(formerly);
        }
    }
}
