package org.rubricc.diag;

/**
 * Every diagnostic rubricc reports, with its stable code. Codes are never reused or renumbered;
 * the README lists them and src/test/resources/diagnostics holds a golden case for each.
 */
public enum Code {
    // R01xx: reading and syntax
    SYNTAX("R0101", Severity.ERROR, "syntax error"),
    UNTERMINATED_STRING("R0102", Severity.ERROR, "unterminated string"),
    INVALID_CHARACTER("R0103", Severity.ERROR, "character not allowed here"),
    INVALID_ESCAPE("R0104", Severity.ERROR, "invalid escape sequence in a string"),
    INVALID_NUMBER("R0105", Severity.ERROR, "a number is out of range or not of the kind expected"),
    NESTING_TOO_DEEP("R0106", Severity.ERROR, "a condition is nested too deeply"),
    READ_ERROR("R0107", Severity.ERROR, "a file could not be read"),
    UNTERMINATED_COMMENT("R0108", Severity.ERROR, "a block comment is not closed"),
    NOT_A_RUBRIC("R0109", Severity.ERROR, "a file that is not a rubric"),

    // R02xx: header
    INVALID_VERSION("R0201", Severity.ERROR, "not a semantic version"),
    DUPLICATE_HEADER_FIELD("R0202", Severity.ERROR, "a header field is given twice"),
    MISSING_HEADER_FIELD("R0203", Severity.ERROR, "a required header field is missing"),
    LIBRARY_NOT_RUBRIC("R0204", Severity.ERROR, "a library holds something only a rubric may, or a rubric an `expect`"),
    VERSION_NOT_FILE_NAME("R0205", Severity.ERROR, "a file named for a version declares another"),
    ID_NOT_FOLDER_NAME("R0206", Severity.WARNING, "a rubric named for a version sits in a folder not named for its id"),
    DUPLICATE_VERSION("R0207", Severity.ERROR, "two files declare the same rubric id and version"),

    // R03xx: names
    DUPLICATE_ID("R0301", Severity.ERROR, "an id is defined twice"),
    UNKNOWN_SCALE("R0302", Severity.ERROR, "a scale that is not defined"),
    UNKNOWN_DIMENSION("R0303", Severity.ERROR, "a dimension that is not defined"),
    UNKNOWN_SECTION("R0304", Severity.ERROR, "a dimension or section that is not defined"),
    UNKNOWN_CHOICE("R0305", Severity.ERROR, "a constant that is not a value of the scale"),
    UNKNOWN_IMPORT("R0306", Severity.ERROR, "an import alias that is not defined"),
    UNKNOWN_KIND("R0307", Severity.ERROR, "an unknown kind of scale or item field"),
    DUPLICATE_MEMBER("R0308", Severity.ERROR, "a property is given twice"),

    // R04xx: types and values
    ORDERING_ON_UNORDERED("R0401", Severity.ERROR, "an ordering comparison on a scale without order"),
    OPERATOR_NOT_APPLICABLE("R0402", Severity.ERROR, "an operator that does not apply to the scale"),
    NOT_APPLICABLE_NOT_ALLOWED("R0403", Severity.ERROR, "n/a used where the dimension does not offer it"),
    SETTING_NOT_APPLICABLE("R0404", Severity.ERROR, "a scale entry that does not belong to its kind of scale"),

    // R05xx: order of questions
    SELF_REFERENCE("R0501", Severity.ERROR, "a condition looks at its own dimension"),
    FORWARD_REFERENCE("R0502", Severity.ERROR, "a condition looks at a later dimension"),

    // R06xx: scales
    EMPTY_SCALE("R0601", Severity.ERROR, "a scale with no values"),
    DUPLICATE_SCALE_VALUE("R0602", Severity.ERROR, "a value appears twice in a scale"),
    MIN_GREATER_THAN_MAX("R0603", Severity.ERROR, "a minimum greater than its maximum"),
    INVALID_STEP("R0604", Severity.ERROR, "a step that is not positive or does not fit the range"),
    MISSING_SETTING("R0605", Severity.ERROR, "a scale lacks a setting its kind needs"),

