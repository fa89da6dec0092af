package org.rubricc.validate;

/**
 * Every way a submitted rating can be wrong, with its stable code. Codes are part of the public
 * contract (README, "Violation codes"): never renamed or reused.
 */
public enum ViolationCode {
    MALFORMED_JSON("malformed-json", "the line is not a JSON object"),
    UNKNOWN_KEY("unknown-key", "a key the submission format or the rubric does not define"),
    MISSING_FIELD("missing-field", "a required top-level field is missing"),
    WRONG_TYPE("wrong-type", "a value of the wrong JSON type"),
    WRONG_RUBRIC("wrong-rubric", "the rating names another rubric"),
    WRONG_VERSION("wrong-version", "the rating was written for another version of the rubric"),
    NOT_ON_SCALE("not-on-scale", "an answer that is not a value of the dimension's scale"),
    DUPLICATE_CHOICE("duplicate-choice", "a multi-select answer names a choice twice"),
    TOO_FEW_CHOICES("too-few-choices", "a multi-select answer has fewer choices than the scale's minimum"),
    TOO_MANY_CHOICES("too-many-choices", "a multi-select answer has more choices than the scale's maximum"),
    TEXT_TOO_SHORT("text-too-short", "a free-text answer shorter than the scale's minimum"),
    TEXT_TOO_LONG("text-too-long", "a free-text answer longer than the scale's maximum"),
    TEXT_PATTERN("text-pattern", "a free-text answer that does not have the scale's format (its pattern)"),
    ANSWERED_WHEN_SKIPPED("answered-when-skipped", "an answer to a question that is skipped"),
    MISSING_ANSWER("missing-answer", "a required question that is asked but not answered"),
    JUSTIFICATION_WITHOUT_ANSWER("justification-without-answer", "a justification for a question that has no answer"),
    MISSING_JUSTIFICATION("missing-justification", "a justification the rubric requires is missing"),
    JUSTIFICATION_TOO_SHORT("justification-too-short", "a justification shorter than the rubric requires"),
    RULE_VIOLATED("rule-violated", "an edge-case rule's constraint does not hold");

    private final String id;
    private final String summary;

    ViolationCode(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public String summary() {
        return summary;
    }

    /** The code with this id ({@code not-on-scale}, ...). */
    public static ViolationCode fromId(String id) {
        for (ViolationCode c : values()) if (c.id.equals(id)) return c;
        throw new IllegalArgumentException("no violation code " + id);
    }
}
