package org.rubricc.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rubricc.ast.Ast;
import org.rubricc.diag.Code;
import org.rubricc.diag.Diagnostic;
import org.rubricc.diag.Suggestions;
import org.rubricc.model.Condition;
import org.rubricc.model.Constraint;
import org.rubricc.model.Dimension;
import org.rubricc.model.ItemField;
import org.rubricc.model.Rubric;
import org.rubricc.model.Rule;
import org.rubricc.model.Scale;
import org.rubricc.model.Section;
import org.rubricc.model.Table;
import org.rubricc.model.Value;
import org.rubricc.model.Version;
import org.rubricc.source.Span;

/**
 * Turns one file's AST into the model, checking names, values and the order of questions. Every
 * problem is added to the diagnostics; resolution goes on past errors so one run reports them all.
 */
final class Resolver {
    private final Ast.File file;
    private final Map<String, Frontend.Imported> imports;
    private final List<Diagnostic> out;
    private final Scales scales;
    private final Conditions conditions;

    /** What a file contributes: its named scales (for importers) and, for a rubric, the model. */
    /** @param expects for a library, the dimensions its rules and tables expect, by id (null when some did not resolve) */
    record Result(Map<String, Scale> scales, Rubric rubric, Map<String, Scale> expects) {
        Result(Map<String, Scale> scales, Rubric rubric) {
            this(scales, rubric, null);
        }
    }

    /** A dimension once its scale and kind of answer are known, before its conditions are resolved. */
    record DimInfo(Ast.Dimension ast, String sectionId, int position, Scale scale, boolean required,
            Optional<String> notApplicable, boolean hasSkip) {}

    private final Map<String, DimInfo> dims = new LinkedHashMap<>();
    private final Map<String, Ast.Section> sectionsById = new LinkedHashMap<>();

    Resolver(Ast.File file, Map<String, Frontend.Imported> imports, List<Diagnostic> out) {
        this.file = file;
        this.imports = imports;
        this.out = out;
        this.scales = new Scales(out);
        this.conditions = new Conditions(dims, sectionsById, out);
    }

    private void report(Diagnostic d) {
        out.add(d);
    }

    Result resolve() {
        Header header = header();
        Map<String, Scale> named = namedScales();
        if (file.kind() == Ast.FileKind.LIBRARY) {
            for (Ast.ItemField f : file.itemFields()) libraryOnly(f.span(), "item fields");
            for (Ast.Section s : file.sections()) libraryOnly(s.span(), "sections");
            Map<String, Scale> expects = expects();
            rules(file.rules(), "");
            // Whether a library's table is complete depends on the skips of the rubric that imports it: proved there.
            new Tables(dims, Map.of(), conditions, out).withoutCompleteness().resolve(file.tables(), "");
            warnUnusedImports();
            return new Result(named, null, expects);
        }
        for (Ast.Expect x : file.expects()) {
            report(Diagnostic.of(Code.LIBRARY_NOT_RUBRIC, x.span(), "a rubric cannot hold `expect`")
                    .withHint("`expect` declares, in a library, a dimension its rules and tables look at; a rubric defines its "
                            + "dimensions in sections"));
        }
        List<ItemField> items = itemFields();
        collectDimensions(named);
        List<Section> sections = sections();
        List<Rule> rules = rules(file.rules(), "");
        Map<String, List<Condition>> skips = new HashMap<>();
        for (Section s : sections) {
            for (Dimension d : s.dimensions()) {
                List<Condition> cs = new ArrayList<>();
                s.skipWhen().ifPresent(cs::add);
                d.skipWhen().ifPresent(cs::add);
                skips.put(d.id(), cs);
            }
        }
        List<Table> tables = new ArrayList<>(new Tables(dims, skips, conditions, out).resolve(file.tables(), ""));
        importedRulesAndTables(rules, tables, skips);
        formerlyOnce();
        warnUnusedImports();
        if (dims.isEmpty()) {
            report(Diagnostic.of(Code.EMPTY_RUBRIC, file.id().span(), "rubric `" + file.id().text() + "` has no dimensions")
                    .withHint("add a `section` with at least one `dimension`"));
        }
        Map<String, Scale> allScales = new LinkedHashMap<>(named);
        for (Map.Entry<String, Frontend.Imported> e : imports.entrySet()) {
            if (!e.getValue().used) continue;
            e.getValue().scales.forEach((n, s) -> allScales.put(e.getKey() + "." + n, s));
        }
        if (header.version == null || header.title == null) return new Result(named, null);
        Rubric rubric = new Rubric(file.id().text(), header.version, header.title, header.description, items,
                allScales, sections, rules, tables, file.span(), header.versionSpan, header.titleSpan, header.descriptionSpan);
        return new Result(named, rubric);
    }

