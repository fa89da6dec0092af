package org.rubricc.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionTest {
    @Test
    void parsesSemanticVersionsAndRejectsTheRest() {
        assertEquals(Optional.of(new Version(2, 1, 0, "", "")), Version.parse("2.1.0"));
        assertEquals("1.0.0-rc.1+sha.5114f85", Version.parse("1.0.0-rc.1+sha.5114f85").orElseThrow().toString());
        for (String bad : List.of("2.1", "01.2.3", "1.2.3-", "1.2.3-01", "v1.2.3", "1.2.3.4", "", "99999999999.0.0")) {
            assertTrue(Version.parse(bad).isEmpty(), bad);
        }
    }

    @Test
    void ordersBySemverPrecedence() {
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.1.0", "2.0.0", "10.0.0");
        for (int i = 0; i + 1 < ordered.size(); i++) {
            Version a = Version.parse(ordered.get(i)).orElseThrow(), b = Version.parse(ordered.get(i + 1)).orElseThrow();
            assertTrue(a.compareTo(b) < 0, a + " < " + b);
            assertTrue(b.compareTo(a) > 0, b + " > " + a);
        }
        assertEquals(0, Version.parse("1.0.0+a").orElseThrow().compareTo(Version.parse("1.0.0+b").orElseThrow()),
                "build metadata does not count");
    }
}
