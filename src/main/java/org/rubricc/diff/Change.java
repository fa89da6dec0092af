package org.rubricc.diff;

import java.util.Optional;

/**
 * One difference between two versions of a rubric.
 *
 * @param path     where it is, by stable ids: {@code dimension:adherence/point:2} (new ids, or old ones for what is gone)
 * @param subject  what the change belongs to, for grouping (a dimension, a rule, ...)
 * @param oldLine  the line in the old file, when the thing exists there
 * @param newLine  the line in the new file, when the thing exists there
 * @param oldValue the old value as written in the rubric language or as text, when there is one
 * @param newValue the new value, when there is one
 * @param message  one plain sentence for tools and logs (ids, not titles)
 */
public record Change(ChangeRule rule, String path, Subject subject, Optional<Integer> oldLine, Optional<Integer> newLine,
        Optional<String> oldValue, Optional<String> newValue, String message) {

    public ChangeClass changeClass() {
        return rule.changeClass();
    }

    /** What a change is about: the rubric, an item field, a section, a dimension, a rule, a table or a scale, by old and new id. */
    public record Subject(Kind kind, Optional<String> oldId, Optional<String> newId) {
        public enum Kind { RUBRIC, ITEM_FIELD, SECTION, DIMENSION, RULE, TABLE, SCALE }

        public String id() {
            return newId.or(() -> oldId).orElse("");
        }
    }
}
