package org.rubricc.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.rubricc.codegen.ClassCache;
import org.rubricc.codegen.CompiledValidator;
import org.rubricc.codegen.InMemoryCompiler;
import org.rubricc.model.Rubric;
import org.rubricc.project.Meaning;
import org.rubricc.validate.RatingsReader;
import org.rubricc.validate.Validator;
import org.rubricc.validate.Violation;
import org.rubricc.validate.ViolationCode;

/** Who judges a line of ratings: the generated validator compiled in memory, or the runtime one. Same verdicts. */
final class Judges {
    private Judges() {}

    /**
     * auto: interpreted at first, the generated validator from when it is compiled (in the background, once the file
     * has proved long enough to repay it); generated: compiled before the first line; interpreted: never compiled.
     */
    enum Engine { auto, generated, interpreted }

    /** Judges one line of a ratings file (or bytes a command wrote) against one rubric version. */
    interface Judge {
        List<Violation> judge(RatingsReader.RawLine line);
    }

    /**
     * The engine to use: the one asked for, else {@code preferred}; when that needs a compiler and this Java has
     * none, interpreted (noting it on stderr). Asking for generated there is an error when it is first compiled.
     */
    static Engine choose(Engine asked, Engine preferred, PrintWriter err) {
        if (asked == Engine.generated || asked == Engine.interpreted) return asked;
        Engine wanted = asked != null ? asked : preferred;
        if (wanted == Engine.interpreted || CompiledValidator.canCompile()) return wanted;
        err.println("note: no Java compiler in this runtime; using the interpreted engine");
        return Engine.interpreted;
    }

    static Judge of(Rubric rubric, Engine engine) throws InMemoryCompiler.CompileException {
        return of(rubric, engine, -1);
    }

    /** @param inputBytes the size of the ratings file, or -1 when unknown: the auto engine compiles only for a long one */
    static Judge of(Rubric rubric, Engine engine, long inputBytes) throws InMemoryCompiler.CompileException {
        return switch (engine) {
            case generated -> generated(compiled(rubric));
            case interpreted -> interpreted(rubric);
            case auto -> new Switching(rubric, Switching.START_AFTER, Switching.MIN_REMAINING, inputBytes);
        };
    }

    /**
     * What identifies this rubricc build: the jar it runs from (path, size, time of its last change), and the Java
     * runtime (whose javac compiles the classes and whose JVM loads them). Null when rubricc does not run from a jar
     * file (from a build's classes folder, in tests): then nothing is cached, as the generator may change under it.
     */
    private static final String BUILD = build();

