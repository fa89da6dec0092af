package org.rubricc.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.model.Rubric;
import org.rubricc.schema.SchemaEncoder;

/**
 * For every bundled rubric version: generated submissions, valid and mutated, are judged the same by
 * the runtime validator and by networknt's JSON Schema 2020-12 validator on the generated schema.
 */
class DifferentialTest {
    static final int SAMPLES = Integer.getInteger("rubricc.differentialSamples", 10_000);

    static List<Rubric> bundled() throws IOException {
        Frontend frontend = new Frontend(Path.of("rubrics"));
        try (Stream<Path> s = Files.walk(Path.of("rubrics"))) {
            return s.filter(p -> p.toString().endsWith(".rubric")).sorted().map(frontend::check)
                    .map(Compilation::rubric).flatMap(Optional::stream).toList();
        }
    }

    static Schema schema(Rubric r) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(new SchemaEncoder(r).encode());
    }

    @TestFactory
    Stream<DynamicTest> runtimeValidatorAndSchemaAgree() throws IOException {
        return bundled().stream().map(r -> DynamicTest.dynamicTest(r.toString(), () -> {
            Validator validator = new Validator(r);
            Schema schema = schema(r);
            SubmissionGenerator gen = new SubmissionGenerator(r, r.toString().hashCode());
            SubmissionGenerator.Mutation[] kinds = SubmissionGenerator.Mutation.values();
            Map<SubmissionGenerator.Mutation, int[]> seen = new EnumMap<>(SubmissionGenerator.Mutation.class);
            int valid = 0, invalid = 0, n = 0;
            for (int i = 0; n < SAMPLES && i < SAMPLES * 5; i++) {
                SubmissionGenerator.Mutation kind = kinds[i % kinds.length];
                Optional<SubmissionGenerator.Sample> sample = gen.sample(kind);
                if (sample.isEmpty()) continue;
                n++;
                List<Violation> runtime = validator.validate(sample.get().submission());
                List<Error> networknt = schema.validate(sample.get().submission());
                if (runtime.isEmpty() != networknt.isEmpty()) {
                    fail(r + ", mutation " + kind + ": runtime says " + (runtime.isEmpty() ? "valid" : "invalid " + runtime)
                            + ", schema says " + (networknt.isEmpty() ? "valid" : "invalid " + networknt)
                            + "\nsubmission: " + sample.get().submission());
                }
                if (kind != SubmissionGenerator.Mutation.NONE && kind != SubmissionGenerator.Mutation.RANDOM_ANSWERS) {
                    assertTrue(!runtime.isEmpty(), kind + " must make a submission invalid: " + sample.get().submission());
                }
                if (kind == SubmissionGenerator.Mutation.NONE) {
                    assertEquals(List.of(), runtime, "a generated valid submission: " + sample.get().submission());
                }
                seen.computeIfAbsent(kind, k -> new int[1])[0]++;
                if (runtime.isEmpty()) valid++;
                else invalid++;
            }
            assertTrue(n >= SAMPLES, r + ": only " + n + " samples could be generated");
            for (SubmissionGenerator.Mutation kind : kinds) {
                assertTrue(seen.containsKey(kind), r + ": no sample of mutation " + kind);
            }
            assertTrue(valid > 0 && invalid > 0, r + ": both verdicts must occur (valid " + valid + ", invalid " + invalid + ")");
        }));
    }
}
