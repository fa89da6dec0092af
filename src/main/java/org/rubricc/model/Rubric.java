package org.rubricc.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rubricc.source.Span;

/**
 * One version of a rubric, resolved and checked: every name refers to something that exists and
 * every condition only looks at earlier answers. Back ends read this and nothing else.
 */
public final class Rubric {
    private final String id;
    private final Version version;
    private final String title;
    private final String description;
    private final List<ItemField> itemFields;
    private final Map<String, Scale> scales;
    private final List<Section> sections;
    private final List<Rule> rules;
    private final List<Table> tables;
    private final List<Rule> enforcedRules;
    private final Span span;
    private final Span versionSpan;
    private final Span titleSpan;
    private final Span descriptionSpan;

    private final List<Dimension> dimensions;
    private final Map<String, Dimension> dimensionsById;
    private final Map<String, Integer> positions;
    private final Map<String, Section> sectionsById;

    /**
     * @param scales the named scales declared in or imported into the rubric, by name (imported ones
     *               as {@code alias.name}), in declaration order
     */
    public Rubric(String id, Version version, String title, String description, List<ItemField> itemFields,
            Map<String, Scale> scales, List<Section> sections, List<Rule> rules, Span span) {
        this(id, version, title, description, itemFields, scales, sections, rules, span, span);
    }

    /** @param versionSpan where the version number is written, for diagnostics about versions */
    public Rubric(String id, Version version, String title, String description, List<ItemField> itemFields,
            Map<String, Scale> scales, List<Section> sections, List<Rule> rules, Span span, Span versionSpan) {
        this(id, version, title, description, itemFields, scales, sections, rules, span, versionSpan, null, null);
    }

    /** @param titleSpan, descriptionSpan where the title and the description are written (null: unknown) */
    public Rubric(String id, Version version, String title, String description, List<ItemField> itemFields,
            Map<String, Scale> scales, List<Section> sections, List<Rule> rules, Span span, Span versionSpan,
            Span titleSpan, Span descriptionSpan) {
        this(id, version, title, description, itemFields, scales, sections, rules, List.of(), span, versionSpan, titleSpan,
                descriptionSpan);
    }