    // R07xx: imports
    IMPORT_NOT_FOUND("R0701", Severity.ERROR, "an imported file does not exist"),
    IMPORT_OUTSIDE_ROOT("R0702", Severity.ERROR, "an import leaves the root folder"),
    IMPORT_CYCLE("R0703", Severity.ERROR, "imports form a cycle"),
    IMPORT_NOT_LIBRARY("R0704", Severity.ERROR, "an imported file is not a scale library"),
    UNUSED_IMPORT("R0705", Severity.WARNING, "an import that nothing uses"),
    LIBRARY_DIMENSION_MISSING("R0706", Severity.ERROR, "a rubric lacks a dimension an imported library's rules and tables look at"),
    LIBRARY_DIMENSION_INCOMPATIBLE("R0707", Severity.ERROR, "a dimension's scale is not the one an imported library expects"),

    // R08xx: dimensions, justifications and rules
    MISSING_QUESTION("R0801", Severity.ERROR, "a dimension without a question or scale"),
    RULE_REFERS_TO_NOTHING("R0802", Severity.WARNING, "a rule that affects no dimension"),
    EMPTY_RUBRIC("R0803", Severity.ERROR, "a rubric with no dimensions"),
    INVALID_WEIGHT("R0804", Severity.ERROR, "a weight that is not positive"),
    CONSTRAINT_ON_EARLIER("R0805", Severity.ERROR, "a rule constrains an answer given before what its condition looks at"),
    JUSTIFICATION_NEVER_APPLIES("R0806", Severity.WARNING, "a justification requirement that can never apply"),

    // R09xx: conditions that are evidently constant
    CONDITION_NEVER_TRUE("R0901", Severity.WARNING, "a condition that can never be true"),
    CONDITION_ALWAYS_TRUE("R0902", Severity.WARNING, "a condition that is always true"),

    // R10xx: versions (rubricc diff --check-version)
    VERSION_BUMP_TOO_SMALL("R1001", Severity.ERROR, "a version that does not follow semver for what changed"),
    DIFFERENT_RUBRICS("R1002", Severity.ERROR, "two files compared as versions are different rubrics"),
    VERSION_NOT_NEWER("R1003", Severity.ERROR, "a new version that is older than the old one"),

    // R11xx: semantic analysis (what raters can and cannot do, over every rating the rubric allows)
    DEAD_END("R1101", Severity.ERROR, "raters can reach a question that no answer satisfies"),
    NEVER_ASKED("R1102", Severity.WARNING, "a dimension that no valid rating asks"),
    RULE_NEVER_FIRES("R1103", Severity.WARNING, "a rule whose condition holds in no valid rating"),
    VALUE_NEVER_ALLOWED("R1104", Severity.WARNING, "a point or choice that no valid rating can choose"),
    JUSTIFICATION_OVERLAP("R1105", Severity.WARNING, "a justification requirement that another one always overrides"),
    ANALYSIS_INCOMPLETE("R1106", Severity.WARNING, "the semantic analysis ran out of time before proving everything"),

    // R12xx: decision tables
    TABLE_INCOMPLETE("R1201", Severity.ERROR, "a decision table that decides nothing for some answers"),
    TABLE_CONFLICT("R1202", Severity.ERROR, "two rows of a decision table decide different values for the same answers"),
    TABLE_SHAPE("R1203", Severity.ERROR, "a decision table that is not well formed"),
    TABLE_DIMENSION("R1204", Severity.ERROR, "a dimension a decision table cannot look at or decide"),
    TABLE_OTHERWISE_UNUSED("R1205", Severity.WARNING, "an `otherwise` that no answers reach"),

    // R13xx: releases (rubricc.lock)
    RELEASED_VERSION_CHANGED("R1301", Severity.ERROR, "a released version no longer means what it meant when it was locked"),
    LOCK_INVALID("R1302", Severity.ERROR, "the lock file cannot be read"),

    // R14xx: text patterns
    PATTERN_SYNTAX("R1401", Severity.ERROR, "a text pattern that is not a regular expression"),
    PATTERN_NOT_PORTABLE("R1402", Severity.ERROR, "a text pattern construct that Java, JavaScript and Python read differently"),
    PATTERN_BACKTRACKING("R1403", Severity.ERROR, "a text pattern that a backtracking engine may take exponential time on"),
    PATTERN_OUTSIDE_LENGTH("R1404", Severity.ERROR, "no text matches both the pattern and the scale's `min` and `max` length"),
    PATTERN_OPTION_OUTSIDE_LENGTH("R1405", Severity.WARNING, "an option of a text pattern that the scale's `min` or `max` length rules out");

    private final String id;
    private final Severity severity;
    private final String summary;

    Code(String id, Severity severity, String summary) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String summary() {
        return summary;
    }
}
