package org.rubricc.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes output files atomically: to a temporary file in the same folder, then renamed over the
 * target, so an interrupted run never leaves a half-written file. A file whose bytes would not change
 * is not touched.
 */
final class OutputWriter {
    private final Path out;

    OutputWriter(Path out) {
        this.out = out.toAbsolutePath().normalize();
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /**
     * A new, empty temporary file beside {@code target} ({@code .name.<random>.tmp}), created as any file a command
     * writes is, so its mode follows the umask (`Files.createTempFile` would make it 0600, and the rename would keep
     * that: a web server could not serve the guidelines).
     */
    static Path temporary(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE).close();
                return tmp;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    /** Writes {@code relative} (with `/` separators) under the output folder; returns whether it changed. */
    boolean write(String relative, byte[] content) throws IOException {
        Path target = out.resolve(relative).normalize();
        if (!target.startsWith(out)) throw new IOException("refusing to write outside " + out + ": " + relative);
        Files.createDirectories(target.getParent());
        if (Files.isRegularFile(target) && java.util.Arrays.equals(Files.readAllBytes(target), content)) return false;
        Path tmp = temporary(target);
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return true;
    }
}
