package org.rubricc.diff;

import static org.rubricc.diff.ChangeClass.BREAKING;
import static org.rubricc.diff.ChangeClass.COSMETIC;
import static org.rubricc.diff.ChangeClass.RECALIBRATE;

/**
 * Every kind of change `rubricc diff` reports, with its stable id (the constant's name) and its
 * class. Each difference between two models is reported by exactly one rule. The README lists them
 * (a test keeps the table in sync); src/test/resources/diffs holds at least one case for each.
 */
public enum ChangeRule {
    // The rubric as a whole and what raters are shown
    TITLE_REWORDED(RECALIBRATE, "the title of the rubric, a section, a dimension, a rule or a table is reworded"),
    TYPOGRAPHY_CHANGED(COSMETIC, "a text changed only in quotes, dashes, case or whitespace"),
    DESCRIPTION_REWORDED(RECALIBRATE, "the rubric's or an item field's description is reworded"),
    ITEM_FIELD_ADDED(RECALIBRATE, "raters are shown something new with each item"),
    ITEM_FIELD_REMOVED(RECALIBRATE, "raters are no longer shown an item field"),
    ITEM_FIELD_KIND_CHANGED(RECALIBRATE, "an item field is shown as another kind (image, text, url)"),
    ITEM_FIELD_ORDER_CHANGED(COSMETIC, "item fields are shown in another order"),

    // Sections
    SECTION_ADDED(RECALIBRATE, "a new section (its dimensions are reported on their own)"),
    SECTION_REMOVED(RECALIBRATE, "a section is gone (its dimensions are reported on their own)"),
    SECTION_RENAMED(COSMETIC, "a section has a new id (`formerly`)"),
    SECTION_ORDER_CHANGED(COSMETIC, "sections are asked in another order"),
    GUIDANCE_REWORDED(RECALIBRATE, "the guidance of a section, dimension, rule or table is added, removed or reworded"),
    SKIP_CONDITION_CHANGED(BREAKING, "a dimension or section is skipped in other cases (widened, narrowed or changed)"),

    // Dimensions
    DIMENSION_ADDED_REQUIRED(BREAKING, "a new dimension that must be answered"),
    DIMENSION_ADDED_OPTIONAL(RECALIBRATE, "a new dimension that may be left unanswered"),
    DIMENSION_REMOVED(BREAKING, "a dimension is gone"),
    DIMENSION_RENAMED(BREAKING, "a dimension has a new id (`formerly`): answers are keyed by it"),
    DIMENSION_MOVED(COSMETIC, "a dimension is asked in another section or at another place in its section"),
    QUESTION_REWORDED(RECALIBRATE, "a question is reworded"),
    OPTIONAL_BECAME_REQUIRED(BREAKING, "an optional dimension must now be answered"),
    REQUIRED_BECAME_OPTIONAL(RECALIBRATE, "a required dimension may now be left unanswered"),
    WEIGHT_CHANGED(RECALIBRATE, "a dimension's weight in the overall score is added, removed or changed"),
    NOT_APPLICABLE_ADDED(RECALIBRATE, "a dimension now also accepts n/a"),
    NOT_APPLICABLE_REMOVED(BREAKING, "a dimension no longer accepts n/a"),
    NOT_APPLICABLE_REWORDED(RECALIBRATE, "the label saying when n/a applies is reworded"),

