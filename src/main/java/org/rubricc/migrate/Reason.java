package org.rubricc.migrate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Why part of a rating must be given again after migrating it: which dimension (in the target
 * version's ids), whether its answer or only its justification, the change behind it (a diff rule id
 * such as {@code SCALE_POINT_REMOVED}, or a violation code when the target's validator found the
 * problem), the version step where it arose, what was there before (absent when nothing was) and a
 * sentence for the person who re-rates.
 */
public record Reason(String dimension, Field field, String change, String step, Was was, String message) {

    /** What must be given again. */
    public enum Field {
        answer, justification
    }

    /** The old answer (or justification), under the version and id it had before the step; fields may be null. */
    public record Was(String version, String dimension, JsonNode answer, String justification) {}
}
