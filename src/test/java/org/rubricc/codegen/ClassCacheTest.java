package org.rubricc.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rubricc.model.Rubric;

/** The on-disk cache of compiled validators: whole entries or none, damage is a miss, and it never fails a command. */
class ClassCacheTest {
    @TempDir
    Path dir;

    private static final Map<String, byte[]> CLASSES = Map.of("p.A", new byte[] {1, 2, 3}, "p.A$Part1", new byte[] {4}, "p.Lookup", new byte[0]);

    @Test
    void storedClassesAreLoadedBackUnderTheirKeyOnly() {
        ClassCache cache = new ClassCache(dir.resolve("validators"));
        String key = ClassCache.key("validator", "p", "meaning", "build");
        assertFalse(cache.has(key));
        assertEquals(Optional.empty(), cache.load(key));
        cache.store(key, CLASSES);
        assertTrue(cache.has(key));
        Map<String, byte[]> back = cache.load(key).orElseThrow();
        assertEquals(CLASSES.keySet(), back.keySet());
        CLASSES.forEach((name, bytes) -> assertArrayEquals(bytes, back.get(name), name));
        assertEquals(Optional.empty(), cache.load(ClassCache.key("validator", "p", "meaning", "another build")));
        assertNotEquals(key, ClassCache.key("validator", "p", "meaning\0build"), "parts are kept apart");
    }

    @Test
    void aDamagedOrForeignEntryIsAMiss() throws IOException {
        ClassCache cache = new ClassCache(dir);
        String key = ClassCache.key("a"), other = ClassCache.key("b");
        cache.store(key, CLASSES);
        Path file = dir.resolve(key + ".classes");
        byte[] whole = Files.readAllBytes(file);
        for (int at : new int[] {0, whole.length / 2, whole.length - 1}) {
            byte[] damaged = whole.clone();
            damaged[at] ^= 1;
            Files.write(file, damaged);
            assertEquals(Optional.empty(), cache.load(key), "a byte changed at " + at);
        }
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 7));
        assertEquals(Optional.empty(), cache.load(key), "cut short");
        Files.write(dir.resolve(other + ".classes"), whole);
        assertEquals(Optional.empty(), cache.load(other), "an entry renamed to another key");
        cache.store(key, CLASSES);
        assertTrue(cache.load(key).isPresent(), "stored again over the damaged one");
    }

    @Test
    void aCacheThatCannotBeWrittenIsACacheThatIsNotThere() throws IOException {
        Path notAFolder = dir.resolve("file");
        Files.writeString(notAFolder, "x");
        ClassCache cache = new ClassCache(notAFolder.resolve("validators"));
        cache.store(ClassCache.key("a"), CLASSES); // no exception
        assertEquals(Optional.empty(), cache.load(ClassCache.key("a")));
    }

    @Test
    void theLeastRecentlyUsedEntriesGoBeyondTheLimit() throws IOException {
        ClassCache cache = new ClassCache(dir);
        long t = System.currentTimeMillis() - 10_000_000L;
        for (int i = 0; i < ClassCache.ENTRIES; i++) {
            String key = ClassCache.key("entry", Integer.toString(i));
            cache.store(key, CLASSES);
            Files.setLastModifiedTime(dir.resolve(key + ".classes"), FileTime.fromMillis(t + i * 1000L));
        }
        cache.load(ClassCache.key("entry", "0")); // used: now the most recent
        cache.store(ClassCache.key("entry", "new"), CLASSES);
        try (var files = Files.list(dir)) {
            assertEquals(ClassCache.ENTRIES, files.filter(f -> f.toString().endsWith(".classes")).count());
        }
        assertTrue(cache.has(ClassCache.key("entry", "0")), "the entry just read stays");
        assertTrue(cache.has(ClassCache.key("entry", "new")));
        assertFalse(cache.has(ClassCache.key("entry", "1")), "the least recently used goes");
    }

    @Test
    void whereTheCacheIs() {
        assertEquals(Optional.empty(), ClassCache.standard("off", "/x", "/home/u"));
        assertEquals(Path.of("/c"), ClassCache.standard("/c", "/x", "/home/u").orElseThrow().dir());
        assertEquals(Path.of("/x/rubricc/validators"), ClassCache.standard(null, "/x", "/home/u").orElseThrow().dir());
        assertEquals(Path.of("/home/u/.cache/rubricc/validators"), ClassCache.standard(null, "relative", "/home/u").orElseThrow().dir());
        assertEquals(Optional.empty(), ClassCache.standard(null, null, "?"));
    }

    @Test
    void aValidatorFromTheCacheJudgesAsTheCompiledOne() throws Exception {
        Rubric r = GeneratedValidatorTest.rubrics().get(0);
        ClassCache cache = new ClassCache(dir);
        String key = ClassCache.key("validator", r.toString());
        CompiledValidator first = CompiledValidator.compile(r, cache, key);
        assertTrue(cache.has(key), "compiled once, then stored");
        CompiledValidator second = CompiledValidator.compile(r, cache, key);
        assertNotEquals(first.type(), second.type(), "loaded again, from the stored classes");
        for (String line : List.of("{}", "{\"rubric\":\"x\"}", new org.rubricc.validate.SubmissionGenerator(r, 1).valid().orElseThrow().toString())) {
            byte[] b = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(first.validate(b, 0, b.length), second.validate(b, 0, b.length), line);
        }
    }
}
