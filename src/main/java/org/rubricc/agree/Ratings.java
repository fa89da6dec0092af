package org.rubricc.agree;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rubricc.model.Dimension;
import org.rubricc.model.Rubric;
import org.rubricc.model.Scale;
import org.rubricc.model.Value;
import org.rubricc.validate.RatingsReader;
import org.rubricc.validate.Validator;
import org.rubricc.validate.Violation;

/**
 * The ratings of one rubric, read as a stream and kept compactly: per version, per dimension, a column
 * of (rating, value id) pairs, ints only, so a million ratings take a few tens of megabytes. Every line
 * is judged by {@link Validator} against the version it names; a line that is not valid there, names a
 * version not given, or repeats a rater's rating of an item, is left out and recorded with the reason.
 * Gold answers are read the same way, one per item and version.
 */
public final class Ratings {
    /** At most this many left-out lines are kept with their reasons; all are counted. */
    static final int KEPT_LEFT_OUT = 1000;

    /** A line that was not used, and why. */
    public record LeftOut(String file, long line, String reason) {}

    final String rubricId;
    final String rubricTitle;
    /** By version string, oldest first. */
    final Map<String, VersionData> versions = new LinkedHashMap<>();
    final Names items = new Names();
    final Names raters = new Names();
    final List<LeftOut> leftOut = new ArrayList<>();
    long leftOutTotal;
    long lines;
    final List<String> files = new ArrayList<>();
    String goldFile;
    long goldLines;
    /** Lines of the gold file left out (they are among {@link #leftOutTotal}). */
    long goldLeftOut;
    private boolean readingGold;

    public Ratings(List<Rubric> rubrics) {
        List<Rubric> sorted = new ArrayList<>(rubrics);
        sorted.sort((a, b) -> a.version().compareTo(b.version()));
        this.rubricId = sorted.get(0).id();
        this.rubricTitle = sorted.get(sorted.size() - 1).title();
        for (Rubric r : sorted) versions.put(r.version().toString(), new VersionData(r));
    }

    /** Reads one ratings file (or stream) to its end; {@code shown} names it in the report. */
    public void read(InputStream in, String shown) throws IOException {
        files.add(shown);
        try (RatingsReader reader = new RatingsReader(in)) {
            RatingsReader.RawLine raw;
            while ((raw = reader.nextRaw()) != null) {
                lines++;
                accept(RatingsReader.parse(raw), shown, false);
            }
        }
    }

    /** Reads the gold answers: ratings in the same format, one per item and version; the rater is not used. */
    public void readGold(InputStream in, String shown) throws IOException {
        goldFile = shown;
        readingGold = true;
        try (RatingsReader reader = new RatingsReader(in)) {
            RatingsReader.RawLine raw;
            while ((raw = reader.nextRaw()) != null) {
                goldLines++;
                accept(RatingsReader.parse(raw), shown, true);
            }
        }
        // Gold for an item that no rating of that version names cannot be compared with anything.
        for (VersionData v : versions.values()) {
            v.gold.entrySet().removeIf(e -> {
                if (v.ratedItems.get(e.getKey())) return false;
                leave(shown, e.getValue().line, "gold answer for item \"" + items.name(e.getKey())
                        + "\", which no rating under " + rubricId + " " + v.rubric.version() + " names");
                return true;
            });
        }
        readingGold = false;
    }

