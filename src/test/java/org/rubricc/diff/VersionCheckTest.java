package org.rubricc.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.rubricc.diff.ChangeClass.Bump;
import org.rubricc.model.Version;

class VersionCheckTest {
    static Version v(String s) {
        return Version.parse(s).orElseThrow();
    }

    @Test
    void declaredBumps() {
        assertEquals(Bump.MAJOR, VersionCheck.declared(v("1.4.2"), v("2.0.0")));
        assertEquals(Bump.MINOR, VersionCheck.declared(v("1.4.2"), v("1.5.0")));
        assertEquals(Bump.PATCH, VersionCheck.declared(v("1.4.2"), v("1.4.3")));
        assertEquals(Bump.NONE, VersionCheck.declared(v("1.4.2"), v("1.4.2+build.7")));
        assertEquals(Bump.MAJOR, VersionCheck.declared(v("1.4.2"), v("2.0.0-rc.1")), "a pre-release of a major version");
        assertEquals(Bump.MAJOR, VersionCheck.declared(v("2.0.0-rc.1"), v("2.0.0-rc.2")), "pre-releases promise nothing");
        assertEquals(Bump.MAJOR, VersionCheck.declared(v("2.0.0-rc.1"), v("2.0.0")));
    }

    @Test
    void belowOneTheMinorNumberIsTheMajorOne() {
        assertEquals(Bump.MAJOR, VersionCheck.declared(v("0.3.1"), v("0.4.0")));
        assertEquals(Bump.MAJOR, VersionCheck.declared(v("0.3.1"), v("1.0.0")));
        assertEquals(Bump.MINOR, VersionCheck.declared(v("0.3.1"), v("0.3.2")), "a patch below 1.0.0 may recalibrate");
        assertEquals(v("0.4.0"), VersionCheck.smallestAllowed(v("0.3.1"), Bump.MAJOR));
        assertEquals(v("0.3.2"), VersionCheck.smallestAllowed(v("0.3.1"), Bump.MINOR));
        assertEquals(v("0.3.2"), VersionCheck.smallestAllowed(v("0.3.1"), Bump.PATCH));
    }

    @Test
    void smallestAllowedVersions() {
        assertEquals(v("2.0.0"), VersionCheck.smallestAllowed(v("1.4.2"), Bump.MAJOR));
        assertEquals(v("1.5.0"), VersionCheck.smallestAllowed(v("1.4.2"), Bump.MINOR));
        assertEquals(v("1.4.3"), VersionCheck.smallestAllowed(v("1.4.2"), Bump.PATCH));
        assertEquals(v("1.4.2"), VersionCheck.smallestAllowed(v("1.4.2"), Bump.NONE));
        assertEquals(v("2.0.0"), VersionCheck.smallestAllowed(v("2.0.0-rc.1"), Bump.MAJOR));
    }
}
