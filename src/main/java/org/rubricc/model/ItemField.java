package org.rubricc.model;

import org.rubricc.source.Span;

/** One thing the rater is shown with each item: the original image, the instruction, ... */
public record ItemField(String id, Kind kind, String label, String description, Span span) {
    public enum Kind {
        IMAGE, TEXT, URL;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ItemField {
        description = description == null ? "" : description;
    }
}