    private void accept(RatingsReader.Line line, String file, boolean gold) {
        JsonNode node = line.value();
        if (node == null) {
            leave(file, line.number(), line.error());
            return;
        }
        JsonNode version = node.isObject() ? node.get("version") : null;
        VersionData v = version != null && version.isTextual() ? versions.get(version.textValue()) : null;
        if (v == null) {
            // Judge it against the newest version given: its message says what is wrong (rubric, version, shape).
            VersionData newest = null;
            for (VersionData x : versions.values()) newest = x;
            List<Violation> vs = newest.validator.validate(node);
            if (version != null && version.isTextual() && vs.stream().noneMatch(x -> x.path().equals("/rubric"))) {
                leave(file, line.number(), "/version: version " + version.textValue() + " of " + rubricId
                        + " is not among the versions given (" + String.join(", ", versions.keySet()) + ")");
            } else {
                leave(file, line.number(), describe(vs));
            }
            return;
        }
        List<Violation> vs = v.validator.validate(node);
        if (!vs.isEmpty()) {
            leave(file, line.number(), describe(vs));
            return;
        }
        int item = items.id(node.get("item").textValue());
        JsonNode answers = node.get("answers");
        if (gold) {
            if (v.gold.containsKey(item)) {
                leave(file, line.number(), "a second gold answer for item \"" + items.name(item) + "\" under version "
                        + v.rubric.version() + " (the first is on line " + v.gold.get(item).line + ")");
                return;
            }
            int[] values = new int[v.columns.size()];
            for (int c = 0; c < values.length; c++) values[c] = v.columns.get(c).valueOf(answers);
            v.gold.put(item, new Gold(values, line.number()));
            return;
        }
        int rater = raters.id(node.get("rater").textValue());
        long key = ((long) item << 32) | rater;
        int index = v.ratingCount;
        long first = v.seen.putIfAbsent(key, line.number());
        if (first >= 0) {
            leave(file, line.number(), "a second rating of item \"" + items.name(item) + "\" by rater \"" + raters.name(rater)
                    + "\" under version " + v.rubric.version() + " (the first is on line " + first + ")");
            return;
        }
        v.item.add(item);
        v.rater.add(rater);
        v.ratingCount++;
        v.ratedItems.set(item);
        for (Column c : v.columns) {
            int value = c.valueOf(answers);
            if (value >= 0) {
                c.rating.add(index);
                c.value.add(value);
            } else if (value == Column.NOT_APPLICABLE) {
                c.notApplicable++;
            }
        }
    }

    private static String describe(List<Violation> vs) {
        StringBuilder b = new StringBuilder();
        for (Violation x : vs) {
            if (b.length() > 0) b.append("; ");
            b.append(x.path().isEmpty() ? "" : x.path() + ": ").append(x.message());
        }
        return b.toString();
    }

    private void leave(String file, long line, String reason) {
        leftOutTotal++;
        if (readingGold) goldLeftOut++;
        if (leftOut.size() < KEPT_LEFT_OUT) leftOut.add(new LeftOut(file, line, reason));
    }

    /** One version's accepted ratings. */
    static final class VersionData {
        final Rubric rubric;
        final Validator validator;
        final List<Column> columns = new ArrayList<>();
        final List<Dimension> textDimensions = new ArrayList<>();
        final IntList item = new IntList();
        final IntList rater = new IntList();
        int ratingCount;
        final LongLongMap seen = new LongLongMap();
        final java.util.BitSet ratedItems = new java.util.BitSet();
        final Map<Integer, Gold> gold = new HashMap<>();

        VersionData(Rubric rubric) {
            this.rubric = rubric;
            this.validator = new Validator(rubric);
            for (Dimension d : rubric.dimensions()) {
                if (d.scale() instanceof Scale.Text) textDimensions.add(d);
                else columns.add(new Column(d));
            }
        }
    }

    /** A gold answer: a value id per column (or {@link Column#MISSING}, {@link Column#NOT_APPLICABLE}). */
    record Gold(int[] values, long line) {}

    /**
     * One dimension's answers. Values are ids into a table: the scale's points, choices or booleans in
     * scale order, or, for ranges and multi-selects, each distinct number or set as first seen.
     */
    static final class Column {
        static final int MISSING = -1;
        static final int NOT_APPLICABLE = -2;

        final Dimension dimension;
        final Alpha.Level level;
        final IntList rating = new IntList();
        final IntList value = new IntList();
        long notApplicable;
        final List<Value> values = new ArrayList<>();
        final List<double[]> numbers = new ArrayList<>();
        final List<long[]> sets = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> choiceIndex = new HashMap<>();

        Column(Dimension d) {
            this.dimension = d;
            Scale s = d.scale();
            if (s instanceof Scale.Ordinal o) {
                level = Alpha.Level.ORDINAL;
                for (Scale.Point p : o.points()) add(p.asValue().toSource(), p.asValue(), p.value().doubleValue(), null);
            } else if (s instanceof Scale.Numeric) {
                level = Alpha.Level.INTERVAL;
            } else if (s instanceof Scale.Categorical c) {
                level = Alpha.Level.NOMINAL;
                for (Scale.Choice ch : c.choices()) add(ch.id(), new Value.Choice(ch.id()), 0, null);
            } else if (s instanceof Scale.Bool) {
                level = Alpha.Level.NOMINAL;
                add("false", new Value.Bool(false), 0, null);
                add("true", new Value.Bool(true), 1, null);
            } else {
                level = Alpha.Level.MASI;
                List<Scale.Choice> choices = ((Scale.MultiSelect) s).choices();
                for (int i = 0; i < choices.size(); i++) choiceIndex.put(choices.get(i).id(), i);
            }
        }