    private void libraryOnly(Span span, String what) {
        report(Diagnostic.of(Code.LIBRARY_NOT_RUBRIC, span, "a scale library cannot hold " + what)
                .withHint("libraries hold `scale`, `expect`, `rule` and `table` declarations; start the file with `rubric ID` to write a rubric"));
    }

    // ---------------------------------------------------------------------------------------------
    // Header
    // ---------------------------------------------------------------------------------------------

    private static final class Header {
        Version version;
        Span versionSpan;
        String title;
        Span titleSpan;
        String description = "";
        Span descriptionSpan;
    }

    private Header header() {
        Header h = new Header();
        Map<Ast.HeaderKind, Ast.HeaderField> seen = new HashMap<>();
        for (Ast.HeaderField f : file.header()) {
            Ast.HeaderField first = seen.putIfAbsent(f.kind(), f);
            if (first != null) {
                report(Diagnostic.of(Code.DUPLICATE_HEADER_FIELD, f.span(),
                        "`" + keyword(f.kind()) + "` is given twice").withLabel("second one here")
                        .withHint("the first is at line " + first.span().line()));
                continue;
            }
            switch (f.kind()) {
                case VERSION -> {
                    Optional<Version> v = Version.parse(f.value());
                    if (v.isEmpty()) {
                        report(Diagnostic.of(Code.INVALID_VERSION, f.valueSpan(),
                                "`" + f.value() + "` is not a semantic version")
                                .withLabel("expected MAJOR.MINOR.PATCH")
                                .withHint("write three numbers without leading zeros, such as `2.1.0` (see https://semver.org)"));
                    }
                    h.version = v.orElse(null);
                    h.versionSpan = f.valueSpan();
                }
                case TITLE -> {
                    h.title = f.value();
                    h.titleSpan = f.valueSpan();
                }
                case DESCRIPTION -> {
                    h.description = f.value();
                    h.descriptionSpan = f.valueSpan();
                }
            }
        }
        if (file.kind() == Ast.FileKind.RUBRIC) {
            for (Ast.HeaderKind required : List.of(Ast.HeaderKind.VERSION, Ast.HeaderKind.TITLE)) {
                if (!seen.containsKey(required)) {
                    report(Diagnostic.of(Code.MISSING_HEADER_FIELD, file.id().span(),
                            "rubric `" + file.id().text() + "` has no `" + keyword(required) + "`")
                            .withHint(required == Ast.HeaderKind.VERSION
                                    ? "add `version 1.0.0` after the `rubric` line"
                                    : "add `title \"...\"` after the `rubric` line"));
                }
            }
        }
        return h;
    }

    private static String keyword(Ast.HeaderKind k) {
        return k.name().toLowerCase(java.util.Locale.ROOT);
    }

    // ---------------------------------------------------------------------------------------------
    // Scales and item fields
    // ---------------------------------------------------------------------------------------------

    private final Map<String, Scale> namedScales = new LinkedHashMap<>();

    private Map<String, Scale> namedScales() {
        Map<String, Ast.ScaleDecl> seen = new HashMap<>();
        for (Ast.ScaleDecl decl : file.scales()) {
            String name = decl.name().text();
            Ast.ScaleDecl first = seen.putIfAbsent(name, decl);
            if (first != null) {
                duplicate("scale", decl.name(), first.name().span());
                continue;
            }
            scales.resolve(Optional.of(name), decl.body()).ifPresent(s -> namedScales.put(name, s));
        }
        return namedScales;
    }

