package org.rubricc.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rubricc.source.Span;

/** What the evaluators share: the matching of old to new, the semantics, and the changes found so far. */
final class Report {
    final Matching m;
    final Semantics semantics;
    private final List<Change> changes = new ArrayList<>();

    Report(Matching m) {
        this.m = m;
        this.semantics = new Semantics(m);
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }

    void add(ChangeRule rule, String path, Change.Subject subject, Span oldSpan, Span newSpan, String oldValue,
            String newValue, String message) {
        changes.add(new Change(rule, path, subject, line(oldSpan), line(newSpan), Optional.ofNullable(oldValue),
                Optional.ofNullable(newValue), message));
    }

    /**
     * A text that may have changed: {@code rule} when its words changed, {@link ChangeRule#TYPOGRAPHY_CHANGED}
     * when only its typography did, nothing when it is the same.
     */
    void text(ChangeRule rule, String path, Change.Subject subject, Span oldSpan, Span newSpan, String oldText,
            String newText, String what) {
        switch (Texts.compare(oldText, newText)) {
            case NONE -> { }
            case TYPOGRAPHY -> add(ChangeRule.TYPOGRAPHY_CHANGED, path, subject, oldSpan, newSpan, oldText, newText,
                    "the typography of " + what + " changed");
            case WORDS -> add(rule, path, subject, oldSpan, newSpan, oldText.isEmpty() ? null : oldText,
                    newText.isEmpty() ? null : newText,
                    oldText.isEmpty() ? what + " added" : newText.isEmpty() ? what + " removed" : what + " reworded");
        }
    }

    private static Optional<Integer> line(Span s) {
        return s == null || s.line() <= 0 ? Optional.empty() : Optional.of(s.line());
    }

    static Change.Subject rubric() {
        return new Change.Subject(Change.Subject.Kind.RUBRIC, Optional.empty(), Optional.empty());
    }

    static Change.Subject of(Change.Subject.Kind kind, String oldId, String newId) {
        return new Change.Subject(kind, Optional.ofNullable(oldId), Optional.ofNullable(newId));
    }
}
