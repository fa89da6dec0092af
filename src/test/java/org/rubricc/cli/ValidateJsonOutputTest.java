package org.rubricc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.rubricc.backend.Json;
import org.rubricc.validate.Violation;
import org.rubricc.validate.ViolationCode;

/**
 * `validate --format json` writes each line without building a Jackson tree; what it writes must be exactly what
 * Jackson writes for the tree (tools parse it, and diffs of runs compare it): any text in paths and messages, rubric
 * titles and answer keys from outside included.
 */
class ValidateJsonOutputTest {
    /** Characters where JSON writers part: quotes, backslashes, controls, DEL, non-ASCII, surrogates, U+2028. */
    private static final String[] PIECES = {"a", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\u0000", "\u001f", "\u007f",
        "\u00e9", "\u201c", "\u2028", "\u2029", "\ud83d\ude00", "\ud800", "\udfff", "<", "'", " "};

    private static String text(Random random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) b.append(PIECES[random.nextInt(PIECES.length)]);
        return b.toString();
    }

    /** The tree the command built before, as Jackson writes it. */
    private static String tree(long line, List<Violation> violations) {
        ObjectNode o = Json.object();
        o.put("line", line);
        o.put("valid", violations.isEmpty());
        ArrayNode vs = o.putArray("violations");
        for (Violation v : violations) vs.addObject().put("path", v.path()).put("code", v.code().id()).put("message", v.message());
        return o.toString() + "\n";
    }

    @Property
    void eachLineIsWhatJacksonWritesForItsTree(@ForAll long seed) {
        Random random = new Random(seed);
        List<Violation> violations = new ArrayList<>();
        int n = random.nextInt(4);
        ViolationCode[] codes = ViolationCode.values();
        for (int i = 0; i < n; i++) violations.add(new Violation(text(random), codes[random.nextInt(codes.length)], text(random)));
        long line = random.nextInt(3) == 0 ? Long.MAX_VALUE : random.nextInt(1_000_000) + 1;
        assertEquals(tree(line, violations), ValidateCommand.json(line, violations));
    }
}
