package org.rubricc.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.rubricc.source.Span;

/**
 * One question the rater answers.
 *
 * @param skipWhen       the dimension's own skip condition; the section's is in {@link Section#skipWhen()}, and
 *                       {@link Rubric#skipCondition(Dimension)} combines both
 * @param notApplicable  the label of the "not applicable" answer, when the dimension offers one
 * @param formerly       the id this dimension had in the previous version, when it was renamed
 */
public record Dimension(
        String id,
        String title,
        String question,
        Scale scale,
        boolean required,
        Optional<BigDecimal> weight,
        String guidance,
        List<Example> examples,
        Optional<String> notApplicable,
        Optional<Condition> skipWhen,
        List<Justification> justifications,
        Optional<String> formerly,
        String sectionId,
        Span span) {

    public Dimension {
        guidance = guidance == null ? "" : guidance;
        question = question == null ? "" : question;
        examples = List.copyOf(examples);
        justifications = List.copyOf(justifications);
    }

    /** An example answer, tied to a value of the dimension's scale. */
    public record Example(Value value, String text, Span span) {}

    /**
     * A justification requirement: when {@code when} holds (always when empty) and the dimension is
     * answered, a justification of at least {@code minLength} code points is required.
     */
    public record Justification(Optional<Condition> when, int minLength, Span span) {}
}
