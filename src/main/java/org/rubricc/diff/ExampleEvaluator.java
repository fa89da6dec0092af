package org.rubricc.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rubricc.model.Dimension;
import org.rubricc.model.Value;

/**
 * A dimension's examples. Old example values are read in the new version's terms (so an example whose
 * point was renumbered along with it is unchanged). Examples are paired: same value and text first, then
 * the same text (its value changed), then the same value (its text changed), in order.
 */
final class ExampleEvaluator implements DimensionEvaluator.PairEvaluator {
    @Override
    public void evaluate(Report r, Dimension od, Dimension nd, Change.Subject s, String path) {
        List<Dimension.Example> olds = new ArrayList<>(od.examples()), news = new ArrayList<>(nd.examples());
        List<Optional<Value>> mapped = new ArrayList<>();
        for (Dimension.Example e : olds) mapped.add(r.m.mapValue(od.id(), e.value()));
        boolean[] oldUsed = new boolean[olds.size()], newUsed = new boolean[news.size()];
        // Paths are unique within a diff: the second example of a value is `example:2#2`, and so on.
        List<String> newPaths = new ArrayList<>();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (Dimension.Example e : news) newPaths.add(path(path, e.value(), seen.merge(e.value().toSource(), 1, Integer::sum)));
        java.util.Map<String, Integer> removedCount = new java.util.HashMap<>();
        // 1. Same value, same words (typography may differ).
        for (int j = 0; j < news.size(); j++) {
            for (int i = 0; i < olds.size(); i++) {
                if (oldUsed[i] || newUsed[j]) continue;
                if (mapped.get(i).equals(Optional.of(news.get(j).value()))
                        && Texts.compare(olds.get(i).text(), news.get(j).text()) != Texts.Difference.WORDS) {
                    oldUsed[i] = newUsed[j] = true;
                    r.text(ChangeRule.EXAMPLE_REWORDED, newPaths.get(j), s, olds.get(i).span(),
                            news.get(j).span(), olds.get(i).text(), news.get(j).text(),
                            "an example of dimension `" + nd.id() + "`");
                }
            }
        }
        // 2. Same words, another value.
        for (int j = 0; j < news.size(); j++) {
            for (int i = 0; i < olds.size(); i++) {
                if (oldUsed[i] || newUsed[j]) continue;
                if (Texts.compare(olds.get(i).text(), news.get(j).text()) != Texts.Difference.WORDS) {
                    oldUsed[i] = newUsed[j] = true;
                    r.add(ChangeRule.EXAMPLE_VALUE_CHANGED, newPaths.get(j), s, olds.get(i).span(),
                            news.get(j).span(), olds.get(i).value().toSource(), news.get(j).value().toSource(),
                            "an example of dimension `" + nd.id() + "` now illustrates " + news.get(j).value().toSource()
                                    + ", was " + olds.get(i).value().toSource());
                }
            }
        }
        // 3. Same value, other words.
        for (int j = 0; j < news.size(); j++) {
            for (int i = 0; i < olds.size(); i++) {
                if (oldUsed[i] || newUsed[j]) continue;
                if (mapped.get(i).equals(Optional.of(news.get(j).value()))) {
                    oldUsed[i] = newUsed[j] = true;
                    r.add(ChangeRule.EXAMPLE_REWORDED, newPaths.get(j), s, olds.get(i).span(),
                            news.get(j).span(), olds.get(i).text(), news.get(j).text(),
                            "an example of " + news.get(j).value().toSource() + " for dimension `" + nd.id() + "` reworded");
                }
            }
        }
        for (int j = 0; j < news.size(); j++) {
            if (newUsed[j]) continue;
            r.add(ChangeRule.EXAMPLE_ADDED, newPaths.get(j), s, null, news.get(j).span(), null,
                    news.get(j).text(), "dimension `" + nd.id() + "` has a new example of " + news.get(j).value().toSource());
        }
        for (int i = 0; i < olds.size(); i++) {
            if (oldUsed[i]) continue;
            r.add(ChangeRule.EXAMPLE_REMOVED, removedPath(path, olds.get(i).value(), newPaths, removedCount), s, olds.get(i).span(), null,
                    olds.get(i).text(), null, "an example of " + olds.get(i).value().toSource() + " for dimension `"
                            + nd.id() + "` removed");
        }
    }

    private static String path(String dimension, Value v, int occurrence) {
        return dimension + "/example:" + v.toSource() + (occurrence > 1 ? "#" + occurrence : "");
    }

    /**
     * A removed example's path: numbered after the new version's examples of its value, so that it is never the
     * path of one of those.
     */
    private static String removedPath(String dimension, Value v, List<String> newPaths, java.util.Map<String, Integer> removed) {
        String plain = path(dimension, v, 1);
        long inNew = newPaths.stream().filter(p -> p.equals(plain) || p.startsWith(plain + "#")).count();
        return path(dimension, v, (int) inNew + removed.merge(v.toSource(), 1, Integer::sum));
    }
}
