package org.rubricc.codegen;

/**
 * The fixed part of every generated validator: reading numbers exactly, skipping and capturing values
 * the way Jackson's tree model reads them (so malformed input is found in the same places), and
 * writing values as compact JSON for messages. Appended verbatim to each generated class.
 */
final class Runtime {
    private Runtime() {}

    static final String HELPERS = """
            /**
             * Reads the current number token exactly into {@code st.tn}/{@code st.ts} (unscaled value and
             * scale, no trailing zero after the point) or, when that does not fit a long, {@code st.tb}.
             */
            private static void number(JsonParser p, JsonToken t, State st) throws IOException {
                st.tb = null;
                if (t == JsonToken.VALUE_NUMBER_INT) {
                    st.tf = false;
                    JsonParser.NumberType nt = p.getNumberType();
                    if (nt == JsonParser.NumberType.INT || nt == JsonParser.NumberType.LONG) {
                        st.tn = p.getLongValue();
                        st.ts = 0;
                    } else {
                        st.tb = new BigDecimal(p.getBigIntegerValue());
                    }
                    return;
                }
                st.tf = true;
                char[] c = p.getTextCharacters();
                int i = p.getTextOffset();
                int end = i + p.getTextLength();
                boolean negative = c[i] == '-';
                if (negative) i++;
                long u = 0;
                int scale = 0;
                boolean fits = true;
                boolean point = false;
                for (; i < end; i++) {
                    char ch = c[i];
                    if (ch == '.') {
                        point = true;
                        continue;
                    }
                    if (ch < '0' || ch > '9') break;
                    if (u > 922337203685477579L) {
                        fits = false;
                        break;
                    }
                    u = u * 10 + (ch - '0');
                    if (point) scale++;
                }
                if (fits && i < end) {
                    i++; // 'e' or 'E'
                    boolean negativeExponent = false;
                    if (c[i] == '+') {
                        i++;
                    } else if (c[i] == '-') {
                        negativeExponent = true;
                        i++;
                    }
                    int e = 0;
                    for (; i < end && fits; i++) {
                        e = e * 10 + (c[i] - '0');
                        if (e > 100000) fits = false;
                    }
                    scale = negativeExponent ? scale + e : scale - e;
                }
                if (fits && exact(st, negative, u, scale)) return;
                BigDecimal v = p.getDecimalValue();
                if (v.signum() == 0) {
                    st.tn = 0;
                    st.ts = 0;
                    return;
                }
                v = v.stripTrailingZeros();
                if (v.scale() < 0) {
                    if ((long) v.precision() - v.scale() > 19) {
                        st.tb = v;
                        return;
                    }
                    v = v.setScale(0);
                }
                if (v.unscaledValue().bitLength() > 63) {
                    st.tb = v;
                    return;
                }
                st.tn = v.unscaledValue().longValue();
                st.ts = v.scale();
            }

            /**
             * Stores the number (-)u x 10^-scale in {@code st.tn}/{@code st.ts}, with no trailing zero after the
             * point (zero as 0, scale 0); false when that does not fit a long.
             */
            private static boolean exact(State st, boolean negative, long u, int scale) {
                if (u == 0) {
                    st.tn = 0;
                    st.ts = 0;
                    return true;
                }
                while (scale > 0 && u % 10 == 0) {
                    u /= 10;
                    scale--;
                }
                for (; scale < 0; scale++) {
                    if (u > 922337203685477580L) return false;
                    u *= 10;
                }
                st.tn = negative ? -u : u;
                st.ts = scale;
                return true;
            }

            private static final long[] POWERS_OF_TEN = {
                1L, 10L, 100L, 1000L, 10000L, 100000L, 1000000L, 10000000L, 100000000L, 1000000000L, 10000000000L,
                100000000000L, 1000000000000L, 10000000000000L, 100000000000000L, 1000000000000000L,
                10000000000000000L, 100000000000000000L, 1000000000000000000L};

            /** Compares an exact number with a constant (given in both forms). */
            private static int cmp(long n, int s, BigDecimal b, long cn, int cs, BigDecimal c) {
                if (b == null && s == cs) return Long.compare(n, cn);
                return (b != null ? b : BigDecimal.valueOf(n, s)).compareTo(c);
            }

            private static BigDecimal big(long n, int s, BigDecimal b) {
                return b != null ? b : BigDecimal.valueOf(n, s);
            }

            /** The number as Jackson's tree model writes it: floats normalised ({@code 2.50} is {@code 2.5}). */
            private static String numberJson(long n, int s, BigDecimal b, boolean isFloat) {
                if (!isFloat) return b != null ? b.toString() : Long.toString(n);
                BigDecimal v = big(n, s, b);
                return v.signum() == 0 ? "0" : v.stripTrailingZeros().toString();
            }

            /** The number as a message names a value: normalised, in full unless longer than 100 digits. */
            private static String plain(long n, int s, BigDecimal b) {
                BigDecimal v = big(n, s, b);
                v = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
                long integerDigits = (long) v.precision() - v.scale();
                return integerDigits > 100 || v.scale() > 100 ? v.toString() : v.toPlainString();
            }

            private static boolean same(char[] c, int o, int l, String s) {
                if (l != s.length()) return false;
                for (int i = 0; i < l; i++) {
                    if (c[o + i] != s.charAt(i)) return false;
                }
                return true;
            }

            private static boolean isNotApplicable(char[] c, int o, int l) {
                return l == 3 && c[o] == 'n' && c[o + 1] == '/' && c[o + 2] == 'a';
            }

            /**
             * {@code JSON}, or a new factory, with no field names read before, when the input holds the byte
             * 0xFF: Jackson pads a name's last bytes with 0xFF to look it up among the names read before, so a
             * name holding 0xFF (never in UTF-8) could be taken for a shorter one from an earlier rating, and
             * the verdict would depend on what was read before.
             */
            private static JsonFactory factory(byte[] json, int offset, int length) {
                for (int i = offset, end = offset + length; i < end; i++) {
                    if (json[i] == (byte) 0xFF) return newFactory();
                }
                return JSON;
            }

            /** A factory whose parsers report a key given twice in an object, as {@code rubricc validate} does. */
            private static JsonFactory newFactory() {
                return JsonFactory.builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
            }

            /** The error Jackson reports for a key given twice in one object. */
            private static com.fasterxml.jackson.core.JsonParseException duplicate(JsonParser p, String name) {
                return new com.fasterxml.jackson.core.JsonParseException(p, "Duplicate field '" + name + "'");
            }

            /**
             * Keeps the keys of the objects open inside a skipped or captured value (null for arrays), so a
             * duplicate key is found there too; returns the stack, created on first use.
             */
            private static ArrayList<HashSet<String>> open(ArrayList<HashSet<String>> stack, JsonParser p, JsonToken t)
                    throws IOException {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    if (stack == null) stack = new ArrayList<>();
                    stack.add(t == JsonToken.START_OBJECT ? new HashSet<>() : null);
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.remove(stack.size() - 1);
                } else if (t == JsonToken.FIELD_NAME && !stack.get(stack.size() - 1).add(p.currentName())) {
                    throw duplicate(p, p.currentName());
                }
                return stack;
            }

            /** Reads past the current value, decoding every string and number as the tree model does. */
            private static void skip(JsonParser p, JsonToken t) throws IOException {
                int depth = 0;
                ArrayList<HashSet<String>> objects = null;
                while (true) {
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        depth++;
                        objects = open(objects, p, t);
                    } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        depth--;
                        objects = open(objects, p, t);
                    } else if (t == JsonToken.FIELD_NAME) {
                        objects = open(objects, p, t);
                    } else if (t == JsonToken.VALUE_STRING) {
                        p.getTextLength();
                    } else if (t == JsonToken.VALUE_NUMBER_INT) {
                        p.getNumberType();
                    } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                        p.getDecimalValue();
                    }
                    if (depth == 0) return;
                    t = p.nextToken();
                }
            }

            /** Reads the current value and returns it as compact JSON, as Jackson's tree model prints it. */
            private static String capture(JsonParser p, JsonToken t) throws IOException {
                StringBuilder b = new StringBuilder();
                int depth = 0;
                boolean comma = false;
                ArrayList<HashSet<String>> objects = null;
                while (true) {
                    objects = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY || t == JsonToken.END_OBJECT
                            || t == JsonToken.END_ARRAY || t == JsonToken.FIELD_NAME ? open(objects, p, t) : objects;
                    if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        b.append(t == JsonToken.END_OBJECT ? '}' : ']');
                        depth--;
                        comma = true;
                    } else {
                        if (comma) b.append(',');
                        comma = true;
                        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                            b.append(t == JsonToken.START_OBJECT ? '{' : '[');
                            depth++;
                            comma = false;
                        } else if (t == JsonToken.FIELD_NAME) {
                            b.append(quote(p.currentName())).append(':');
                            comma = false;
                        } else if (t == JsonToken.VALUE_STRING) {
                            b.append(quote(p.getText()));
                        } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                            State scratch = new State(false);
                            number(p, t, scratch);
                            b.append(numberJson(scratch.tn, scratch.ts, scratch.tb, scratch.tf));
                        } else {
                            b.append(t == JsonToken.VALUE_TRUE ? "true" : t == JsonToken.VALUE_FALSE ? "false" : "null");
                        }
                    }
                    if (depth == 0) return b.toString();
                    t = p.nextToken();
                }
            }

            /** A string as a JSON literal, escaped as Jackson escapes it. */
            private static String quote(String s) {
                return "\\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s)) + "\\"";
            }

            /** A value shown in a message: at most 60 characters. */
            private static String cut(String s) {
                return s.length() > 60 ? s.substring(0, 57) + "..." : s;
            }

            /** The JSON pointer of a key under a parent pointer. */
            private static String pointer(String parent, String key) {
                return parent + "/" + key.replace("~", "~0").replace("/", "~1");
            }
            """;
}
