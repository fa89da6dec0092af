package org.rubricc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.rubricc.backend.Json;
import org.rubricc.model.Dimension;
import org.rubricc.model.Rubric;
import org.rubricc.model.Scale;
import org.rubricc.validate.DifferentialTestSupport;
import org.rubricc.validate.SubmissionGenerator;
import org.rubricc.validate.Validator;

/**
 * Issue 12 (c): for every bundled rubric version, the committed rating-form schema
 * (generated-docs/, which GeneratedDocsTest holds to the current compiler) is judged by ajv 8
 * (src/test/js/verdicts-ajv.mjs) and Python jsonschema (src/test/python/verdicts.py) exactly as
 * rubricc's runtime validator judges it, on the corpus DifferentialTest uses: valid ratings and
 * mutations that each break one thing.
 *
 * <p>The one known difference: JavaScript reads every JSON number as a double, so ajv judges a number a
 * double cannot hold (3.0000000000000000001, integers beyond 2^53) as its nearest double. Ratings
 * with such a number are left out of the ajv comparison, counted, and one is shown by
 * {@link #ajvReadsNumbersAsDoubles}. Python reads numbers as Decimal and is compared on every rating.
 *
 * <p>Needs node with src/test/js/node_modules and /usr/bin/python3 with jsonschema: without them it
 * fails, saying to run src/test/js/install.sh (mvn -B verify runs it first).
 */
class ExternalValidatorsAgreementTest {
    static final int SAMPLES = Integer.getInteger("rubricc.agreementSamples", 10_000);
    static final Path JS = Path.of("src/test/js");
    static final Path AJV_SCRIPT = JS.resolve("verdicts-ajv.mjs");
    static final Path PYTHON_SCRIPT = Path.of("src/test/python/verdicts.py");
    static final String PYTHON = "/usr/bin/python3";
    static final String INSTALL = "run src/test/js/install.sh (as root) to install it";

    @TempDir
    Path tmp;

    static Path schemaFile(Rubric r) {
        return Path.of("generated-docs", r.id(), r.version().toString(), SchemaTarget.FILE);
    }

