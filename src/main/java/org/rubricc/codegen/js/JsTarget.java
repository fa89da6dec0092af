package org.rubricc.codegen.js;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import org.rubricc.backend.GeneratedFile;
import org.rubricc.backend.Target;
import org.rubricc.model.Rubric;

/**
 * `rubricc compile --target js`: {@code validator.mjs} per rubric version, a dependency-free ES module that
 * judges ratings exactly as {@code rubricc validate} does and gives a rating form the rubric's data. This is
 * the package's one public entry point: the rater's page takes the module as a file.
 */
public final class JsTarget implements Target {
    public static final String FILE = "validator.mjs";

    @Override
    public String name() {
        return "js";
    }

    @Override
    public List<GeneratedFile> generate(Rubric rubric, Options options) {
        return List.of(module(rubric));
    }

    /**
     * The module of a rubric version. The form target embeds it, and both targets run in one compile, side by side:
     * the module last asked for is kept, and one made while another thread asks for it is waited for, not made
     * twice (a large rubric's module is megabytes of code). Keyed by the model's identity: the same object, the
     * same module.
     */
    public static GeneratedFile module(Rubric rubric) {
        Made made = last.get();
        if (made == null || made.rubric() != rubric) {
            Made fresh = new Made(rubric, new FutureTask<>(() -> GeneratedFile.text(FILE, new JsValidatorGenerator(rubric).generate())));
            if (last.compareAndSet(made, fresh)) {
                made = fresh;
            } else {
                Made now = last.get(); // another thread's, of this rubric or another
                made = now != null && now.rubric() == rubric ? now : fresh;
            }
        }
        made.module().run(); // makes it, unless made or being made: then get() waits for it
        try {
            return made.module().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the JavaScript validator was made", e);
        }
    }

    private record Made(Rubric rubric, FutureTask<GeneratedFile> module) {}

    private static final AtomicReference<Made> last = new AtomicReference<>();
}
