package org.rubricc.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.rubricc.ast.Ast;
import org.rubricc.diag.Code;
import org.rubricc.diag.Diagnostic;
import org.rubricc.parse.antlr.RubricParser;
import org.rubricc.source.Span;

/**
 * Turns the ANTLR parse tree into the AST. After a syntax error the tree may lack parts; an element
 * missing something it cannot do without is dropped (the syntax error has been reported already).
 */
final class AstBuilder {
    private final String path;
    private final Spans spans;
    private final List<Diagnostic> diagnostics;

    AstBuilder(String path, List<Diagnostic> diagnostics) {
        this.path = path;
        this.spans = new Spans(path);
        this.diagnostics = diagnostics;
    }

    Ast.File file(RubricParser.FileContext ctx) {
        Ast.FileKind kind;
        RubricParser.IdentContext idCtx;
        List<RubricParser.HeaderFieldContext> fields;
        if (ctx.rubricHeader() != null) {
            kind = Ast.FileKind.RUBRIC;
            idCtx = ctx.rubricHeader().id;
            fields = ctx.rubricHeader().headerField();
        } else if (ctx.libraryHeader() != null) {
            kind = Ast.FileKind.LIBRARY;
            idCtx = ctx.libraryHeader().id;
            fields = ctx.libraryHeader().headerField();
        } else {
            return null;
        }
        if (name(idCtx) == null) return null; // `rubric` without a name: the syntax error says so
        List<Ast.HeaderField> header = new ArrayList<>();
        for (RubricParser.HeaderFieldContext f : fields) {
            Ast.HeaderField h = headerField(f);
            if (h != null) header.add(h);
        }
        List<Ast.Import> imports = new ArrayList<>();
        List<Ast.ItemField> items = new ArrayList<>();
        List<Ast.ScaleDecl> scales = new ArrayList<>();
        List<Ast.Section> sections = new ArrayList<>();
        List<Ast.Rule> rules = new ArrayList<>();
        List<Ast.Table> tables = new ArrayList<>();
        List<Ast.Expect> expects = new ArrayList<>();
        for (RubricParser.DeclarationContext d : ctx.declaration()) {
            if (d.importDecl() != null) add(imports, importDecl(d.importDecl()));
            else if (d.itemBlock() != null) d.itemBlock().itemField().forEach(f -> add(items, itemField(f)));
            else if (d.scaleDecl() != null) add(scales, scaleDecl(d.scaleDecl()));
            else if (d.section() != null) add(sections, section(d.section()));
            else if (d.ruleDecl() != null) add(rules, rule(d.ruleDecl()));
            else if (d.tableDecl() != null) add(tables, table(d.tableDecl()));
            else if (d.expectDecl() != null) add(expects, expect(d.expectDecl()));
        }
        return new Ast.File(path, kind, name(idCtx), header, imports, items, scales, sections, rules, tables, expects, spans.of(ctx));
    }

    private static <T> void add(List<T> list, T item) {
        if (item != null) list.add(item);
    }

    private Ast.HeaderField headerField(RubricParser.HeaderFieldContext f) {
        if (f instanceof RubricParser.VersionFieldContext v) {
            if (v.version == null || v.version.getStart() == null || v.version.exception != null) return null;
            Token t = v.version.getStart();
            String raw = t.getType() == RubricParser.STRING ? string(t) : t.getText();
            return new Ast.HeaderField(Ast.HeaderKind.VERSION, raw, spans.of(t), spans.of(f));
        }
        if (f instanceof RubricParser.TitleFieldContext t) {
            Ast.Text text = text(t.text());
            return text == null ? null : new Ast.HeaderField(Ast.HeaderKind.TITLE, text.value(), text.span(), spans.of(f));
        }
        if (f instanceof RubricParser.DescriptionFieldContext d) {
            Ast.Text text = text(d.text());
            return text == null ? null
                    : new Ast.HeaderField(Ast.HeaderKind.DESCRIPTION, text.value(), text.span(), spans.of(f));
        }
        return null;
    }

    private Ast.Import importDecl(RubricParser.ImportDeclContext ctx) {
        Ast.Name alias = name(ctx.alias);
        if (ctx.path == null || alias == null || ctx.path.getType() != RubricParser.STRING) return null;
        return new Ast.Import(string(ctx.path), spans.of(ctx.path), alias, spans.of(ctx));
    }

