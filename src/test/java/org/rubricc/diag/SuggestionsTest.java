package org.rubricc.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void suggestsTheClosestNameWithinTheLimit() {
        List<String> names = List.of("adherence", "overall", "likert5", "feasibility");
        assertEquals(Optional.of("likert5"), Suggestions.closest("likret5", names), "a transposition is one edit");
        assertEquals(Optional.of("adherence"), Suggestions.closest("adherance", names));
        assertEquals(Optional.of("overall"), Suggestions.closest("Overall", names), "case is ignored");
        assertEquals(Optional.empty(), Suggestions.closest("quality", names), "nothing close");
        assertEquals(Optional.empty(), Suggestions.closest("d", List.of("a", "b")), "one-letter names suggest nothing");
        assertEquals(Optional.of("flag"), Suggestions.closest("flg", List.of("flag")));
    }
}
