package org.rubricc.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rubricc.diff.Change;
import org.rubricc.diff.ChangeRule;
import org.rubricc.diff.Diff;
import org.rubricc.diff.Matching;
import org.rubricc.model.Condition;
import org.rubricc.model.Constraint;
import org.rubricc.model.Dimension;
import org.rubricc.model.Phrases;
import org.rubricc.model.Rubric;
import org.rubricc.model.Rule;
import org.rubricc.model.Scale;
import org.rubricc.model.Value;
import org.rubricc.validate.JsonAnswers;

/**
 * One step of a migration: a rating's answers under one version carried to the next, using only what the
 * two versions declare (ids and {@code formerly}, as {@code rubricc diff} matches them). An answer is carried
 * when it has exactly one counterpart; everything else is marked to be given again, with the change behind
 * it. Nothing is guessed: a value with no declared counterpart is never mapped to a neighbour.
 *
 * <p>Thread-safe: everything is computed in the constructor but the cache of value mappings, which is concurrent.
 */
final class Step {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Changes after which, with --strict-meaning, an answer is asked again though it still fits. */
    private static final Set<ChangeRule> MEANING = EnumSet.of(ChangeRule.ANCHOR_REWORDED, ChangeRule.LABEL_REWORDED,
            ChangeRule.QUESTION_REWORDED, ChangeRule.SCALE_POINT_ADDED, ChangeRule.CHOICE_ADDED, ChangeRule.NOT_APPLICABLE_REWORDED);

    final Rubric from;
    final Rubric to;
    private final Matching matching;
    private final String name;
    private final boolean strictMeaning;
    /** Changes by the new id of the dimension, section or rule they concern. */
    private final Map<String, List<Change>> dimensionChanges = new HashMap<>();
    private final Map<String, List<Change>> sectionChanges = new HashMap<>();
    private final Map<String, List<Change>> ruleChanges = new HashMap<>();
    private final Map<String, List<Change>> tableChanges = new HashMap<>();
    private final String fromVersion;
    private final String toName;
    /** Dimension titles as messages quote them, by dimension, computed once. */
    private final Map<String, String> titles = new java.util.concurrent.ConcurrentHashMap<>();
    /** " in 2.0.0", for messages. */
    private final String inTo;
    /** Old dimension id -> new id, for dimensions that carry over. */
    private final Map<String, String> newIds = new HashMap<>();
    /** New dimension id -> the old dimension it was. */
    private final Map<String, Dimension> oldDimensions = new HashMap<>();
    /** New dimension id -> when it is skipped (its section's condition or its own). */
    private final Map<String, Optional<Condition>> skips = new HashMap<>();
    /** New dimension id -> the rules with a value, require or justify constraint on it, in rubric order. */
    private final Map<String, List<Rule>> valueRules = new HashMap<>(), requireRules = new HashMap<>(), justifyRules = new HashMap<>();
    /** Per old dimension, how each of its values maps (ordinal points and choices), filled as values are met. */
    private final Map<String, Map<Value, Mapped>> valueCache = new java.util.concurrent.ConcurrentHashMap<>();

    Step(Rubric from, Rubric to, boolean strictMeaning) {
        this.from = from;
        this.to = to;
        this.matching = new Matching(from, to);
        this.name = from.version() + " -> " + to.version();
        this.toName = to.version().toString();
        this.strictMeaning = strictMeaning;
        this.fromVersion = from.version().toString();
        this.inTo = " in " + toName;
        for (Dimension od : from.dimensions()) matching.newDimensionId(od.id()).ifPresent(n -> {
            newIds.put(od.id(), n);
            oldDimensions.put(n, od);
        });
        for (Dimension nd : to.dimensions()) skips.put(nd.id(), to.skipCondition(nd));
        for (Rule r : to.enforcedRules()) {
            if (r.guidanceOnly()) continue;
            for (Constraint c : r.constraints()) {
                Map<String, List<Rule>> index = c instanceof Constraint.Justify ? justifyRules
                        : c instanceof Constraint.Require ? requireRules : valueRules;
                List<Rule> rules = index.computeIfAbsent(c.target(), k -> new ArrayList<>());
                if (!rules.contains(r)) rules.add(r);
            }
        }
        for (Change c : Diff.between(from, to).changes()) {
            Map<String, List<Change>> index = switch (c.subject().kind()) {
                case DIMENSION -> dimensionChanges;
                case SECTION -> sectionChanges;
                case RULE -> ruleChanges;
                case TABLE -> tableChanges;
                default -> null;
            };
            if (index != null) index.computeIfAbsent(c.subject().id(), k -> new ArrayList<>()).add(c);
        }
    }

