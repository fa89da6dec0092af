package org.rubricc.codegen.js;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rubricc.backend.GeneratedFile;
import org.rubricc.backend.Target;
import org.rubricc.check.Frontend;
import org.rubricc.model.Rubric;

/** The js and form targets of one compile share one module, made once even when both ask at the same time. */
class JsModuleTest {
    private static Rubric load() {
        Path file = Path.of("rubrics/image-edit/2.0.0.rubric");
        return new Frontend(Path.of(".")).check(file).rubric().orElseThrow();
    }

    @Test
    void oneModelGetsOneModuleAskedForFromManyThreads() throws Exception {
        Rubric rubric = load();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<GeneratedFile>> asked = new ArrayList<>();
            for (int i = 0; i < 8; i++) asked.add(pool.submit(() -> JsTarget.module(rubric)));
            GeneratedFile first = asked.get(0).get();
            for (Future<GeneratedFile> f : asked) assertSame(first, f.get());
            assertSame(first, new JsTarget().generate(rubric, Target.Options.DEFAULT).get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherModelGetsItsOwnModuleWithTheSameBytesWhenItIsTheSameRubric() {
        Rubric a = load(), b = load();
        GeneratedFile fromA = JsTarget.module(a), fromB = JsTarget.module(b);
        assertNotSame(fromA, fromB);
        assertArrayEquals(fromA.content(), fromB.content());
        assertArrayEquals(fromA.content(), new JsValidatorGenerator(a).generate().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
