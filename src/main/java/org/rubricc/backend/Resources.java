package org.rubricc.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The fixed text a back end copies into what it writes (runtime code, page templates), from its own package. */
public final class Resources {
    private Resources() {}

    /** The UTF-8 resource {@code name} beside {@code owner}, with LF line endings. */
    public static String text(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name + " of " + owner.getName());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