    /** A rating part-way through a migration: answers and justifications under one version, and what must be given again. */
    static final class State {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        Map<String, String> justifications = new LinkedHashMap<>();
        private final List<Reason> rerate = new ArrayList<>();
        /** Dimensions with a reason to give their answer, or their justification, again. */
        private final Set<String> answerAgain = new java.util.HashSet<>(), justifyAgain = new java.util.HashSet<>();
        final List<Dropped> dropped = new ArrayList<>();

        boolean pending(String dimension) {
            return answerAgain.contains(dimension);
        }

        boolean pendingJustification(String dimension) {
            return justifyAgain.contains(dimension);
        }

        List<Reason> rerate() {
            return rerate;
        }

        void add(Reason r) {
            rerate.add(r);
            (r.field() == Reason.Field.answer ? answerAgain : justifyAgain).add(r.dimension());
        }

        /** Removes every reason; they are added back in the next version's ids. */
        List<Reason> clear() {
            List<Reason> all = List.copyOf(rerate);
            rerate.clear();
            answerAgain.clear();
            justifyAgain.clear();
            return all;
        }

        /** Removes the reasons about one dimension, returning them. */
        List<Reason> removeAll(String dimension) {
            List<Reason> gone = new ArrayList<>();
            if (!answerAgain.contains(dimension) && !justifyAgain.contains(dimension)) return gone;
            rerate.removeIf(r -> {
                boolean match = r.dimension().equals(dimension);
                if (match) gone.add(r);
                return match;
            });
            answerAgain.remove(dimension);
            justifyAgain.remove(dimension);
            return gone;
        }

        Reason answerReason(String dimension) {
            return rerate.stream().filter(r -> r.dimension().equals(dimension) && r.field() == Reason.Field.answer).findFirst()
                    .orElseThrow();
        }
    }

    void apply(State s) {
        // Reasons from earlier steps follow their dimension, or end with it.
        for (Reason r : s.clear()) {
            String id = newIds.get(r.dimension());
            if (id != null) s.add(new Reason(id, r.field(), r.change(), r.step(), r.was(), r.message()));
        }
        // 1. Each answer in the new version's ids and values, where it has exactly one counterpart.
        Map<String, JsonNode> carried = new LinkedHashMap<>();
        Map<String, String> carriedJustifications = new LinkedHashMap<>();
        // New dimensions whose answer now stands for several old values (a merge): rules may read it differently.
        Map<String, ChangeRule> merged = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : s.answers.entrySet()) {
            String oldId = e.getKey();
            Dimension od = from.dimension(oldId).orElseThrow();
            String justification = s.justifications.get(oldId);
            String newId = newIds.get(oldId);
            if (newId == null) {
                s.dropped.add(new Dropped(oldId, e.getValue(), justification, ChangeRule.DIMENSION_REMOVED.name(), name));
                continue;
            }
            Dimension nd = to.dimension(newId).orElseThrow();
            Mapped m = map(od, nd, e.getValue());
            if (m.value == null) {
                s.add(new Reason(nd.id(), Reason.Field.answer, m.change.name(), name,
                        new Reason.Was(fromVersion, oldId, e.getValue(), justification), m.message));
                continue;
            }
            carried.put(nd.id(), m.value);
            if (m.merged != null) merged.put(nd.id(), m.merged);
            if (justification != null) carriedJustifications.put(nd.id(), justification);
        }

