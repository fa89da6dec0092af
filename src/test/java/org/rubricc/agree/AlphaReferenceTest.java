package org.rubricc.agree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rubricc.agree.Alpha.Level;

/**
 * Alpha reproduces published figures to three decimals. Sources: Krippendorff, "Computing Krippendorff's
 * Alpha-Reliability" (2011), sections A-D; and the documented example of R's irr::kripp.alpha (the same
 * reliability data as section D, there given coder by unit with NA for missing values).
 */
class AlphaReferenceTest {
    /** Section D: 4 observers, 12 units, values 1-5, missing data (0 = missing). */
    static final int[][] SECTION_D = {
            {1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0},
            {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3},
            {0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0},
            {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0}};

    /** The data of irr::kripp.alpha's example, as R fills matrix(c(...), nrow = 4): column by column. */
    static final double[] IRR_NMM = {1, 1, Double.NaN, 1, 2, 2, 3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 1, 2, 3, 4,
            4, 4, 4, 4, 1, 1, 2, 1, 2, 2, 2, 2, Double.NaN, 5, 5, 5, Double.NaN, Double.NaN, 1, 1, Double.NaN,
            Double.NaN, 3, Double.NaN};

    /** Coders by units, 0 = missing, values 1..5 as ids 0..4 with their numbers. */
    static Alpha alpha(Level level, int[][] coders, int values) {
        Alpha.Builder b = Alpha.builder(level, values);
        for (int v = 0; v < values; v++) b.number(v, v + 1);
        for (int u = 0; u < coders[0].length; u++) {
            int[] unit = new int[coders.length];
            int m = 0;
            for (int[] coder : coders) if (coder[u] != 0) unit[m++] = coder[u] - 1;
            b.unit(unit, 0, m);
        }
        return b.build();
    }

    @Test
    void sectionDNominalOrdinalInterval() {
        assertEquals(0.743, alpha(Level.NOMINAL, SECTION_D, 5).estimate().alpha(), 0.0005);
        assertEquals(0.815, alpha(Level.ORDINAL, SECTION_D, 5).estimate().alpha(), 0.0005);
        assertEquals(0.849, alpha(Level.INTERVAL, SECTION_D, 5).estimate().alpha(), 0.0005);
        Alpha.Estimate e = alpha(Level.NOMINAL, SECTION_D, 5).estimate();
        assertEquals(11, e.units(), "unit 12 has a single value and is not pairable");
        assertEquals(40, e.pairableValues(), 1e-9, "n.. = 40 in the paper's coincidence matrix");
    }

    @Test
    void sectionDCoincidenceMatrixAsPublished() {
        // The paper's coincidence matrix row for value 1: o11 = 7, o12 = 4/3, o13 = 1/3, o14 = 1/3, n1 = 9.
        double[] row = new double[5];
        for (Alpha.Cell c : alpha(Level.NOMINAL, SECTION_D, 5).coincidences()) if (c.c() == 0) row[c.k()] += c.count();
        assertEquals(7, row[0], 1e-9);
        assertEquals(4.0 / 3, row[1], 1e-9);
        assertEquals(1.0 / 3, row[2], 1e-9);
        assertEquals(1.0 / 3, row[3], 1e-9);
        assertEquals(9, Arrays.stream(row).sum(), 1e-9);
    }

    @Test
    void irrKrippAlphaDocumentedExample() {
        // irr's documentation: nominal 0.743, ordinal 0.815, interval 0.849, on the matrix read column by column.
        int[][] coders = new int[4][12];
        for (int i = 0; i < IRR_NMM.length; i++) {
            double v = IRR_NMM[i];
            coders[i % 4][i / 4] = Double.isNaN(v) ? 0 : (int) v;
        }
        assertEquals(0.743, alpha(Level.NOMINAL, coders, 5).estimate().alpha(), 0.0005);
        assertEquals(0.815, alpha(Level.ORDINAL, coders, 5).estimate().alpha(), 0.0005);
        assertEquals(0.849, alpha(Level.INTERVAL, coders, 5).estimate().alpha(), 0.0005);
    }

    @Test
    void sectionATwoObserversBinary() {
        int[][] coders = {{1, 2, 1, 1, 1, 1, 1, 1, 2, 1}, {2, 2, 2, 1, 1, 2, 1, 1, 1, 1}};
        assertEquals(0.095, alpha(Level.NOMINAL, coders, 2).estimate().alpha(), 0.0005);
    }

    @Test
    void sectionBTwoObserversNominal() {
        // a b c d e as 1..5
        int[][] coders = {{1, 1, 2, 2, 4, 3, 3, 3, 5, 4, 4, 1}, {2, 1, 2, 2, 2, 3, 3, 3, 5, 4, 4, 4}};
        assertEquals(0.692, alpha(Level.NOMINAL, coders, 5).estimate().alpha(), 0.0005);
    }

    @Test
    void perfectAgreementAndNoVariation() {
        assertEquals(1.0, alpha(Level.ORDINAL, new int[][] {{1, 2, 3}, {1, 2, 3}}, 3).estimate().alpha(), 1e-12);
        assertTrue(Double.isNaN(alpha(Level.NOMINAL, new int[][] {{2, 2, 2}, {2, 2, 2}}, 3).estimate().alpha()),
                "one value everywhere: no expected disagreement, alpha undefined");
    }

    @Test
    void bootstrapIsDeterministicAndBracketsTheEstimate() {
        Alpha a = alpha(Level.INTERVAL, SECTION_D, 5);
        double[] one = a.bootstrap(2000, 42), two = a.bootstrap(2000, 42);
        assertTrue(Arrays.equals(one, two));
        double[] ci = Alpha.percentileInterval(one, 0.95);
        assertTrue(ci[0] < 0.849 && 0.849 < ci[1], Arrays.toString(ci));
    }
}
