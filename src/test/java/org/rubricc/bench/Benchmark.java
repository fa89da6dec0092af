package org.rubricc.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.codegen.CompiledValidator;
import org.rubricc.model.Rubric;
import org.rubricc.schema.SchemaEncoder;
import org.rubricc.validate.RatingsReader;
import org.rubricc.validate.SubmissionGenerator;
import org.rubricc.validate.Validator;

/**
 * Ratings per second on one JSON Lines file for {@code image-edit} 2.0.0, measured side by side in one
 * run: Jackson's streaming parser alone (the ceiling), the generated validator, the runtime validator
 * (as {@code rubricc validate} runs it) and networknt's JSON Schema validator on the generated schema;
 * also the generated {@code isValid} and databind's tree parse alone (what the runtime validator starts
 * from). "valid" counts lines that parse (the two parse-only rows) or are valid ratings.
 * The file is generated deterministically (valid ratings, every mutation kind, some damaged lines) and
 * held in memory, so the disk is not measured. After a warm-up, the engines run in turns, round after
 * round; the median round counts.
 *
 * <p>{@code mvn -B -q test-compile exec:exec@bench} (README, "Benchmark"); system properties
 * {@code rubricc.bench.lines}, {@code rubricc.bench.rounds}, {@code rubricc.bench.file}.
 */
public final class Benchmark {
    private Benchmark() {}

    /** One way of judging a line; returns 1 when the line is valid, so the work cannot be optimised away. */
    interface Engine {
        int judge(byte[] bytes, int offset, int length) throws Exception;
    }

    record Measured(String name, double[] perSecond, long valid) {
        double median() {
            double[] s = perSecond.clone();
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }
    }

    public static void main(String[] args) throws Exception {
        int lines = Integer.getInteger("rubricc.bench.lines", 1_000_000);
        int rounds = Integer.getInteger("rubricc.bench.rounds", 5);
        boolean escaped = "escaped".equals(System.getProperty("rubricc.bench.text", "plain"));
        int invalid = Integer.getInteger("rubricc.bench.invalid", 50);
        if (invalid < 1 || invalid > 99) throw new IllegalArgumentException("rubricc.bench.invalid is a percentage, 1 to 99: " + invalid);
        Path file = Path.of(System.getProperty("rubricc.bench.file", "target/bench/image-edit-2.0.0-" + lines + (escaped ? "-escaped" : "")
                + (invalid == 50 ? "" : "-invalid" + invalid) + ".jsonl"));
        run(lines, rounds, file, escaped, invalid, System.out);
    }

    public static void run(int lines, int rounds, Path file, PrintStream out) throws Exception {
        run(lines, rounds, file, false, 50, out);
    }

    /** {@code escaped}: justifications as raters write them, written as Python's json.dumps writes them (see write). */
    public static void run(int lines, int rounds, Path file, boolean escaped, int invalid, PrintStream out) throws Exception {
        Path rubricFile = Path.of("rubrics/image-edit/2.0.0.rubric");
        Compilation c = new Frontend(Path.of("rubrics")).check(rubricFile);
        Rubric rubric = c.rubric().orElseThrow(() -> new IllegalStateException(rubricFile + " has errors"));
        if (!Files.exists(file)) write(rubric, lines, file, escaped, invalid);
        byte[] data = Files.readAllBytes(file);
        int[] starts = new int[lines + 1];
        int n = 0;
        for (int i = 0, start = 0; i < data.length && n < lines; i++) {
            if (data[i] == '\n') {
                starts[n++] = start;
                start = i + 1;
                starts[n] = start;
            }
        }
        if (n < lines) throw new IllegalStateException(file + " has " + n + " lines, not " + lines + "; delete it to regenerate");
        final int count = n;

        JsonFactory factory = new JsonFactory(); // the plainest, fastest parse: the ceiling
        CompiledValidator generated = CompiledValidator.compile(rubric);
        Validator runtime = new Validator(rubric);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(new SchemaEncoder(rubric).encode());

        List<String> names = List.of("parse only (Jackson streaming)", "generated validator", "generated validator, isValid",
                "runtime validator", "databind tree only (no validation)",
                "networknt json-schema-validator");
        List<Engine> engines = List.of(
                (b, o, l) -> {
                    int tokens = 0;
                    try (JsonParser p = factory.createParser(b, o, l)) {
                        while (p.nextToken() != null) tokens++;
                    } catch (IOException e) {
                        return 0;
                    }
                    return tokens > 0 ? 1 : 0;
                },
                (b, o, l) -> generated.validate(b, o, l).isEmpty() ? 1 : 0,
                (b, o, l) -> generated.isValid(b, o, l) ? 1 : 0,
                (b, o, l) -> {
                    RatingsReader.Line line = RatingsReader.parse(new RatingsReader.RawLine(1, b, o, l, null));
                    return line.value() != null && runtime.validate(line.value()).isEmpty() ? 1 : 0;
                },
                (b, o, l) -> {
                    RatingsReader.Line line = RatingsReader.parse(new RatingsReader.RawLine(1, b, o, l, null));
                    return line.value() != null ? 1 : 0;
                },
                (b, o, l) -> {
                    JsonNode node;
                    try {
                        node = RatingsReader.MAPPER.readTree(b, o, l);
                    } catch (IOException e) {
                        return 0;
                    }
                    return schema.validate(node).isEmpty() ? 1 : 0;
                });

        out.printf(Locale.ROOT, "rubricc benchmark: %s, %,d ratings in %s (%,d bytes)%n", rubric, count, file, data.length);
        out.printf(Locale.ROOT, "machine: %d cores, %s, %s %s, max heap %,d MiB%n", Runtime.getRuntime().availableProcessors(), cpu(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), Runtime.getRuntime().maxMemory() >> 20);
        // Warm-up: every engine on the first lines, so that each is compiled before it is measured.
        int warm = Math.min(count, 50_000);
        for (int k = 0; k < 3; k++) for (Engine e : engines) pass(e, data, starts, warm);

        double[][] rates = new double[engines.size()][rounds];
        long[] valid = new long[engines.size()];
        for (int r = 0; r < rounds; r++) {
            for (int e = 0; e < engines.size(); e++) {
                int k = (e + r) % engines.size(); // a different engine starts each round
                long t0 = System.nanoTime();
                valid[k] = pass(engines.get(k), data, starts, count);
                rates[k][r] = count / ((System.nanoTime() - t0) / 1e9);
            }
            out.printf(Locale.ROOT, "round %d:", r + 1);
            for (int e = 0; e < engines.size(); e++) out.printf(Locale.ROOT, " %,.0f", rates[e][r]);
            out.println();
        }
        List<Measured> results = new ArrayList<>();
        for (int e = 0; e < engines.size(); e++) results.add(new Measured(names.get(e), rates[e], valid[e]));
        double ceiling = results.get(0).median(), networknt = results.get(5).median();
        out.printf(Locale.ROOT, "%nmedian of %d rounds:%n", rounds);
        out.printf(Locale.ROOT, "  %-36s %14s %12s %14s %10s%n", "", "ratings/s", "x networknt", "x parse only", "valid");
        for (Measured m : results) {
            out.printf(Locale.ROOT, "  %-36s %,14.0f %11.1fx %13.2fx %,10d%n", m.name(), m.median(), m.median() / networknt,
                    m.median() / ceiling, m.valid());
        }
        double gen = results.get(1).median(), run = results.get(3).median();
        out.printf(Locale.ROOT, "%ntargets: generated >= 20x networknt: %s (%.1fx); generated >= 0.5x parse only: %s (%.2fx); "
                        + "runtime >= 5x networknt: %s (%.1fx)%n",
                gen >= 20 * networknt ? "met" : "MISSED", gen / networknt, gen >= 0.5 * ceiling ? "met" : "MISSED", gen / ceiling,
                run >= 5 * networknt ? "met" : "MISSED", run / networknt);
        if (valid[1] != valid[3] || valid[2] != valid[3] || valid[5] != valid[3]) {
            out.printf(Locale.ROOT, "WARNING: the engines disagree on how many ratings are valid: %s%n", Arrays.toString(valid));
        }
    }