    private Ast.ItemField itemField(RubricParser.ItemFieldContext ctx) {
        Ast.Name id = name(ctx.id);
        Ast.Name kind = name(ctx.kind);
        Ast.Text label = text(ctx.label);
        if (id == null || kind == null || label == null) return null;
        return new Ast.ItemField(id, kind, label, text(ctx.description), spans.of(ctx));
    }

    private Ast.ScaleDecl scaleDecl(RubricParser.ScaleDeclContext ctx) {
        Ast.Name name = name(ctx.name);
        if (name == null || ctx.scaleBody() == null) return null;
        Ast.ScaleBody body = scaleBody(ctx.scaleBody().kind, ctx.scaleBody().scaleEntry(), ctx.scaleBody());
        return body == null ? null : new Ast.ScaleDecl(name, body, spans.of(ctx));
    }

    private Ast.ScaleBody scaleBody(RubricParser.IdentContext kindCtx, List<RubricParser.ScaleEntryContext> entries,
            ParserRuleContext whole) {
        Ast.Name kind = name(kindCtx);
        if (kind == null) return null;
        List<Ast.ScaleEntry> out = new ArrayList<>();
        for (RubricParser.ScaleEntryContext e : entries) add(out, scaleEntry(e));
        return new Ast.ScaleBody(kind, out, spans.of(whole));
    }

    private Ast.ScaleEntry scaleEntry(RubricParser.ScaleEntryContext e) {
        if (e instanceof RubricParser.PointEntryContext p) {
            Ast.Text label = text(p.label);
            if (label == null || missing(p.NUMBER())) return null;
            Ast.Literal value = new Ast.Literal(Ast.LiteralKind.NUMBER, p.NUMBER().getText(), spans.of(p.NUMBER().getSymbol()));
            return new Ast.PointEntry(value, label, text(p.description), formerly(p.formerly()), spans.of(p));
        }
        if (e instanceof RubricParser.ChoiceEntryContext c) {
            Ast.Name id = name(c.id);
            Ast.Text label = text(c.label);
            if (id == null || label == null) return null;
            return new Ast.ChoiceEntry(id, label, text(c.description), formerly(c.formerly()), spans.of(c));
        }
        if (e instanceof RubricParser.NumberSettingContext s) {
            if (s.setting == null || missing(s.NUMBER())) return null;
            return new Ast.NumberSetting(new Ast.Name(s.setting.getText(), spans.of(s.setting)),
                    new Ast.Literal(Ast.LiteralKind.NUMBER, s.NUMBER().getText(), spans.of(s.NUMBER().getSymbol())),
                    spans.of(s));
        }
        if (e instanceof RubricParser.LabelSettingContext s) {
            Ast.Text label = text(s.label);
            if (s.setting == null || label == null) return null;
            return new Ast.LabelSetting(new Ast.Name(s.setting.getText(), spans.of(s.setting)), label, spans.of(s));
        }
        if (e instanceof RubricParser.PatternSettingContext s) {
            Ast.Text regex = text(s.regex);
            if (regex == null) return null;
            return new Ast.PatternSetting(new Ast.Name(s.PATTERN().getText(), spans.of(s.PATTERN().getSymbol())), regex,
                    text(s.description), columns(s.regex, regex.value()), spans.of(s));
        }
        return null;
    }

    /**
     * The column of each code point of a one-line literal's value, and one past its end, so a problem inside a
     * pattern is shown at its characters; empty when the literal spans lines.
     */
    private static List<Integer> columns(RubricParser.TextContext ctx, String value) {
        Token t = ctx.getStart();
        String raw = t.getText();
        if (raw.indexOf('\n') >= 0) return List.of();
        int[] cps = raw.codePoints().toArray();
        int col = t.getCharPositionInLine() + 1;
        List<Integer> out = new ArrayList<>();
        if (t.getType() == RubricParser.TEXT_BLOCK) {
            int[] body = java.util.Arrays.copyOfRange(cps, 3, Math.max(3, cps.length - 3));
            int lead = 0;
            while (lead < body.length && Character.isWhitespace(body[lead])) lead++;
            int n = value.codePointCount(0, value.length());
            for (int i = 0; i <= n; i++) out.add(col + 3 + lead + i);
            return out;
        }
        int i = 1, end = cps.length - (cps.length > 1 && cps[cps.length - 1] == '"' ? 1 : 0);
        while (i < end) {
            out.add(col + i);
            if (cps[i] != '\\' || i + 1 >= end) {
                i++;
            } else if (cps[i + 1] == 'u' && i + 2 < end && cps[i + 2] == '{') {
                int close = i + 3;
                while (close < end && cps[close] != '}') close++;
                i = close + 1;
            } else {
                i += 2;
            }
        }
        out.add(col + i);
        return out.size() == value.codePointCount(0, value.length()) + 1 ? out : List.of();
    }

