package org.rubricc.diff;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rubricc.model.Dimension;
import org.rubricc.model.Scale;
import org.rubricc.model.TextPattern;
import org.rubricc.model.Value;

/**
 * A dimension's scale, old against new: its kind, which named scale it is, and its values (points,
 * choices, labels, anchors) and limits. A named scale shared by several dimensions is compared for
 * each of them, since each dimension's answers are what a change affects.
 */
final class ScaleEvaluator implements DimensionEvaluator.PairEvaluator {
    @Override
    public void evaluate(Report r, Dimension od, Dimension nd, Change.Subject s, String path) {
        Scale o = od.scale(), n = nd.scale();
        String id = nd.id();
        if (!o.kind().equals(n.kind())) {
            r.add(ChangeRule.SCALE_KIND_CHANGED, path + "/scale", s, o.span(), n.span(), o.kind(), n.kind(),
                    "the scale of dimension `" + id + "` is now " + n.kindPhrase() + " scale, was " + o.kindPhrase() + " scale");
            return;
        }
        if (!o.name().equals(n.name())) {
            r.add(ChangeRule.SCALE_REFERENCE_CHANGED, path + "/scale", s, o.span(), n.span(), o.name().orElse("(inline)"),
                    n.name().orElse("(inline)"), "dimension `" + id + "` uses scale " + n.name().map(x -> "`" + x + "`")
                            .orElse("(inline)") + ", was " + o.name().map(x -> "`" + x + "`").orElse("(inline)"));
        }
        Matching.ValueMap vm = r.m.values(od.id());
        if (o instanceof Scale.Ordinal op && n instanceof Scale.Ordinal np) points(r, op, np, vm, s, path, id);
        else if (o instanceof Scale.Categorical oc && n instanceof Scale.Categorical nc) choices(r, oc.choices(), nc.choices(), vm, s, path, id);
        else if (o instanceof Scale.MultiSelect om && n instanceof Scale.MultiSelect nm) {
            choices(r, om.choices(), nm.choices(), vm, s, path, id);
            multi(r, om, nm, s, path, id);
        } else if (o instanceof Scale.Bool ob && n instanceof Scale.Bool nb) {
            r.text(ChangeRule.LABEL_REWORDED, path + "/yes", s, o.span(), n.span(), ob.yesLabel(), nb.yesLabel(),
                    "the label of `yes` for dimension `" + id + "`");
            r.text(ChangeRule.LABEL_REWORDED, path + "/no", s, o.span(), n.span(), ob.noLabel(), nb.noLabel(),
                    "the label of `no` for dimension `" + id + "`");
        } else if (o instanceof Scale.Numeric or && n instanceof Scale.Numeric nr) range(r, or, nr, s, path, id);
        else if (o instanceof Scale.Text ot && n instanceof Scale.Text nt) text(r, ot, nt, s, path, id);
    }

    private static String choices(int n) {
        return n + (n == 1 ? " choice" : " choices");
    }

    private static String v(BigDecimal d) {
        return Matching.ValueMap.key(d);
    }

