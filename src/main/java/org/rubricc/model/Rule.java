package org.rubricc.model;

import java.util.List;
import java.util.Optional;
import org.rubricc.source.Span;

/**
 * A named edge case. While {@code when} holds (always when empty), every constraint must hold. A rule
 * with no constraints is guidance only; {@code about} names the dimensions and sections it concerns.
 * {@code origin} is set on the rules a decision table is enforced as ({@link Table#rules}).
 */
public record Rule(
        String id,
        String title,
        String guidance,
        Optional<Condition> when,
        List<Constraint> constraints,
        List<String> about,
        Optional<String> formerly,
        Span span,
        Optional<Table.Origin> origin) {

    public Rule {
        guidance = guidance == null ? "" : guidance;
        constraints = List.copyOf(constraints);
        about = List.copyOf(about);
        origin = origin == null ? Optional.empty() : origin;
    }

    /** A rule as written in a rubric. */
    public Rule(String id, String title, String guidance, Optional<Condition> when, List<Constraint> constraints,
            List<String> about, Optional<String> formerly, Span span) {
        this(id, title, guidance, when, constraints, about, formerly, span, Optional.empty());
    }

    public boolean guidanceOnly() {
        return constraints.isEmpty();
    }
}
