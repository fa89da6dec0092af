package org.rubricc.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a JSON Lines stream one line at a time, as bytes, so memory stays flat however long the
 * file. Each line is parsed strictly: duplicate keys, {@code NaN}, trailing content and ill-formed UTF-8
 * ({@link Utf8}, checked before Jackson reads the line) make the line malformed. Numbers keep their exact decimal value.
 */
public final class RatingsReader implements AutoCloseable {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** One line: its 1-based number and either the parsed value or why it is not JSON. */
    public record Line(long number, JsonNode value, String error) {}

    /**
     * One line as bytes, without its line ending and (on the first line) byte order mark:
     * {@code bytes[offset .. offset + length)}, or, when it cannot be a rating at all (empty, too long),
     * {@code error}. The array is reused: it is valid only until the next call.
     */
    public record RawLine(long number, byte[] bytes, int offset, int length, String error) {}

    /** Reads one JSON value per line as {@link #next()} does; the trailing-content check is ours, not databind's. */
    private static final com.fasterxml.jackson.databind.ObjectReader TREE_READER =
            MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Longest line read into memory; a longer line is skipped and reported, never buffered whole. */
    public static final int MAX_LINE = 32 << 20;

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private long lineNumber;
    private boolean eof;
    private byte[] line = new byte[1 << 12];

    public RatingsReader(InputStream in) {
        this.in = in;
    }

    /** The next line, parsed, or null at the end. A final newline does not start another line. */
    public Line next() throws IOException {
        RawLine raw = nextRaw();
        return raw == null ? null : parse(raw);
    }

    /** The next line as bytes, or null at the end. A final newline does not start another line. */
    public RawLine nextRaw() throws IOException {
        if (line.length > 1 << 20) line = new byte[1 << 12]; // give back what a long line took
        int length = 0;
        boolean tooLong = false;
        while (true) {
            if (start == end) {
                int n = eof ? -1 : in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    eof = true;
                    if (length == 0 && !tooLong) return null;
                    lineNumber++;
                    return tooLong ? tooLong() : raw(length);
                }
                start = 0;
                end = n;
            }
            int nl = start;
            while (nl < end && buffer[nl] != '\n') nl++;
            int chunk = nl - start;
            if (length + (long) chunk > MAX_LINE) {
                tooLong = true; // keep reading to the newline, but stop buffering
            } else {
                if (length + chunk > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
                System.arraycopy(buffer, start, line, length, chunk);
                length += chunk;
            }
            if (nl < end) {
                start = nl + 1;
                lineNumber++;
                return tooLong ? tooLong() : raw(length);
            }
            start = end;
        }
    }

    private RawLine tooLong() {
        return new RawLine(lineNumber, null, 0, 0, "the line is longer than " + (MAX_LINE >> 20) + " MiB");
    }

    private RawLine raw(int length) {
        int len = length;
        if (len > 0 && line[len - 1] == '\r') len--;
        int from = 0;
        if (lineNumber == 1 && len >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
            from = 3; // a byte order mark on the first line
        }
        boolean blank = true;
        for (int i = from; i < len; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t') {
                blank = false;
                break;
            }
        }
        if (blank) return new RawLine(lineNumber, null, 0, 0, "an empty line is not a rating");
        return new RawLine(lineNumber, line, from, len - from, null);
    }

    /** Parses a line strictly: one JSON value, no duplicate keys, exact numbers. */
    public static Line parse(RawLine raw) {
        if (raw.error() != null) return new Line(raw.number(), null, raw.error());
        int bad = Utf8.firstIllFormed(raw.bytes(), raw.offset(), raw.length());
        if (bad >= 0) return new Line(raw.number(), null, Utf8.message(bad));
        try (JsonParser p = factory(raw).createParser(raw.bytes(), raw.offset(), raw.length())) {
            JsonNode node = TREE_READER.readTree(p);
            // No value at all: bytes that Jackson's encoding detection takes for UTF-16 or UTF-32 text of
            // whitespace only, such as CR NUL. (A line of whitespace is found before it gets here.)
            if (node == null) return new Line(raw.number(), null, "a rating must be a JSON object");
            if (p.nextToken() != null) return new Line(raw.number(), null, "more than one JSON value on the line");
            return new Line(raw.number(), node, null);
        } catch (JsonProcessingException e) {
            return new Line(raw.number(), null, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException | NumberFormatException e) { // a number Jackson cannot read, such as 1e99999999999
            return new Line(raw.number(), null, "not valid JSON: " + e.getMessage());
        }
    }

    /** The rubric id and version a rating names; either is null when the line does not name it as a string. */
    public record Identity(String rubric, String version) {}

    /**
     * The rubric and version a line names at its top level, read without building the rating, so a run over
     * several versions can choose whose validator judges it. A line that is not a JSON object names none; the
     * validator then says why.
     */
    public static Identity identity(RawLine raw) {
        String rubric = null, version = null;
        if (raw.error() != null) return new Identity(null, null);
        try (JsonParser p = factory(raw).createParser(raw.bytes(), raw.offset(), raw.length())) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) return new Identity(null, null);
            com.fasterxml.jackson.core.JsonToken t;
            while ((t = p.nextToken()) == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                if (t == com.fasterxml.jackson.core.JsonToken.VALUE_STRING && name.equals("rubric")) rubric = p.getText();
                else if (t == com.fasterxml.jackson.core.JsonToken.VALUE_STRING && name.equals("version")) version = p.getText();
                else p.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            // Malformed: what was read so far still names the version; the validator reports the rest.
        }
        return new Identity(rubric, version);
    }

    /**
     * The factory that reads a line: {@link #MAPPER}'s, or, for a line that holds the byte 0xFF, a copy of it
     * with no names read before. Jackson looks a field name up among the names its factory has read before
     * with the name's last bytes padded with 0xFF; a name that holds 0xFF itself (which UTF-8 never does)
     * can then be taken for a shorter one read earlier, and is never decoded, so the line's verdict would
     * depend on the lines before it. The generated validators do the same.
     */
    private static com.fasterxml.jackson.core.JsonFactory factory(RawLine raw) {
        byte[] b = raw.bytes();
        for (int i = raw.offset(), end = raw.offset() + raw.length(); i < end; i++) {
            if (b[i] == (byte) 0xFF) return MAPPER.getFactory().copy();
        }
        return MAPPER.getFactory();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