    private static void points(Report r, Scale.Ordinal o, Scale.Ordinal n, Matching.ValueMap vm, Change.Subject s,
            String path, String id) {
        // Removed and split points first: what is gone explains the renumbering that follows.
        for (Scale.Point op : o.points()) {
            Value old = op.asValue();
            if (vm.split(old)) {
                List<BigDecimal> into = vm.pointSplits.entrySet().stream().filter(e -> e.getKey().compareTo(op.value()) == 0)
                        .findFirst().orElseThrow().getValue();
                r.add(ChangeRule.SCALE_POINT_SPLIT, path + "/point:" + v(op.value()), s, op.span(), n.point(into.get(0))
                        .map(Scale.Point::span).orElse(null), v(op.value()), String.join(", ", into.stream().map(ScaleEvaluator::v).toList()),
                        "point " + v(op.value()) + " (" + op.label() + ") of dimension `" + id + "` is split into "
                                + String.join(", ", into.stream().map(x -> v(x) + " (" + n.point(x).orElseThrow().label() + ")").toList()));
            } else if (vm.map(old).isEmpty()) {
                r.add(ChangeRule.SCALE_POINT_REMOVED, path + "/point:" + v(op.value()), s, op.span(), null, v(op.value()), null,
                        "point " + v(op.value()) + " (" + op.label() + ") of dimension `" + id + "` removed");
            }
        }
        for (Scale.Point np : n.points()) {
            String p = path + "/point:" + v(np.value());
            List<Scale.Point> sources = vm.sources(np.asValue()).stream()
                    .map(x -> o.point(((Value.Number) x).value()).orElseThrow()).toList();
            if (sources.isEmpty()) {
                boolean fromSplit = vm.pointSplits.values().stream().anyMatch(l -> l.stream().anyMatch(x -> x.compareTo(np.value()) == 0));
                if (!fromSplit) {
                    r.add(ChangeRule.SCALE_POINT_ADDED, p, s, null, np.span(), null, v(np.value()),
                            "dimension `" + id + "` has a new point " + v(np.value()) + " (" + np.label() + ")");
                }
                continue;
            }
            // The wording is compared with the former point of the same value, else the first one merged into it.
            Scale.Point old = sources.stream().filter(x -> x.value().compareTo(np.value()) == 0).findFirst().orElse(sources.get(0));
            if (sources.size() > 1) {
                r.add(ChangeRule.SCALE_POINTS_MERGED, p, s, old.span(), np.span(),
                        String.join(", ", sources.stream().map(x -> v(x.value())).toList()), v(np.value()),
                        "points " + String.join(", ", sources.stream().map(x -> v(x.value()) + " (" + x.label() + ")").toList())
                                + " of dimension `" + id + "` are merged into " + v(np.value()) + " (" + np.label() + ")");
            } else if (old.value().compareTo(np.value()) != 0) {
                r.add(ChangeRule.SCALE_POINT_RENUMBERED, p, s, old.span(), np.span(), v(old.value()), v(np.value()),
                        "point " + v(old.value()) + " (" + old.label() + ") of dimension `" + id + "` is now " + v(np.value()));
            }
            r.text(ChangeRule.LABEL_REWORDED, p + "/label", s, old.span(), np.span(), old.label(), np.label(),
                    "the label of point " + v(np.value()) + " of dimension `" + id + "`");
            r.text(ChangeRule.ANCHOR_REWORDED, p + "/description", s, old.span(), np.span(), old.description(),
                    np.description(), "the anchor of point " + v(np.value()) + " of dimension `" + id + "`");
        }
    }

