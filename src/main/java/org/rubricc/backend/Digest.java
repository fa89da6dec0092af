package org.rubricc.backend;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of text, for names that must change when content changes: schema ids, CSP hashes, class names. */
public final class Digest {
    private Digest() {}

    /** The SHA-256 of the text's UTF-8 bytes. */
    public static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of the bytes. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The first {@code digits} hex digits (lower case, even) of the SHA-256 of the text. */
    public static String sha256Hex(String text, int digits) {
        return java.util.HexFormat.of().formatHex(sha256(text), 0, digits / 2);
    }
}
