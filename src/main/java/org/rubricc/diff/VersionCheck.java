package org.rubricc.diff;

import java.util.ArrayList;
import java.util.List;
import org.rubricc.diag.Code;
import org.rubricc.diag.Diagnostic;
import org.rubricc.model.Rubric;
import org.rubricc.model.Version;

/**
 * Whether two declared versions follow semantic versioning for what changed between them (README,
 * "rubricc diff --check-version"): a breaking change needs a major release, a recalibration a minor
 * one, a cosmetic change a patch; no change needs no bump. From 0.y.z, as Cargo reads semver, the
 * minor number is the major one: a breaking change needs 0.(y+1).0 and anything else 0.y.(z+1).
 * Pre-releases of the same version promise nothing to each other: from 2.0.0-rc.1 to 2.0.0-rc.2 or
 * 2.0.0, any change is allowed.
 */
public final class VersionCheck {
    private VersionCheck() {}

    /** The diagnostics of the check; empty when the versions are right. Spans point at the new file. */
    public static List<Diagnostic> check(Rubric oldRubric, Rubric newRubric, Diff diff) {
        List<Diagnostic> out = new ArrayList<>();
        Version o = oldRubric.version(), n = newRubric.version();
        if (!oldRubric.id().equals(newRubric.id())) {
            out.add(Diagnostic.of(Code.DIFFERENT_RUBRICS, newRubric.versionSpan(),
                    "`" + newRubric.id() + "` is not a version of rubric `" + oldRubric.id() + "`")
                    .withLabel("version of another rubric")
                    .withHint("compare two versions of one rubric: both files must start with `rubric " + oldRubric.id() + "`"));
            return out;
        }
        int cmp = n.compareTo(o);
        if (cmp < 0) {
            out.add(Diagnostic.of(Code.VERSION_NOT_NEWER, newRubric.versionSpan(),
                    "version " + n + " is older than version " + o + " it is compared with")
                    .withLabel("older than " + o)
                    .withHint("give the old version first: `rubricc diff --check-version OLD NEW`"));
            return out;
        }
        ChangeClass.Bump required = diff.requiredBump();
        ChangeClass.Bump declared = declared(o, n);
        if (declared.compareTo(required) < 0) {
            Version smallest = smallestAllowed(o, required);
            Change c = diff.decisive().orElseThrow();
            String what = required == ChangeClass.Bump.MAJOR ? "major" : required == ChangeClass.Bump.MINOR ? "minor" : "patch";
            String needs = o.major() == 0 && required != ChangeClass.Bump.PATCH
                    ? (required == ChangeClass.Bump.MAJOR ? "a new minor version below 1.0.0" : "a new patch version below 1.0.0")
                    : "a " + what + " version";
            out.add(Diagnostic.of(Code.VERSION_BUMP_TOO_SMALL, newRubric.versionSpan(),
                    (cmp == 0 ? "version " + n + " is unchanged" : "version " + n + " is a " + declared.label() + " release")
                            + ", but the changes from " + o + " need a " + required.label() + " release")
                    .withLabel("expected " + smallest + " or later")
                    .withHint("`" + c.rule().id() + "` at " + c.path() + " requires " + needs + " (" + smallest + ")"
                            + (diff.ofClass(c.changeClass()).size() > 1
                                    ? ", and so do " + (diff.ofClass(c.changeClass()).size() - 1) + " more " + c.changeClass().label() + " changes"
                                    : "")));
        }
        return out;
    }

    /** The bump from one version to the next, read the 0.y.z way below 1.0.0; MAJOR for any step from a pre-release of the same version. */
    static ChangeClass.Bump declared(Version o, Version n) {
        boolean sameCore = o.major() == n.major() && o.minor() == n.minor() && o.patch() == n.patch();
        if (sameCore) {
            if (!o.preRelease().isEmpty() && n.compareTo(o) > 0) return ChangeClass.Bump.MAJOR;
            return ChangeClass.Bump.NONE;
        }
        if (o.major() == 0) {
            if (n.major() > 0 || n.minor() > o.minor()) return ChangeClass.Bump.MAJOR;
            return n.patch() > o.patch() ? ChangeClass.Bump.MINOR : ChangeClass.Bump.NONE;
        }
        if (n.major() > o.major()) return ChangeClass.Bump.MAJOR;
        if (n.major() == o.major() && n.minor() > o.minor()) return ChangeClass.Bump.MINOR;
        if (n.major() == o.major() && n.minor() == o.minor() && n.patch() > o.patch()) return ChangeClass.Bump.PATCH;
        return ChangeClass.Bump.NONE;
    }

    /** The lowest version after {@code o} that declares at least {@code bump} ({@code o} itself for none). */
    public static Version smallestAllowed(Version o, ChangeClass.Bump bump) {
        if (bump == ChangeClass.Bump.NONE) return o;
        if (!o.preRelease().isEmpty()) return new Version(o.major(), o.minor(), o.patch(), "", "");
        if (o.major() == 0) {
            return bump == ChangeClass.Bump.MAJOR ? new Version(0, o.minor() + 1, 0, "", "")
                    : new Version(0, o.minor(), o.patch() + 1, "", "");
        }
        return switch (bump) {
            case MAJOR -> new Version(o.major() + 1, 0, 0, "", "");
            case MINOR -> new Version(o.major(), o.minor() + 1, 0, "", "");
            default -> new Version(o.major(), o.minor(), o.patch() + 1, "", "");
        };
    }
}
