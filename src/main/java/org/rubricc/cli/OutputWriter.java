package org.rubricc.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes output files atomically: to a temporary file in the same folder, then renamed over the
 * target, so an interrupted run never leaves a half-written file. A file whose bytes would not change
 * is not touched.
 *
 * <p>A command that fills a whole output folder ({@code compile -o OUT}, {@code migrate -o OUT}) opens it with
 * {@link #lock}: it holds an exclusive lock on {@code OUT/.rubricc-lock} while it writes, so two runs into one folder
 * take turns instead of leaving a mix of both; it removes the temporary files a killed run left behind; and
 * {@link #writeAll} writes every file to its temporary first and renames only when all were written, so an I/O error
 * (a full disk, a read-only file) leaves the folder as it was. Like Cargo's {@code target/.cargo-lock}, the lock file
 * stays: deleting a lock file others may be waiting on would let two runs hold "the" lock at once.
 */
final class OutputWriter implements Closeable {
    /** The lock file in an output folder; not an output itself. */
    static final String LOCK_FILE = ".rubricc-lock";

    /** The name {@link #temporary} gives: {@code .<name>.<random>.tmp}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9a-z]{1,13}\\.tmp");

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Path out;
    private final FileChannel channel;
    private final FileLock lock;

    OutputWriter(Path out) {
        this(out, null, null);
    }

    private OutputWriter(Path out, FileChannel channel, FileLock lock) {
        this.out = out.toAbsolutePath().normalize();
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Opens the output folder {@code out} for writing: creates it, takes its lock (waiting, with a line on {@code err},
     * while another rubricc holds it) and removes temporary files an interrupted run left there.
     */
    static OutputWriter lock(Path out, PrintWriter err) throws IOException {
        Path dir = out.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                err.println("waiting for another rubricc that is writing to " + dir + " ...");
                err.flush();
                lock = channel.lock();
            }
            OutputWriter writer = new OutputWriter(dir, channel, lock);
            writer.removeLeftovers();
            return writer;
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (e instanceof OverlappingFileLockException) {
                throw new IOException("another writer in this process is writing to " + dir, e);
            }
            throw e;
        }
    }

    /** Deletes this folder's temporary files (`.name.random.tmp`) that a killed run left; returns how many. */
    int removeLeftovers() throws IOException {
        List<Path> found;
        try (Stream<Path> s = Files.walk(out)) {
            found = s.filter(p -> TEMPORARY.matcher(p.getFileName().toString()).matches())
                    .filter(Files::isRegularFile).toList();
        }
        for (Path p : found) Files.deleteIfExists(p);
        return found.size();
    }

    /**
     * A new, empty temporary file beside {@code target} ({@code .name.<random>.tmp}), created as any file a command
     * writes is, so its mode follows the umask (`Files.createTempFile` would make it 0600, and the rename would keep
     * that: a web server could not serve the guidelines).
     */
    static Path temporary(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    /** The file {@code relative} (with `/` separators) names under the output folder, refused when it leads out. */
    private Path target(String relative) throws IOException {
        Path target = out.resolve(relative).normalize();
        if (!target.startsWith(out) || target.equals(out)) throw new IOException("refusing to write outside " + out + ": " + relative);
        return target;
    }

    private static boolean unchanged(Path target, byte[] content) throws IOException {
        return Files.isRegularFile(target) && Files.size(target) == content.length
                && java.util.Arrays.equals(Files.readAllBytes(target), content);
    }

    /** Writes {@code relative} (with `/` separators) under the output folder; returns whether it changed. */
    boolean write(String relative, byte[] content) throws IOException {
        try {
            return writeAll(Map.of(relative, content)) == 1;
        } catch (WriteFailure f) {
            // One file: its caller names it; the reason is the cause's.
            if (f.getCause() instanceof IOException e) throw e;
            throw f;
        }
    }

    /**
     * Writes every file (relative path to bytes), all or nothing as far as a file system allows: each changed file is
     * written to a temporary beside it first, and the temporaries are renamed over their targets only once all of them
     * were written. Returns how many files changed; on failure throws {@link WriteFailure}, which names the output file
     * (never a temporary) and says how many files were already replaced.
     */
    int writeAll(Map<String, byte[]> files) throws WriteFailure {
        Map<Path, Path> renames = new LinkedHashMap<>();
        Path current = out;
        int replaced = 0;
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                current = target(f.getKey());
                Files.createDirectories(current.getParent());
                if (unchanged(current, f.getValue())) continue;
                Path tmp = temporary(current);
                renames.put(tmp, current);
                Files.write(tmp, f.getValue());
            }
            for (Map.Entry<Path, Path> r : renames.entrySet()) {
                current = r.getValue();
                move(r.getKey(), current);
                replaced++;
            }
            return replaced;
        } catch (IOException | RuntimeException e) {
            throw new WriteFailure(current, replaced, renames.size(), e);
        } finally {
            for (Path tmp : renames.keySet()) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // removed by the next run into this folder (removeLeftovers)
                }
            }
        }
    }

    /** An output that could not be written: which file, why, and how many files had been replaced by then. */
    static final class WriteFailure extends IOException {
        final Path file;
        final int replaced;
        final int changing;

        WriteFailure(Path file, int replaced, int changing, Throwable cause) {
            super("cannot write " + file + ": " + org.rubricc.diag.IoReason.of(cause), cause);
            this.file = file;
            this.replaced = replaced;
            this.changing = changing;
        }

        /** "cannot write F: REASON; nothing was changed" (or how many files were already replaced). */
        String describe() {
            return getMessage() + "; " + (replaced == 0 ? "no output file was changed"
                    : replaced + " of " + changing + " changed files were already replaced");
        }
    }

    static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Releases the folder's lock (when this writer holds one). */
    @Override
    public void close() throws IOException {
        if (channel == null) return;
        try {
            if (lock != null && lock.isValid()) lock.release();
        } finally {
            channel.close();
        }
    }
}
