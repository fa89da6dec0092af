package org.rubricc.bench;

/**
 * Synthetic rubrics of any size for the compile benchmark (README, "Benchmark"): every construct every
 * target writes something for. Item fields, a scale of each kind, one section per 50 dimensions (every
 * other one skipped on a condition), dimensions with guidance in Markdown, examples, justification,
 * weights, "not applicable" and optional text answers, a chain of skips, and one rule per five dimensions
 * (bounds, forbidden and required answers, required justification, and guidance-only rules about several
 * dimensions), each looking back a few dimensions. The rubric checks without errors at every size.
 */
public final class SyntheticRubric {
    private SyntheticRubric() {}

    /** {@code SyntheticRubric N FILE}: writes the rubric of N dimensions to FILE (for src/test/js/bench/compile-large.mjs). */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length != 2) throw new IllegalArgumentException("usage: SyntheticRubric DIMENSIONS FILE");
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[1]), of(Integer.parseInt(args[0])));
    }

    /** A synthetic rubric of {@code n} dimensions (n &gt;= 1), as source text. */
    public static String of(int n) {
        StringBuilder b = new StringBuilder("rubric synthetic\nversion 1.0.0\ntitle \"Synthetic rubric of ").append(n)
                .append(" dimensions\"\ndescription \"\"\"\n  A rubric written by a program, to time the compiler. Answer **every** question.\n  \"\"\"\n\n");
        b.append("item {\n  prompt: text \"Prompt\" \"What the model was asked.\"\n  output: image \"Output\" \"What the model made.\"\n}\n\n");
        b.append("scale five: ordinal {\n");
        for (int p = 1; p <= 5; p++) b.append("  ").append(p).append(" \"P").append(p).append("\" \"Point ").append(p).append(", described.\"\n");
        b.append("}\n\nscale kind: categorical {\n  a \"Kind A\" \"The first kind.\"\n  b \"Kind B\" \"The second kind.\"\n  c \"Kind C\" \"The third kind.\"\n}\n\n");
        b.append("scale flags: multi {\n  x \"Flag X\" \"One flag.\"\n  y \"Flag Y\" \"Another flag.\"\n  z \"Flag Z\" \"A third flag.\"\n  min 1\n}\n\n");
        b.append("scale yes_no: boolean { yes \"Yes\" no \"No\" }\n");
        for (int i = 0; i < n; i++) {
            if (i % 50 == 0) {
                if (i > 0) b.append("}\n");
                int s = i / 50;
                b.append("\nsection s").append(s).append(" \"Section ").append(s).append("\" {\n");
                b.append("  guidance \"Questions ").append(i).append(" onwards. Read *all* of them first.\"\n");
                if (s % 2 == 1) b.append("  skip when d").append(i - 2).append(" == 5\n");
            }
            dimension(b, i);
        }
        b.append("}\n");
        for (int i = 5; i < n; i += 5) rule(b, i, n);
        return b.toString();
    }

    private static String scaleOf(int i) {
        return switch (i % 10) {
            case 2 -> "kind";
            case 4 -> "yes_no";
            case 6 -> "flags";
            case 9 -> "text { min 5 max 200 }";
            default -> "five";
        };
    }

    private static void dimension(StringBuilder b, int i) {
        String scale = scaleOf(i);
        b.append("  dimension d").append(i).append(" \"Dimension ").append(i).append("\" {\n");
        b.append("    question \"How does the output do on aspect ").append(i).append("?\"\n    scale ").append(scale).append('\n');
        if (scale.equals("five") && i % 3 == 0) b.append("    weight ").append(1 + i % 4).append('\n');
        if (i % 7 == 3 || scale.startsWith("text")) b.append("    optional\n");
        // a chain of skips, each on the dimension before (when that one has a five-point scale)
        if (i > 0 && scaleOf(i - 1).equals("five") && i % 50 != 0) b.append("    skip when d").append(i - 1).append(" == 1\n");
        if (i % 4 == 1 && scale.equals("five")) {
            b.append("    guidance \"\"\"\n      Look at **aspect ").append(i).append("** only. See also `d").append(i).append("`:\n\n")
                    .append("      - first, the whole output;\n      - then the details.\n      \"\"\"\n");
        }
        if (scale.equals("five") && i % 5 == 0) b.append("    example 2 \"An output that misses aspect ").append(i).append(".\"\n");
        if (scale.equals("kind")) b.append("    example b \"An output of the second kind.\"\n");
        if (scale.equals("five") && i % 8 == 0) b.append("    justify when d").append(i).append(" <= 2 min 20\n");
        if (scale.equals("five") && i % 11 == 7) b.append("    not_applicable \"The output has no aspect ").append(i).append("\"\n");
        b.append("  }\n");
    }

    private static void rule(StringBuilder b, int i, int n) {
        // d(i) is a five-point dimension (i % 10 is 0 or 5); the conditions look back at the nearest earlier
        // five-point, categorical and boolean dimensions
        int kind = before(i, 2), yesNo = before(i, 4);
        b.append("\nrule r").append(i).append(" \"Rule ").append(i).append("\" {\n");
        switch ((i / 5) % 5) {
            case 0 -> b.append("  when d").append(i - 5).append(" >= 4 and d").append(kind).append(" == c\n  then d").append(i).append(" >= 2\n");
            case 1 -> b.append("  when d").append(i - 5).append(" == 5 or d").append(yesNo).append(" == true\n  then forbid d").append(i).append(" == 5\n");
            case 2 -> b.append("  when d").append(i - 5).append(" >= 2\n  then require d").append(i).append('\n');
            case 3 -> b.append("  guidance \"Aspects ").append(i - 5).append(" and ").append(i).append(" go together.\"\n  when d")
                    .append(i - 5).append(" in {1, 2}\n  then justify d").append(i).append(" min 10\n");
            default -> b.append("  guidance \"Marks on the output count against aspects ").append(i - 5).append(" and ").append(i)
                    .append(".\"\n  about d").append(i - 5).append(", d").append(i).append('\n');
        }
        b.append("}\n");
    }

    /** The nearest dimension before {@code i} whose number ends in {@code digit}. */
    private static int before(int i, int digit) {
        int j = i - 1;
        while (j % 10 != digit) j--;
        return j;
    }
}