    /** The values after {@code formerly}: one for a rename or renumbering, several for a merge; empty when absent. */
    private List<Ast.Literal> formerly(RubricParser.FormerlyContext ctx) {
        if (ctx == null) return List.of();
        List<Ast.Literal> out = new ArrayList<>();
        for (RubricParser.ValueLiteralContext v : ctx.olds) add(out, literal(v));
        return out;
    }

    private Ast.Section section(RubricParser.SectionContext ctx) {
        Ast.Name id = name(ctx.id);
        Ast.Text title = text(ctx.title);
        if (id == null || title == null) return null;
        List<Ast.SectionMember> members = new ArrayList<>();
        List<Ast.Dimension> dimensions = new ArrayList<>();
        for (RubricParser.SectionMemberContext m : ctx.sectionMember()) {
            if (m instanceof RubricParser.SectionGuidanceContext g) {
                Ast.Text t = text(g.text());
                if (t != null) members.add(new Ast.Guidance(t, spans.of(g)));
            } else if (m instanceof RubricParser.SectionSkipContext s) {
                Ast.Condition c = condition(s.condition());
                if (c != null) members.add(new Ast.Skip(c, spans.of(s)));
            } else if (m instanceof RubricParser.SectionFormerlyContext f) {
                Ast.Name old = name(f.ident());
                if (old != null) members.add(new Ast.Formerly(old, spans.of(f)));
            } else if (m instanceof RubricParser.SectionDimensionContext d) {
                add(dimensions, dimension(d.dimension()));
            }
        }
        return new Ast.Section(id, title, members, dimensions, spans.of(ctx));
    }

    private Ast.Dimension dimension(RubricParser.DimensionContext ctx) {
        Ast.Name id = name(ctx.id);
        Ast.Text title = text(ctx.title);
        if (id == null || title == null) return null;
        List<Ast.DimensionMember> members = new ArrayList<>();
        for (RubricParser.DimensionMemberContext m : ctx.dimensionMember()) add(members, dimensionMember(m));
        return new Ast.Dimension(id, title, members, spans.of(ctx));
    }

    private Ast.DimensionMember dimensionMember(RubricParser.DimensionMemberContext m) {
        Span span = spans.of(m);
        if (m instanceof RubricParser.QuestionMemberContext q) {
            Ast.Text t = text(q.text());
            return t == null ? null : new Ast.Question(t, span);
        }
        if (m instanceof RubricParser.ScaleMemberContext s) {
            Ast.ScaleRef ref = scaleRef(s.scaleRef());
            return ref == null ? null : new Ast.ScaleUse(ref, span);
        }
        if (m instanceof RubricParser.RequiredMemberContext) return new Ast.Requiredness(true, span);
        if (m instanceof RubricParser.OptionalMemberContext) return new Ast.Requiredness(false, span);
        if (m instanceof RubricParser.WeightMemberContext w) {
            if (missing(w.NUMBER())) return null;
            return new Ast.Weight(new Ast.Literal(Ast.LiteralKind.NUMBER, w.NUMBER().getText(),
                    spans.of(w.NUMBER().getSymbol())), span);
        }
        if (m instanceof RubricParser.GuidanceMemberContext g) {
            Ast.Text t = text(g.text());
            return t == null ? null : new Ast.Guidance(t, span);
        }
        if (m instanceof RubricParser.ExampleMemberContext e) {
            Ast.Literal v = literal(e.valueLiteral());
            Ast.Text t = text(e.text());
            return v == null || t == null ? null : new Ast.Example(v, t, span);
        }
        if (m instanceof RubricParser.NotApplicableMemberContext n) {
            Ast.Text t = text(n.text());
            return t == null ? null : new Ast.NotApplicable(t, span);
        }
        if (m instanceof RubricParser.SkipMemberContext s) {
            Ast.Condition c = condition(s.condition());
            return c == null ? null : new Ast.Skip(c, span);
        }
        if (m instanceof RubricParser.JustifyMemberContext j) {
            Ast.Condition c = j.condition() == null ? null : condition(j.condition());
            if (j.condition() != null && c == null) return null;
            Ast.Literal min = missing(j.NUMBER()) ? null
                    : new Ast.Literal(Ast.LiteralKind.NUMBER, j.NUMBER().getText(), spans.of(j.NUMBER().getSymbol()));
            return new Ast.Justify(c, min, span);
        }
        if (m instanceof RubricParser.FormerlyMemberContext f) {
            Ast.Name old = name(f.ident());
            return old == null ? null : new Ast.Formerly(old, span);
        }
        return null;
    }

