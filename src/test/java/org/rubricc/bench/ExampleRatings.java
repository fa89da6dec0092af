package org.rubricc.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the example ratings bundled under {@code rubrics/image-edit/ratings/}: six raters (one careless) on
 * 30 items under 1.1.0 and 30 under 2.0.0, four raters per item, gold answers for twenty items of each, and a few
 * lines that are wrong the way real ones are (an old dimension id, a point of the old scale, a version not
 * given, a cut line, a rating sent twice, gold for an item nobody rated):
 * {@code java -cp target/classes:target/test-classes:... org.rubricc.bench.ExampleRatings [FOLDER]}.
 */
public final class ExampleRatings {
    static final String[] RATERS = {"ana", "ben", "chloe", "dev", "emil", "fatima"};

    private ExampleRatings() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "rubrics/image-edit/ratings");
        Files.createDirectories(dir);
        List<String> gold = new ArrayList<>();
        for (String version : List.of("1.1.0", "2.0.0")) {
            SimulatedRatings sim = new SimulatedRatings(version, version.equals("1.1.0") ? 11 : 20);
            List<String> lines = new ArrayList<>();
            int base = version.equals("1.1.0") ? 100 : 200;
            for (int i = 1; i <= 30; i++) {
                String item = "e-" + (base + i);
                for (int k = 0; k < 4; k++) {
                    String name = RATERS[(i + k) % RATERS.length];
                    SimulatedRatings.Rater rater = name.equals("emil") ? new SimulatedRatings.Rater(name, 1.5, 0.4, 0.3)
                            : new SimulatedRatings.Rater(name, 0.4 + 0.05 * k, 0, 0.01);
                    lines.add(line(sim, rater, base + i, item));
                }
                if (i <= 20) gold.add(line(sim, SimulatedRatings.gold(), base + i, item));
            }
            if (version.equals("2.0.0")) {
                lines.add(lines.get(17).replace("\"structural_integrity\"", "\"structure\""));
                lines.add(lines.get(42).replaceFirst("\"adherence\":\\d", "\"adherence\":5").replace("\"item\":\"e-2", "\"item\":\"e-3"));
                lines.add(lines.get(60).replace("\"version\":\"2.0.0\"", "\"version\":\"3.0.0\""));
                lines.add(lines.get(71).substring(0, 90) + "\n");
                lines.add(lines.get(5));
            }
            Files.writeString(dir.resolve("ratings-" + version + ".jsonl"), String.join("", lines), StandardCharsets.UTF_8);
        }
        gold.add(gold.get(3).replace("\"item\":\"e-104\"", "\"item\":\"e-999\""));
        Files.writeString(dir.resolve("gold.jsonl"), String.join("", gold), StandardCharsets.UTF_8);
    }

    private static String line(SimulatedRatings sim, SimulatedRatings.Rater rater, int item, String id) throws IOException {
        StringWriter w = new StringWriter();
        sim.write(w, rater, item, id);
        return w.toString();
    }
}
