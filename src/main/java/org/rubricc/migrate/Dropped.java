package org.rubricc.migrate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An answer a migration leaves out because the new version has no place for it: its dimension is gone
 * ({@code DIMENSION_REMOVED}), or the new skip logic skips it for this rating
 * ({@code SKIP_CONDITION_CHANGED}). Recorded so that no data is lost silently.
 *
 * @param dimension     its id in the version it was dropped from
 * @param answer        the answer as it was
 * @param justification its justification, or null
 */
public record Dropped(String dimension, JsonNode answer, String justification, String change, String step) {}