    // Scales, as used by each dimension
    SCALE_KIND_CHANGED(BREAKING, "a dimension's scale is of another kind (ordinal, categorical, ...)"),
    SCALE_REFERENCE_CHANGED(COSMETIC, "a dimension uses another named (or an inline) scale; its values are compared on their own"),
    SCALE_POINT_ADDED(RECALIBRATE, "an ordinal scale has a new point"),
    SCALE_POINT_REMOVED(BREAKING, "an ordinal point is gone"),
    SCALE_POINT_RENUMBERED(BREAKING, "an ordinal point has a new value (`formerly`)"),
    SCALE_POINTS_MERGED(BREAKING, "several ordinal points became one (`formerly 1, 2`): their old ratings now have one value"),
    SCALE_POINT_SPLIT(BREAKING, "an ordinal point became several: its old ratings must be rated again"),
    CHOICE_ADDED(RECALIBRATE, "a categorical or multi-select scale has a new choice"),
    CHOICE_REMOVED(BREAKING, "a choice is gone"),
    CHOICE_RENAMED(BREAKING, "a choice has a new id (`formerly`)"),
    CHOICES_MERGED(BREAKING, "several choices became one (`formerly a, b`): their old answers now have one id"),
    CHOICE_SPLIT(BREAKING, "a choice became several: its old answers must be given again"),
    CHOICE_ORDER_CHANGED(COSMETIC, "choices are listed in another order"),
    LABEL_REWORDED(RECALIBRATE, "the label of a point, choice, boolean answer or item field is reworded"),
    ANCHOR_REWORDED(RECALIBRATE, "what a point or choice means (its description) is reworded"),
    MULTI_MIN_RAISED(BREAKING, "a multi-select needs more choices"),
    MULTI_MIN_LOWERED(RECALIBRATE, "a multi-select accepts fewer choices"),
    MULTI_MAX_LOWERED(BREAKING, "a multi-select accepts fewer choices at most"),
    MULTI_MAX_RAISED(RECALIBRATE, "a multi-select accepts more choices at most"),
    RANGE_MIN_RAISED(BREAKING, "a range scale's minimum is higher"),
    RANGE_MIN_LOWERED(RECALIBRATE, "a range scale's minimum is lower"),
    RANGE_MAX_LOWERED(BREAKING, "a range scale's maximum is lower"),
    RANGE_MAX_RAISED(RECALIBRATE, "a range scale's maximum is higher"),
    RANGE_STEP_CHANGED(BREAKING, "a range scale's step changed so that some old values are off the new step"),
    RANGE_STEP_REFINED(RECALIBRATE, "a range scale's step changed and every old value is still on it"),
    TEXT_MIN_RAISED(BREAKING, "a free-text answer must be longer"),
    TEXT_MIN_LOWERED(RECALIBRATE, "a free-text answer may be shorter"),
    TEXT_MAX_LOWERED(BREAKING, "a free-text answer may be less long"),
    TEXT_MAX_RAISED(RECALIBRATE, "a free-text answer may be longer"),
    TEXT_PATTERN_ADDED(BREAKING, "a free-text answer must now match a pattern"),
    TEXT_PATTERN_REMOVED(RECALIBRATE, "a free-text answer no longer has to match a pattern"),
    TEXT_PATTERN_CHANGED(BREAKING, "a free-text answer must match another pattern, which may refuse some old answers"),
    TEXT_PATTERN_RELAXED(RECALIBRATE, "a free-text answer must match another pattern that accepts every answer the old one did"),
    TEXT_PATTERN_REWRITTEN(COSMETIC, "a pattern is written differently but means the same"),
    TEXT_FORMAT_REWORDED(RECALIBRATE, "the description of a pattern (the format raters read) is added, removed or reworded"),

    // Examples and justifications
    EXAMPLE_ADDED(RECALIBRATE, "a new example"),
    EXAMPLE_REMOVED(RECALIBRATE, "an example is gone"),
    EXAMPLE_REWORDED(RECALIBRATE, "an example for the same value is reworded"),
    EXAMPLE_VALUE_CHANGED(RECALIBRATE, "an example now illustrates another value"),
    JUSTIFICATION_ADDED(RECALIBRATE, "a justification is required in new cases"),
    JUSTIFICATION_REMOVED(RECALIBRATE, "a justification requirement is gone"),
    JUSTIFICATION_CHANGED(RECALIBRATE, "a justification requirement has another condition or minimum length"),

