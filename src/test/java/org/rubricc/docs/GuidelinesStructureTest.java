package org.rubricc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rubricc.validate.DifferentialTestSupport;

/** A rater finds every part of the guidelines by a heading of its own: no two headings read the same. */
class GuidelinesStructureTest {
    static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

    @TestFactory
    Stream<DynamicTest> headingsAreUnique() throws IOException {
        return DifferentialTestSupport.bundled().stream().map(r -> DynamicTest.dynamicTest(r.toString(), () -> {
            List<String> headings = new ArrayList<>();
            Matcher m = HEADING.matcher(DocsTarget.markdown(r));
            while (m.find()) headings.add(m.group(1).strip().toLowerCase(java.util.Locale.ROOT));
            assertEquals(headings.stream().distinct().toList(), headings);
        }));
    }
}