    /**
     * A former id is claimed by one section, one dimension, one rule at most: two dimensions both `formerly a`
     * would make the old answers to `a` belong to both (a split, which `formerly` cannot say).
     */
    private void formerlyOnce() {
        List<Map.Entry<String, List<?>>> owners = new ArrayList<>();
        for (Ast.Section s : file.sections()) {
            owners.add(Map.entry("section `" + s.id().text() + "`", s.members()));
        }
        for (Ast.Section s : file.sections()) {
            for (Ast.Dimension d : s.dimensions()) owners.add(Map.entry("dimension `" + d.id().text() + "`", d.members()));
        }
        for (Ast.Rule r : file.rules()) owners.add(Map.entry("rule `" + r.id().text() + "`", r.members()));
        Map<String, Map.Entry<String, Ast.Formerly>> seen = new HashMap<>();
        for (Map.Entry<String, List<?>> o : owners) {
            String kind = o.getKey().substring(0, o.getKey().indexOf(' '));
            for (Object m : o.getValue()) {
                if (!(m instanceof Ast.Formerly f)) continue;
                Map.Entry<String, Ast.Formerly> first = seen.putIfAbsent(kind + " " + f.old().text(), Map.entry(o.getKey(), f));
                if (first != null && !first.getKey().equals(o.getKey())) {
                    report(Diagnostic.of(Code.DUPLICATE_ID, f.old().span(), o.getKey() + " and " + first.getKey()
                            + " both say `formerly " + f.old().text() + "`")
                            .withLabel("claimed again here")
                            .withHint("only one " + kind + " can take over what `" + f.old().text() + "` was (the first claim is at line "
                                    + first.getValue().span().line() + "); if it was split, give the new " + kind + "s no `formerly`"));
                }
            }
        }
    }

    private void duplicate(String what, Ast.Name name, Span first) {
        report(Diagnostic.of(Code.DUPLICATE_ID, name.span(), what + " `" + name.text() + "` is defined twice")
                .withLabel("defined again here").withHint("the first definition is at line " + first.line()));
    }

    private List<ItemField> itemFields() {
        List<ItemField> items = new ArrayList<>();
        Map<String, Ast.ItemField> seen = new HashMap<>();
        for (Ast.ItemField f : file.itemFields()) {
            Ast.ItemField first = seen.putIfAbsent(f.id().text(), f);
            if (first != null) {
                duplicate("item field", f.id(), first.id().span());
                continue;
            }
            ItemField.Kind kind = switch (f.kind().text()) {
                case "image" -> ItemField.Kind.IMAGE;
                case "text" -> ItemField.Kind.TEXT;
                case "url" -> ItemField.Kind.URL;
                default -> null;
            };
            if (kind == null) {
                Diagnostic d = Diagnostic.of(Code.UNKNOWN_KIND, f.kind().span(),
                        "unknown kind of item field `" + f.kind().text() + "`").withLabel("expected `image`, `text` or `url`");
                report(Suggestions.didYouMean(f.kind().text(), List.of("image", "text", "url")).map(d::withHint).orElse(d));
                continue;
            }
            items.add(new ItemField(f.id().text(), kind, f.label().value(),
                    f.description() == null ? "" : f.description().value(), f.span()));
        }
        return items;
    }

