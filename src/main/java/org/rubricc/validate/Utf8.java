package org.rubricc.validate;

/**
 * Well-formed UTF-8 (Unicode 15, table 3-7): no overlong forms ({@code C0 AF}, {@code E0 80 AF}), no encoded
 * surrogates ({@code ED A0 80}), nothing above U+10FFFF ({@code F4 90 80 80}), no cut or stray continuation
 * bytes. Jackson decodes some of these without complaint, so every engine checks a rating's bytes before
 * reading them as JSON; the generated validators carry the same check (Java in {@code ByteRuntime}, JavaScript in
 * {@code runtime.mjs}), and a fuzz test holds all of them to {@code java.nio}'s decoder.
 */
public final class Utf8 {
    private Utf8() {}

    /** The message of the malformed-json violation for a line whose first ill-formed sequence starts at {@code at}. */
    public static String message(int at) {
        return "not valid JSON: ill-formed UTF-8 at byte " + (at + 1);
    }

    /**
     * Where in {@code b[offset .. offset + length)} the first ill-formed sequence starts (counted from
     * {@code offset}), or -1 when the bytes are well-formed UTF-8.
     */
    public static int firstIllFormed(byte[] b, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xFF;
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                if (c == 0xE0) lo = 0xA0; // not overlong
                if (c == 0xED) hi = 0x9F; // not a surrogate
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                if (c == 0xF0) lo = 0x90; // not overlong
                if (c == 0xF4) hi = 0x8F; // at most U+10FFFF
            } else {
                return i - offset; // a continuation byte, C0, C1 or F5 to FF
            }
            if (end - i <= need) return i - offset;
            int d = b[i + 1] & 0xFF;
            if (d < lo || d > hi) return i - offset;
            for (int k = 2; k <= need; k++) {
                if ((b[i + k] & 0xC0) != 0x80) return i - offset;
            }
            i += need + 1;
        }
        return -1;
    }
}