    private static long pass(Engine e, byte[] data, int[] starts, int count) throws Exception {
        long valid = 0;
        for (int i = 0; i < count; i++) {
            int o = starts[i], end = starts[i + 1] - 1; // without the newline
            valid += e.judge(data, o, end - o);
        }
        return valid;
    }

    /** A justification as raters write them: several lines, quotes, accents and a dash. */
    static final String REAL_TEXT = "The edit follows the instruction: the sign now reads \"Caf\u00e9 du Nord\".\n"
            + "But the awning changed colour \u2014 red, not green \u2014 and the second window is gone.\n"
            + "Compared side by side at 200% zoom.";

    /** A writer as Python's json.dumps: every non-ASCII character as a u escape, line breaks and quotes escaped. */
    private static final com.fasterxml.jackson.databind.ObjectWriter ASCII_JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII);

    /**
     * The benchmark file: generated ratings, one per line, half of them mutated (every kind in turn); 1 in 20 damaged.
     * {@code escaped}: every justification is a real one ({@link #REAL_TEXT}) and the lines are written with escapes.
     */
    /**
     * {@code invalid}: the percentage of lines given a mistake (each kind of mistake in turn); at 50, every other
     * line, as the figures in the README were measured. A mistake kind may leave a line valid (random answers that
     * happen to fit), and one line in 20 is cut short, so the share of invalid lines is near, not at, the figure.
     */
    static void write(Rubric rubric, int lines, Path file, boolean escaped, int invalid) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        SubmissionGenerator gen = new SubmissionGenerator(rubric, 20_000_000L);
        Random random = new Random(42);
        SubmissionGenerator.Mutation[] kinds = SubmissionGenerator.Mutation.values();
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            int written = 0;
            int mistakes = 0;
            for (int i = 0; written < lines; i++) {
                // Half the lines valid as generated, the other half cycling through every mutation kind (or the
                // share asked for: i % 100 below it gets the next mistake kind).
                SubmissionGenerator.Mutation kind = invalid == 50
                        ? (i % 2 == 0 ? SubmissionGenerator.Mutation.NONE : kinds[(i / 2) % kinds.length])
                        : i % 100 < invalid ? kinds[1 + mistakes++ % (kinds.length - 1)] : SubmissionGenerator.Mutation.NONE;
                var sample = gen.sample(kind);
                if (sample.isEmpty()) continue;
                var submission = sample.get().submission();
                if (escaped && submission.get("justifications") instanceof com.fasterxml.jackson.databind.node.ObjectNode js) {
                    js.properties().forEach(e -> {
                        if (e.getValue().isTextual()) e.setValue(com.fasterxml.jackson.databind.node.TextNode.valueOf(REAL_TEXT));
                    });
                }
                String line = escaped ? ASCII_JSON.writeValueAsString(submission) : submission.toString();
                if (random.nextInt(20) == 0) {
                    int cut = random.nextInt(line.length());
                    if (cut > 0 && Character.isHighSurrogate(line.charAt(cut - 1))) cut--;
                    line = line.substring(0, cut);
                }
                w.write(line);
                w.write('\n');
                written++;
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException | UncheckedIOException e) {
            // not Linux
        }
        return System.getProperty("os.arch") + " (" + ManagementFactory.getOperatingSystemMXBean().getName() + ")";
    }
}
