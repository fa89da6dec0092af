package org.rubricc.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.model.Condition;
import org.rubricc.model.Rubric;

/** Every condition form reads as a correct English sentence, with titles and labels, not ids. */
class SentencesTest {
    static Rubric rubric;

    @BeforeAll
    static void load() {
        Path dir = Path.of("src/test/resources/docs");
        Compilation c = new Frontend(dir).check(dir.resolve("sentences.rubric"));
        // r3 forbids points 4 and 5 outright, to show a forbid sentence; the analysis rightly reports that they
        // can never be chosen (R1104), and nothing else may be reported
        assertEquals(java.util.List.of(), c.diagnostics().stream()
                .filter(d -> d.code() != org.rubricc.diag.Code.VALUE_NEVER_ALLOWED).toList());
        rubric = c.rubric().orElseThrow();
    }

    /** Parses a condition by putting it in a rubric as the skip condition of the last dimension. */
    static Condition condition(String source) throws Exception {
        Path dir = Files.createTempDirectory("sentences");
        String text = Files.readString(Path.of("src/test/resources/docs/sentences.rubric"))
                .replace("dimension target \"Target\" { question \"Q?\" scale five optional }",
                        "dimension target \"Target\" { question \"Q?\" scale five optional skip when " + source + " }");
        Files.writeString(dir.resolve("x.rubric"), text);
        // Only the condition matters here: no time for the analysis (r3 requires the target this skip condition skips)
        Compilation c = new Frontend(dir).analysisBudget(java.time.Duration.ZERO).check(dir.resolve("x.rubric"));
        return c.rubric().orElseThrow(() -> new AssertionError(c.diagnostics().toString()))
                .dimension("target").orElseThrow().skipWhen().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            feasibility == infeasible                        | **Feasibility** is **Infeasible**
            feasibility != feasible                          | **Feasibility** is not **Feasible**
            unsafe == true                                   | **Unsafe output** is **Unsafe**
            unsafe == no                                     | **Unsafe output** is **Safe**
            adherence == 2                                   | **Adherence** is **2 – Weak**
            adherence != 2                                   | **Adherence** is answered and is not **2 – Weak**
            adherence == n/a                                 | **Adherence** is **N/A (Nothing to follow)**
            adherence < 3                                    | **Adherence** is lower than **3 – Fair**
            adherence <= 2                                   | **Adherence** is **2 – Weak** or lower
            adherence > 3                                    | **Adherence** is higher than **3 – Fair**
            adherence >= 4                                   | **Adherence** is **4 – Good** or higher
            share < 50                                       | **Share** is less than **50**
            share <= 50                                      | **Share** is at most **50**
            share > 50                                       | **Share** is more than **50**
            share >= 50                                      | **Share** is at least **50**
            feasibility in {partial, infeasible}             | **Feasibility** is **Partly feasible** or **Infeasible**
            feasibility not in {feasible}                    | **Feasibility** is not **Feasible**
            feasibility not in {feasible, partial}           | **Feasibility** is neither **Feasible** nor **Partly feasible**
            errors contains text                             | **Errors** includes **Garbled text**
            not errors contains blur                         | **Errors** is not answered, or does not include **Blur**
            notes is answered                                | **Notes** is answered
            notes is not answered                            | **Notes** is not answered
            not adherence <= 2                               | **Adherence** is not answered, or is higher than **2 – Weak**
            not feasibility == partial                       | **Feasibility** is not **Partly feasible**
            unsafe == true and adherence <= 2                | **Unsafe output** is **Unsafe** and **Adherence** is **2 – Weak** or lower
            unsafe == true or feasibility == partial         | **Unsafe output** is **Unsafe** or **Feasibility** is **Partly feasible**
            unsafe == true and (feasibility == partial or share > 50) | **Unsafe output** is **Unsafe**, and either **Feasibility** is **Partly feasible** or **Share** is more than **50**
            unsafe == true and share > 50 or feasibility == partial | both **Unsafe output** is **Unsafe** and **Share** is more than **50**, or **Feasibility** is **Partly feasible**
            not (unsafe == true or feasibility == partial)   | neither **Unsafe output** is **Unsafe** nor **Feasibility** is **Partly feasible**
            not (unsafe == true and share > 50)              | not both **Unsafe output** is **Unsafe** and **Share** is more than **50**
            feasibility == partial and unsafe == true and share > 50 | **Feasibility** is **Partly feasible**, **Unsafe output** is **Unsafe**, and **Share** is more than **50**
            """)
    void eachConditionForm(String source, String sentence) throws Exception {
        assertEquals(sentence, new Sentences(rubric).condition(condition(source)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            r1 | If **Feasibility** is **Partly feasible**, **Target** must be **1 – Poor**.
            r2 | If **Unsafe output** is **Unsafe**, **Target** must be **2 – Weak** or lower and a justification of at least 30 characters is required for **Target**.
            r3 | **Target** must not be **4 – Good** or **5 – Great** and **Target** must be answered, always.
            """)
    void ruleEffects(String rule, String sentence) {
        Sentences s = new Sentences(rubric);
        assertEquals(sentence, s.effect(rubric.rules().stream().filter(r -> r.id().equals(rule)).findFirst().orElseThrow()));
    }
}
