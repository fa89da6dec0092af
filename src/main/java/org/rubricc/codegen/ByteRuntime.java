package org.rubricc.codegen;

/**
 * The fixed part of the byte reader every generated validator has for UTF-8 input: a strict reader of
 * plain JSON that reads straight from the caller's bytes. It reads only what it can read exactly as
 * Jackson does (escapes decoded as Jackson decodes them, no exponents, well-formed UTF-8 only, no key twice in an object, at most 32
 * levels deep and {@code PLAIN_LIMIT} bytes long); at anything else it throws {@code DEFER}, and the
 * rating is read again, from the start, by Jackson's streaming parser, which stays the judge of malformed
 * JSON and the author of its messages. Where the input ends too early it throws {@code END}, and Jackson's
 * tokenizer alone words the error. Appended verbatim to each generated class.
 */
final class ByteRuntime {
    private ByteRuntime() {}

    static final String HELPERS = """
            /**
             * Ratings longer than this go to Jackson directly; well under Jackson's own limits on the
             * length of one string (20,000,000 characters), so both readers accept the same input.
             */
            private static final int PLAIN_LIMIT = 1_000_000;

            /** Ends the byte reader at input it does not read itself; carries no stack trace. */
            private static final class Defer extends RuntimeException {
                private static final long serialVersionUID = 1L;

                Defer() {
                    super(null, null, false, false);
                }
            }

            private static final Defer DEFER = new Defer();

            /**
             * Thrown instead of {@code DEFER} where the input ends inside the rating. All before was plain (no
             * string to decode, no key given twice), so Jackson's tokenizer alone meets the same end at the same
             * place, with the error the Jackson reader would report: {@code cutShort}.
             */
            private static final Defer END = new Defer();

            /** The exception for an unexpected byte, or for none at all ({@code c} is -1 at the end). */
            private static Defer defer(int c) {
                return c < 0 ? END : DEFER;
            }

            /**
             * The verdict on a rating the byte reader read up to the end of the input: Jackson's tokenizer's error
             * there. Null when it finds none (the Jackson reader then reads the rating), and null when the bytes are
             * not well-formed UTF-8: the byte reader may stop short of an ill-formed sequence (a literal cut after
             * its first letter), and every engine reports that sequence before any error of JSON.
             */
            private static List<Violation> cutShort(byte[] json, int offset, int length) {
                if (illFormedUtf8(json, offset, length) >= 0) return null;
                try (JsonParser p = JSON.createParser(json, offset, length)) {
                    while (p.nextToken() != null) {
                        // tokens only: the error is in the tokenizer
                    }
                } catch (JsonProcessingException e) {
                    return malformed("not valid JSON: " + e.getOriginalMessage());
                } catch (IOException e) {
                    return null;
                }
                return null;
            }

            /**
             * Where the first ill-formed UTF-8 sequence of {@code b[offset .. offset + length)} starts (counted
             * from {@code offset}), or -1: overlong forms, encoded surrogates, code points above U+10FFFF, cut
             * and stray continuation bytes, which Jackson partly decodes without complaint (rubricc's Utf8).
             */
            private static int illFormedUtf8(byte[] b, int offset, int length) {
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
                        if (c == 0xE0) lo = 0xA0;
                        if (c == 0xED) hi = 0x9F;
                    } else if (c >= 0xF0 && c <= 0xF4) {
                        need = 3;
                        if (c == 0xF0) lo = 0x90;
                        if (c == 0xF4) hi = 0x8F;
                    } else {
                        return i - offset;
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

            /** The next byte after whitespace (as Jackson skips it: space, tab, CR, LF), or -1 at the end. */
            private static int peek(State st) {
                byte[] b = st.in;
                int i = st.at;
                int end = st.end;
                if (i < end && b[i] > ' ') return b[i]; // an ASCII byte that is not whitespace: the usual case
                while (i < end) {
                    int c = b[i];
                    if (c != ' ' && c != '\\n' && c != '\\r' && c != '\\t') {
                        st.at = i;
                        return c & 0xFF;
                    }
                    i++;
                }
                st.at = end;
                return -1;
            }

            /** Reads past one expected byte (after whitespace). */
            private static void expect(State st, int c) {
                int at = st.at;
                if (at < st.end && st.in[at] == c) { // no whitespace: the usual case
                    st.at = at + 1;
                    return;
                }
                int got = peek(st);
                if (got != c) throw defer(got);
                st.at++;
            }

            /** After the opening brace or bracket: false (and past it) when the closing one follows at once. */
            private static boolean first(State st, int close) {
                if (peek(st) != close) return true;
                st.at++;
                return false;
            }

            /** After a member or an item: true past a comma, false past the closing brace or bracket. */
            private static boolean more(State st, int close) {
                int at = st.at;
                if (at < st.end) { // no whitespace: the usual case
                    int c = st.in[at];
                    if (c == ',' || c == close) {
                        st.at = at + 1;
                        return c == ',';
                    }
                }
                int c = peek(st);
                st.at++;
                if (c == ',') return true;
                if (c == close) return false;
                throw defer(c);
            }

            /**
             * Reads a string (after whitespace) into {@code st.ss .. st.se} (its bytes, without quotes) and
             * {@code st.sl} (its length in code points, as {@code String.codePointCount} counts it). Defers
             * at control characters and any byte sequence that is not well-formed UTF-8, so that
             * {@code new String(bytes, UTF_8)} gives exactly the characters Jackson would.
             */
            private static void string(State st) {
                byte[] b = st.in;
                if (st.at >= st.end || b[st.at] != '"') { // whitespace first, or no string
                    int quote = peek(st);
                    if (quote != '"') throw defer(quote);
                }
                int i = st.at + 1;
                int end = st.end;
                int start = i;
                int n = 0;
                while (true) {
                    int run = plainRun(b, i, end);
                    n += run - i;
                    i = run;
                    if (i >= end) throw END;
                    int c = b[i];
                    if (c >= 0x20) {
                        if (c == '"') break;
                        if (c == '\\\\') {
                            escaped(st, start, i, n);
                            return;
                        }
                        i++;
                    } else if (c >= 0) {
                        throw DEFER; // a control character
                    } else if (c >= (byte) 0xC2 && c <= (byte) 0xDF && i + 1 < end && b[i + 1] < (byte) 0xC0) {
                        i += 2; // a two-byte sequence (its second byte is a continuation byte: 0x80 to 0xBF)
                    } else if (c == (byte) 0xF0 && i + 3 < end && b[i + 1] >= (byte) 0x90 && b[i + 1] < (byte) 0xC0
                            && b[i + 2] < (byte) 0xC0 && b[i + 3] < (byte) 0xC0) {
                        i += 4; // U+10000 to U+3FFFF, where most emoji are
                    } else {
                        i = utf8(b, i, end, c & 0xFF);
                    }
                    n++;
                }
                st.sb = b;
                st.ss = start;
                st.se = i;
                st.sl = n;
                st.at = i + 1;
            }

            /**
             * The rest of a string whose byte {@code i} is a backslash ({@code start}: its first byte, {@code n}: the
             * code points before {@code i}). Decodes it into {@code st.scratch} as Jackson decodes it: the escapes
             * JSON has (a backslash before one of {@code " / b f n r t} or itself, or before u and four hex digits, a
             * surrogate pair as one code point), so {@code st.sb[st.ss .. st.se]} are the UTF-8 bytes of exactly the characters Jackson
             * reads, and {@code st.sl} counts them as {@code String.codePointCount} does. Defers at any other escape,
             * at a surrogate that is not part of a pair, at control characters, at ill-formed UTF-8 and where the
             * input ends: Jackson reads those and words their errors.
             */
            private static void escaped(State st, int start, int i, int n) {
                byte[] b = st.in;
                int end = st.end;
                byte[] out = st.scratch;
                // A decoded string is never longer than its JSON: an escape of 2, 6 or 12 bytes gives 1 to 4.
                if (out == null || out.length < end - start) out = st.scratch = new byte[end - start];
                int o = i - start;
                System.arraycopy(b, start, out, 0, o);
                while (true) {
                    int run = i; // a run of plain ASCII, copied in one go
                    i = plainRun(b, i, end);
                    if (i > run) {
                        System.arraycopy(b, run, out, o, i - run);
                        o += i - run;
                        n += i - run;
                    }
                    if (i >= end) throw DEFER;
                    int c = b[i];
                    if (c == '"') break;
                    if (c == '\\\\') {
                        if (i + 1 >= end) throw DEFER;
                        int e = b[i + 1];
                        if (e == 'u') {
                            int u = hex4(b, i + 2, end);
                            i += 6;
                            if (u >= 0xD800 && u <= 0xDFFF) {
                                if (u >= 0xDC00 || i + 1 >= end || b[i] != '\\\\' || b[i + 1] != 'u') throw DEFER;
                                int low = hex4(b, i + 2, end);
                                if (low < 0xDC00 || low > 0xDFFF) throw DEFER;
                                i += 6;
                                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                            }
                            o = putUtf8(out, o, u);
                        } else {
                            out[o++] = switch (e) {
                                case '"', '\\\\', '/' -> (byte) e;
                                case 'b' -> (byte) '\\b';
                                case 'f' -> (byte) '\\f';
                                case 'n' -> (byte) '\\n';
                                case 'r' -> (byte) '\\r';
                                case 't' -> (byte) '\\t';
                                default -> throw DEFER;
                            };
                            i += 2;
                        }
                    } else if (c >= 0x20) {
                        out[o++] = (byte) c;
                        i++;
                    } else if (c >= 0) {
                        throw DEFER; // a control character
                    } else {
                        int next = utf8(b, i, end, c & 0xFF);
                        System.arraycopy(b, i, out, o, next - i);
                        o += next - i;
                        i = next;
                    }
                    n++;
                }
                st.sb = out;
                st.ss = 0;
                st.se = o;
                st.sl = n;
                st.at = i + 1;
            }

            /** The four hex digits of a u escape at {@code i}, in either case, as Jackson reads them; defers at others. */
            private static int hex4(byte[] b, int i, int end) {
                if (i + 4 > end) throw DEFER;
                int v = 0;
                for (int k = i; k < i + 4; k++) {
                    int c = b[k];
                    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                    if (d < 0) throw DEFER;
                    v = v << 4 | d;
                }
                return v;
            }

            /** Writes code point {@code u} (not a surrogate) at {@code o} as UTF-8; returns the position after it. */
            private static int putUtf8(byte[] out, int o, int u) {
                if (u < 0x80) {
                    out[o++] = (byte) u;
                } else if (u < 0x800) {
                    out[o++] = (byte) (0xC0 | u >> 6);
                    out[o++] = (byte) (0x80 | u & 0x3F);
                } else if (u < 0x10000) {
                    out[o++] = (byte) (0xE0 | u >> 12);
                    out[o++] = (byte) (0x80 | u >> 6 & 0x3F);
                    out[o++] = (byte) (0x80 | u & 0x3F);
                } else {
                    out[o++] = (byte) (0xF0 | u >> 18);
                    out[o++] = (byte) (0x80 | u >> 12 & 0x3F);
                    out[o++] = (byte) (0x80 | u >> 6 & 0x3F);
                    out[o++] = (byte) (0x80 | u & 0x3F);
                }
                return o;
            }

            /**
             * Past the bytes from {@code i} that are ASCII and neither quote, backslash nor control characters, eight
             * at a time while eight remain (the rest is left to the caller's byte-by-byte loop).
             */
            private static int plainRun(byte[] b, int i, int end) {
                while (i + 8 <= end) {
                    long w = (long) LONGS.get(b, i);
                    long q = w ^ 0x2222222222222222L;
                    long e = w ^ 0x5C5C5C5C5C5C5C5CL;
                    long m = (((q - 0x0101010101010101L) & ~q) | ((e - 0x0101010101010101L) & ~e)
                            | ((w - 0x2020202020202020L) & ~w) | w) & 0x8080808080808080L;
                    if (m != 0) return i + (Long.numberOfTrailingZeros(m) >>> 3);
                    i += 8;
                }
                return i;
            }

            /** Eight bytes of the input as one little-endian long. */
            private static final java.lang.invoke.VarHandle LONGS =
                    java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

            /** Past one well-formed multi-byte UTF-8 sequence starting at {@code i} with lead byte {@code c}. */
            private static int utf8(byte[] b, int i, int end, int c) {
                int n;
                int lo = 0x80;
                int hi = 0xBF;
                if (c >= 0xC2 && c <= 0xDF) {
                    n = 1;
                } else if (c >= 0xE0 && c <= 0xEF) {
                    n = 2;
                    if (c == 0xE0) lo = 0xA0; // not overlong
                    if (c == 0xED) hi = 0x9F; // not a surrogate
                } else if (c >= 0xF0 && c <= 0xF4) {
                    n = 3;
                    if (c == 0xF0) lo = 0x90; // not overlong
                    if (c == 0xF4) hi = 0x8F; // at most U+10FFFF
                } else {
                    throw DEFER;
                }
                if (i + n >= end) throw DEFER;
                int second = b[i + 1] & 0xFF;
                if (second < lo || second > hi) throw DEFER;
                for (int k = 2; k <= n; k++) {
                    if ((b[i + k] & 0xC0) != 0x80) throw DEFER;
                }
                return i + n + 1;
            }

            /** Whether the string just read is exactly these bytes. */
            private static boolean is(State st, byte[] k) {
                int s = st.ss;
                int l = k.length;
                if (st.se - s != l) return false;
                byte[] b = st.sb;
                int j = 0;
                for (; j + 8 <= l; j += 8) {
                    if ((long) LONGS.get(b, s + j) != (long) LONGS.get(k, j)) return false;
                }
                for (; j < l; j++) {
                    if (b[s + j] != k[j]) return false;
                }
                return true;
            }

            /** The string just read. */
            private static String text(State st) {
                return new String(st.sb, st.ss, st.se - st.ss, java.nio.charset.StandardCharsets.UTF_8);
            }

            /** Whether the string just read is {@code "n/a"}. */
            private static boolean isNotApplicable(State st) {
                byte[] b = st.sb;
                int s = st.ss;
                return st.se - s == 3 && b[s] == 'n' && b[s + 1] == '/' && b[s + 2] == 'a';
            }

            /**
             * Reads a number into {@code st.tn}/{@code st.ts}/{@code st.tf} as {@code number} reads Jackson's token.
             * Defers at exponents, at more than 18 digits and at anything that is not a JSON number.
             */
            private static void number(State st) {
                byte[] b = st.in;
                int i = st.at;
                int end = st.end;
                boolean negative = b[i] == '-';
                if (negative) i++;
                if (i >= end) throw END;
                long u = 0;
                int digits = 0;
                int scale = 0;
                int c = b[i];
                if (c == '0') {
                    i++;
                    digits = 1;
                    if (i < end && b[i] >= '0' && b[i] <= '9') throw DEFER;
                } else if (c >= '1' && c <= '9') {
                    while (i < end && (c = b[i]) >= '0' && c <= '9') {
                        u = u * 10 + (c - '0');
                        digits++;
                        i++;
                    }
                } else {
                    throw DEFER;
                }
                boolean isFloat = i < end && b[i] == '.';
                if (isFloat) {
                    int from = ++i;
                    while (i < end && (c = b[i]) >= '0' && c <= '9') {
                        u = u * 10 + (c - '0');
                        digits++;
                        scale++;
                        i++;
                    }
                    if (i == from) throw DEFER;
                }
                if (digits > 18) throw DEFER;
                delimiter(b, i, end);
                st.tb = null;
                st.tf = isFloat;
                exact(st, negative, u, scale); // at most 18 digits, no exponent: it fits
                st.at = i;
            }

            /** Reads {@code true}, {@code false} or {@code null}, whose first byte is at {@code st.at}. */
            private static void literal(State st, String word) {
                byte[] b = st.in;
                int i = st.at;
                int n = word.length();
                if (i + n > st.end) throw END;
                for (int k = 0; k < n; k++) {
                    if (b[i + k] != word.charAt(k)) throw DEFER;
                }
                delimiter(b, i + n, st.end);
                st.at = i + n;
            }

            /** Reads past a value that is not kept. */
            private static void skipValue(State st) {
                value(st, 0, null);
            }

            /** Reads a value and returns it as compact JSON, as {@code capture} writes what Jackson's parser reads. */
            private static String captureValue(State st) {
                StringBuilder out = new StringBuilder();
                value(st, 0, out);
                return out.toString();
            }

            /**
             * Reads a value, writing it to {@code out} (when not null) as {@code capture} does. Defers at duplicate
             * keys (the Jackson reader reports them) and beyond 32 levels of nesting.
             */
            private static void value(State st, int depth, StringBuilder out) {
                int c = peek(st);
                if (c == '"') {
                    string(st);
                    if (out != null) out.append(quote(text(st)));
                } else if (c == '-' || (c >= '0' && c <= '9')) {
                    number(st);
                    if (out != null) out.append(numberJson(st.tn, st.ts, null, st.tf));
                } else if (c == 't' || c == 'f' || c == 'n') {
                    String word = c == 't' ? "true" : c == 'f' ? "false" : "null";
                    literal(st, word);
                    if (out != null) out.append(word);
                } else if (depth >= 32) {
                    throw DEFER;
                } else if (c == '[') {
                    st.at++;
                    if (out != null) out.append('[');
                    if (first(st, ']')) {
                        boolean comma = false;
                        do {
                            if (comma && out != null) out.append(',');
                            comma = true;
                            value(st, depth + 1, out);
                        } while (more(st, ']'));
                    }
                    if (out != null) out.append(']');
                } else if (c == '{') {
                    st.at++;
                    if (out != null) out.append('{');
                    if (first(st, '}')) {
                        HashSet<String> keys = new HashSet<>();
                        boolean comma = false;
                        do {
                            string(st);
                            String name = text(st);
                            if (!keys.add(name)) throw DEFER;
                            expect(st, ':');
                            if (out != null) {
                                if (comma) out.append(',');
                                out.append(quote(name)).append(':');
                            }
                            comma = true;
                            value(st, depth + 1, out);
                        } while (more(st, '}'));
                    }
                    if (out != null) out.append('}');
                } else {
                    throw defer(c);
                }
            }

            /** A scalar must be followed by whitespace, a comma or a closing bracket (or the end). */
            private static void delimiter(byte[] b, int i, int end) {
                if (i >= end) return;
                int c = b[i];
                if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\\n' && c != '\\r' && c != '\\t') throw DEFER;
            }
            """;
}
