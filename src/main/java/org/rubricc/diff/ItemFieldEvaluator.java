package org.rubricc.diff;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rubricc.model.ItemField;

/** What raters are shown with each item: fields added, removed, of another kind, relabelled, reordered. */
final class ItemFieldEvaluator implements Evaluator {
    @Override
    public void evaluate(Report r) {
        Map<String, ItemField> olds = r.m.oldRubric.itemFields().stream()
                .collect(Collectors.toMap(ItemField::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        Map<String, ItemField> news = r.m.newRubric.itemFields().stream()
                .collect(Collectors.toMap(ItemField::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        for (ItemField n : news.values()) {
            String path = "item:" + n.id();
            var subject = Report.of(Change.Subject.Kind.ITEM_FIELD, olds.containsKey(n.id()) ? n.id() : null, n.id());
            ItemField o = olds.get(n.id());
            if (o == null) {
                r.add(ChangeRule.ITEM_FIELD_ADDED, path, subject, null, n.span(), null, n.label(),
                        "item field `" + n.id() + "` (" + n.kind().keyword() + ") added");
                continue;
            }
            if (o.kind() != n.kind()) {
                r.add(ChangeRule.ITEM_FIELD_KIND_CHANGED, path + "/kind", subject, o.span(), n.span(), o.kind().keyword(),
                        n.kind().keyword(), "item field `" + n.id() + "` is now " + n.kind().keyword() + ", was " + o.kind().keyword());
            }
            r.text(ChangeRule.LABEL_REWORDED, path + "/label", subject, o.span(), n.span(), o.label(), n.label(),
                    "the label of item field `" + n.id() + "`");
            r.text(ChangeRule.DESCRIPTION_REWORDED, path + "/description", subject, o.span(), n.span(), o.description(),
                    n.description(), "the description of item field `" + n.id() + "`");
        }
        for (ItemField o : olds.values()) {
            if (!news.containsKey(o.id())) {
                r.add(ChangeRule.ITEM_FIELD_REMOVED, "item:" + o.id(), Report.of(Change.Subject.Kind.ITEM_FIELD, o.id(), null),
                        o.span(), null, o.label(), null, "item field `" + o.id() + "` removed");
            }
        }
        List<String> oldOrder = olds.keySet().stream().filter(news::containsKey).toList();
        List<String> newOrder = news.keySet().stream().filter(olds::containsKey).toList();
        if (!oldOrder.equals(newOrder)) {
            r.add(ChangeRule.ITEM_FIELD_ORDER_CHANGED, "item", Report.rubric(), null, null, String.join(", ", oldOrder),
                    String.join(", ", newOrder), "item fields are shown in another order");
        }
    }
}