    private static void choices(Report r, List<Scale.Choice> o, List<Scale.Choice> n, Matching.ValueMap vm,
            Change.Subject s, String path, String id) {
        List<String> oldOrder = new ArrayList<>(), newOrder = new ArrayList<>();
        for (Scale.Choice nc : n) {
            String p = path + "/choice:" + nc.id();
            List<Scale.Choice> sources = vm.sources(new Value.Choice(nc.id())).stream()
                    .map(x -> find(o, ((Value.Choice) x).id())).toList();
            if (sources.isEmpty()) {
                boolean fromSplit = vm.choiceSplits.values().stream().anyMatch(l -> l.contains(nc.id()));
                if (!fromSplit) {
                    r.add(ChangeRule.CHOICE_ADDED, p, s, null, nc.span(), null, nc.id(),
                            "dimension `" + id + "` has a new choice `" + nc.id() + "` (" + nc.label() + ")");
                }
                continue;
            }
            Scale.Choice old = sources.stream().filter(x -> x.id().equals(nc.id())).findFirst().orElse(sources.get(0));
            newOrder.add(nc.id());
            if (sources.size() > 1) {
                r.add(ChangeRule.CHOICES_MERGED, p, s, old.span(), nc.span(),
                        String.join(", ", sources.stream().map(Scale.Choice::id).toList()), nc.id(),
                        "choices " + String.join(", ", sources.stream().map(x -> "`" + x.id() + "` (" + x.label() + ")").toList())
                                + " of dimension `" + id + "` are merged into `" + nc.id() + "` (" + nc.label() + ")");
            } else if (!old.id().equals(nc.id())) {
                r.add(ChangeRule.CHOICE_RENAMED, p, s, old.span(), nc.span(), old.id(), nc.id(),
                        "choice `" + old.id() + "` of dimension `" + id + "` is now `" + nc.id() + "`");
            }
            r.text(ChangeRule.LABEL_REWORDED, p + "/label", s, old.span(), nc.span(), old.label(), nc.label(),
                    "the label of choice `" + nc.id() + "` of dimension `" + id + "`");
            r.text(ChangeRule.ANCHOR_REWORDED, p + "/description", s, old.span(), nc.span(), old.description(),
                    nc.description(), "the description of choice `" + nc.id() + "` of dimension `" + id + "`");
        }
        for (Scale.Choice oc : o) {
            List<String> into = vm.choiceSplits.get(oc.id());
            String mapped = vm.choices.get(oc.id());
            if (into != null) {
                r.add(ChangeRule.CHOICE_SPLIT, path + "/choice:" + oc.id(), s, oc.span(), find(n, into.get(0)).span(), oc.id(),
                        String.join(", ", into), "choice `" + oc.id() + "` (" + oc.label() + ") of dimension `" + id
                                + "` is split into " + String.join(", ", into.stream().map(x -> "`" + x + "` (" + find(n, x).label() + ")").toList()));
            } else if (mapped == null) {
                r.add(ChangeRule.CHOICE_REMOVED, path + "/choice:" + oc.id(), s, oc.span(), null, oc.id(), null,
                        "choice `" + oc.id() + "` (" + oc.label() + ") of dimension `" + id + "` removed");
            } else if (!oldOrder.contains(mapped)) {
                oldOrder.add(mapped);
            }
        }
        if (!oldOrder.equals(newOrder)) {
            r.add(ChangeRule.CHOICE_ORDER_CHANGED, path + "/choices", s, null, null, String.join(", ", oldOrder),
                    String.join(", ", newOrder), "the choices of dimension `" + id + "` are listed in another order");
        }
    }