        // 2. Walk the new version's questions in order: skips, requirements and rules see the answers before them.
        ObjectNode out = NODES.objectNode();
        JsonAnswers view = new JsonAnswers(out);
        for (Dimension nd : to.dimensions()) {
            String id = nd.id();
            JsonNode value = carried.get(id);
            Optional<Condition> skip = skips.get(id);
            Boolean skipHolds = skip.isEmpty() ? Boolean.FALSE : holds(skip.get(), view, s);
            Optional<String> unknown = skipHolds == null ? pendingReference(skip.get(), s) : Optional.empty();
            if (unknown.isPresent()) {
                // Whether it is asked depends on an answer that must be given again: so must this one, if it is asked.
                if (value != null || (nd.required() && !s.pending(id))) {
                    dependsOn(s, nd, unknown.get(), value, carriedJustifications.get(id), "whether it is asked");
                }
                continue;
            }
            if (skipHolds) {
                if (value != null) {
                    s.dropped.add(new Dropped(id, value, carriedJustifications.get(id), skipChange(nd, merged).name(), name));
                }
                // Skipped now: nothing to give again, but an old answer that could not be carried is still recorded.
                for (Reason r : s.removeAll(id)) {
                    if (r.field() == Reason.Field.answer && r.was() != null && r.was().answer() != null) {
                        s.dropped.add(new Dropped(r.was().dimension(), r.was().answer(), r.was().justification(),
                                skipChange(nd, merged).name(), name));
                    }
                }
                continue;
            }
            if (value == null) {
                if (s.pending(id)) continue;
                Optional<Reason> missing = missing(nd, view, s);
                missing.ifPresent(s::add);
                continue;
            }
            Optional<Reason> broken = rules(nd, value, carriedJustifications.get(id), view, s, merged);
            if (broken.isPresent()) {
                s.add(broken.get());
                continue;
            }
            if (strictMeaning) {
                Optional<Change> meaning = dimensionChanges.getOrDefault(id, List.of()).stream()
                        .filter(c -> MEANING.contains(c.rule())).findFirst();
                if (meaning.isPresent()) {
                    s.add(new Reason(id, Reason.Field.answer, meaning.get().rule().name(), name, was(nd, value,
                            carriedJustifications.get(id)), title(nd) + " changed meaning in " + toName + " ("
                            + meaning.get().message() + "); --strict-meaning asks for it again"));
                    continue;
                }
            }
            out.set(id, value);
        }

        // 3. Justifications of the answers kept, against the new requirements.
        Map<String, String> justifications = new LinkedHashMap<>();
        for (Dimension nd : to.dimensions()) {
            if (!out.has(nd.id())) continue;
            String text = carriedJustifications.get(nd.id());
            Requirement req = requirement(nd, view, s);
            int length = text == null ? -1 : text.codePointCount(0, text.length());
            boolean known = s.pendingJustification(nd.id());
            if (req.min > 0 && length < req.min && !known) {
                String message = req.unknown != null
                        ? "a justification may be required for " + title(nd) + " (" + why(req) + "), depending on the"
                                + " new answer to " + title(req.unknown)
                        : (text == null ? "a justification is now required for " : "the justification is now too short for ")
                                + title(nd) + ": " + why(req) + (text == null ? "" : " (it has " + length + ")");
                s.add(new Reason(nd.id(), Reason.Field.justification, change(nd, req, merged), name, was(nd, null, text), message));
            }
            if (text != null) justifications.put(nd.id(), text);
        }