    private static String build() {
        try {
            java.security.CodeSource source = Judges.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) return null;
            java.nio.file.Path jar = java.nio.file.Path.of(source.getLocation().toURI());
            if (!java.nio.file.Files.isRegularFile(jar)) return null;
            return jar.toAbsolutePath() + "\n" + java.nio.file.Files.size(jar) + "\n" + java.nio.file.Files.getLastModifiedTime(jar).toMillis()
                    + "\n" + Runtime.version();
        } catch (java.io.IOException | java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The cache of compiled validators, when this rubricc can key one ({@link #cacheKey}) and the user has one. */
    private static final java.util.Optional<ClassCache> CACHE = BUILD == null ? java.util.Optional.empty() : ClassCache.standard();

    /**
     * The key of a version's compiled validator in the cache: its meaning (what a validator decides: {@link Meaning}),
     * the package it is compiled into, and the build; null when there is no cache.
     */
    static String cacheKey(Rubric rubric) {
        return CACHE.isEmpty() ? null : ClassCache.key("validator", CompiledValidator.PACKAGE, Meaning.of(rubric).sha256(), BUILD);
    }

    /** The version's validator, from the cache or compiled (and then cached). */
    static CompiledValidator compiled(Rubric rubric) throws InMemoryCompiler.CompileException {
        return compiled(rubric, cacheKey(rubric));
    }

    /** The version's validator, from the cache under {@code key} (from {@link #cacheKey}) or compiled. */
    static CompiledValidator compiled(Rubric rubric, String key) throws InMemoryCompiler.CompileException {
        return CompiledValidator.compile(rubric, CACHE.orElse(null), key);
    }

    private static Judge generated(CompiledValidator compiled) {
        return line -> line.error() != null ? malformed(line.error())
                : compiled.validate(line.bytes(), line.offset(), line.length()).stream()
                        .map(v -> new Violation(v.path(), ViolationCode.fromId(v.code()), v.message())).toList();
    }

    private static Judge interpreted(Rubric rubric) {
        Validator validator = new Validator(rubric);
        return raw -> {
            RatingsReader.Line line = RatingsReader.parse(raw);
            return line.value() == null ? malformed(line.error()) : validator.validate(line.value());
        };
    }

    /**
     * The {@code auto} engine. The runtime validator judges the first lines. Compiling the generated validator costs
     * about as much CPU as the runtime validator spends on a few hundred thousand lines, and the generated one is
     * about four times as fast (README, "Benchmark"), so compiling pays off only on long inputs: once
     * {@code startAfter} lines have been judged, if the lines still to come (estimated from the file's size and the
     * bytes per line so far; for a stream of unknown length, the lines judged so far) number at least
     * {@code minRemaining}, the generated validator is compiled on a thread of its own while the runtime validator
     * goes on, and it judges every line from the first one after it is ready; on a machine with no core to spare
     * (a load average of at least its number of cores), the runtime validator waits for it instead. The two engines give the same
     * verdicts, violations and order (the differential tests hold them to it), so where the switch falls changes
     * nothing in the output. If the validator cannot be compiled (a rubric too large for the JVM's limits on a
     * class), the runtime validator judges to the end. Thread-safe.
     */
    static final class Switching implements Judge {
        /** Lines judged before deciding whether to compile. */
        static final long START_AFTER = Long.getLong("rubricc.validate.compileAfter", 2_000);
        /** The lines still to come for which compiling pays off. */
        static final long MIN_REMAINING = Long.getLong("rubricc.validate.compileWhenRemaining", 300_000);

        private final Rubric rubric;
        private final long startAfter;
        private final long minRemaining;
        private final long inputBytes;
        private final Judge interpreted;
        /** The key of the compiled validator in the cache; null when there is no cache. */
        private final String key;
        private final java.util.concurrent.atomic.AtomicLong judged = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.CompletableFuture<Judge> compiled = new java.util.concurrent.CompletableFuture<>();
        private volatile Judge fast;
        private volatile boolean started;

        /** @param inputBytes the size of the ratings file, or -1 when unknown (standard input) */
        Switching(Rubric rubric, long startAfter, long minRemaining, long inputBytes) {
            this.rubric = rubric;
            this.startAfter = startAfter;
            this.minRemaining = minRemaining;
            this.inputBytes = inputBytes;
            this.interpreted = interpreted(rubric);
            this.key = cacheKey(rubric);
            // Compiled by an earlier run: loading it costs milliseconds, so it judges from the first line. A missing or
            // damaged entry is not compiled here: the usual course follows, from the runtime validator.
            CompiledValidator.fromCache(rubric, CACHE.orElse(null), key).ifPresent(v -> {
                Judge j = generated(v);
                started = true;
                fast = j;
                compiled.complete(j);
            });
        }

        /** Whether, {@code lines} lines of {@code seen} bytes into the input, the lines still to come repay compiling. */
        private boolean repays(long lines, long seen) {
            if (lines < startAfter) return false;
            long remaining = inputBytes < 0 ? lines : (long) ((inputBytes - seen) / ((double) seen / lines));
            return remaining >= minRemaining;
        }

        @Override
        public List<Violation> judge(RatingsReader.RawLine line) {
            Judge f = fast;
            if (f != null) return f.judge(line);
            if (!started) {
                long seen = bytes.addAndGet(line.length() + 1L);
                long lines = judged.incrementAndGet();
                // asked once a thousand lines after startAfter: the estimate of what is to come settles quickly
                if (lines >= startAfter && (lines - startAfter) % 1_000 == 0 && repays(lines, seen)) {
                    start();
                    if (busy()) {
                        // No core to spare: compiling beside the runtime validator would only share one with it and
                        // take longer, so wait for the compiler instead (as --engine generated does from the start).
                        try {
                            compiled.get();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (java.util.concurrent.ExecutionException e) {
                            // not compiled: the runtime validator judges to the end
                        }
                        f = fast;
                        if (f != null) return f.judge(line);
                    }
                }
            }
            return interpreted.judge(line);
        }

        private synchronized void start() {
            if (started) return;
            started = true;
            Thread t = new Thread(() -> {
                try {
                    Judge j = generated(compiled(rubric, key));
                    fast = j;
                    compiled.complete(j);
                } catch (InMemoryCompiler.CompileException | RuntimeException | Error e) {
                    compiled.completeExceptionally(e); // the runtime validator judges to the end
                }
            }, "rubricc-compile-" + rubric);
            t.setDaemon(true); // a run that ends first does not wait for it
            t.start();
        }

        /** For tests: waits until the generated validator judges, or could not be compiled; whether it judges. */
        boolean awaitCompiled() throws InterruptedException {
            start();
            try {
                compiled.get();
                return true;
            } catch (java.util.concurrent.ExecutionException e) {
                return false;
            }
        }

        /** Whether the machine has no core to spare: its load over the last minute is at least its number of cores. */
        private static boolean busy() {
            try {
                java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                double load = os.getSystemLoadAverage(); // negative where unknown
                return load >= os.getAvailableProcessors();
            } catch (LinkageError e) {
                return false; // a runtime image without java.management: unknown, so compile beside
            }
        }

        /** Whether the generated validator is being (or was) compiled. */
        boolean compiling() {
            return started;
        }

        /** Whether the generated validator judges the lines from now on. */
        boolean switched() {
            return fast != null;
        }
    }

    /** A validator that could not be compiled when it was first needed; the command stops with status 2. */
    static final class CompileFailure extends RuntimeException {
        CompileFailure(String message) {
            super(message);
        }
    }

    /**
     * The judges of several rubric versions, each made the first time a rating needs it (compiling one takes
     * about a second), then shared. Thread-safe.
     */
    static final class Cache {
        private final Engine engine;
        private final long inputBytes;
        private final Map<Rubric, Judge> judges = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

        Cache(Engine engine) {
            this(engine, -1);
        }

        /** @param inputBytes the size of the ratings file, or -1 when unknown */
        Cache(Engine engine, long inputBytes) {
            this.engine = engine;
            this.inputBytes = inputBytes;
        }

        /** The judge of a version; throws {@link CompileFailure} when its validator cannot be compiled. */
        Judge of(Rubric r) {
            return judges.computeIfAbsent(r, k -> {
                try {
                    return Judges.of(k, engine, inputBytes);
                } catch (InMemoryCompiler.CompileException e) {
                    throw new CompileFailure(e.getMessage());
                }
            });
        }
    }

    static List<Violation> malformed(String why) {
        return List.of(new Violation("", ViolationCode.MALFORMED_JSON, why));
    }
}