    /** The scale a dimension uses: a named one, an imported one, or its inline scale. */
    private Optional<Scale> scaleOf(Ast.ScaleRef ref) {
        if (ref instanceof Ast.InlineScale inline) return scales.resolve(Optional.empty(), inline.body());
        Ast.NamedScale n = (Ast.NamedScale) ref;
        if (n.alias() == null) {
            Scale s = namedScales.get(n.name().text());
            if (s != null) return Optional.of(s);
            if (file.scales().stream().anyMatch(d -> d.name().text().equals(n.name().text()))) {
                return Optional.empty(); // declared, but with errors already reported
            }
            List<String> candidates = new ArrayList<>(namedScales.keySet());
            imports.forEach((alias, imp) -> imp.scales.keySet().forEach(k -> candidates.add(alias + "." + k)));
            Diagnostic d = Diagnostic.of(Code.UNKNOWN_SCALE, n.name().span(), "unknown scale `" + n.name().text() + "`")
                    .withLabel("not defined in this rubric");
            Optional<String> hint = Suggestions.didYouMean(n.name().text(), candidates);
            if (hint.isEmpty()) {
                hint = imports.entrySet().stream()
                        .filter(e -> e.getValue().scales.containsKey(n.name().text()))
                        .map(e -> "it is in the library imported as `" + e.getKey() + "`: write `" + e.getKey() + "."
                                + n.name().text() + "`")
                        .findFirst();
            }
            if (hint.isEmpty() && Scales.KINDS.contains(n.name().text())) {
                hint = Optional.of("an inline scale needs braces: `scale " + n.name().text() + " { ... }`");
            }
            report(hint.map(d::withHint).orElse(d));
            return Optional.empty();
        }
        Frontend.Imported imp = imports.get(n.alias().text());
        if (imp == null) {
            boolean declared = file.imports().stream().anyMatch(i -> i.alias().text().equals(n.alias().text()));
            if (!declared) {
                Diagnostic d = Diagnostic.of(Code.UNKNOWN_IMPORT, n.alias().span(),
                        "no import is called `" + n.alias().text() + "`").withLabel("not an import alias");
                report(Suggestions.didYouMean(n.alias().text(), imports.keySet()).map(d::withHint)
                        .orElse(d.withHint("import a library with `import \"PATH\" as " + n.alias().text() + "`")));
            }
            return Optional.empty();
        }
        imp.used = true;
        Scale s = imp.scales.get(n.name().text());
        if (s == null) {
            Diagnostic d = Diagnostic.of(Code.UNKNOWN_SCALE, n.name().span(),
                    "unknown scale `" + n.name().text() + "` in library `" + n.alias().text() + "`")
                    .withLabel("not defined in " + imp.declaration.path());
            report(Suggestions.didYouMean(n.name().text(), imp.scales.keySet()).map(d::withHint).orElse(d));
            return Optional.empty();
        }
        return Optional.of(s);
    }

