package org.rubricc.diff;

import java.util.Locale;

/**
 * How much a change matters to the people who rate and to the ratings already made (README,
 * "Version diffs"), and the semantic-version bump it needs.
 */
public enum ChangeClass {
    /** Ratings valid under the old version are invalid under the new one, or mean something else. */
    BREAKING(Bump.MAJOR),
    /** Ratings stay valid and keep their meaning, but raters must re-read and re-align. */
    RECALIBRATE(Bump.MINOR),
    /** Nothing about rating changes. */
    COSMETIC(Bump.PATCH);

    private final Bump bump;

    ChangeClass(Bump bump) {
        this.bump = bump;
    }

    public Bump bump() {
        return bump;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A semantic-version bump, from none to major. */
    public enum Bump {
        NONE, PATCH, MINOR, MAJOR;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
