package org.rubricc.testing;

import java.util.List;
import java.util.Random;
import org.rubricc.model.TextPattern;

/** Texts for text patterns: ones drawn from a pattern (so they match it) and tricky ones near them. */
public final class PatternSampler {
    /** Characters on which the engines' defaults differ, if a pattern let them: Unicode digits, spaces, letters, line ends. */
    public static final List<Integer> TRICKY = List.of((int) 'a', (int) 'b', (int) 'Z', (int) '0', (int) '7', (int) '_', (int) '-',
            (int) ' ', (int) '\t', (int) '\n', (int) '\r', 0x0B, 0x0C, 0x85, 0xA0, 0x2028, 0x2029, 0x3000, 0xFEFF, 0x0660, 0xFF11,
            0xE9, 0x212A, 0x1F600, 0x1D7D8, 0x10FFFF, (int) '.', (int) '/', (int) ':', (int) '&', (int) '[', (int) '\\', 0xD7FF, 0xE000);

    private final Random random;
    private final boolean gentle;

    public PatternSampler(Random random) {
        this(random, false);
    }

    /**
     * A gentle sampler draws texts as a rater would mostly write them: repetitions seldom go beyond their
     * minimum and tricky characters are never control characters (which JSON must escape), so most ratings
     * stay plain for the byte reader; the other one goes for the edges.
     */
    public PatternSampler(Random random, boolean gentle) {
        this.random = random;
        this.gentle = gentle;
    }

    /** A text the pattern matches. */
    public String matching(TextPattern.Regex r) {
        StringBuilder b = new StringBuilder();
        draw(r, b);
        return b.toString();
    }

    private void draw(TextPattern.Regex r, StringBuilder b) {
        if (r instanceof TextPattern.Chars c) {
            b.appendCodePoint(pick(c.set()));
        } else if (r instanceof TextPattern.Seq s) {
            s.parts().forEach(p -> draw(p, b));
        } else if (r instanceof TextPattern.Alt a) {
            draw(a.options().get(random.nextInt(a.options().size())), b);
        } else {
            TextPattern.Repeat rep = (TextPattern.Repeat) r;
            int hi = rep.max() == -1 ? rep.min() + 4 : Math.min(rep.max(), rep.min() + 4);
            int n = gentle && random.nextInt(8) != 0 ? rep.min() : rep.min() + random.nextInt(hi - rep.min() + 1);
            for (int i = 0; i < n; i++) draw(rep.body(), b);
        }
    }

    /** A character of the set: often a tricky one, otherwise any (never a surrogate, which JSON text cannot carry alone). */
    public int pick(TextPattern.CharSet set) {
        if (random.nextBoolean()) {
            List<Integer> in = TRICKY.stream().filter(set::contains).filter(c -> !gentle || (c >= 0x20 && c != '\\')).toList();
            if (!in.isEmpty()) return in.get(random.nextInt(in.size()));
        }
        int[] r = set.ranges();
        for (int tries = 0; tries < 100; tries++) {
            int k = random.nextInt(r.length / 2) * 2;
            long span = (long) r[k + 1] - r[k] + 1;
            int cp = r[k] + (int) (random.nextDouble() * span);
            if ((cp < 0xD800 || cp > 0xDFFF) && !(gentle && (cp < 0x20 || cp == '\\' || cp == '"'))) return cp;
        }
        return r[0];
    }

    /** The text with one random edit (a tricky character inserted or replacing one, or one removed). */
    public String edit(String text) {
        int[] cps = text.codePoints().toArray();
        int at = random.nextInt(cps.length + 1);
        StringBuilder b = new StringBuilder();
        int kind = random.nextInt(3);
        for (int i = 0; i <= cps.length; i++) {
            if (i == at && kind != 2) b.appendCodePoint(TRICKY.get(random.nextInt(TRICKY.size())));
            if (i < cps.length && !(i == at && kind != 0)) b.appendCodePoint(cps[i]);
        }
        return b.toString();
    }

    /** A short text of tricky characters. */
    public String tricky(int max) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(max + 1);
        for (int i = 0; i < n; i++) b.appendCodePoint(TRICKY.get(random.nextInt(TRICKY.size())));
        return b.toString();
    }
}
