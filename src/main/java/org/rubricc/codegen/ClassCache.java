package org.rubricc.codegen;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.rubricc.backend.Digest;

/**
 * Compiled validator classes kept on disk, so that javac runs once per rubric version and rubricc build rather
 * than once per {@code rubricc validate} (compiling costs more than a second of CPU; loading the classes some
 * milliseconds). An entry is one file, {@code <key>.classes}, named by a key the caller derives from everything the
 * classes depend on; it holds the class files and a SHA-256 of them, and is written to a temporary file and moved
 * into place, so a reader sees a whole entry or none. A damaged or foreign file is a miss. Reads and writes never
 * fail the command: a cache that cannot be read or written is a cache that is not there. Entries read are touched,
 * and when there are more than {@link #ENTRIES} the least recently used are removed.
 *
 * <p>Where: {@code $RUBRICC_CACHE_DIR} (the value {@code off} turns the cache off), else
 * {@code $XDG_CACHE_HOME/rubricc/validators}, else {@code ~/.cache/rubricc/validators}.
 */
public final class ClassCache {
    /** The most entries kept. */
    static final int ENTRIES = 64;
    /** A file larger than this is not an entry (the largest validators' classes take some tens of MiB). */
    static final long MAX_BYTES = 256L << 20;
    private static final byte[] MAGIC = "rubricc-classes 1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Path dir;

    public ClassCache(Path dir) {
        this.dir = dir;
    }

    /** The cache of this user, or none when {@code RUBRICC_CACHE_DIR} is {@code off} or no home is known. */
    public static Optional<ClassCache> standard() {
        return standard(System.getenv("RUBRICC_CACHE_DIR"), System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
    }

    static Optional<ClassCache> standard(String cacheDir, String xdg, String home) {
        if (cacheDir != null && !cacheDir.isBlank()) {
            return cacheDir.equals("off") ? Optional.empty() : Optional.of(new ClassCache(Path.of(cacheDir)));
        }
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Optional.of(new ClassCache(Path.of(xdg, "rubricc", "validators")));
        if (home != null && !home.isBlank() && !home.equals("?")) return Optional.of(new ClassCache(Path.of(home, ".cache", "rubricc", "validators")));
        return Optional.empty();
    }

    /** The folder of the entries. */
    public Path dir() {
        return dir;
    }

    /** The key of {@code parts}: a SHA-256 in hex, of the parts each after its length (so no two lists share one). */
    public static String key(String... parts) {
        StringBuilder all = new StringBuilder();
        for (String p : parts) all.append(p.length()).append(':').append(p);
        return Digest.sha256Hex(all.toString(), 64);
    }

    /** The classes stored under {@code key} (by binary name), or empty. */
    public Optional<Map<String, byte[]>> load(String key) {
        Path file = dir.resolve(key + ".classes");
        try {
            if (Files.size(file) > MAX_BYTES) return Optional.empty();
            byte[] all = Files.readAllBytes(file);
            Optional<Map<String, byte[]>> classes = decode(all, key);
            if (classes.isPresent()) {
                try {
                    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
                } catch (IOException e) {
                    // a read-only cache still serves
                }
            }
            return classes;
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether an entry for {@code key} exists (not whether it is whole: {@link #load} says that). */
    public boolean has(String key) {
        return Files.isRegularFile(dir.resolve(key + ".classes"));
    }

    /** Stores the classes under {@code key}; quietly does nothing when it cannot. */
    public void store(String key, Map<String, byte[]> classes) {
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + key, ".tmp");
            Files.write(tmp, encode(key, classes));
            try {
                Files.move(tmp, dir.resolve(key + ".classes"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(key + ".classes"), StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            evict();
        } catch (IOException | RuntimeException e) {
            // not cached this time
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // left for the next store's eviction to find
                }
            }
        }
    }

    /** Removes the least recently used entries beyond {@link #ENTRIES}, and temporaries older than a day. */
    private void evict() throws IOException {
        List<Path> entries = new ArrayList<>();
        long dayAgo = System.currentTimeMillis() - 86_400_000L;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(".classes")) entries.add(f);
                else if (name.startsWith(".") && name.endsWith(".tmp") && Files.getLastModifiedTime(f).toMillis() < dayAgo) Files.deleteIfExists(f);
            }
        }
        if (entries.size() <= ENTRIES) return;
        Map<Path, Long> used = new LinkedHashMap<>();
        for (Path f : entries) used.put(f, Files.getLastModifiedTime(f).toMillis());
        entries.sort((a, b) -> Long.compare(used.get(a), used.get(b)));
        for (Path f : entries.subList(0, entries.size() - ENTRIES)) Files.deleteIfExists(f);
    }

    static byte[] encode(String key, Map<String, byte[]> classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeUTF(key);
        Map<String, byte[]> sorted = new TreeMap<>(classes);
        out.writeInt(sorted.size());
        for (Map.Entry<String, byte[]> e : sorted.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            out.write(e.getValue());
        }
        out.flush();
        byte[] body = bytes.toByteArray();
        bytes.write(Digest.sha256(body));
        return bytes.toByteArray();
    }

    static Optional<Map<String, byte[]>> decode(byte[] all, String key) throws IOException {
        if (all.length < MAGIC.length + 32 || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) return Optional.empty();
        byte[] body = Arrays.copyOf(all, all.length - 32);
        if (!Arrays.equals(Digest.sha256(body), Arrays.copyOfRange(all, all.length - 32, all.length))) return Optional.empty();
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body, MAGIC.length, body.length - MAGIC.length));
        if (!in.readUTF().equals(key)) return Optional.empty();
        int n = in.readInt();
        if (n <= 0 || n > 10_000) return Optional.empty();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            int length = in.readInt();
            if (length < 0 || length > body.length) return Optional.empty();
            byte[] b = new byte[length];
            in.readFully(b);
            classes.put(name, b);
        }
        return in.available() == 0 ? Optional.of(classes) : Optional.empty();
    }
}
