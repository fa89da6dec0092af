package org.rubricc.check.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random rubrics as source text, for the property test and the fuzzer: every kind of scale, optional and
 * required dimensions, "n/a", skip conditions of dimensions and sections, justifications and rules with
 * every kind of constraint. Conditions only look backwards, as the language demands, so most generated
 * rubrics pass the front end and reach the analysis.
 */
public final class RandomRubrics {
    private RandomRubrics() {}

    /** What the generator knows of a dimension, to write conditions and constraints on it. */
    record Dim(String id, String kind, int size, boolean na) {}

    public static String generate(long seed, int maxDimensions, int maxRules) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(maxDimensions);
        List<Dim> dims = new ArrayList<>();
        StringBuilder b = new StringBuilder("rubric gen\nversion 1.0.0\ntitle \"Generated\"\n\n");
        b.append("section s0 \"S0\" {\n");
        int sections = 1;
        for (int i = 0; i < n; i++) {
            if (i > 0 && r.nextInt(6) == 0) {
                b.append("}\nsection s").append(sections).append(" \"S").append(sections).append("\" {\n");
                if (r.nextInt(2) == 0) b.append("  skip when ").append(condition(r, dims, 2)).append('\n');
                sections++;
            }
            String kind = switch (r.nextInt(6)) {
                case 0 -> "ordinal";
                case 1 -> "categorical";
                case 2 -> "boolean";
                case 3 -> "multi";
                case 4 -> "range";
                default -> "text";
            };
            int size = switch (kind) {
                case "ordinal" -> 2 + r.nextInt(3);
                case "categorical", "multi" -> 2 + r.nextInt(2);
                case "range" -> 2 + r.nextInt(3);
                default -> 2;
            };
            boolean na = r.nextInt(5) == 0;
            String id = "d" + i;
            b.append("  dimension ").append(id).append(" \"D").append(i).append("\" {\n    question \"Q").append(i).append("?\"\n");
            b.append("    scale ").append(scale(r, kind, size)).append('\n');
            if (r.nextInt(3) == 0) b.append("    optional\n");
            if (na) b.append("    not_applicable \"NA\"\n");
            if (i > 0 && r.nextInt(3) == 0) b.append("    skip when ").append(condition(r, dims, 2)).append('\n');
            Dim self = new Dim(id, kind, size, na);
            if (r.nextInt(4) == 0) {
                List<Dim> upTo = new ArrayList<>(dims);
                upTo.add(self);
                b.append("    justify when ").append(condition(r, upTo, 1)).append(" min ").append(1 + r.nextInt(40)).append('\n');
            }
            b.append("  }\n");
            dims.add(self);
        }
        b.append("}\n");
        int rules = r.nextInt(maxRules + 1);
        for (int k = 0; k < rules && n > 1; k++) {
            int t = 1 + r.nextInt(n - 1);
            Dim target = dims.get(t);
            b.append("rule r").append(k).append(" \"R").append(k).append("\" {\n");
            if (r.nextInt(5) != 0) b.append("  when ").append(condition(r, dims.subList(0, t), 2)).append('\n');
            b.append("  then ").append(constraint(r, target)).append('\n');
            if (r.nextInt(4) == 0) b.append("  then ").append(constraint(r, target)).append('\n');
            b.append("}\n");
        }
        return b.toString();
    }

    private static String scale(Random r, String kind, int size) {
        StringBuilder b = new StringBuilder(kind).append(" {");
        switch (kind) {
            case "ordinal" -> {
                for (int p = 1; p <= size; p++) b.append(' ').append(p).append(" \"P").append(p).append("\" \"\"");
            }
            case "categorical", "multi" -> {
                for (int c = 0; c < size; c++) b.append(" c").append(c).append(" \"C").append(c).append("\" \"\"");
                if (kind.equals("multi")) {
                    int min = r.nextInt(3);
                    int max = Math.max(min, r.nextInt(size + 1));
                    if (max == 0) max = 1;
                    b.append(" min ").append(Math.min(min, max)).append(" max ").append(max);
                }
            }
            case "range" -> b.append(" min 0 max ").append(size).append(r.nextBoolean() ? " step 1" : "");
            case "text" -> b.append(" min ").append(r.nextInt(2)).append(r.nextBoolean() ? " max 3" : "");
            default -> { }
        }
        return b.append(" }").toString();
    }

    /** A value of the dimension's scale, as written in a condition or constraint. */
    private static String value(Random r, Dim d) {
        if (d.na() && r.nextInt(8) == 0) return "n/a";
        return switch (d.kind()) {
            case "ordinal" -> Integer.toString(1 + r.nextInt(d.size()));
            case "range" -> Integer.toString(r.nextInt(d.size() + 1));
            case "boolean" -> r.nextBoolean() ? "true" : "false";
            default -> "c" + r.nextInt(d.size());
        };
    }

    private static String set(Random r, Dim d) {
        int k = 1 + r.nextInt(2);
        List<String> vs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            String v = value(r, d);
            if (!vs.contains(v)) vs.add(v);
        }
        return "{" + String.join(", ", vs) + "}";
    }

    static String condition(Random r, List<Dim> dims, int depth) {
        if (dims.isEmpty()) return "true";
        if (depth > 0 && r.nextInt(3) == 0) {
            String a = condition(r, dims, depth - 1), c = condition(r, dims, depth - 1);
            return switch (r.nextInt(3)) {
                case 0 -> "(" + a + ") and (" + c + ")";
                case 1 -> "(" + a + ") or (" + c + ")";
                default -> "not (" + a + ")";
            };
        }
        Dim d = dims.get(r.nextInt(dims.size()));
        if (r.nextInt(6) == 0) return d.id() + (r.nextBoolean() ? " is answered" : " is not answered");
        return switch (d.kind()) {
            case "multi" -> d.id() + " contains c" + r.nextInt(d.size());
            case "text" -> d.id() + (r.nextBoolean() ? " is answered" : " is not answered");
            case "ordinal", "range" -> {
                String op = List.of("==", "!=", "<", "<=", ">", ">=").get(r.nextInt(6));
                String v = value(r, d);
                if (v.equals("n/a") && !op.equals("==") && !op.equals("!=")) op = "==";
                yield r.nextInt(5) == 0 ? d.id() + (r.nextBoolean() ? " in " : " not in ") + set(r, d) : d.id() + " " + op + " " + v;
            }
            default -> r.nextInt(3) == 0 ? d.id() + (r.nextBoolean() ? " in " : " not in ") + set(r, d)
                    : d.id() + (r.nextBoolean() ? " == " : " != ") + value(r, d);
        };
    }

    private static String constraint(Random r, Dim t) {
        int pick = r.nextInt(10);
        if (pick == 0) return "require " + t.id();
        if (pick == 1 || t.kind().equals("multi") || t.kind().equals("text")) {
            return r.nextBoolean() ? "require " + t.id() : "justify " + t.id() + " min " + (1 + r.nextInt(30));
        }
        if (pick <= 3) return "forbid " + t.id() + " in " + set(r, t);
        if (pick == 4) return t.id() + " in " + set(r, t);
        boolean ordered = t.kind().equals("ordinal") || t.kind().equals("range");
        String op = ordered ? List.of("==", "!=", "<", "<=", ">", ">=").get(r.nextInt(6)) : (r.nextBoolean() ? "==" : "!=");
        String v = value(r, t);
        if (v.equals("n/a")) op = "==";
        return t.id() + " " + op + " " + v;
    }
}