        private int add(String key, Value v, double number, long[] set) {
            int id = values.size();
            index.put(key, id);
            values.add(v);
            numbers.add(new double[] {number});
            sets.add(set);
            return id;
        }

        /** The value id of this dimension's answer in a valid rating, or MISSING, or NOT_APPLICABLE. */
        int valueOf(JsonNode answers) {
            JsonNode a = answers.get(dimension.id());
            if (a == null) return MISSING;
            if (a.isTextual() && dimension.notApplicable().isPresent() && a.textValue().equals("n/a")) return NOT_APPLICABLE;
            switch (level) {
                case ORDINAL:
                case INTERVAL: {
                    Value.Number n = new Value.Number(a.decimalValue());
                    String key = n.toSource();
                    Integer id = index.get(key);
                    return id != null ? id : add(key, n, n.value().doubleValue(), null);
                }
                case NOMINAL: {
                    Integer id = index.get(a.isBoolean() ? Boolean.toString(a.booleanValue()) : a.textValue());
                    return id;
                }
                default: {
                    long[] bits = new long[(choiceIndex.size() + 63) / 64];
                    for (JsonNode c : a) {
                        int i = choiceIndex.get(c.textValue());
                        bits[i >> 6] |= 1L << (i & 63);
                    }
                    String key = Arrays.toString(bits);
                    Integer id = index.get(key);
                    return id != null ? id : add(key, null, 0, bits);
                }
            }
        }

        /** The position of a point on an ordinal scale (0-based), for "within one point". */
        int rank(int valueId) {
            return valueId; // ordinal columns list the scale's points in order
        }

        /** The choices of a multi-select value, in scale order. */
        List<Scale.Choice> choices(int valueId) {
            List<Scale.Choice> all = ((Scale.MultiSelect) dimension.scale()).choices();
            long[] bits = sets.get(valueId);
            List<Scale.Choice> out = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) if ((bits[i >> 6] & (1L << (i & 63))) != 0) out.add(all.get(i));
            return out;
        }

        Alpha.Builder builder() {
            Alpha.Builder b = Alpha.builder(level, values.size());
            for (int v = 0; v < values.size(); v++) {
                b.number(v, numbers.get(v)[0]);
                if (sets.get(v) != null) b.set(v, sets.get(v));
            }
            return b;
        }
    }

    /** Interned names (items, raters): each distinct string gets the next id. */
    static final class Names {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        int id(String name) {
            Integer id = ids.get(name);
            if (id != null) return id;
            ids.put(name, names.size());
            names.add(name);
            return names.size() - 1;
        }

        String name(int id) {
            return names.get(id);
        }

        int size() {
            return names.size();
        }
    }

    /** A growable int array. */
    static final class IntList {
        int[] a = new int[16];
        int size;

        void add(int x) {
            if (size == a.length) a = Arrays.copyOf(a, size * 2);
            a[size++] = x;
        }

        int get(int i) {
            return a[i];
        }
    }

    /** An open-addressing map from non-negative long keys to long values (-1 = absent). */
    static final class LongLongMap {
        private long[] keys = new long[1 << 10];
        private long[] vals = new long[1 << 10];
        private int size;

        LongLongMap() {
            Arrays.fill(keys, -1);
        }

        /** Puts the value unless the key is there; returns the value already there, or -1. */
        long putIfAbsent(long key, long value) {
            if (size * 2 >= keys.length) grow();
            int mask = keys.length - 1;
            int i = (int) (mix(key) & mask);
            while (keys[i] != -1) {
                if (keys[i] == key) return vals[i];
                i = (i + 1) & mask;
            }
            keys[i] = key;
            vals[i] = value;
            size++;
            return -1;
        }

        private static long mix(long x) {
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 33;
            return x;
        }

        private void grow() {
            long[] ok = keys, ov = vals;
            keys = new long[ok.length * 2];
            vals = new long[ok.length * 2];
            Arrays.fill(keys, -1);
            size = 0;
            for (int i = 0; i < ok.length; i++) if (ok[i] != -1) putIfAbsent(ok[i], ov[i]);
        }
    }
}