    private Ast.ScaleRef scaleRef(RubricParser.ScaleRefContext ctx) {
        if (ctx instanceof RubricParser.InlineScaleContext i) {
            Ast.ScaleBody body = scaleBody(i.kind, i.scaleEntry(), i);
            return body == null ? null : new Ast.InlineScale(body, spans.of(i));
        }
        if (ctx instanceof RubricParser.NamedScaleContext n) {
            List<RubricParser.IdentContext> parts = n.qualifiedName().ident();
            if (parts.isEmpty() || parts.stream().anyMatch(p -> name(p) == null)) return null;
            if (parts.size() == 1) return new Ast.NamedScale(null, name(parts.get(0)), spans.of(n));
            return new Ast.NamedScale(name(parts.get(0)), name(parts.get(1)), spans.of(n));
        }
        return null;
    }

    private Ast.Rule rule(RubricParser.RuleDeclContext ctx) {
        Ast.Name id = name(ctx.id);
        Ast.Text title = text(ctx.title);
        if (id == null || title == null) return null;
        List<Ast.RuleMember> members = new ArrayList<>();
        for (RubricParser.RuleMemberContext m : ctx.ruleMember()) {
            Span span = spans.of(m);
            if (m instanceof RubricParser.RuleGuidanceContext g) {
                Ast.Text t = text(g.text());
                if (t != null) members.add(new Ast.Guidance(t, span));
            } else if (m instanceof RubricParser.RuleWhenContext w) {
                Ast.Condition c = condition(w.condition());
                if (c != null) members.add(new Ast.When(c, span));
            } else if (m instanceof RubricParser.RuleThenContext t) {
                Ast.Constraint c = constraint(t.constraint());
                if (c != null) members.add(new Ast.Then(c, span));
            } else if (m instanceof RubricParser.RuleAboutContext a) {
                List<Ast.Name> names = a.ident().stream().map(this::name).filter(Objects::nonNull).toList();
                if (!names.isEmpty()) members.add(new Ast.About(names, span));
            } else if (m instanceof RubricParser.RuleFormerlyContext f) {
                Ast.Name old = name(f.ident());
                if (old != null) members.add(new Ast.Formerly(old, span));
            }
        }
        return new Ast.Rule(id, title, members, spans.of(ctx));
    }

    private Ast.Expect expect(RubricParser.ExpectDeclContext ctx) {
        Ast.Name id = name(ctx.id);
        Ast.ScaleRef ref = ctx.scaleRef() == null || ctx.scaleRef().exception != null ? null : scaleRef(ctx.scaleRef());
        return id == null || ref == null ? null : new Ast.Expect(id, ref, spans.of(ctx));
    }

    private Ast.Table table(RubricParser.TableDeclContext ctx) {
        Ast.Name id = name(ctx.id);
        Ast.Text title = text(ctx.title);
        if (id == null || title == null) return null;
        List<Ast.TableMember> members = new ArrayList<>();
        for (RubricParser.TableMemberContext m : ctx.tableMember()) {
            Span span = spans.of(m);
            if (m.exception != null) continue;
            if (m instanceof RubricParser.TableGuidanceContext g) {
                Ast.Text t = text(g.text());
                if (t != null) members.add(new Ast.Guidance(t, span));
            } else if (m instanceof RubricParser.TableFormerlyContext f) {
                Ast.Name old = name(f.ident());
                if (old != null) members.add(new Ast.Formerly(old, span));
            } else if (m instanceof RubricParser.TableRowContext r) {
                Ast.Literal output = literal(r.output);
                List<Ast.Cell> cells = new ArrayList<>();
                for (RubricParser.TableCellContext c : r.cells) {
                    List<Ast.CellEntry> entries = new ArrayList<>();
                    for (RubricParser.CellEntryContext e : c.cellEntry()) {
                        Ast.CellEntry entry = cellEntry(e);
                        if (entry == null) return null;
                        entries.add(entry);
                    }
                    cells.add(new Ast.Cell(entries, spans.of(c)));
                }
                if (output != null && !cells.isEmpty()) members.add(new Ast.TableRow(cells, output, span));
            } else if (m instanceof RubricParser.TableOtherwiseContext o) {
                Ast.Literal output = literal(o.output);
                if (output != null) members.add(new Ast.Otherwise(output, span));
            }
        }
        return new Ast.Table(id, title, members, spans.of(ctx));
    }