    // Edge-case rules
    RULE_ADDED_CONSTRAINING(BREAKING, "a new rule that restricts answers (a value constraint, forbid or require)"),
    RULE_ADDED_GUIDANCE_ONLY(RECALIBRATE, "a new rule that restricts no answer (guidance, or justifications only)"),
    RULE_REMOVED(RECALIBRATE, "a rule is gone: every answer it allowed is still allowed"),
    RULE_RENAMED(COSMETIC, "a rule has a new id (`formerly`)"),
    RULE_CONSTRAINTS_CHANGED(BREAKING, "a rule forbids some answers it allowed (its condition or constraints changed)"),
    RULE_CONSTRAINTS_RELAXED(RECALIBRATE, "a rule allows every answer it allowed, and more"),
    RULE_CONDITION_CHANGED(RECALIBRATE, "the condition of a rule that restricts no answer changed"),
    RULE_ABOUT_CHANGED(RECALIBRATE, "a guidance rule concerns other dimensions or sections (`about`)"),

    // Decision tables
    TABLE_ADDED(BREAKING, "a new decision table: it decides an answer that raters chose freely"),
    TABLE_REMOVED(RECALIBRATE, "a decision table is gone: every answer it allowed is still allowed"),
    TABLE_RENAMED(COSMETIC, "a decision table has a new id (`formerly`)"),
    TABLE_INPUTS_CHANGED(BREAKING, "a decision table looks at other dimensions, or decides another one"),
    TABLE_ROW_ADDED(BREAKING, "a decision table has a new row, and decides other values for some answers"),
    TABLE_ROW_REMOVED(BREAKING, "a row of a decision table is gone, and the table decides other values for some answers"),
    TABLE_ROW_CHANGED(BREAKING, "a row of a decision table matches other answers or decides another value, and the table decides other values for some answers"),
    TABLE_DEFAULT_CHANGED(BREAKING, "the `otherwise` of a decision table is added, removed or changed, and the table decides other values for some answers"),
    TABLE_ROWS_REWRITTEN(COSMETIC, "the rows or `otherwise` of a decision table are written differently, and it decides the same value for every answer"),

    // Declarations nothing uses
    UNUSED_SCALE_CHANGED(COSMETIC, "a named scale no dimension uses is added, removed or changed");

    private final ChangeClass changeClass;
    private final String summary;

    ChangeRule(ChangeClass changeClass, String summary) {
        this.changeClass = changeClass;
        this.summary = summary;
    }

    public String id() {
        return name();
    }

    public ChangeClass changeClass() {
        return changeClass;
    }

    public String summary() {
        return summary;
    }

    /** What a change does to ratings made under the old version, when `rubricc migrate` carries them over. */
    public enum Carry {
        /** Answers are kept or mapped one to one (renamed, renumbered, merged); nothing is asked again. */
        CARRIED,
        /** The answers it concerns have no place in the new version: left out, and recorded. */
        LEFT_OUT,
        /** Ratings it applies to must have part of them given again (an answer or a justification). */
        RERATE
    }

    public Carry carry() {
        return switch (this) {
            case DIMENSION_REMOVED -> Carry.LEFT_OUT;
            case DIMENSION_ADDED_REQUIRED, OPTIONAL_BECAME_REQUIRED, SKIP_CONDITION_CHANGED, NOT_APPLICABLE_REMOVED,
                    SCALE_KIND_CHANGED, SCALE_POINT_REMOVED, SCALE_POINT_SPLIT, CHOICE_REMOVED, CHOICE_SPLIT, MULTI_MIN_RAISED,
                    MULTI_MAX_LOWERED, RANGE_MIN_RAISED, RANGE_MAX_LOWERED, RANGE_STEP_CHANGED, TEXT_MIN_RAISED, TEXT_MAX_LOWERED,
                    TEXT_PATTERN_ADDED, TEXT_PATTERN_CHANGED,
                    JUSTIFICATION_ADDED, JUSTIFICATION_CHANGED, RULE_ADDED_CONSTRAINING, RULE_CONSTRAINTS_CHANGED,
                    TABLE_ADDED, TABLE_INPUTS_CHANGED, TABLE_ROW_ADDED, TABLE_ROW_REMOVED, TABLE_ROW_CHANGED,
                    TABLE_DEFAULT_CHANGED -> Carry.RERATE;
            default -> Carry.CARRIED;
        };
    }
}