    @TestFactory
    Stream<DynamicTest> ajvAndPythonJsonschemaAgreeWithRubricc() throws IOException {
        requireTools();
        return DifferentialTestSupport.bundled().stream().map(r -> DynamicTest.dynamicTest(r.toString(), () -> {
            Path schema = schemaFile(r);
            assertTrue(Files.isRegularFile(schema), schema + " is missing: run the README's first command");
            Validator validator = new Validator(r);
            SubmissionGenerator gen = new SubmissionGenerator(r, r.toString().hashCode());
            SubmissionGenerator.Mutation[] kinds = SubmissionGenerator.Mutation.values();
            List<String> lines = new ArrayList<>();
            List<Boolean> rubricc = new ArrayList<>();
            List<Boolean> exact = new ArrayList<>();
            for (int i = 0; lines.size() < SAMPLES && i < SAMPLES * 5; i++) {
                Optional<SubmissionGenerator.Sample> sample = gen.sample(kinds[i % kinds.length]);
                if (sample.isEmpty()) continue;
                ObjectNode s = sample.get().submission();
                lines.add(Json.MAPPER.writeValueAsString(s));
                rubricc.add(validator.validate(s).isEmpty());
                exact.add(numbersRoundTrip(s));
            }
            assertTrue(lines.size() >= SAMPLES, r + ": only " + lines.size() + " samples could be generated");
            assertTrue(rubricc.contains(true) && rubricc.contains(false), r + ": both verdicts must occur");
            Path corpus = tmp.resolve(r.id() + "-" + r.version() + ".jsonl");
            Files.write(corpus, lines, StandardCharsets.UTF_8);

            List<Boolean> ajv = verdicts(List.of("node", AJV_SCRIPT.toString(), schema.toString(), corpus.toString()), lines.size());
            List<Boolean> python = verdicts(List.of(PYTHON, PYTHON_SCRIPT.toString(), schema.toString(), corpus.toString()), lines.size());
            int inexact = 0;
            List<String> disagreements = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!python.get(i).equals(rubricc.get(i))) {
                    disagreements.add("python jsonschema says " + python.get(i) + ", rubricc " + rubricc.get(i) + ": " + lines.get(i));
                }
                if (!exact.get(i)) {
                    inexact++;
                } else if (!ajv.get(i).equals(rubricc.get(i))) {
                    disagreements.add("ajv says " + ajv.get(i) + ", rubricc " + rubricc.get(i) + ": " + lines.get(i));
                }
            }
            if (!disagreements.isEmpty()) {
                fail(r + ": " + disagreements.size() + " disagreements on " + lines.size() + " ratings, the first:\n"
                        + String.join("\n", disagreements.subList(0, Math.min(5, disagreements.size()))));
            }
            System.out.printf("%s: ajv, python jsonschema and rubricc agree on %d ratings (%d left out of the ajv comparison: numbers a double cannot hold)%n",
                    r, lines.size(), inexact);
        }));
    }

    /**
     * The documented difference: an ordinal answer written as 3.0000000000000000001 is not a point of the
     * scale for rubricc (and for Python jsonschema, which reads it as a Decimal), but ajv reads it as the
     * double 3 and accepts it.
     */
    @Test
    void ajvReadsNumbersAsDoubles() throws IOException {
        requireTools();
        Rubric r = DifferentialTestSupport.bundled().stream().filter(x -> x.toString().equals("image-edit@2.0.0"))
                .findFirst().orElseThrow();
        ObjectNode s = new SubmissionGenerator(r, 1).valid().orElseThrow();
        ObjectNode answers = (ObjectNode) s.get("answers");
        Dimension d = r.dimensions().stream()
                .filter(x -> x.scale() instanceof Scale.Ordinal && answers.path(x.id()).isNumber()).findFirst().orElseThrow();
        BigDecimal point = answers.get(d.id()).decimalValue();
        String line = Json.MAPPER.writeValueAsString(s);
        String exactAnswer = "\"" + d.id() + "\":" + answers.get(d.id()).toString();
        String nearPoint = "\"" + d.id() + "\":" + point.stripTrailingZeros().toPlainString() + ".0000000000000000001";
        assertTrue(line.contains(exactAnswer), line);
        String mutated = line.replace(exactAnswer, nearPoint);
        ObjectReader exactReader = Json.MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode read = exactReader.readTree(mutated);
        Validator validator = new Validator(r);
        assertTrue(validator.validate(exactReader.readTree(line)).isEmpty(), "the unmutated rating is valid");
        assertTrue(!validator.validate(read).isEmpty(), "rubricc rejects " + nearPoint);
        assertTrue(!numbersRoundTrip(read), "3.0000000000000000001 does not round-trip through a double");

        Path corpus = tmp.resolve("near-point.jsonl");
        Files.writeString(corpus, line + "\n" + mutated + "\n", StandardCharsets.UTF_8);
        Path schema = schemaFile(r);
        List<Boolean> ajv = verdicts(List.of("node", AJV_SCRIPT.toString(), schema.toString(), corpus.toString()), 2);
        List<Boolean> python = verdicts(List.of(PYTHON, PYTHON_SCRIPT.toString(), schema.toString(), corpus.toString()), 2);
        assertEquals(List.of(true, true), ajv, "ajv accepts " + nearPoint + " (it reads the double " + point + ")");
        assertEquals(List.of(true, false), python, "Python jsonschema, reading Decimals, rejects " + nearPoint + " as rubricc does");
    }

    /** Whether every number in the rating means the same once read as a double and written back. */
    static boolean numbersRoundTrip(JsonNode n) {
        if (n.isNumber()) {
            BigDecimal exact = n.decimalValue();
            double d = exact.doubleValue();
            return Double.isFinite(d) && new BigDecimal(Double.toString(d)).compareTo(exact) == 0;
        }
        for (JsonNode child : n) {
            if (!numbersRoundTrip(child)) return false;
        }
        return true;
    }

    /** Runs a verdicts script and reads its one `true`/`false` line per rating. */
    static List<Boolean> verdicts(List<String> command, int expected) throws IOException {
        Path out = Files.createTempFile("verdicts", ".txt"), err = Files.createTempFile("verdicts", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " took longer than 5 minutes");
            }
            if (p.exitValue() != 0) {
                fail(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n" + Files.readString(err));
            }
            List<Boolean> v = new ArrayList<>();
            for (String line : Files.readAllLines(out)) {
                if (!line.equals("true") && !line.equals("false")) fail(command.get(1) + " printed " + line);
                v.add(line.equals("true"));
            }
            assertEquals(expected, v.size(), String.join(" ", command) + ": one verdict per rating");
            return v;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Fails, saying how to install them, when node's packages or Python's jsonschema are missing. */
    static void requireTools() {
        if (!Files.isRegularFile(JS.resolve("node_modules/ajv/package.json"))) {
            fail("src/test/js/node_modules (ajv) is missing: " + INSTALL);
        }
        if (!succeeds("node", "--version")) fail("node is not on the PATH: install Node 20 or later");
        if (!succeeds(PYTHON, "-c", "import jsonschema")) fail(PYTHON + " cannot import jsonschema: " + INSTALL);
    }

    static boolean succeeds(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
