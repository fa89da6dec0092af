package org.rubricc.model;

import java.util.List;
import java.util.Optional;
import org.rubricc.source.Span;

/** An ordered group of dimensions, asked together; a skip condition skips all of them. */
public record Section(
        String id,
        String title,
        String guidance,
        Optional<Condition> skipWhen,
        List<Dimension> dimensions,
        Optional<String> formerly,
        Span span) {

    public Section {
        guidance = guidance == null ? "" : guidance;
        dimensions = List.copyOf(dimensions);
    }
}
