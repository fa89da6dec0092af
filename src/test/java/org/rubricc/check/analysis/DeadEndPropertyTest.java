package org.rubricc.check.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.diag.Code;
import org.rubricc.diag.Diagnostic;
import org.rubricc.model.Dimension;
import org.rubricc.model.Rubric;
import org.rubricc.model.Scale;
import org.rubricc.validate.Validator;
import org.rubricc.validate.Violation;

/**
 * The analysis agrees with brute force. For random small rubrics, every answer to every dimension is
 * enumerated (each point, choice, boolean, "n/a", every subset of a multi-select, every value of a small
 * range, texts of the allowed lengths, and no answer), and the runtime {@link Validator} decides what is
 * valid: a partial rating (answers to the first k dimensions) is valid when the validator reports nothing
 * about those k answers. A dead end at dimension k+1 is a valid partial rating of k answers that no answer
 * to dimension k+1 extends. The dimensions where brute force finds a dead end must be exactly those the
 * analysis reports (R1101); for rubrics without one, the points and choices no complete valid rating uses
 * must be exactly those reported as never allowed (R1104), and the dimensions no valid rating asks exactly
 * those reported as never asked (R1102, or R0902 when the scale alone decides it).
 */
class DeadEndPropertyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    Path dir;

    @BeforeProperty
    void makeDir() throws IOException {
        dir = Files.createTempDirectory("rubricc-analysis-property");
    }

    @AfterProperty
    void removeDir() throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Property(tries = 400)
    void analysisAgreesWithEnumeration(@ForAll long seed) throws IOException {
        String source = RandomRubrics.generate(seed, 5, 4);
        Path f = dir.resolve("gen.rubric");
        Files.writeString(f, source);
        // Checked without the analysis (no budget), so the model is there even when the analysis would find a dead end.
        Compilation c = new Frontend(dir).analysisBudget(Duration.ZERO).check(f);
        Assume.that(c.rubric().isPresent());
        Rubric rubric = c.rubric().get();
        List<Diagnostic> earlier = c.diagnostics().stream().filter(d -> d.code() != Code.ANALYSIS_INCOMPLETE).toList();
        List<Diagnostic> found = Analysis.analyse(rubric, Duration.ofMinutes(1), earlier);

        Brute brute = new Brute(rubric);
        brute.explore(new ArrayList<>());
        TreeSet<String> expectedDeadEnds = new TreeSet<>(brute.deadEnds);
        TreeSet<String> actualDeadEnds = dims(rubric, found, Code.DEAD_END);
        Statistics.label("dead end").collect(!expectedDeadEnds.isEmpty());
        assertEquals(expectedDeadEnds, actualDeadEnds, "dead ends of\n" + source);
        if (!expectedDeadEnds.isEmpty()) return;

        TreeSet<String> expectedNever = new TreeSet<>();
        TreeSet<String> expectedNotAsked = new TreeSet<>();
        for (Dimension d : rubric.dimensions()) {
            if (!brute.asked.contains(d.id())) {
                if (rubric.skipCondition(d).isPresent()) expectedNotAsked.add(d.id());
                continue;
            }
            for (String v : points(d)) if (!brute.used.contains(d.id() + "=" + v)) expectedNever.add(d.id() + "=" + v);
        }
        TreeSet<String> actualNotAsked = dims(rubric, found, Code.NEVER_ASKED);
        for (Diagnostic d : earlier) {
            if (d.code() != Code.CONDITION_ALWAYS_TRUE) continue;
            for (Dimension x : rubric.dimensions()) {
                if (x.skipWhen().isPresent() && x.skipWhen().get().span().equals(d.span())) actualNotAsked.add(x.id());
            }
        }
        // a section's skip condition that is always true from its scales alone skips all its dimensions
        for (Diagnostic d : earlier) {
            if (d.code() != Code.CONDITION_ALWAYS_TRUE) continue;
            for (var s : rubric.sections()) {
                if (s.skipWhen().isPresent() && s.skipWhen().get().span().equals(d.span())) s.dimensions().forEach(x -> actualNotAsked.add(x.id()));
            }
        }
        Statistics.label("never asked").collect(!expectedNotAsked.isEmpty());
        assertEquals(expectedNotAsked, actualNotAsked, "never asked in\n" + source);
        TreeSet<String> actualNever = new TreeSet<>();
        for (Diagnostic d : found) {
            if (d.code() != Code.VALUE_NEVER_ALLOWED) continue;
            Dimension x = dimensionAt(rubric, d);
            for (String v : points(x)) if (d.message().startsWith(label(x, v) + " can never")) actualNever.add(x.id() + "=" + v);
        }
        Statistics.label("value never allowed").collect(!expectedNever.isEmpty());
        assertEquals(expectedNever, actualNever, "values never allowed in\n" + source);

        TreeSet<String> expectedOverlaps = brute.overlaps();
        TreeSet<String> actualOverlaps = new TreeSet<>();
        for (Diagnostic d : found) if (d.code() == Code.JUSTIFICATION_OVERLAP) actualOverlaps.add(d.span().toString());
        Statistics.label("justification overlap").collect(!expectedOverlaps.isEmpty());
        assertEquals(expectedOverlaps, actualOverlaps, "overlapping justification requirements in\n" + source);
    }

    private static TreeSet<String> dims(Rubric rubric, List<Diagnostic> ds, Code code) {
        TreeSet<String> out = new TreeSet<>();
        for (Diagnostic d : ds) if (d.code() == code) out.add(dimensionAt(rubric, d).id());
        return out;
    }

    private static Dimension dimensionAt(Rubric rubric, Diagnostic d) {
        return rubric.dimensions().stream().filter(x -> x.span().equals(d.span())).findFirst().orElseThrow();
    }

    /** The points and choices of a dimension R1104 is about, as the brute force writes them. */
    private static List<String> points(Dimension d) {
        List<String> out = new ArrayList<>();
        if (d.scale() instanceof Scale.Ordinal o) o.points().forEach(p -> out.add(p.value().toPlainString()));
        else if (d.scale() instanceof Scale.Categorical c) c.choices().forEach(x -> out.add(x.id()));
        else if (d.scale() instanceof Scale.MultiSelect m) m.choices().forEach(x -> out.add("+" + x.id()));
        else if (d.scale() instanceof Scale.Bool) {
            out.add("true");
            out.add("false");
        }
        return out;
    }

    private static String label(Dimension d, String v) {
        if (v.startsWith("+")) return org.rubricc.model.Phrases.value(d, new org.rubricc.model.Value.Choice(v.substring(1)));
        if (d.scale() instanceof Scale.Ordinal) return org.rubricc.model.Phrases.value(d, org.rubricc.model.Value.Number.of(v));
        if (d.scale() instanceof Scale.Bool) return org.rubricc.model.Phrases.value(d, new org.rubricc.model.Value.Bool(Boolean.parseBoolean(v)));
        return org.rubricc.model.Phrases.value(d, new org.rubricc.model.Value.Choice(v));
    }

    /** Depth-first enumeration of valid partial ratings, judged by the runtime validator. */
    static final class Brute {
        final Rubric rubric;
        final Validator validator;
        final List<Dimension> dims;
        final List<String> deadEnds = new ArrayList<>();
        final java.util.Set<String> used = new java.util.HashSet<>();
        final java.util.Set<String> asked = new java.util.HashSet<>();
        final Map<String, List<com.fasterxml.jackson.databind.JsonNode>> options = new LinkedHashMap<>();
        /** Each dimension's justification requirements, in the analysis's order. */
        final Map<String, List<Encoding.Requirement>> requirements = new LinkedHashMap<>();
        /** Per dimension, which of its requirements apply together (a bit each) in a complete valid rating that answers it. */
        final Map<String, java.util.Set<Long>> applying = new LinkedHashMap<>();

        Brute(Rubric rubric) {
            this.rubric = rubric;
            this.validator = new Validator(rubric);
            this.dims = rubric.dimensions();
            Encoding enc = new Encoding(rubric);
            for (Dimension d : dims) {
                options.put(d.id(), options(d));
                requirements.put(d.id(), enc.requirements(d));
                applying.put(d.id(), new java.util.HashSet<>());
            }
        }

        /**
         * The requirements R0906 should report, by span: as the analysis goes through the pairs, with
         * "applies in some rating" and "whenever a applies, b does" read off the enumerated ratings.
         */
        TreeSet<String> overlaps() {
            TreeSet<String> out = new TreeSet<>();
            for (Dimension d : dims) {
                List<Encoding.Requirement> rs = requirements.get(d.id());
                java.util.Set<Long> masks = applying.get(d.id());
                java.util.Set<Integer> flagged = new java.util.HashSet<>();
                for (int i = 0; i < rs.size(); i++) {
                    for (int j = 0; j < rs.size(); j++) {
                        if (i == j || flagged.contains(i) || flagged.contains(j)) continue;
                        Encoding.Requirement a = rs.get(i), b = rs.get(j);
                        if (a.minLength() > b.minLength()) continue;
                        if (a.minLength() == b.minLength() && i < j && covered(masks, j, i)) continue;
                        int ai = i;
                        if (masks.stream().noneMatch(m -> (m & (1L << ai)) != 0)) continue;
                        if (covered(masks, i, j)) {
                            flagged.add(i);
                            out.add(a.span().toString());
                        }
                    }
                }
            }
            return out;
        }

        private static boolean covered(java.util.Set<Long> masks, int a, int b) {
            return masks.stream().allMatch(m -> (m & (1L << a)) == 0 || (m & (1L << b)) != 0);
        }

        /** Every answer worth trying; null is "no answer". */
        static List<com.fasterxml.jackson.databind.JsonNode> options(Dimension d) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            List<com.fasterxml.jackson.databind.JsonNode> out = new ArrayList<>();
            out.add(null);
            Scale s = d.scale();
            if (s instanceof Scale.Ordinal o) o.points().forEach(p -> out.add(f.numberNode(p.value())));
            else if (s instanceof Scale.Categorical c) c.choices().forEach(x -> out.add(f.textNode(x.id())));
            else if (s instanceof Scale.Bool) {
                out.add(f.booleanNode(true));
                out.add(f.booleanNode(false));
            } else if (s instanceof Scale.Numeric r) {
                // constants are whole numbers: halves cover every value between them
                for (BigDecimal v = r.min(); v.compareTo(r.max()) <= 0; v = v.add(new BigDecimal("0.5"))) {
                    if (r.accepts(v)) out.add(f.numberNode(v));
                }
            } else if (s instanceof Scale.MultiSelect m) {
                int n = m.choices().size();
                for (int mask = 0; mask < (1 << n); mask++) {
                    ArrayNode a = f.arrayNode();
                    for (int i = 0; i < n; i++) if ((mask & (1 << i)) != 0) a.add(m.choices().get(i).id());
                    out.add(a);
                }
            } else if (s instanceof Scale.Text t) {
                out.add(f.textNode("x".repeat(t.minLength())));
                out.add(f.textNode("x".repeat(t.minLength() + 1)));
            }
            if (d.notApplicable().isPresent()) out.add(f.textNode("n/a"));
            return out;
        }

        void explore(List<com.fasterxml.jackson.databind.JsonNode> prefix) {
            int k = prefix.size();
            if (k == dims.size()) {
                for (int i = 0; i < k; i++) {
                    Dimension d = dims.get(i);
                    var a = prefix.get(i);
                    if (a == null) continue;
                    asked.add(d.id());
                    JsonView view = new JsonView(rating(prefix).get("answers"));
                    long mask = 0;
                    List<Encoding.Requirement> rs = requirements.get(d.id());
                    for (int r = 0; r < rs.size(); r++) if (rs.get(r).when().map(view::holds).orElse(true)) mask |= 1L << r;
                    applying.get(d.id()).add(mask);
                    if (a.isArray()) a.forEach(x -> used.add(d.id() + "=+" + x.textValue()));
                    else used.add(d.id() + "=" + (a.isNumber() ? new BigDecimal(a.asText()).stripTrailingZeros().toPlainString() : a.asText()));
                }
                markAskedUnanswered(prefix);
                return;
            }
            boolean any = false;
            for (var option : options.get(dims.get(k).id())) {
                List<com.fasterxml.jackson.databind.JsonNode> next = new ArrayList<>(prefix);
                next.add(option);
                if (valid(next)) {
                    any = true;
                    explore(next);
                }
            }
            if (!any && !deadEnds.contains(dims.get(k).id())) deadEnds.add(dims.get(k).id());
        }

        /** Unanswered optional dimensions are asked too when not skipped; the validator's view: answering would not be "answered when skipped". */
        private void markAskedUnanswered(List<com.fasterxml.jackson.databind.JsonNode> full) {
            org.rubricc.model.Answers<com.fasterxml.jackson.databind.JsonNode> view = new JsonView(rating(full).get("answers"));
            for (Dimension d : dims) {
                var skip = rubric.skipCondition(d);
                if (skip.isEmpty() || !view.holds(skip.get())) asked.add(d.id());
            }
        }

        boolean valid(List<com.fasterxml.jackson.databind.JsonNode> prefix) {
            ObjectNode rating = rating(prefix);
            java.util.Set<String> paths = new java.util.HashSet<>();
            for (int i = 0; i < prefix.size(); i++) {
                paths.add(Violation.pointer("/answers", dims.get(i).id()));
                paths.add(Violation.pointer("/justifications", dims.get(i).id()));
            }
            for (Violation v : validator.validate(rating)) if (paths.contains(v.path())) return false;
            return true;
        }

        ObjectNode rating(List<com.fasterxml.jackson.databind.JsonNode> prefix) {
            ObjectNode o = JSON.createObjectNode();
            o.put("rubric", rubric.id());
            o.put("version", rubric.version().toString());
            o.put("item", "i");
            o.put("rater", "r");
            ObjectNode answers = o.putObject("answers");
            ObjectNode just = o.putObject("justifications");
            for (int i = 0; i < prefix.size(); i++) {
                if (prefix.get(i) == null) continue;
                answers.set(dims.get(i).id(), prefix.get(i));
                just.put(dims.get(i).id(), "j".repeat(100));
            }
            return o;
        }
    }

    /** JSON answers read as the model's {@link org.rubricc.model.Answers}, for skip conditions. */
    static final class JsonView implements org.rubricc.model.Answers<com.fasterxml.jackson.databind.JsonNode> {
        final com.fasterxml.jackson.databind.JsonNode answers;

        JsonView(com.fasterxml.jackson.databind.JsonNode answers) {
            this.answers = answers;
        }

        public com.fasterxml.jackson.databind.JsonNode answer(String dimension) {
            return answers.get(dimension);
        }

        public boolean equal(com.fasterxml.jackson.databind.JsonNode a, org.rubricc.model.Value c) {
            if (c instanceof org.rubricc.model.Value.Number n) return a.isNumber() && a.decimalValue().compareTo(n.value()) == 0;
            if (c instanceof org.rubricc.model.Value.Bool b) return a.isBoolean() && a.booleanValue() == b.value();
            if (c instanceof org.rubricc.model.Value.Choice ch) return a.isTextual() && a.textValue().equals(ch.id());
            return a.isTextual() && a.textValue().equals("n/a");
        }

        public boolean ordered(com.fasterxml.jackson.databind.JsonNode a, org.rubricc.model.Condition.Op op, BigDecimal c) {
            return a.isNumber() && op.test(a.decimalValue().compareTo(c));
        }

        public boolean contains(com.fasterxml.jackson.databind.JsonNode a, String choice) {
            if (!a.isArray()) return false;
            for (var x : a) if (x.isTextual() && x.textValue().equals(choice)) return true;
            return false;
        }
    }
}