    private static Scale.Choice find(List<Scale.Choice> choices, String id) {
        return choices.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static void multi(Report r, Scale.MultiSelect o, Scale.MultiSelect n, Change.Subject s, String path, String id) {
        if (o.min() != n.min()) {
            r.add(n.min() > o.min() ? ChangeRule.MULTI_MIN_RAISED : ChangeRule.MULTI_MIN_LOWERED, path + "/min", s, o.span(),
                    n.span(), String.valueOf(o.min()), String.valueOf(n.min()),
                    "dimension `" + id + "` needs at least " + choices(n.min()) + ", was " + o.min());
        }
        // A maximum equal to the number of choices is no limit: adding a choice then is not a new maximum.
        boolean oldAll = o.max() >= o.choices().size(), newAll = n.max() >= n.choices().size();
        if (oldAll && newAll) return;
        if (o.max() != n.max()) {
            r.add(n.max() > o.max() ? ChangeRule.MULTI_MAX_RAISED : ChangeRule.MULTI_MAX_LOWERED, path + "/max", s, o.span(),
                    n.span(), String.valueOf(o.max()), String.valueOf(n.max()),
                    "dimension `" + id + "` accepts at most " + choices(n.max()) + ", was " + o.max());
        }
    }

    private static void range(Report r, Scale.Numeric o, Scale.Numeric n, Change.Subject s, String path, String id) {
        int min = n.min().compareTo(o.min()), max = n.max().compareTo(o.max());
        if (min != 0) {
            r.add(min > 0 ? ChangeRule.RANGE_MIN_RAISED : ChangeRule.RANGE_MIN_LOWERED, path + "/min", s, o.span(), n.span(),
                    v(o.min()), v(n.min()), "the minimum of dimension `" + id + "` is now " + v(n.min()) + ", was " + v(o.min()));
        }
        if (max != 0) {
            r.add(max > 0 ? ChangeRule.RANGE_MAX_RAISED : ChangeRule.RANGE_MAX_LOWERED, path + "/max", s, o.span(), n.span(),
                    v(o.max()), v(n.max()), "the maximum of dimension `" + id + "` is now " + v(n.max()) + ", was " + v(o.max()));
        }
        String os = o.step().map(ScaleEvaluator::v).orElse(null), ns = n.step().map(ScaleEvaluator::v).orElse(null);
        if (java.util.Objects.equals(os, ns)) return;
        // Every old value stays on the new step when there is none, or it divides the old step and the old minimum is on it.
        boolean refined = n.step().isEmpty() || (o.step().isPresent()
                && o.step().get().remainder(n.step().get()).signum() == 0
                && o.min().subtract(n.min()).remainder(n.step().get()).signum() == 0);
        r.add(refined ? ChangeRule.RANGE_STEP_REFINED : ChangeRule.RANGE_STEP_CHANGED, path + "/step", s, o.span(), n.span(),
                os, ns, "the step of dimension `" + id + "` is now " + (ns == null ? "none" : ns) + ", was " + (os == null ? "none" : os));
    }

    private static void text(Report r, Scale.Text o, Scale.Text n, Change.Subject s, String path, String id) {
        if (o.minLength() != n.minLength()) {
            r.add(n.minLength() > o.minLength() ? ChangeRule.TEXT_MIN_RAISED : ChangeRule.TEXT_MIN_LOWERED, path + "/min", s,
                    o.span(), n.span(), String.valueOf(o.minLength()), String.valueOf(n.minLength()),
                    "answers to dimension `" + id + "` need at least " + n.minLength() + " characters, was " + o.minLength());
        }
        if (!o.maxLength().equals(n.maxLength())) {
            long om = o.maxLength().map(Integer::longValue).orElse(Long.MAX_VALUE);
            long nm = n.maxLength().map(Integer::longValue).orElse(Long.MAX_VALUE);
            r.add(nm > om ? ChangeRule.TEXT_MAX_RAISED : ChangeRule.TEXT_MAX_LOWERED, path + "/max", s, o.span(), n.span(),
                    o.maxLength().map(String::valueOf).orElse(null), n.maxLength().map(String::valueOf).orElse(null),
                    "answers to dimension `" + id + "` may have " + n.maxLength().map(x -> "at most " + x + " characters")
                            .orElse("any length") + ", was " + o.maxLength().map(x -> "at most " + x).orElse("any length"));
        }
        pattern(r, o, n, s, path, id);
    }

    /** A pattern added, removed or changed: breaking when it may refuse an answer the old version accepted. */
    private static void pattern(Report r, Scale.Text o, Scale.Text n, Change.Subject s, String path, String id) {
        Optional<TextPattern> op = o.pattern(), np = n.pattern();
        String where = path + "/pattern";
        if (op.isEmpty() && np.isEmpty()) return;
        if (op.isEmpty()) {
            r.add(ChangeRule.TEXT_PATTERN_ADDED, where, s, o.span(), np.get().span(), null, np.get().source(),
                    "answers to dimension `" + id + "` must now match `" + np.get().source() + "`");
            return;
        }
        if (np.isEmpty()) {
            r.add(ChangeRule.TEXT_PATTERN_REMOVED, where, s, op.get().span(), n.span(), op.get().source(), null,
                    "answers to dimension `" + id + "` no longer have to match `" + op.get().source() + "`");
            return;
        }
        TextPattern a = op.get(), b = np.get();
        if (!a.source().equals(b.source())) {
            if (a.sameAs(b)) {
                r.add(ChangeRule.TEXT_PATTERN_REWRITTEN, where, s, a.span(), b.span(), a.source(), b.source(),
                        "the pattern of dimension `" + id + "` is written `" + b.source() + "`, was `" + a.source() + "`: the same answers match");
            } else {
                boolean relaxed = b.acceptsAll(a);
                r.add(relaxed ? ChangeRule.TEXT_PATTERN_RELAXED : ChangeRule.TEXT_PATTERN_CHANGED, where, s, a.span(), b.span(),
                        a.source(), b.source(), "answers to dimension `" + id + "` must match `" + b.source() + "`, was `" + a.source() + "`"
                                + (relaxed ? ": every answer that matched still does" : ""));
            }
        }
        if (!a.description().equals(b.description())) {
            r.add(ChangeRule.TEXT_FORMAT_REWORDED, where + "/description", s, a.span(), b.span(), a.description().orElse(null),
                    b.description().orElse(null), "the format of dimension `" + id + "` is described as “" + b.inWords() + "”, was “"
                            + a.inWords() + "”");
        }
    }
}
