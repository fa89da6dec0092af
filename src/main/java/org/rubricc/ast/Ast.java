package org.rubricc.ast;

import java.util.List;
import org.rubricc.source.Span;

/**
 * The syntax tree of one file: what was written, with spans, names not yet resolved. Built by
 * {@code org.rubricc.parse}, read by {@code org.rubricc.check}, which turns it into the model.
 * Nullable fields are parts the syntax lets one leave out.
 */
public final class Ast {
    private Ast() {}

    /** An identifier as written. */
    public record Name(String text, Span span) {}

    /** A string or text block, with escapes and indentation already processed. */
    public record Text(String value, Span span) {}

    public enum FileKind { RUBRIC, LIBRARY }

    public record File(
            String path,
            FileKind kind,
            Name id,
            List<HeaderField> header,
            List<Import> imports,
            List<ItemField> itemFields,
            List<ScaleDecl> scales,
            List<Section> sections,
            List<Rule> rules,
            List<Table> tables,
            List<Expect> expects,
            Span span) {}

    /** {@code expect follows scale follows} in a library: a dimension the library's rules and tables look at. */
    public record Expect(Name id, ScaleRef scale, Span span) {}

    public enum HeaderKind { VERSION, TITLE, DESCRIPTION }

    /** {@code version 2.0.0}, {@code title "..."}, {@code description """..."""}. */
    public record HeaderField(HeaderKind kind, String value, Span valueSpan, Span span) {}

    public record Import(String path, Span pathSpan, Name alias, Span span) {}

    public record ItemField(Name id, Name kind, Text label, Text description, Span span) {}

    /** {@code scale name: kind { entries }}. */
    public record ScaleDecl(Name name, ScaleBody body, Span span) {}

    public record ScaleBody(Name kind, List<ScaleEntry> entries, Span span) {}

    public sealed interface ScaleEntry {
        Span span();
    }

    /** {@code 3 "Label" "What it means" formerly 4}. */
    public record PointEntry(Literal value, Text label, Text description, List<Literal> formerly, Span span)
            implements ScaleEntry {}

    /** {@code feasible "Feasible" "What it means" formerly achievable}. */
    public record ChoiceEntry(Name id, Text label, Text description, List<Literal> formerly, Span span) implements ScaleEntry {}

    /** {@code min 1}, {@code max 5}, {@code step 0.5}. */
    public record NumberSetting(Name keyword, Literal value, Span span) implements ScaleEntry {}

    /**
     * {@code pattern "https?://\\S+" "a web address"} on a text scale. {@code columns} gives, for each code point of
     * the pattern's value and one past its end, its column on the line of {@code regex}; empty when the value does
     * not map to one line (a text block over several lines).
     */
    public record PatternSetting(Name keyword, Text regex, Text description, List<Integer> columns, Span span)
            implements ScaleEntry {}

    /** {@code yes "Unsafe"}, {@code no "Safe"} on a boolean scale. */
    public record LabelSetting(Name keyword, Text label, Span span) implements ScaleEntry {}

    public record Section(Name id, Text title, List<SectionMember> members, List<Dimension> dimensions, Span span) {}

    public sealed interface SectionMember {
        Span span();
    }

    public record Dimension(Name id, Text title, List<DimensionMember> members, Span span) {}

    public sealed interface DimensionMember {
        Span span();
    }

    public record Guidance(Text text, Span span) implements SectionMember, DimensionMember, RuleMember, TableMember {}

    public record Skip(Condition condition, Span span) implements SectionMember, DimensionMember {}

    public record Formerly(Name old, Span span) implements SectionMember, DimensionMember, RuleMember, TableMember {}

    public record Question(Text text, Span span) implements DimensionMember {}

    public record ScaleUse(ScaleRef ref, Span span) implements DimensionMember {}

    /** {@code required} or {@code optional}. */
    public record Requiredness(boolean required, Span span) implements DimensionMember {}

    public record Weight(Literal value, Span span) implements DimensionMember {}

    public record Example(Literal value, Text text, Span span) implements DimensionMember {}

    public record NotApplicable(Text label, Span span) implements DimensionMember {}

    /** {@code justify [when c] [min n]}; condition and min may be null. */
    public record Justify(Condition when, Literal min, Span span) implements DimensionMember {}

    public sealed interface ScaleRef {
        Span span();
    }

    /** {@code likert5} or {@code common.likert5}; {@code alias} is null when unqualified. */
    public record NamedScale(Name alias, Name name, Span span) implements ScaleRef {}

    public record InlineScale(ScaleBody body, Span span) implements ScaleRef {}

    public record Rule(Name id, Text title, List<RuleMember> members, Span span) {}

    public sealed interface RuleMember {
        Span span();
    }

    public record When(Condition condition, Span span) implements RuleMember {}

    public record Then(Constraint constraint, Span span) implements RuleMember {}

    public record About(List<Name> names, Span span) implements RuleMember {}

    public sealed interface Constraint {
        Name target();

        Span span();
    }

    public record Require(Name target, Span span) implements Constraint {}

    /** {@code forbid x == v} or {@code forbid x in {..}}: op is null for the set form. */
    public record Forbid(Name target, String op, List<Literal> values, Span span) implements Constraint {}

    public record JustifyConstraint(Name target, Literal min, Span span) implements Constraint {}

    public record Bound(Name target, String op, Literal value, Span span) implements Constraint {}

    public record OneOf(Name target, List<Literal> values, Span span) implements Constraint {}

    /** {@code table id "Title" { rows }}: the first row is the header, naming the inputs and the output. */
    public record Table(Name id, Text title, List<TableMember> members, Span span) {}

    public sealed interface TableMember {
        Span span();
    }

    /** {@code | no | kept, minor | -> 0.5 |}: one cell per input, then the value decided. */
    public record TableRow(List<Cell> cells, Literal output, Span span) implements TableMember {}

    /** {@code otherwise -> 0}. */
    public record Otherwise(Literal output, Span span) implements TableMember {}

    /** The answers one cell matches: the union of its entries. */
    public record Cell(List<CellEntry> entries, Span span) {}

    public enum CellKind { ANY, NOT_ANSWERED, VALUE }

    /** {@code any}, {@code not answered}, {@code v} (op {@code ==}) or {@code <= v}; op and value are null unless VALUE. */
    public record CellEntry(CellKind kind, String op, Literal value, Span span) {}

    public sealed interface Condition {
        Span span();
    }

    public record And(List<Condition> operands, Span span) implements Condition {}

    public record Or(List<Condition> operands, Span span) implements Condition {}

    public record Not(Condition operand, Span span) implements Condition {}

    public record Compare(Name ref, String op, Literal value, Span span) implements Condition {}

    public record In(Name ref, boolean negated, List<Literal> values, Span span) implements Condition {}

    public record Contains(Name ref, Literal value, Span span) implements Condition {}

    public record Answered(Name ref, boolean negated, Span span) implements Condition {}

    public enum LiteralKind { NUMBER, TRUE, FALSE, NA, NAME }

    public record Literal(LiteralKind kind, String text, Span span) {}
}