    /** @param tables the decision tables, in the order written (imported ones after the rubric's own) */
    public Rubric(String id, Version version, String title, String description, List<ItemField> itemFields,
            Map<String, Scale> scales, List<Section> sections, List<Rule> rules, List<Table> tables, Span span,
            Span versionSpan, Span titleSpan, Span descriptionSpan) {
        this.titleSpan = titleSpan == null ? span : titleSpan;
        this.descriptionSpan = descriptionSpan == null ? span : descriptionSpan;
        this.id = id;
        this.version = version;
        this.title = title;
        this.description = description == null ? "" : description;
        this.itemFields = List.copyOf(itemFields);
        this.scales = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scales));
        this.sections = List.copyOf(sections);
        this.rules = List.copyOf(rules);
        this.tables = List.copyOf(tables);
        this.span = span;
        this.versionSpan = versionSpan == null ? span : versionSpan;

        List<Dimension> all = new ArrayList<>();
        Map<String, Dimension> byId = new LinkedHashMap<>();
        Map<String, Integer> pos = new LinkedHashMap<>();
        Map<String, Section> secs = new LinkedHashMap<>();
        for (Section s : this.sections) {
            secs.putIfAbsent(s.id(), s);
            for (Dimension d : s.dimensions()) {
                all.add(d);
                byId.putIfAbsent(d.id(), d);
                pos.putIfAbsent(d.id(), all.size() - 1);
            }
        }
        this.dimensions = List.copyOf(all);
        this.dimensionsById = java.util.Collections.unmodifiableMap(byId);
        this.positions = java.util.Collections.unmodifiableMap(pos);
        this.sectionsById = java.util.Collections.unmodifiableMap(secs);
        List<Rule> enforced = new ArrayList<>(this.rules);
        for (Table t : this.tables) {
            Dimension out = byId.get(t.output());
            enforced.addAll(t.rules(out != null && out.notApplicable().isPresent()));
        }
        this.enforcedRules = List.copyOf(enforced);
    }

    public String id() {
        return id;
    }

    public Version version() {
        return version;
    }

    public String title() {
        return title;
    }

    /** Markdown; empty when the rubric has none. */
    public String description() {
        return description;
    }

    public List<ItemField> itemFields() {
        return itemFields;
    }

    public Map<String, Scale> scales() {
        return scales;
    }

    public List<Section> sections() {
        return sections;
    }

    /** The rules as written (and imported), for the guidelines and the diff; validators use {@link #enforcedRules}. */
    public List<Rule> rules() {
        return rules;
    }

    /** The decision tables, in the order written (imported ones after the rubric's own). */
    public List<Table> tables() {
        return tables;
    }

    /**
     * What a valid rating must satisfy: the rules, then every decision table's rows as rules ({@link Table#rules}).
     * Every engine that judges ratings (schema, validators, analysis, migration) enforces these, so a table means
     * the same to all of them.
     */
    public List<Rule> enforcedRules() {
        return enforcedRules;
    }

    /** The decision tables that decide the dimension or look at it. */
    public List<Table> tablesAffecting(Dimension d) {
        return tables.stream().filter(t -> t.output().equals(d.id()) || t.inputs().contains(d.id())).toList();
    }

    public Span span() {
        return span;
    }

    /** Where the title is written (the rubric's span when unknown). */
    public Span titleSpan() {
        return titleSpan;
    }

    /** Where the description is written (the rubric's span when unknown or absent). */
    public Span descriptionSpan() {
        return descriptionSpan;
    }

    /** Where the version number is written (the rubric's span when unknown). */
    public Span versionSpan() {
        return versionSpan;
    }

    /** Every dimension, in the order the rater is asked them: section by section. */
    public List<Dimension> dimensions() {
        return dimensions;
    }

    public Optional<Dimension> dimension(String id) {
        return Optional.ofNullable(dimensionsById.get(id));
    }

    public Optional<Section> section(String id) {
        return Optional.ofNullable(sectionsById.get(id));
    }

    /** The 0-based position of a dimension in asking order. */
    public int position(String dimensionId) {
        Integer p = positions.get(dimensionId);
        if (p == null) throw new IllegalArgumentException("no dimension " + dimensionId);
        return p;
    }

    public Section sectionOf(Dimension d) {
        return sectionsById.get(d.sectionId());
    }

    /**
     * When the dimension is skipped: its section's skip condition or its own, whichever holds.
     * Empty when it is always asked.
     */
    public Optional<Condition> skipCondition(Dimension d) {
        Optional<Condition> section = sectionOf(d).skipWhen();
        Optional<Condition> own = d.skipWhen();
        if (section.isEmpty()) return own;
        if (own.isEmpty()) return section;
        return Optional.of(new Condition.Or(List.of(section.get(), own.get()), own.get().span()));
    }

    /**
     * The rules that constrain the dimension, mention it in their condition, or name it (or its section) in {@code about};
     * rules written, not the rows of tables (see {@link #tablesAffecting}).
     */
    public List<Rule> rulesAffecting(Dimension d) {
        return index(false).affecting(d);
    }

    /** {@link #rulesAffecting}, among the enforced rules: the rows of tables too. */
    public List<Rule> enforcedRulesAffecting(Dimension d) {
        return index(true).affecting(d);
    }

    /** A constraint of a rule, with its rule. */
    public record Constrained(Rule rule, Constraint constraint) {}

    /**
     * The constraints on a dimension, with their rules, among the enforced rules (the rows of tables too): rules in
     * order, each rule's constraints in order.
     */
    public List<Constrained> constraintsOn(String dimensionId) {
        return index(true).byTarget.getOrDefault(dimensionId, List.of());
    }

    /** Built on first use (the model is immutable, so a race only builds one twice): rules by the names they affect. */
    private volatile RuleIndex ruleIndex;
    private volatile RuleIndex enforcedIndex;

    private RuleIndex index(boolean enforced) {
        RuleIndex index = enforced ? enforcedIndex : ruleIndex;
        if (index == null) {
            index = new RuleIndex(enforced ? enforcedRules : rules);
            if (enforced) enforcedIndex = index;
            else ruleIndex = index;
        }
        return index;
    }

    /**
     * The positions of the rules that constrain or mention each dimension id, and of those naming each id in
     * {@code about} (a dimension or a section), and the constraints on each dimension: one pass over the rules, instead of one per dimension asked about.
     */
    private static final class RuleIndex {
        private final List<Rule> rules;
        private final Map<String, List<Integer>> byDimension = new java.util.HashMap<>();
        private final Map<String, List<Integer>> byAbout = new java.util.HashMap<>();
        private final Map<String, List<Constrained>> byTarget = new java.util.HashMap<>();

        RuleIndex(List<Rule> rules) {
            this.rules = rules;
            for (int i = 0; i < rules.size(); i++) {
                Rule r = rules.get(i);
                java.util.Set<String> names = new java.util.HashSet<>();
                for (Constraint c : r.constraints()) {
                    names.add(c.target());
                    byTarget.computeIfAbsent(c.target(), k -> new ArrayList<>()).add(new Constrained(r, c));
                }
                r.when().ifPresent(w -> names.addAll(w.references()));
                for (String n : names) byDimension.computeIfAbsent(n, k -> new ArrayList<>()).add(i);
                for (String n : new java.util.HashSet<>(r.about())) byAbout.computeIfAbsent(n, k -> new ArrayList<>()).add(i);
            }
        }

        List<Rule> affecting(Dimension d) {
            java.util.TreeSet<Integer> at = new java.util.TreeSet<>(byDimension.getOrDefault(d.id(), List.of()));
            at.addAll(byAbout.getOrDefault(d.id(), List.of()));
            at.addAll(byAbout.getOrDefault(d.sectionId(), List.of()));
            List<Rule> out = new ArrayList<>(at.size());
            for (int i : at) out.add(rules.get(i));
            return out;
        }
    }

    @Override
    public String toString() {
        return id + "@" + version;
    }
}