        Map<String, JsonNode> answers = new LinkedHashMap<>();
        out.fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue()));
        s.answers = answers;
        s.justifications = justifications;
    }

    // ---------------------------------------------------------------------------------------------
    // Values
    // ---------------------------------------------------------------------------------------------

    /**
     * An old answer in the new scale: the value, or why there is none. {@code merged} is set when several old
     * values became it; {@code same} when it is the old value unchanged (the answer is then kept as written).
     */
    private record Mapped(JsonNode value, ChangeRule merged, ChangeRule change, String message, boolean same) {
        static Mapped to(JsonNode v, ChangeRule merged) {
            return new Mapped(v, merged, null, null, false);
        }

        static Mapped none(ChangeRule change, String message) {
            return new Mapped(null, null, change, message, false);
        }

        Mapped as(JsonNode original) {
            return same ? new Mapped(original, merged, null, null, false) : this;
        }
    }

    private Mapped map(Dimension od, Dimension nd, JsonNode v) {
        Scale os = od.scale(), ns = nd.scale();
        if (v.isTextual() && v.textValue().equals("n/a") && od.notApplicable().isPresent()) {
            return nd.notApplicable().isPresent() ? Mapped.to(v, null)
                    : Mapped.none(ChangeRule.NOT_APPLICABLE_REMOVED, "\"n/a\" is no longer an answer to " + title(nd) + inTo);
        }
        if (!os.kind().equals(ns.kind())) {
            return Mapped.none(ChangeRule.SCALE_KIND_CHANGED, title(nd) + " is answered on " + ns.kindPhrase() + " scale" + inTo
                    + " (was " + os.kindPhrase() + " scale)");
        }
        Matching.ValueMap values = matching.values(od.id());
        Map<Value, Mapped> cache = valueCache.computeIfAbsent(od.id(), k -> new java.util.concurrent.ConcurrentHashMap<>());
        if (os instanceof Scale.Ordinal) {
            Value old = new Value.Number(v.decimalValue());
            return cache.computeIfAbsent(old, x -> one(values, old, Phrases.value(od, old), title(nd), inTo, ChangeRule.SCALE_POINT_SPLIT,
                    ChangeRule.SCALE_POINT_REMOVED, ChangeRule.SCALE_POINTS_MERGED, y -> number(((Value.Number) y).value()))).as(v);
        }
        if (os instanceof Scale.Categorical) {
            Value old = new Value.Choice(v.textValue());
            return cache.computeIfAbsent(old, x -> one(values, old, Phrases.value(od, old), title(nd), inTo, ChangeRule.CHOICE_SPLIT,
                    ChangeRule.CHOICE_REMOVED, ChangeRule.CHOICES_MERGED, y -> NODES.textNode(((Value.Choice) y).id()))).as(v);
        }
        if (os instanceof Scale.MultiSelect) {
            Scale.MultiSelect m = (Scale.MultiSelect) ns;
            Set<String> ids = new LinkedHashSet<>();
            ChangeRule merged = null;
            for (JsonNode item : v) {
                Value old = new Value.Choice(item.textValue());
                Mapped one = cache.computeIfAbsent(old, x -> one(values, old, Phrases.value(od, old), title(nd), inTo,
                        ChangeRule.CHOICE_SPLIT, ChangeRule.CHOICE_REMOVED, ChangeRule.CHOICES_MERGED,
                        y -> NODES.textNode(((Value.Choice) y).id()))).as(item);
                if (one.value == null) return one;
                ids.add(one.value.textValue());
                if (one.merged != null) merged = one.merged;
            }
            if (ids.size() < m.min()) {
                return Mapped.none(ids.size() < v.size() ? ChangeRule.CHOICES_MERGED : ChangeRule.MULTI_MIN_RAISED, title(nd)
                        + " needs at least " + m.min() + " choices" + inTo + " (the answer has " + ids.size() + ")");
            }
            if (ids.size() > m.max()) {
                return Mapped.none(ChangeRule.MULTI_MAX_LOWERED, title(nd) + " allows at most " + m.max() + " choices" + inTo
                        + " (the answer has " + ids.size() + ")");
            }
            ArrayNode array = NODES.arrayNode();
            ids.forEach(array::add);
            return Mapped.to(ids.size() == v.size() && merged == null ? v : array, merged);
        }
        if (ns instanceof Scale.Numeric r) {
            BigDecimal x = v.decimalValue();
            if (r.accepts(x)) return Mapped.to(v, null);
            ChangeRule why = x.compareTo(r.min()) < 0 ? ChangeRule.RANGE_MIN_RAISED
                    : x.compareTo(r.max()) > 0 ? ChangeRule.RANGE_MAX_LOWERED : ChangeRule.RANGE_STEP_CHANGED;
            return Mapped.none(why, Phrases.number(x) + " is not an answer to " + title(nd) + inTo + ": " + Phrases.allowed(nd));
        }
        if (ns instanceof Scale.Text t) {
            int length = v.textValue().codePointCount(0, v.textValue().length());
            if (length < t.minLength()) {
                return Mapped.none(ChangeRule.TEXT_MIN_RAISED, title(nd) + " needs at least " + t.minLength() + " characters" + inTo
                        + " (the answer has " + length + ")");
            }
            if (t.maxLength().isPresent() && length > t.maxLength().get()) {
                return Mapped.none(ChangeRule.TEXT_MAX_LOWERED, title(nd) + " allows at most " + t.maxLength().get() + " characters"
                        + inTo + " (the answer has " + length + ")");
            }
            if (t.pattern().isPresent() && !t.pattern().get().matches(v.textValue())) {
                boolean had = os instanceof Scale.Text ot && ot.pattern().isPresent();
                return Mapped.none(had ? ChangeRule.TEXT_PATTERN_CHANGED : ChangeRule.TEXT_PATTERN_ADDED,
                        title(nd) + inTo + t.pattern().get().mismatch());
            }
        }
        return Mapped.to(v, null);
    }

    private static Mapped one(Matching.ValueMap values, Value old, String shown, String title, String in, ChangeRule split,
            ChangeRule removed, ChangeRule merge, java.util.function.Function<Value, JsonNode> write) {
        if (values.split(old)) {
            return Mapped.none(split, shown + " of " + title + " was split into several values" + in
                    + "; the rubric does not say which one this rating is");
        }
        Optional<Value> mapped = values.map(old);
        if (mapped.isEmpty()) return Mapped.none(removed, shown + " of " + title + " has no counterpart" + in);
        boolean isMerge = values.sources(mapped.get()).size() > 1;
        boolean same = mapped.get().equals(old);
        return new Mapped(same ? null : write.apply(mapped.get()), isMerge ? merge : null, null, null, same);
    }

    private static JsonNode number(BigDecimal v) {
        BigDecimal plain = v.stripTrailingZeros();
        if (plain.scale() <= 0 && plain.precision() - plain.scale() <= 18) return NODES.numberNode(plain.longValueExact());
        return NODES.numberNode(plain);
    }

    // ---------------------------------------------------------------------------------------------
    // Questions asked, rules and justifications under the new version
    // ---------------------------------------------------------------------------------------------

    /**
     * Whether a condition holds, with the answers that must be given again unknown: true or false when the
     * known answers decide it whatever those will be (Kleene's three-valued logic), null when they do not.
     */
    private static Boolean holds(Condition c, JsonAnswers view, State s) {
        if (c instanceof Condition.And and) {
            boolean unknown = false;
            for (Condition o : and.operands()) {
                Boolean b = holds(o, view, s);
                if (Boolean.FALSE.equals(b)) return false;
                if (b == null) unknown = true;
            }
            return unknown ? null : true;
        }
        if (c instanceof Condition.Or or) {
            boolean unknown = false;
            for (Condition o : or.operands()) {
                Boolean b = holds(o, view, s);
                if (Boolean.TRUE.equals(b)) return true;
                if (b == null) unknown = true;
            }
            return unknown ? null : false;
        }
        if (c instanceof Condition.Not not) {
            Boolean b = holds(not.operand(), view, s);
            return b == null ? null : !b;
        }
        return s.pending(((Condition.Atom) c).dimension()) ? null : view.holds(c);
    }

    /** The first dimension a condition reads whose answer must be given again, if any. */
    private static Optional<String> pendingReference(Condition c, State s) {
        return c.references().stream().filter(s::pending).findFirst();
    }

    private void dependsOn(State s, Dimension nd, String on, JsonNode value, String justification, String what) {
        Reason cause = s.answerReason(on);
        s.add(new Reason(nd.id(), Reason.Field.answer, cause.change(), name, value == null && justification == null
                ? null : was(nd, value, justification), title(nd) + ": " + what + " depends on the new answer to "
                        + title(on)));
    }

    private String title(String dimension) {
        return to.dimension(dimension).map(this::title).orElse("`" + dimension + "`");
    }

    private String title(Dimension d) {
        return titles.computeIfAbsent(d.id(), k -> Phrases.title(d));
    }

    private Reason.Was was(Dimension nd, JsonNode value, String justification) {
        Dimension od = oldDimensions.get(nd.id());
        return new Reason.Was(fromVersion, od == null ? nd.id() : od.id(), value, justification);
    }

    /** A question asked with no answer: required by the rubric or by a rule, and why it was not answered before. */
    private Optional<Reason> missing(Dimension nd, JsonAnswers view, State s) {
        Optional<Dimension> od = Optional.ofNullable(oldDimensions.get(nd.id()));
        if (nd.required()) {
            ChangeRule why;
            String message;
            if (od.isEmpty()) {
                why = ChangeRule.DIMENSION_ADDED_REQUIRED;
                message = title(nd) + " is a new required question in " + toName;
            } else if (!od.get().required()) {
                why = ChangeRule.OPTIONAL_BECAME_REQUIRED;
                message = title(nd) + " is required in " + toName + " (it was optional)";
            } else {
                why = skipChange(nd, Map.of());
                message = title(nd) + " is asked for this rating in " + toName + " (it was skipped)";
            }
            return Optional.of(new Reason(nd.id(), Reason.Field.answer, why.name(), name, null, message));
        }
        for (Rule r : requireRules.getOrDefault(nd.id(), List.of())) {
            for (Constraint c : r.constraints()) {
                if (!(c instanceof Constraint.Require) || !c.target().equals(nd.id())) continue;
                if (r.when().isEmpty() || Boolean.TRUE.equals(holds(r.when().get(), view, s))) {
                    return Optional.of(new Reason(nd.id(), Reason.Field.answer, ruleChange(r, Map.of()).name(), name, null,
                            Phrases.rule(r) + ": " + title(nd) + " must be answered"));
                }
            }
        }
        return Optional.empty();
    }

    /** The first rule the carried answer breaks (or may break, once a re-rated answer is known). */
    private Optional<Reason> rules(Dimension nd, JsonNode value, String justification, JsonAnswers view, State s,
            Map<String, ChangeRule> merged) {
        for (Rule r : valueRules.getOrDefault(nd.id(), List.of())) {
            for (Constraint c : r.constraints()) {
                if (!c.target().equals(nd.id()) || c instanceof Constraint.Justify || c instanceof Constraint.Require) continue;
                if (view.satisfies(c, value)) continue;
                Boolean fires = r.when().isEmpty() ? Boolean.TRUE : holds(r.when().get(), view, s);
                if (Boolean.FALSE.equals(fires)) continue;
                Optional<String> unknown = fires == null ? pendingReference(r.when().get(), s) : Optional.empty();
                if (unknown.isPresent()) {
                    Reason cause = s.answerReason(unknown.get());
                    return Optional.of(new Reason(nd.id(), Reason.Field.answer, cause.change(), name, was(nd, value, justification),
                            Phrases.rule(r) + " may forbid " + Phrases.value(nd, value(nd, value)) + ", depending on the new"
                                    + " answer to " + title(unknown.get())));
                }
                return Optional.of(new Reason(nd.id(), Reason.Field.answer, ruleChange(r, merged).name(), name,
                        was(nd, value, justification), Phrases.rule(r) + ": " + Phrases.constraint(nd, c) + " (the answer is "
                                + Phrases.value(nd, value(nd, value)) + ")"));
            }
        }
        return Optional.empty();
    }

    private static Value value(Dimension d, JsonNode v) {
        if (v.isTextual() && v.textValue().equals("n/a") && d.notApplicable().isPresent()) return Value.NotApplicable.INSTANCE;
        if (v.isNumber()) return new Value.Number(v.decimalValue());
        if (v.isBoolean()) return new Value.Bool(v.booleanValue());
        return new Value.Choice(v.isTextual() ? v.textValue() : v.toString());
    }

    /**
     * The longest justification the new version requires for an answer: from the dimension's own requirement
     * {@code own} or from rule {@code rule}; {@code unknown} when it depends on a re-rated answer.
     */
    private record Requirement(int min, Dimension.Justification own, Rule rule, String unknown) {}

    private Requirement requirement(Dimension nd, JsonAnswers view, State s) {
        Requirement best = new Requirement(0, null, null, null);
        for (Dimension.Justification j : nd.justifications()) {
            if (j.minLength() <= best.min) continue;
            Boolean applies = j.when().isEmpty() ? Boolean.TRUE : holds(j.when().get(), view, s);
            if (Boolean.FALSE.equals(applies)) continue;
            best = new Requirement(j.minLength(), j, null, applies == null ? pendingReference(j.when().get(), s).orElseThrow() : null);
        }
        for (Rule r : justifyRules.getOrDefault(nd.id(), List.of())) {
            for (Constraint c : r.constraints()) {
                if (!(c instanceof Constraint.Justify jc) || !c.target().equals(nd.id()) || jc.minLength() <= best.min) continue;
                Boolean applies = r.when().isEmpty() ? Boolean.TRUE : holds(r.when().get(), view, s);
                if (Boolean.FALSE.equals(applies)) continue;
                best = new Requirement(jc.minLength(), null, r, applies == null ? pendingReference(r.when().get(), s).orElseThrow() : null);
            }
        }
        return best;
    }

    /** The change behind a justification requirement an old justification does not meet. */
    private String change(Dimension nd, Requirement req, Map<String, ChangeRule> merged) {
        if (req.rule != null) return ruleChange(req.rule, merged).name();
        return dimensionChanges.getOrDefault(nd.id(), List.of()).stream()
                .filter(c -> c.rule() == ChangeRule.JUSTIFICATION_ADDED || c.rule() == ChangeRule.JUSTIFICATION_CHANGED)
                .map(c -> c.rule().name()).findFirst()
                .orElseGet(() -> mergedReference(req.own.when(), merged).orElse(ChangeRule.JUSTIFICATION_CHANGED).name());
    }

    private static String why(Requirement req) {
        if (req.rule != null) return Phrases.rule(req.rule) + " requires at least " + req.min + " characters";
        return "at least " + req.min + " characters" + req.own.when().map(w -> " when " + w.toSource()).orElse("");
    }

    /** The change that makes a rule apply where it did not: the rule's own, or a merge of a value its condition reads. */
    private ChangeRule ruleChange(Rule r, Map<String, ChangeRule> merged) {
        if (r.origin().isPresent()) {
            // A row of a decision table: the change of the table that makes its decision new.
            Optional<ChangeRule> table = tableChanges.getOrDefault(r.origin().get().tableId(), List.of()).stream().map(Change::rule)
                    .filter(x -> x.carry() == ChangeRule.Carry.RERATE).findFirst();
            return table.or(() -> mergedReference(r.when(), merged)).orElse(ChangeRule.TABLE_ROW_CHANGED);
        }
        Optional<ChangeRule> own = ruleChanges.getOrDefault(r.id(), List.of()).stream().map(Change::rule)
                .filter(x -> x == ChangeRule.RULE_ADDED_CONSTRAINING || x == ChangeRule.RULE_CONSTRAINTS_CHANGED
                        || x == ChangeRule.RULE_ADDED_GUIDANCE_ONLY || x == ChangeRule.RULE_CONSTRAINTS_RELAXED)
                .findFirst();
        return own.or(() -> mergedReference(r.when(), merged)).orElse(ChangeRule.RULE_CONSTRAINTS_CHANGED);
    }

    private static Optional<ChangeRule> mergedReference(Optional<Condition> c, Map<String, ChangeRule> merged) {
        return c.flatMap(w -> w.references().stream().filter(merged::containsKey).map(merged::get).findFirst());
    }

    /** The change that makes a question asked or skipped where it was not: its own skip, its section's, or a merged value. */
    private ChangeRule skipChange(Dimension nd, Map<String, ChangeRule> merged) {
        boolean own = dimensionChanges.getOrDefault(nd.id(), List.of()).stream().anyMatch(c -> c.rule() == ChangeRule.SKIP_CONDITION_CHANGED)
                || sectionChanges.getOrDefault(nd.sectionId(), List.of()).stream().anyMatch(c -> c.rule() == ChangeRule.SKIP_CONDITION_CHANGED);
        if (own) return ChangeRule.SKIP_CONDITION_CHANGED;
        return mergedReference(skips.get(nd.id()), merged).orElse(ChangeRule.SKIP_CONDITION_CHANGED);
    }
}
