package org.rubricc.backend;

import java.nio.charset.StandardCharsets;

/** One output file: a relative path with `/` separators, and its exact bytes. */
public record GeneratedFile(String path, byte[] content) {

    public static GeneratedFile text(String path, String text) {
        return new GeneratedFile(path, text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
    }
}