    private Ast.CellEntry cellEntry(RubricParser.CellEntryContext e) {
        if (e == null || e.exception != null) return null;
        Span span = spans.of(e);
        if (e instanceof RubricParser.AnyCellContext) return new Ast.CellEntry(Ast.CellKind.ANY, null, null, span);
        if (e instanceof RubricParser.UnansweredCellContext) return new Ast.CellEntry(Ast.CellKind.NOT_ANSWERED, null, null, span);
        if (e instanceof RubricParser.CompareCellContext c) {
            Ast.Literal v = literal(c.valueLiteral());
            return v == null || c.compareOp() == null ? null : new Ast.CellEntry(Ast.CellKind.VALUE, c.compareOp().getText(), v, span);
        }
        Ast.Literal v = literal(((RubricParser.ValueCellContext) e).valueLiteral());
        return v == null ? null : new Ast.CellEntry(Ast.CellKind.VALUE, "==", v, span);
    }

    private Ast.Constraint constraint(RubricParser.ConstraintContext ctx) {
        if (ctx == null) return null;
        Span span = spans.of(ctx);
        if (ctx instanceof RubricParser.RequireConstraintContext r) {
            Ast.Name t = name(r.target);
            return t == null ? null : new Ast.Require(t, span);
        }
        if (ctx instanceof RubricParser.ForbidCompareConstraintContext f) {
            Ast.Name t = name(f.target);
            Ast.Literal v = literal(f.valueLiteral());
            if (t == null || v == null || f.compareOp() == null) return null;
            return new Ast.Forbid(t, f.compareOp().getText(), List.of(v), span);
        }
        if (ctx instanceof RubricParser.ForbidInConstraintContext f) {
            Ast.Name t = name(f.target);
            List<Ast.Literal> vs = valueSet(f.valueSet());
            return t == null || vs == null ? null : new Ast.Forbid(t, null, vs, span);
        }
        if (ctx instanceof RubricParser.JustifyConstraintContext j) {
            Ast.Name t = name(j.target);
            if (t == null) return null;
            Ast.Literal min = missing(j.NUMBER()) ? null
                    : new Ast.Literal(Ast.LiteralKind.NUMBER, j.NUMBER().getText(), spans.of(j.NUMBER().getSymbol()));
            return new Ast.JustifyConstraint(t, min, span);
        }
        if (ctx instanceof RubricParser.BoundConstraintContext b) {
            Ast.Name t = name(b.target);
            Ast.Literal v = literal(b.valueLiteral());
            if (t == null || v == null || b.compareOp() == null) return null;
            return new Ast.Bound(t, b.compareOp().getText(), v, span);
        }
        if (ctx instanceof RubricParser.InConstraintContext i) {
            Ast.Name t = name(i.target);
            List<Ast.Literal> vs = valueSet(i.valueSet());
            return t == null || vs == null ? null : new Ast.OneOf(t, vs, span);
        }
        return null;
    }

