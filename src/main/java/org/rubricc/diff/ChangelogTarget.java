package org.rubricc.diff;

import java.util.ArrayList;
import java.util.List;
import org.rubricc.backend.GeneratedFile;
import org.rubricc.backend.Target;
import org.rubricc.docs.DocsTarget;
import org.rubricc.backend.Markdown;
import org.rubricc.model.Rubric;

/**
 * `rubricc compile --target changelog`: for each rubric, {@code CHANGELOG.md} (every version given,
 * newest first, with the changes from the version before it) and, for every version after the first,
 * {@code <version>/calibration-notice.md} (the notice from the version before it); each also as an HTML page
 * ({@code CHANGELOG.html}, {@code calibration-notice.html}) that links to the HTML guidelines, for raters who
 * read in a browser. Reads the models only.
 */
public final class ChangelogTarget implements Target {
    @Override
    public String name() {
        return "changelog";
    }

    @Override
    public List<GeneratedFile> generate(Rubric rubric, Options options) {
        return List.of();
    }

    @Override
    public List<GeneratedFile> generateHistory(List<Rubric> versions, Options options) {
        List<GeneratedFile> out = new ArrayList<>();
        List<Diff> diffs = new ArrayList<>();
        for (int i = 1; i < versions.size(); i++) {
            Diff d = Diff.between(versions.get(i - 1), versions.get(i));
            diffs.add(d);
            out.add(GeneratedFile.text(versions.get(i).version() + "/calibration-notice.md", Notice.forCompile(d)));
            out.add(GeneratedFile.text(versions.get(i).version() + "/calibration-notice.html", Notice.forCompileHtml(d)));
        }
        out.add(0, GeneratedFile.text("CHANGELOG.html", DocsTarget.page("Changelog: " + versions.get(versions.size() - 1).title(),
                changelog(versions, diffs, "html"))));
        out.add(0, GeneratedFile.text("CHANGELOG.md", changelog(versions, diffs, "md")));
        return out;
    }

    static String changelog(List<Rubric> versions, List<Diff> diffs) {
        return changelog(versions, diffs, "md");
    }

    /** @param ext the extension of the pages the changelog links to: {@code md} or {@code html} */
    static String changelog(List<Rubric> versions, List<Diff> diffs, String ext) {
        Rubric newest = versions.get(versions.size() - 1);
        StringBuilder md = new StringBuilder();
        md.append("# Changelog: ").append(Markdown.inline(newest.title())).append("\n\n");
        md.append("Every version of rubric `").append(newest.id()).append("` given to the compiler, newest first. ")
                .append("Each change has its rule id and class (see rubricc's README, \"rubricc diff\").\n\n");
        for (int i = versions.size() - 1; i >= 0; i--) {
            Rubric r = versions.get(i);
            String v = r.version().toString();
            md.append("## ").append(Markdown.inline(v)).append("\n\n");
            if (i == 0) {
                md.append("The first version. [Guidelines](").append(v).append("/guidelines.").append(ext).append(").\n\n");
                continue;
            }
            Diff d = diffs.get(i - 1);
            String from = versions.get(i - 1).version().toString();
            ChangeClass.Bump declared = VersionCheck.declared(versions.get(i - 1).version(), r.version());
            md.append(summary(d, from)).append(" [Calibration notice](").append(v).append("/calibration-notice.").append(ext)
                    .append("), [guidelines](").append(v).append("/guidelines.").append(ext).append(").");
            if (declared.compareTo(d.requiredBump()) < 0) {
                md.append(" **Warning:** declared as a ").append(declared.label()).append(" release, but the changes need a ")
                        .append(d.requiredBump().label()).append(" release (")
                        .append(VersionCheck.smallestAllowed(versions.get(i - 1).version(), d.requiredBump())).append(").");
            }
            md.append("\n\n");
            List<String> descriptions = Notice.descriptions(d);
            for (int k = 0; k < d.changes().size(); k++) {
                Change c = d.changes().get(k);
                md.append("- *").append(c.changeClass().label()).append("* `").append(c.rule().id()).append("` `")
                        .append(c.path()).append("`: ").append(descriptions.get(k)).append('\n');
            }
            if (!d.changes().isEmpty()) md.append('\n').append(migration(d, from)).append("\n\n");
        }
        return DocsTarget.normalise(md.toString());
    }

    /**
     * What `rubricc migrate` does with ratings of the version before, from the diff alone: whether every rating,
     * some or none need part of them made again, and the changes that decide it.
     */
    private static String migration(Diff d, String from) {
        List<String> rerate = new ArrayList<>(), leftOut = new ArrayList<>(), everyRating = new ArrayList<>();
        for (Change c : d.changes()) {
            String at = "`" + c.rule().id() + "` at `" + c.path() + "`";
            if (c.rule().carry() == ChangeRule.Carry.LEFT_OUT) leftOut.add(at);
            if (c.rule().carry() != ChangeRule.Carry.RERATE) continue;
            rerate.add(at);
            boolean always = c.subject().newId().flatMap(id -> d.newRubric().dimension(id))
                    .map(x -> x.required() && d.newRubric().skipCondition(x).isEmpty()).orElse(false);
            if (always && (c.rule() == ChangeRule.DIMENSION_ADDED_REQUIRED || c.rule() == ChangeRule.SCALE_KIND_CHANGED)) {
                everyRating.add("`" + c.path() + "`");
            }
        }
        String head = "**Ratings made under " + Markdown.inline(from) + "** (`rubricc migrate`): ";
        String left = leftOut.isEmpty() ? "" : " Answers left out (and recorded): " + String.join(", ", leftOut) + ".";
        if (rerate.isEmpty()) return head + "every rating carries over automatically." + left;
        String which = String.join(", ", rerate) + ".";
        if (!everyRating.isEmpty()) {
            return head + "every rating needs part of it made again: every item is now asked " + String.join(", ", everyRating)
                    + ". The rest carries over, except the parts these changes apply to: " + which + left;
        }
        return head + "ratings carry over automatically, except the parts these changes apply to, which are made again: "
                + which + left;
    }

    private static String summary(Diff d, String from) {
        if (d.changes().isEmpty()) return "No changes from " + Markdown.inline(from) + ".";
        long b = d.ofClass(ChangeClass.BREAKING).size(), r = d.ofClass(ChangeClass.RECALIBRATE).size(),
                c = d.ofClass(ChangeClass.COSMETIC).size();
        List<String> parts = new ArrayList<>();
        if (b > 0) parts.add(b + " breaking");
        if (r > 0) parts.add(r + " to recalibrate");
        if (c > 0) parts.add(c + " cosmetic");
        String kind = switch (d.requiredBump()) {
            case MAJOR -> "A breaking release";
            case MINOR -> "A recalibration release";
            default -> "A cosmetic release";
        };
        return kind + " from " + Markdown.inline(from) + ": " + String.join(", ", parts) + " change"
                + (b + r + c == 1 ? "" : "s") + ".";
    }
}
