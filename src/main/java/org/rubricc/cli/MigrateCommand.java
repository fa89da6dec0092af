package org.rubricc.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.rubricc.migrate.Dropped;
import org.rubricc.migrate.Migration;
import org.rubricc.migrate.Reason;
import org.rubricc.model.Rubric;
import org.rubricc.model.Version;
import org.rubricc.validate.RatingsReader;
import org.rubricc.validate.Violation;
import org.rubricc.validate.ViolationCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Carry ratings (JSON Lines) made under older versions of a rubric to a newer one, through every version"
                + " in between, and list what must be rated again.%n"
                + "Every line ends in exactly one of OUT/migrated.jsonl (valid under NEW), OUT/rerate.jsonl (carried as far as"
                + " possible, with what to rate again and why) and OUT/rejected.jsonl (not valid under its own version);"
                + " answers NEW has no place for are recorded in OUT/dropped.jsonl.%n"
                + "Exit status: 0 every rating migrated, 1 some to re-rate or rejected, 2 usage or I/O problem or a rubric with errors.")
final class MigrateCommand implements Callable<Integer> {
    static final List<String> FILES = List.of("migrated.jsonl", "rerate.jsonl", "rejected.jsonl", "dropped.jsonl");

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "NEW",
            description = "The rubric file to migrate to. The versions in between are the other versions of the same rubric"
                    + " in its folder (and in --from's).")
    Path to;

    @Option(names = "--from", paramLabel = "OLD",
            description = "The rubric file the ratings were made under. Without it, each rating is migrated from the version it names.")
    Path from;

    @Parameters(index = "0", paramLabel = "RATINGS", description = "A JSON Lines file, or - for standard input.")
    String ratings;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "The folder to write the four files to.")
    Path out;

    @Option(names = "--strict-meaning",
            description = "Also re-rate answers to questions whose wording, labels, anchors or points changed (recalibrations).")
    boolean strictMeaning;

    @Option(names = "--root", paramLabel = "DIR", description = "The folder imports may not leave (default: the nearest folder above each rubric that holds rubricc.lock).")
    Path root;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "Who validates ratings before and after: generated (default, needs a JDK), interpreted, or auto (as "
                    + "`validate` has it). Same verdicts.")
    Judges.Engine engine;

    InputStream stdin = System.in;

    private static final ObjectWriter WRITER = RatingsReader.MAPPER.writer().with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : from == null ? List.of(to) : List.of(from, to)) {
            if (!Files.isRegularFile(p)) {
                err.println("error: no such rubric file: " + p);
                return Main.USAGE;
            }
        }
        Versions toFile = Versions.load(List.of(to), root, err);
        if (toFile == null) return Main.USAGE;
        Rubric target = toFile.all().get(0);
        Rubric source = null;
        if (from != null) {
            Versions fromFile = Versions.load(List.of(from), root, err);
            if (fromFile == null) return Main.USAGE;
            source = fromFile.all().get(0);
        }
        if (source != null && !source.id().equals(target.id())) {
            err.println("error: " + from + " is rubric " + source.id() + " and " + to + " is rubric " + target.id()
                    + "; ratings migrate between versions of one rubric");
            return Main.USAGE;
        }
        if (source != null && source.version().compareTo(target.version()) > 0) {
            err.println("error: " + from + " (" + source.version() + ") is newer than " + to + " (" + target.version()
                    + "); ratings migrate to newer versions only");
            return Main.USAGE;
        }
        List<Path> folders = new ArrayList<>();
        for (Path p : from == null ? List.of(to) : List.of(from, to)) {
            Path folder = p.toAbsolutePath().getParent();
            if (!folders.contains(folder)) folders.add(folder);
        }
        Versions all = Versions.load(folders, root, err);
        if (all == null) return Main.USAGE;
        TreeMap<Version, Rubric> history = all.byId.getOrDefault(target.id(), new TreeMap<>());
        // The files given are the versions used, even if the folder's copy differs (it cannot: same file).
        history.put(target.version(), target);
        if (source != null) history.put(source.version(), source);
        List<Rubric> versions = new ArrayList<>(history.headMap(target.version(), true).values());
        Rubric oldest = source;
        if (oldest != null) versions.removeIf(r -> r.version().compareTo(oldest.version()) < 0);
        Migration migration = new Migration(versions, target, strictMeaning);

        Judges.Engine chosen = Judges.choose(engine, Judges.Engine.generated, err);
        Worker worker = new Worker(migration, versions, target, source, chosen);
        try {
            worker.judge(target);
            if (source != null) worker.judge(source);
        } catch (Judges.CompileFailure e) {
            err.println("error: " + e.getMessage());
            return Main.USAGE;
        }

        String shown = Inputs.shown(ratings);
        InputStream in;
        try {
            in = Inputs.ratings(ratings, stdin);
        } catch (Inputs.InputException e) {
            err.println("error: " + e.getMessage());
            return Main.USAGE;
        }
        // The output folder is locked while this run writes it, so two runs into one folder take turns.
        OutputWriter folder;
        try {
            folder = OutputWriter.lock(out, err);
        } catch (IOException e) {
            err.println("error: cannot write to " + out + ": " + org.rubricc.diag.IoReason.of(e));
            return Main.USAGE;
        }
        try {
            Summary summary = new Summary();
            List<Path> temps = new ArrayList<>();
            try {
                for (String f : FILES) temps.add(OutputWriter.temporary(out.resolve(f)));
            } catch (IOException | RuntimeException e) {
                err.println("error: cannot write to " + out + ": " + org.rubricc.diag.IoReason.of(e));
                deleteAll(temps);
                return Main.USAGE;
            }
            // Lines are read in batches and judged on every core; outcomes are written in input order.
            int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "rubricc-migrate");
                t.setDaemon(true);
                return t;
            });
            try (RatingsReader reader = new RatingsReader(in);
                    OutputStream migrated = new BufferedOutputStream(Files.newOutputStream(temps.get(0)), 1 << 16);
                    OutputStream rerate = new BufferedOutputStream(Files.newOutputStream(temps.get(1)), 1 << 16);
                    OutputStream rejected = new BufferedOutputStream(Files.newOutputStream(temps.get(2)), 1 << 16);
                    OutputStream dropped = new BufferedOutputStream(Files.newOutputStream(temps.get(3)), 1 << 16)) {
                OutputStream[] files = {migrated, rerate, rejected};
                java.util.ArrayDeque<java.util.concurrent.Future<List<Outcome>>> inFlight = new java.util.ArrayDeque<>();
                boolean more = true;
                while (more || !inFlight.isEmpty()) {
                    if (more) {
                        List<RatingsReader.RawLine> batch = new ArrayList<>(BATCH);
                        RatingsReader.RawLine line;
                        while (batch.size() < BATCH && (line = reader.nextRaw()) != null) batch.add(copy(line));
                        more = batch.size() == BATCH;
                        if (!batch.isEmpty()) inFlight.add(pool.submit(() -> batch.stream().map(worker::process).toList()));
                    }
                    if (!inFlight.isEmpty() && (!more || inFlight.size() > 2 * threads)) {
                        for (Outcome o : await(inFlight.removeFirst())) {
                            files[o.file()].write(o.bytes());
                            if (o.dropped() != null) dropped.write(o.dropped());
                            summary.count(o);
                        }
                    }
                }
            } catch (IOException | java.io.UncheckedIOException | Judges.CompileFailure e) {
                pool.shutdownNow();
                deleteAll(temps);
                err.println("error: " + (e instanceof Judges.CompileFailure ? e.getMessage() : "cannot read " + shown + " or write to " + out
                        + " after line " + summary.total() + ": " + org.rubricc.diag.IoReason.of(e)));
                return Main.USAGE;
            } catch (RuntimeException | Error e) {
                deleteAll(temps); // nothing half-written is left behind
                throw e;
            } finally {
                pool.shutdownNow();
            }
            try {
                for (int i = 0; i < FILES.size(); i++) {
                    Files.move(temps.get(i), out.resolve(FILES.get(i)), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                deleteAll(temps);
                err.println("error: cannot write to " + out + ": " + org.rubricc.diag.IoReason.of(e));
                return Main.USAGE;
            }
            PrintWriter o = spec.commandLine().getOut();
            summary.print(o, shown, target, out);
            o.flush();
            return summary.migrated == summary.total() ? 0 : 1;
        } finally {
            try {
                folder.close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
        }
    }

    /** Lines per batch handed to a worker thread. */
    private static final int BATCH = 512;

    /** A line's bytes of its own, since the reader reuses its buffer. */
    private static RatingsReader.RawLine copy(RatingsReader.RawLine l) {
        if (l.bytes() == null) return l;
        return new RatingsReader.RawLine(l.number(), java.util.Arrays.copyOfRange(l.bytes(), l.offset(), l.offset() + l.length()), 0,
                l.length(), null);
    }

    private static List<Outcome> await(java.util.concurrent.Future<List<Outcome>> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error x) throw x;
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * What became of one line: the file it goes to (0 migrated, 1 rerate, 2 rejected) and its bytes there, the
     * line for dropped.jsonl (or null), and what the summary counts.
     */
    private record Outcome(int file, byte[] bytes, byte[] dropped, Version from, List<String> reasons, List<String> droppedKeys) {}

    /** Judges and migrates one line; thread-safe, so lines are handled on several threads at once. */
    private static final class Worker {
        private final Migration migration;
        private final List<Rubric> versions;
        private final Rubric target;
        private final Rubric source;
        private final Map<String, Rubric> byVersion = new java.util.HashMap<>();
        private final Map<Rubric, String> versionNames = new java.util.IdentityHashMap<>();
        private final Judges.Cache judges;

        Worker(Migration migration, List<Rubric> versions, Rubric target, Rubric source, Judges.Engine engine) {
            this.migration = migration;
            this.versions = versions;
            this.target = target;
            this.source = source;
            this.judges = new Judges.Cache(engine);
            for (Rubric r : versions) {
                byVersion.put(r.id() + "\u0000" + r.version(), r);
                versionNames.put(r, r.version().toString());
            }
        }

        /** The validator of a version, compiled the first time it is needed. */
        Judges.Judge judge(Rubric r) {
            return judges.of(r);
        }

        Outcome process(RatingsReader.RawLine line) {
            try {
                return outcome(line);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private Outcome outcome(RatingsReader.RawLine line) throws IOException {
            // 1. Valid under the version it was made under (--from, or the one it names).
            RatingsReader.Line parsed = RatingsReader.parse(line);
            Rubric own = source;
            if (own == null && parsed.value() != null && parsed.value().isObject()) {
                own = byVersion.get(key(parsed.value().get("rubric"), parsed.value().get("version")));
            }
            List<Violation> violations = judge(own != null ? own : target).judge(line);
            if (own == null) violations = notReachable(violations, versions, target);
            if (!violations.isEmpty()) return new Outcome(2, rejectedLine(line, violations), null, null, List.of(), List.of());
            // 2. Carried to the target, step by step.
            JsonNode rating = parsed.value();
            Migration.Result result = migration.migrate(rating, own);
            byte[] dropped = null;
            List<String> droppedKeys = List.of();
            if (!result.dropped().isEmpty()) {
                dropped = droppedLine(line.number(), rating, result.dropped());
                droppedKeys = result.dropped().stream().map(d -> d.dimension() + "\u0000" + d.change()).toList();
            }
            List<Reason> reasons = result.rerate();
            if (reasons.isEmpty()) {
                // 3. The proof: the target's validator accepts exactly the bytes written.
                byte[] bytes = WRITER.writeValueAsBytes(result.rating());
                List<Violation> proof = judge(target).judge(new RatingsReader.RawLine(line.number(), bytes, 0, bytes.length, null));
                if (proof.isEmpty()) return new Outcome(0, withNewline(bytes), dropped, own.version(), List.of(), droppedKeys);
                reasons = proof.stream().map(v -> fromViolation(v, migration)).toList();
            }
            List<String> keys = reasons.stream().map(r -> r.dimension() + "\u0000" + r.field() + "\u0000" + r.change()).toList();
            return new Outcome(1, rerateLine(line.number(), versionNames.get(own), result.rating(), reasons), dropped, own.version(),
                    keys, droppedKeys);
        }
    }

    /** "rubric\0version" as a rating names them, or null. */
    private static String key(JsonNode rubric, JsonNode version) {
        return rubric != null && rubric.isTextual() && version != null && version.isTextual()
                ? rubric.textValue() + "\u0000" + version.textValue() : null;
    }

    private static List<Violation> notReachable(List<Violation> violations, List<Rubric> versions, Rubric target) {
        String given = String.join(", ", versions.stream().map(r -> r.version().toString()).toList());
        return violations.stream().map(v -> v.code() != ViolationCode.WRONG_VERSION ? v
                : new Violation(v.path(), v.code(), v.message().replaceFirst(", not for version .*$", "")
                        + ", which is not a version migrated to " + target.version() + " (" + given + ")")).toList();
    }

    private static void deleteAll(List<Path> files) {
        for (Path p : files) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: the temporary files start with a dot and end in .tmp
            }
        }
    }

    /** A violation the target's validator found in a rating the migration carried whole: a re-rate reason of its own. */
    private static Reason fromViolation(Violation v, Migration m) {
        String[] parts = v.path().split("/");
        String dimension = parts.length > 2 ? parts[2].replace("~1", "/").replace("~0", "~") : "";
        Reason.Field field = v.path().startsWith("/justifications/") ? Reason.Field.justification : Reason.Field.answer;
        return new Reason(dimension, field, v.code().id(), m.target().version().toString(), null, v.message());
    }

    // ---------------------------------------------------------------------------------------------
    // Output lines
    // ---------------------------------------------------------------------------------------------

    private static byte[] rejectedLine(RatingsReader.RawLine line, List<Violation> violations) throws IOException {
        ObjectNode o = NODES.objectNode();
        o.put("line", line.number());
        ArrayNode vs = o.putArray("violations");
        for (Violation v : violations) vs.addObject().put("path", v.path()).put("code", v.code().id()).put("message", v.message());
        // The line as read (invalid UTF-8 shown as U+FFFD), so the file alone says what was rejected.
        o.put("text", line.bytes() == null ? null : new String(line.bytes(), line.offset(), line.length(), StandardCharsets.UTF_8));
        return withNewline(WRITER.writeValueAsBytes(o));
    }

    /** A line of rerate.jsonl, written field by field (most lines of a migration to a breaking release are these). */
    private static byte[] rerateLine(long number, String from, ObjectNode rating, List<Reason> reasons) throws IOException {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(1024);
        try (JsonGenerator g = RatingsReader.MAPPER.getFactory().createGenerator(buffer)) {
            g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            g.setCodec(RatingsReader.MAPPER);
            g.writeStartObject();
            g.writeNumberField("line", number);
            g.writeStringField("from", from);
            g.writeFieldName("rating");
            g.writeTree(rating);
            g.writeArrayFieldStart("rerate");
            for (Reason r : reasons) {
                g.writeStartObject();
                g.writeStringField("dimension", r.dimension());
                g.writeStringField("field", r.field().name());
                g.writeStringField("change", r.change());
                g.writeStringField("step", r.step());
                g.writeStringField("message", r.message());
                if (r.was() != null) {
                    g.writeObjectFieldStart("was");
                    g.writeStringField("version", r.was().version());
                    g.writeStringField("dimension", r.was().dimension());
                    if (r.was().answer() != null) {
                        g.writeFieldName("answer");
                        g.writeTree(r.was().answer());
                    }
                    if (r.was().justification() != null) g.writeStringField("justification", r.was().justification());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        buffer.write('\n');
        return buffer.toByteArray();
    }

    private static byte[] droppedLine(long number, JsonNode rating, List<Dropped> dropped) throws IOException {
        ObjectNode o = NODES.objectNode();
        o.put("line", number);
        o.set("item", rating.get("item"));
        o.set("rater", rating.get("rater"));
        ArrayNode ds = o.putArray("dropped");
        for (Dropped d : dropped) {
            ObjectNode x = ds.addObject();
            x.put("dimension", d.dimension()).put("change", d.change()).put("step", d.step());
            x.set("answer", d.answer());
            if (d.justification() != null) x.put("justification", d.justification());
        }
        return withNewline(WRITER.writeValueAsBytes(o));
    }

    private static byte[] withNewline(byte[] json) {
        byte[] b = java.util.Arrays.copyOf(json, json.length + 1);
        b[json.length] = '\n';
        return b;
    }

    /** Counts for the summary; it always adds up: migrated + to re-rate + rejected = ratings read. */
    private static final class Summary {
        long migrated, rerate, rejected;
        /** version migrated from -> {migrated, to re-rate} */
        final Map<Version, long[]> from = new TreeMap<>();
        /** "dimension\0field\0change" -> ratings */
        final Map<String, Long> reasons = new TreeMap<>();
        /** "dimension\0change" -> answers */
        final Map<String, Long> dropped = new TreeMap<>();

        long total() {
            return migrated + rerate + rejected;
        }

        void count(Outcome o) {
            switch (o.file()) {
                case 0 -> migrated++;
                case 1 -> rerate++;
                default -> rejected++;
            }
            if (o.from() != null) from.computeIfAbsent(o.from(), k -> new long[2])[o.file()]++;
            o.reasons().forEach(k -> reasons.merge(k, 1L, Long::sum));
            o.droppedKeys().forEach(k -> dropped.merge(k, 1L, Long::sum));
        }

        void print(PrintWriter o, String shown, Rubric target, Path out) {
            o.println(CheckCommand.plural(total(), "rating") + " in " + shown + " to " + target.id() + " " + target.version()
                    + ": " + migrated + " migrated, " + rerate + " to re-rate, " + rejected + " rejected");
            from.forEach((v, c) -> o.println("  from " + v + ": " + c[0] + " migrated, " + c[1] + " to re-rate"));
            if (!reasons.isEmpty()) {
                o.println("to re-rate, by question:");
                table(o, reasons);
            }
            if (!dropped.isEmpty()) {
                o.println("answers left out (in dropped.jsonl):");
                table(o, dropped);
            }
            o.println("written: " + String.join(", ", FILES.stream().map(f -> out.resolve(f).toString()).toList()));
        }

        private static void table(PrintWriter o, Map<String, Long> counts) {
            List<String[]> rows = new ArrayList<>();
            counts.forEach((k, n) -> {
                List<String> cells = new ArrayList<>(List.of(k.split("\u0000")));
                cells.add(String.valueOf(n));
                rows.add(cells.toArray(String[]::new));
            });
            int columns = rows.get(0).length;
            int[] width = new int[columns];
            for (String[] r : rows) for (int i = 0; i < columns; i++) width[i] = Math.max(width[i], r[i].length());
            for (String[] r : rows) {
                StringBuilder b = new StringBuilder(" ");
                for (int i = 0; i < columns - 1; i++) b.append(' ').append(r[i]).append(" ".repeat(width[i] - r[i].length()));
                b.append(' ').append(" ".repeat(width[columns - 1] - r[columns - 1].length())).append(r[columns - 1]);
                o.println(b);
            }
        }
    }
}