    /**
     * Conditions. {@code and}/{@code or} chains are left-deep in the parse tree; they are walked with a
     * loop and flattened, so a long chain costs no stack.
     */
    Ast.Condition condition(RubricParser.ConditionContext ctx) {
        if (ctx == null || ctx.getStart() == null) return null;
        Span span = spans.of(ctx);
        if (ctx instanceof RubricParser.AndConditionContext || ctx instanceof RubricParser.OrConditionContext) {
            boolean isAnd = ctx instanceof RubricParser.AndConditionContext;
            List<RubricParser.ConditionContext> operands = new ArrayList<>();
            RubricParser.ConditionContext cur = ctx;
            while (isAnd ? cur instanceof RubricParser.AndConditionContext : cur instanceof RubricParser.OrConditionContext) {
                List<RubricParser.ConditionContext> two = cur.getRuleContexts(RubricParser.ConditionContext.class);
                if (two.size() != 2) return null;
                operands.add(two.get(1));
                cur = two.get(0);
            }
            operands.add(cur);
            java.util.Collections.reverse(operands);
            List<Ast.Condition> built = new ArrayList<>();
            for (RubricParser.ConditionContext o : operands) {
                Ast.Condition c = condition(o);
                if (c == null) return null;
                built.add(c);
            }
            return isAnd ? new Ast.And(built, span) : new Ast.Or(built, span);
        }
        if (ctx instanceof RubricParser.NotConditionContext n) {
            Ast.Condition c = condition(n.condition());
            return c == null ? null : new Ast.Not(c, span);
        }
        if (ctx instanceof RubricParser.ParenConditionContext p) {
            return condition(p.condition());
        }
        if (ctx instanceof RubricParser.CompareConditionContext c) {
            Ast.Name ref = name(c.ref);
            Ast.Literal v = literal(c.valueLiteral());
            if (ref == null || v == null || c.compareOp() == null) return null;
            return new Ast.Compare(ref, c.compareOp().getText(), v, span);
        }
        if (ctx instanceof RubricParser.InConditionContext i) {
            Ast.Name ref = name(i.ref);
            List<Ast.Literal> vs = valueSet(i.valueSet());
            return ref == null || vs == null ? null : new Ast.In(ref, i.NOT() != null, vs, span);
        }
        if (ctx instanceof RubricParser.ContainsConditionContext c) {
            Ast.Name ref = name(c.ref);
            Ast.Literal v = literal(c.valueLiteral());
            return ref == null || v == null ? null : new Ast.Contains(ref, v, span);
        }
        if (ctx instanceof RubricParser.AnsweredConditionContext a) {
            Ast.Name ref = name(a.ref);
            return ref == null || a.ANSWERED() == null ? null : new Ast.Answered(ref, a.NOT() != null, span);
        }
        return null;
    }

    private List<Ast.Literal> valueSet(RubricParser.ValueSetContext ctx) {
        if (ctx == null) return null;
        List<Ast.Literal> out = new ArrayList<>();
        for (RubricParser.ValueLiteralContext v : ctx.valueLiteral()) {
            Ast.Literal l = literal(v);
            if (l == null) return null;
            out.add(l);
        }
        return out.isEmpty() ? null : out;
    }

    private Ast.Literal literal(RubricParser.ValueLiteralContext ctx) {
        if (ctx == null || ctx.getStart() == null || ctx.exception != null) return null;
        Span span = spans.of(ctx);
        if (ctx.NUMBER() != null && !missing(ctx.NUMBER())) return new Ast.Literal(Ast.LiteralKind.NUMBER, ctx.NUMBER().getText(), span);
        if (ctx.TRUE() != null) return new Ast.Literal(Ast.LiteralKind.TRUE, "true", span);
        if (ctx.FALSE() != null) return new Ast.Literal(Ast.LiteralKind.FALSE, "false", span);
        if (ctx.NA() != null) return new Ast.Literal(Ast.LiteralKind.NA, "n/a", span);
        Ast.Name n = name(ctx.ident());
        return n == null ? null : new Ast.Literal(Ast.LiteralKind.NAME, n.text(), span);
    }

    /** Absent, or conjured by ANTLR's error recovery (a token that is not in the file). */
    private static boolean missing(TerminalNode n) {
        return n == null || n.getSymbol().getTokenIndex() < 0;
    }

    private Ast.Name name(RubricParser.IdentContext ctx) {
        if (ctx == null || ctx.exception != null || ctx.getStart() == null || ctx.getChildCount() == 0) return null;
        if (!(ctx.getChild(0) instanceof TerminalNode t) || t.getSymbol().getTokenIndex() < 0) return null;
        return new Ast.Name(t.getText(), spans.of(t.getSymbol()));
    }

    private Ast.Text text(RubricParser.TextContext ctx) {
        if (ctx == null || ctx.exception != null || ctx.getStart() == null) return null;
        Token t = ctx.getStart();
        if (t.getType() == RubricParser.TEXT_BLOCK) return new Ast.Text(Strings.textBlock(t.getText()), spans.of(t));
        if (t.getType() == RubricParser.STRING) return new Ast.Text(string(t), spans.of(t));
        return null;
    }

    /** The value of a STRING token; bad escapes are reported. */
    private String string(Token t) {
        List<Strings.EscapeError> errors = new ArrayList<>();
        String value = Strings.unquote(t.getText(), errors);
        for (Strings.EscapeError e : errors) {
            int col = t.getCharPositionInLine() + 1 + e.offset();
            diagnostics.add(Diagnostic.of(Code.INVALID_ESCAPE, new Span(path, t.getLine(), col, t.getLine(), col + e.length() - 1),
                    e.message()).withHint("write `\\\\` for a backslash, or use a \"\"\" text block \"\"\", which keeps backslashes as they are"));
        }
        return value;
    }
}
