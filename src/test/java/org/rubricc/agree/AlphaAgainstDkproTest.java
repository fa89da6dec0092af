package org.rubricc.agree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dkpro.statistics.agreement.InsufficientDataException;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.distance.IDistanceFunction;
import org.dkpro.statistics.agreement.distance.IntervalDistanceFunction;
import org.dkpro.statistics.agreement.distance.MASISetAnnotationDistanceFunction;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.dkpro.statistics.agreement.distance.OrdinalDistanceFunction;
import org.dkpro.statistics.agreement.distance.SetAnnotation;
import org.rubricc.agree.Alpha.Level;

/**
 * rubricc's own alpha (written for speed and resampling, see README "`rubricc agree`") gives DKPro
 * Statistics' {@code KrippendorffAlphaAgreement} figures on random reliability data: every level, missing
 * values, several coders. Units are generated with at least two values, as both count only pairable values.
 */
class AlphaAgainstDkproTest {
    static final int CODERS = 5;

    @Property(tries = 200)
    void nominal(@ForAll("data") int[][] units) {
        assertSame(Level.NOMINAL, new NominalDistanceFunction(), units, 4);
    }

    @Property(tries = 200)
    void ordinal(@ForAll("data") int[][] units) {
        assertSame(Level.ORDINAL, new OrdinalDistanceFunction(), units, 4);
    }

    @Property(tries = 200)
    void interval(@ForAll("data") int[][] units) {
        assertSame(Level.INTERVAL, new IntervalDistanceFunction(), units, 4);
    }

    /**
     * Values 0..7 are the subsets of three choices (bit i = choice i). DKPro's alpha is given Passonneau's MASI
     * distance, {@code 1 - J * M}, as rubricc and NLTK define it: DKPro's own {@code MASISetAnnotationDistanceFunction}
     * computes {@code (1 - J) * (1 - M)} instead (see {@link #dkproMasiIsAnotherFormula}).
     */
    @Property(tries = 200)
    void masi(@ForAll("sets") int[][] units) {
        IDistanceFunction masi = (study, a, b) -> Alpha.masiDistance(bits((SetAnnotation) a), bits((SetAnnotation) b));
        assertSame(Level.MASI, masi, units, 8);
    }

    /** Random data can draw one value everywhere: DKPro then refuses the study, and rubricc has no figure either. */
    @Example
    void oneValueEverywhereHasNoFigure() {
        int[][] units = {{2, 2, -1, -1, -1}, {2, 2, 2, -1, 2}};
        assertSame(Level.NOMINAL, new NominalDistanceFunction(), units, 4);
        assertSame(Level.ORDINAL, new OrdinalDistanceFunction(), units, 4);
        assertSame(Level.INTERVAL, new IntervalDistanceFunction(), units, 4);
    }

    @Example
    void masiDistanceAsPublished() {
        // Passonneau (2006): M = 1 equal, 2/3 subset, 1/3 overlap, 0 disjoint; NLTK's doctest, with M rounded to
        // 0.67: masi_distance({1, 2}, {1, 2, 3, 4}) = 0.665.
        assertEquals(1 - 0.5 * 2 / 3.0, Alpha.masiDistance(new long[] {0b11}, new long[] {0b1111}), 1e-12);
        assertEquals(0, Alpha.masiDistance(new long[] {0b101}, new long[] {0b101}), 1e-12);
        assertEquals(1 - 1 / 3.0 * 1 / 3.0, Alpha.masiDistance(new long[] {0b011}, new long[] {0b110}), 1e-12);
        assertEquals(1, Alpha.masiDistance(new long[] {0b001}, new long[] {0b110}), 1e-12);
        assertEquals(0, Alpha.masiDistance(new long[] {0}, new long[] {0}), 1e-12);
    }

    @Example
    void dkproMasiIsAnotherFormula() {
        double dkpro = new MASISetAnnotationDistanceFunction().measureDistance(null, set(0b11), set(0b01));
        assertEquals((1 - 0.5) * (1 - 2 / 3.0), dkpro, 1e-9);
        assertEquals(1 - 0.5 * 2 / 3.0, Alpha.masiDistance(new long[] {0b11}, new long[] {0b01}), 1e-12);
    }

    static long[] bits(SetAnnotation s) {
        long b = 0;
        for (Object o : s) b |= 1L << Integer.parseInt(((String) o).substring(1));
        return new long[] {b};
    }

    void assertSame(Level level, IDistanceFunction distance, int[][] units, int values) {
        Alpha.Builder b = Alpha.builder(level, values);
        for (int v = 0; v < values; v++) b.number(v, v).set(v, new long[] {v});
        CodingAnnotationStudy study = new CodingAnnotationStudy(CODERS);
        for (int[] unit : units) {
            int[] present = new int[CODERS];
            int m = 0;
            Object[] row = new Object[CODERS];
            for (int c = 0; c < CODERS; c++) {
                if (unit[c] < 0) continue;
                present[m++] = unit[c];
                row[c] = level == Level.MASI ? set(unit[c]) : Integer.valueOf(unit[c]);
            }
            b.unit(present, 0, m);
            study.addItemAsArray(row);
        }
        double ours = b.build().estimate().alpha();
        KrippendorffAlphaAgreement dkpro = new KrippendorffAlphaAgreement(study, distance);
        double theirs;
        try {
            theirs = dkpro.calculateAgreement();
        } catch (InsufficientDataException e) {
            theirs = Double.NaN; // every value drawn the same: DKPro refuses the study, rubricc has no figure
        }
        if (Double.isNaN(ours) || Double.isNaN(theirs) || Double.isInfinite(theirs)) {
            // no expected disagreement: both have no figure (DKPro says NaN or infinity, or refuses; rubricc NaN)
            assertEquals(true, Double.isNaN(ours) && (Double.isNaN(theirs) || Double.isInfinite(theirs)) || ours == theirs,
                    "ours " + ours + ", DKPro " + theirs);
            return;
        }
        assertEquals(theirs, ours, 1e-9);
    }

    static SetAnnotation set(int bits) {
        List<Object> choices = new ArrayList<>();
        for (int i = 0; i < 3; i++) if ((bits & (1 << i)) != 0) choices.add("c" + i);
        return new SetAnnotation(choices);
    }

    @Provide
    Arbitrary<int[][]> data() {
        return units(4);
    }

    @Provide
    Arbitrary<int[][]> sets() {
        return units(8);
    }

    /** Units of CODERS values each, -1 for missing, at least two present. */
    static Arbitrary<int[][]> units(int values) {
        Arbitrary<int[]> unit = Arbitraries.integers().between(-1, values - 1).array(int[].class).ofSize(CODERS)
                .filter(u -> java.util.Arrays.stream(u).filter(x -> x >= 0).count() >= 2);
        return unit.array(int[][].class).ofMinSize(2).ofMaxSize(30);
    }
}
