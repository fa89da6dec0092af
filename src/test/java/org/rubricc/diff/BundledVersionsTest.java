package org.rubricc.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rubricc.model.Rubric;

/** The bundled rubric versions are versioned honestly: each passes `rubricc diff --check-version` against the one before. */
class BundledVersionsTest {
    record Step(String id, String from, String to, ChangeClass.Bump bump) {}

    static final List<Step> STEPS = List.of(
            new Step("image-edit", "1.0.0", "1.1.0", ChangeClass.Bump.MINOR),
            new Step("image-edit", "1.1.0", "2.0.0", ChangeClass.Bump.MAJOR),
            new Step("image-quality", "1.0.0", "1.1.0", ChangeClass.Bump.MINOR),
            new Step("image-quality", "1.1.0", "1.2.0", ChangeClass.Bump.MINOR));

    @Test
    void eachBundledVersionDeclaresTheBumpItsChangesNeed() {
        for (Step s : STEPS) {
            Rubric o = NoticeTest.bundled(s.id(), s.from()), n = NoticeTest.bundled(s.id(), s.to());
            Diff d = Diff.between(o, n);
            assertEquals(s.bump(), d.requiredBump(), s + ": " + d.changes());
            assertEquals(List.of(), VersionCheck.check(o, n, d), s.toString());
        }
    }

    @Test
    void imageEdit11IsAMinorReleaseBecauseJustificationThresholdsRecalibrate() {
        Diff d = Diff.between(NoticeTest.bundled("image-edit", "1.0.0"), NoticeTest.bundled("image-edit", "1.1.0"));
        Change j = d.changes().stream().filter(c -> c.rule() == ChangeRule.JUSTIFICATION_CHANGED).findFirst().orElseThrow();
        assertEquals("dimension:adherence/justify:1", j.path());
        assertEquals(ChangeClass.RECALIBRATE, j.changeClass());
    }
}