    private void warnUnusedImports() {
        for (Map.Entry<String, Frontend.Imported> e : imports.entrySet()) {
            if (!e.getValue().used && file.kind() == Ast.FileKind.RUBRIC) {
                Ast.Import d = e.getValue().declaration;
                report(Diagnostic.of(Code.UNUSED_IMPORT, d.span(), "import `" + e.getKey() + "` is not used")
                        .withHint("remove it, or use one of its scales as `" + e.getKey() + ".NAME`"));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Dimensions: first their scales and positions, then (in sections()) their conditions
    // ---------------------------------------------------------------------------------------------

    private void collectDimensions(Map<String, Scale> named) {
        int position = 0;
        Map<String, Ast.Name> ids = new HashMap<>();
        for (Ast.Section s : file.sections()) {
            Ast.Name firstSection = ids.putIfAbsent(s.id().text(), s.id());
            if (firstSection != null) {
                duplicate(sectionsById.containsKey(s.id().text()) ? "section" : "id", s.id(), firstSection.span());
            } else {
                sectionsById.put(s.id().text(), s);
            }
            for (Ast.Dimension d : s.dimensions()) {
                Ast.Name first = ids.putIfAbsent(d.id().text(), d.id());
                if (first != null) {
                    duplicate(dims.containsKey(d.id().text()) ? "dimension" : "id", d.id(), first.span());
                    continue;
                }
                Members m = new Members(d.members());
                Optional<Scale> scale = m.one(Ast.ScaleUse.class).flatMap(u -> scaleOf(u.ref()));
                boolean required = m.one(Ast.Requiredness.class).map(Ast.Requiredness::required).orElse(true);
                Optional<String> na = m.one(Ast.NotApplicable.class).map(n -> n.label().value());
                boolean noQuestion = m.one(Ast.Question.class).isEmpty(), noScale = m.one(Ast.ScaleUse.class).isEmpty();
                if (noQuestion || noScale) {
                    String missing = noQuestion && noScale ? "no question and no scale" : noQuestion ? "no question" : "no scale";
                    report(Diagnostic.of(Code.MISSING_QUESTION, d.id().span(), "dimension `" + d.id().text() + "` has " + missing)
                            .withHint("every dimension needs `question \"...\"` and `scale ...`"));
                }
                dims.put(d.id().text(), new DimInfo(d, s.id().text(), position++, scale.orElse(null), required, na,
                        m.one(Ast.Skip.class).isPresent()));
            }
        }
    }

    /** A dimension's or section's members, with duplicates reported. */
    private final class Members {
        private final List<? extends Object> members;

        Members(List<?> members) {
            this.members = members;
            Map<Class<?>, Object> seen = new HashMap<>();
            for (Object m : members) {
                if (m instanceof Ast.Example || m instanceof Ast.Justify) continue;
                Class<?> key = m.getClass();
                Object first = seen.putIfAbsent(key, m);
                if (first != null && !reported.contains(m)) {
                    reported.add(m);
                    Span span = ((Span) spanOf(m));
                    report(Diagnostic.of(Code.DUPLICATE_MEMBER, span, "`" + memberKeyword(m) + "` is given twice")
                            .withLabel("second one here").withHint("the first is at line " + ((Span) spanOf(first)).line()));
                }
            }
        }

        <T> Optional<T> one(Class<T> type) {
            return members.stream().filter(type::isInstance).map(type::cast).findFirst();
        }

        <T> List<T> all(Class<T> type) {
            return members.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    private final Set<Object> reported = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private static Object spanOf(Object m) {
        if (m instanceof Ast.DimensionMember d) return d.span();
        if (m instanceof Ast.SectionMember s) return s.span();
        return ((Ast.RuleMember) m).span();
    }

    private static String memberKeyword(Object m) {
        if (m instanceof Ast.Question) return "question";
        if (m instanceof Ast.ScaleUse) return "scale";
        if (m instanceof Ast.Requiredness) return "required/optional";
        if (m instanceof Ast.Weight) return "weight";
        if (m instanceof Ast.Guidance) return "guidance";
        if (m instanceof Ast.NotApplicable) return "not_applicable";
        if (m instanceof Ast.Skip) return "skip when";
        if (m instanceof Ast.Formerly) return "formerly";
        if (m instanceof Ast.When) return "when";
        return m.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        for (Ast.Section s : file.sections()) {
            if (sectionsById.get(s.id().text()) != s) continue;
            Members m = new Members(s.members());
            int firstPosition = s.dimensions().stream().map(d -> dims.get(d.id().text()))
                    .filter(i -> i != null).mapToInt(DimInfo::position).min().orElse(Integer.MAX_VALUE);
            Optional<Condition> skip = m.one(Ast.Skip.class).flatMap(k -> conditions.resolve(k.condition(),
                    Conditions.Scope.section(s.id().text(), firstPosition), "skip condition of section `" + s.id().text() + "`"));
            skip.ifPresent(c -> staticCheck(c, "skip condition", "every question of section `" + s.id().text() + "`"));
            List<Dimension> ds = new ArrayList<>();
            for (Ast.Dimension d : s.dimensions()) {
                DimInfo info = dims.get(d.id().text());
                if (info == null || info.ast() != d) continue;
                Dimension built = dimension(info);
                if (built != null) ds.add(built);
            }
            sections.add(new Section(s.id().text(), s.title().value(),
                    m.one(Ast.Guidance.class).map(g -> g.text().value()).orElse(""), skip, ds,
                    m.one(Ast.Formerly.class).map(f -> f.old().text()), s.span()));
        }
        return sections;
    }


    private Dimension dimension(DimInfo info) {
        Ast.Dimension d = info.ast();
        String id = d.id().text();
        Members m = new Members(d.members());
        Optional<Condition> skip = m.one(Ast.Skip.class).flatMap(k -> conditions.resolve(k.condition(),
                Conditions.Scope.before(id, info.position(), false), "skip condition of `" + id + "`"));
        skip.ifPresent(c -> staticCheck(c, "skip condition", "`" + id + "`"));
        Optional<BigDecimal> weight = m.one(Ast.Weight.class).flatMap(w -> {
            Optional<BigDecimal> v = Scales.number(w.value(), out);
            if (v.isPresent() && v.get().signum() <= 0) {
                report(Diagnostic.of(Code.INVALID_WEIGHT, w.value().span(), "weight must be greater than 0")
                        .withHint("leave the dimension out of the overall score by giving it no weight"));
                return Optional.empty();
            }
            return v;
        });
        List<Dimension.Example> examples = new ArrayList<>();
        for (Ast.Example e : m.all(Ast.Example.class)) {
            if (info.scale() == null) continue;
            conditions.value(e.value(), info, "example").ifPresent(v -> examples.add(new Dimension.Example(v, e.text().value(), e.span())));
        }
        List<Dimension.Justification> justifications = new ArrayList<>();
        for (Ast.Justify j : m.all(Ast.Justify.class)) {
            Optional<Condition> when = Optional.empty();
            if (j.when() != null) {
                when = conditions.resolve(j.when(), Conditions.Scope.before(id, info.position(), true),
                        "justification condition of `" + id + "`");
                if (when.isEmpty()) continue;
                Conditions.Truth t = conditions.truth(when.get());
                if (t == Conditions.Truth.NEVER) {
                    report(Diagnostic.of(Code.JUSTIFICATION_NEVER_APPLIES, j.when().span(),
                            "this justification is never required: its condition can never be true")
                            .withHint(conditions.explainNever(when.get())));
                }
            }
            int min = j.min() == null ? 1 : Scales.count(j.min(), out).orElse(1);
            justifications.add(new Dimension.Justification(when, min, j.span()));
        }
        if (info.scale() == null) return null;
        return new Dimension(id, d.title().value(), m.one(Ast.Question.class).map(q -> q.text().value()).orElse(""),
                info.scale(), info.required(), weight, m.one(Ast.Guidance.class).map(g -> g.text().value()).orElse(""),
                examples, info.notApplicable(), skip, justifications, m.one(Ast.Formerly.class).map(f -> f.old().text()),
                info.sectionId(), d.span());
    }

    /** Warns about a skip or rule condition that is evidently constant. */
    private void staticCheck(Condition c, String what, String subject) {
        Conditions.Truth t = conditions.truth(c);
        if (t == Conditions.Truth.NEVER) {
            report(Diagnostic.of(Code.CONDITION_NEVER_TRUE, c.span(), what + " can never be true, so it never skips " + subject)
                    .withHint(conditions.explainNever(c)));
        } else if (t == Conditions.Truth.ALWAYS) {
            report(Diagnostic.of(Code.CONDITION_ALWAYS_TRUE, c.span(), what + " is always true, so " + subject + " is never asked")
                    .withHint("remove the question, or correct the condition"));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Rules
    // ---------------------------------------------------------------------------------------------

    /**
     * In a library: the dimensions it expects, as dimensions of their own (asked in the order declared, required, never
     * skipped), so that its rules and tables are checked against them; null when some did not resolve.
     */
    private Map<String, Scale> expects() {
        Map<String, Scale> out = new LinkedHashMap<>();
        boolean ok = true;
        int position = 0;
        for (Ast.Expect x : file.expects()) {
            if (dims.containsKey(x.id().text())) {
                duplicate("expected dimension", x.id(), dims.get(x.id().text()).ast().id().span());
                ok = false;
                continue;
            }
            Optional<Scale> scale = scaleOf(x.scale());
            if (scale.isEmpty()) {
                ok = false;
                continue;
            }
            Ast.Dimension shape = new Ast.Dimension(x.id(), new Ast.Text(x.id().text(), x.id().span()), List.of(), x.span());
            dims.put(x.id().text(), new DimInfo(shape, "", position++, scale.get(), true, Optional.empty(), false));
            out.put(x.id().text(), scale.get());
        }
        return ok ? out : null;
    }

    /**
     * The rules and tables of the libraries this rubric imports, checked against the rubric's own dimensions, which
     * must be the ones each library expects (R0706, R0707). Their ids take the import's alias: {@code common.rule}.
     */
    private void importedRulesAndTables(List<Rule> rules, List<Table> tables, Map<String, List<Condition>> skips) {
        for (Map.Entry<String, Frontend.Imported> e : imports.entrySet()) {
            Frontend.Imported imp = e.getValue();
            if (imp.file == null || (imp.file.rules().isEmpty() && imp.file.tables().isEmpty())) continue;
            String alias = e.getKey();
            imp.used = true;
            if (imp.expects == null) continue; // the library's own errors say why
            boolean ok = true;
            for (Ast.Expect x : imp.file.expects()) {
                Scale want = imp.expects.get(x.id().text());
                DimInfo have = dims.get(x.id().text());
                if (want == null) continue;
                if (have == null) {
                    Diagnostic d = Diagnostic.of(Code.LIBRARY_DIMENSION_MISSING, imp.declaration.span(), "the library imported as `"
                            + alias + "` looks at a dimension `" + x.id().text() + "`, which this rubric does not define")
                            .withLabel("its rules and tables need `" + x.id().text() + "`")
                            .withRelated(x.span(), "expected here");
                    report(Suggestions.didYouMean(x.id().text(), dims.keySet())
                            .map(h -> d.withHint(h + " (the library's rules and tables look at dimensions by id)"))
                            .orElse(d.withHint("define a dimension `" + x.id().text() + "` with " + want.kindPhrase() + " scale, or do not import the library")));
                    ok = false;
                    continue;
                }
                if (have.scale() == null) {
                    ok = false;
                    continue;
                }
                Optional<String> why = Scales.mismatch(want, have.scale());
                if (why.isPresent()) {
                    report(Diagnostic.of(Code.LIBRARY_DIMENSION_INCOMPATIBLE, have.ast().id().span(), "dimension `" + x.id().text()
                            + "` is not on the scale the library imported as `" + alias + "` expects: " + why.get())
                            .withLabel("its scale differs").withRelated(x.span(), "expected here")
                            .withHint("give `" + x.id().text() + "` the library's scale (as `" + alias + ".NAME` when the library names it), "
                                    + "or do not import the library"));
                    ok = false;
                }
            }
            if (!ok) continue;
            rules.addAll(rules(imp.file.rules(), alias + "."));
            tables.addAll(new Tables(dims, skips, conditions, out).resolve(imp.file.tables(), alias + "."));
        }
    }

    private List<Rule> rules(List<Ast.Rule> asts, String prefix) {
        List<Rule> rules = new ArrayList<>();
        Map<String, Ast.Rule> seen = new HashMap<>();
        for (Ast.Rule r : asts) {
            Ast.Rule first = seen.putIfAbsent(r.id().text(), r);
            if (first != null) {
                duplicate("rule", r.id(), first.id().span());
                continue;
            }
            Members m = new Members(r.members().stream().filter(x -> !(x instanceof Ast.Then) && !(x instanceof Ast.About)).toList());
            List<Constraint> constraints = new ArrayList<>();
            for (Ast.Then t : memberList(r, Ast.Then.class)) conditions.constraint(t.constraint()).ifPresent(constraints::add);
            List<String> about = new ArrayList<>();
            for (Ast.About a : memberList(r, Ast.About.class)) {
                for (Ast.Name n : a.names()) {
                    if (dims.containsKey(n.text()) || sectionsById.containsKey(n.text())) {
                        if (!about.contains(n.text())) about.add(n.text());
                    } else {
                        List<String> candidates = new ArrayList<>(dims.keySet());
                        candidates.addAll(sectionsById.keySet());
                        Diagnostic d = Diagnostic.of(Code.UNKNOWN_SECTION, n.span(),
                                "`" + n.text() + "` is neither a dimension nor a section").withLabel("not defined");
                        report(Suggestions.didYouMean(n.text(), candidates).map(d::withHint).orElse(d));
                    }
                }
            }
            Optional<Ast.When> whenAst = m.one(Ast.When.class);
            Optional<Condition> when = Optional.empty();
            if (whenAst.isPresent()) {
                when = conditions.resolve(whenAst.get().condition(), Conditions.Scope.anywhere(), "condition of rule `" + r.id().text() + "`");
                if (when.isEmpty()) continue;
                conditions.checkRuleOrder(r.id().text(), when.get(), constraints);
                Conditions.Truth t = conditions.truth(when.get());
                if (t == Conditions.Truth.NEVER) {
                    report(Diagnostic.of(Code.CONDITION_NEVER_TRUE, when.get().span(),
                            "the condition of rule `" + r.id().text() + "` can never be true, so the rule never applies")
                            .withHint(conditions.explainNever(when.get())));
                }
            }
            if (constraints.isEmpty() && about.isEmpty() && memberList(r, Ast.Then.class).isEmpty()
                    && memberList(r, Ast.About.class).isEmpty()) {
                report(Diagnostic.of(Code.RULE_REFERS_TO_NOTHING, r.id().span(),
                        "rule `" + r.id().text() + "` constrains nothing and names no dimension")
                        .withHint("add `then ...` constraints, or `about DIMENSION` for a rule that only guides"));
            }
            rules.add(new Rule(prefix + r.id().text(), r.title().value(), m.one(Ast.Guidance.class).map(g -> g.text().value()).orElse(""),
                    when, constraints, about, m.one(Ast.Formerly.class).map(f -> f.old().text()), r.span()));
        }
        return rules;
    }

    private static <T> List<T> memberList(Ast.Rule r, Class<T> type) {
        return r.members().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
