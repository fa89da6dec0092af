package org.rubricc.agree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.rubricc.agree.Alpha.Level;

/** What alpha must not depend on, and what the bootstrap must keep, on random reliability data. */
class AlphaPropertiesTest {
    static Alpha build(Level level, List<int[]> units) {
        Alpha.Builder b = Alpha.builder(level, 5);
        for (int v = 0; v < 5; v++) b.number(v, v + 1).set(v, new long[] {v + 1});
        for (int[] u : units) b.unit(u);
        return b.build();
    }

    static List<int[]> units(long seed) {
        Random r = new Random(seed);
        List<int[]> out = new ArrayList<>();
        int n = 2 + r.nextInt(40);
        for (int i = 0; i < n; i++) {
            int[] u = new int[r.nextInt(6)];
            for (int j = 0; j < u.length; j++) u[j] = r.nextInt(5);
            out.add(u);
        }
        return out;
    }

    @Property(tries = 300)
    void theOrderOfItemsAndOfRatersDoesNotMatter(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int level) {
        Level l = Level.values()[level];
        List<int[]> units = units(seed);
        double a = build(l, units).estimate().alpha();
        List<int[]> shuffled = new ArrayList<>();
        Random r = new Random(seed ^ 1);
        for (int[] u : units) {
            List<Integer> values = new ArrayList<>();
            for (int v : u) values.add(v);
            Collections.shuffle(values, r);
            shuffled.add(values.stream().mapToInt(Integer::intValue).toArray());
        }
        Collections.shuffle(shuffled, r);
        double b = build(l, shuffled).estimate().alpha();
        if (Double.isNaN(a)) assertTrue(Double.isNaN(b));
        else assertEquals(a, b, 1e-12);
    }

    @Property(tries = 100)
    void theBootstrapIsRepeatableAndWithinBounds(@ForAll long seed) {
        Alpha a = build(Level.ORDINAL, units(seed));
        double[] one = a.bootstrap(200, seed), two = a.bootstrap(200, seed);
        assertArrayEquals(one, two);
        for (int i = 1; i < one.length; i++) assertTrue(one[i - 1] <= one[i]);
        for (double x : one) assertTrue(x <= 1 + 1e-12, "alpha is at most 1: " + x);
    }
}
