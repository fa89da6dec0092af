package org.rubricc.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rubricc.check.Frontend;
import org.rubricc.diff.Matching;
import org.rubricc.model.Dimension;
import org.rubricc.model.Rubric;
import org.rubricc.validate.SubmissionGenerator;
import org.rubricc.validate.Validator;
import org.rubricc.validate.Violation;

/**
 * For random ratings valid under an old version: a rating migrated with nothing to re-rate is valid under the
 * new version; nothing is invented (every answer comes from an answer of the old rating, through a declared
 * mapping); what must be re-rated is absent from the carried rating; and every old answer is carried, marked
 * to be re-rated, or recorded as left out.
 */
class MigrationPropertyTest {
    /** From-version file, to-version file; the versions in between are in the same folder. */
    static final List<String[]> PAIRS = List.of(
            new String[] {"rubrics/image-edit/1.0.0.rubric", "rubrics/image-edit/1.1.0.rubric"},
            new String[] {"rubrics/image-edit/1.1.0.rubric", "rubrics/image-edit/2.0.0.rubric"},
            new String[] {"rubrics/image-edit/1.0.0.rubric", "rubrics/image-edit/2.0.0.rubric"},
            new String[] {"rubrics/image-quality/1.0.0.rubric", "rubrics/image-quality/1.1.0.rubric"},
            new String[] {"src/test/resources/diffs/merges-and-splits/old.rubric", "src/test/resources/diffs/merges-and-splits/new.rubric"},
            new String[] {"src/test/resources/diffs/limits-tightened/old.rubric", "src/test/resources/diffs/limits-tightened/new.rubric"},
            new String[] {"src/test/resources/diffs/rule-constraints/old.rubric", "src/test/resources/diffs/rule-constraints/new.rubric"},
            new String[] {"src/test/resources/diffs/dimensions/old.rubric", "src/test/resources/diffs/dimensions/new.rubric"},
            new String[] {"src/test/resources/diffs/choices/old.rubric", "src/test/resources/diffs/choices/new.rubric"},
            new String[] {"src/test/resources/diffs/point-renumbering/old.rubric", "src/test/resources/diffs/point-renumbering/new.rubric"},
            new String[] {"src/test/resources/diffs/scale-kinds/old.rubric", "src/test/resources/diffs/scale-kinds/new.rubric"},
            new String[] {"src/test/resources/diffs/justifications/old.rubric", "src/test/resources/diffs/justifications/new.rubric"},
            new String[] {"src/test/resources/diffs/sections/old.rubric", "src/test/resources/diffs/sections/new.rubric"},
            new String[] {"src/test/resources/diffs/nested-conditions/old.rubric", "src/test/resources/diffs/nested-conditions/new.rubric"});

    private record Case(Rubric from, List<Rubric> versions, Rubric to, Migration migration, Validator target, Map<String, Matching> steps) {}

    private static final Map<Integer, Case> CASES = new ConcurrentHashMap<>();

    private static Rubric load(String file) {
        Path p = Path.of(file);
        Path root = file.startsWith("rubrics/") ? Path.of("rubrics") : p.getParent();
        return new Frontend(root).check(p).rubric().orElseThrow(() -> new AssertionError(file + " has errors"));
    }

    private static Case of(int index) {
        return CASES.computeIfAbsent(index, i -> {
            String[] pair = PAIRS.get(i);
            Rubric from = load(pair[0]), to = load(pair[1]);
            List<Rubric> versions = pair[0].startsWith("rubrics/image-edit/1.0.0") && pair[1].endsWith("2.0.0.rubric")
                    ? List.of(from, load("rubrics/image-edit/1.1.0.rubric"), to) : List.of(from, to);
            return new Case(from, versions, to, new Migration(versions, to, false), new Validator(to), Map.of());
        });
    }

    @Provide
    Arbitrary<Integer> pairs() {
        return Arbitraries.integers().between(0, PAIRS.size() - 1);
    }

    @Property(tries = 1500)
    void migratedRatingsAreValidAndNothingIsInvented(@ForAll("pairs") int pair, @ForAll long seed) {
        Case c = of(pair);
        Optional<ObjectNode> rating = Optional.empty();
        SubmissionGenerator generator = new SubmissionGenerator(c.from(), seed);
        for (int attempt = 0; attempt < 20 && rating.isEmpty(); attempt++) rating = generator.valid();
        if (rating.isEmpty()) return;
        assertEquals(List.of(), new Validator(c.from()).validate(rating.get()), "the generator makes valid ratings");

        Migration.Result result = c.migration().migrate(rating.get(), c.from());
        JsonNode answers = result.rating().get("answers");
        assertEquals(c.to().version().toString(), result.rating().get("version").asText());
        if (result.rerate().isEmpty()) {
            List<Violation> violations = c.target().validate(result.rating());
            assertEquals(List.of(), violations, "migrated with nothing to re-rate, so valid under " + c.to() + ": " + result.rating());
        }
        // Nothing invented: each answer's dimension existed and was answered in the old rating.
        Set<String> oldAnswered = new HashSet<>();
        rating.get().get("answers").fieldNames().forEachRemaining(oldAnswered::add);
        for (var it = answers.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            Optional<Dimension> old = oldDimension(c, id);
            assertTrue(old.isPresent() && oldAnswered.contains(old.get().id()), id + " has an answer no old answer gave: " + result.rating());
        }
        // What must be given again is not in the carried rating.
        for (Reason r : result.rerate()) {
            if (r.field() == Reason.Field.answer) assertFalse(answers.has(r.dimension()), r + " but carried: " + result.rating());
            else assertTrue(answers.has(r.dimension()), "a justification to redo belongs to a kept answer: " + r);
        }
        // Every old answer is accounted for: carried, to re-rate, or left out.
        int carriedOrMarked = answers.size() + (int) result.rerate().stream().filter(r -> r.was() != null && r.was().answer() != null).count()
                + result.dropped().size();
        assertTrue(carriedOrMarked >= oldAnswered.size() || c.versions().size() > 2,
                "answers lost: " + rating.get() + " -> " + result);
    }

    /** The dimension a new one was in the first version, through every step. */
    private static Optional<Dimension> oldDimension(Case c, String newId) {
        Optional<Dimension> d = Optional.empty();
        String id = newId;
        for (int i = c.versions().size() - 1; i > 0; i--) {
            d = new Matching(c.versions().get(i - 1), c.versions().get(i)).oldDimension(id);
            if (d.isEmpty()) return d;
            id = d.get().id();
        }
        return d;
    }
}
