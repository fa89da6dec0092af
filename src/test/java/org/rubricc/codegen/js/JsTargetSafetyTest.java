package org.rubricc.codegen.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rubricc.backend.Targets;
import org.rubricc.check.Frontend;
import org.rubricc.model.Dimension;
import org.rubricc.model.Rubric;
import org.rubricc.model.Rule;

/**
 * Hostile rubric text (quotes, backslashes, {@code *}{@code /}, a literal {@code \}{@code u000a}, {@code </script>},
 * {@code <img onerror>}, U+2028, U+2029, right-to-left marks, emoji, backticks and {@code ${...}}) comes out of
 * validator.mjs exactly and harmlessly: the module is pure ASCII with no {@code </} or {@code <!--} (so it can be
 * inlined in an HTML script), it loads in node, and its rubric data and messages give back the exact text.
 */
class JsTargetSafetyTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @BeforeAll
    static void node() {
        JsValidatorDifferentialTest.nodeIsThere();
    }

    static Rubric hostile() throws Exception {
        return new Frontend(Path.of("src/test/resources/codegen")).check(Path.of("src/test/resources/codegen/hostile.rubric"))
                .rubric().orElseThrow();
    }

    static Rubric templates() throws Exception {
        Path f = dir.resolve("templates.rubric");
        Files.writeString(f, """
                rubric tpl
                version 1.0.0
                title "`${globalThis.pwned = 1}` ${x} \\\\` \\"`"
                section s "S `${1+1}`" {
                  dimension d "D ${alert(1)} `tick` \\\\\\\\${" {
                    question "Q `</script><!-- ${1}`"
                    scale categorical { a "A `${a}`" "`" b "B </SCRIPT >" "x" }
                  }
                  dimension e "E" {
                    question "Q"
                    scale categorical { a "A `${a}`" "`" b "B </SCRIPT >" "x" }
                  }
                }
                rule r "R `${r}` </script>" {
                  when d == a
                  then e == b
                }
                """, StandardCharsets.UTF_8);
        org.rubricc.check.Compilation c = new Frontend(dir).check(f);
        return c.rubric().orElseThrow(() -> new AssertionError(c.diagnostics().toString()));
    }

    @Test
    void theJsTargetIsADefaultTarget() {
        assertTrue(Targets.all().stream().anyMatch(t -> t instanceof JsTarget && t.name().equals("js")));
    }

    @Test
    void hostileTextIsHarmlessAndExact() throws Exception {
        for (Rubric r : List.of(hostile(), templates())) {
            String module = new JsValidatorGenerator(r).generate();
            assertTrue(module.chars().allMatch(c -> c < 0x80), r + ": the module is pure ASCII");
            String lower = module.toLowerCase(Locale.ROOT);
            assertFalse(lower.contains("</"), r + ": no </ (no </script>) anywhere");
            assertFalse(lower.contains("<!--"), r + ": no <!--");
            Path m = dir.resolve(r.id() + ".mjs");
            Files.writeString(m, module, StandardCharsets.US_ASCII);
            // Load the module (a template or an escape that broke out would throw or set globalThis.pwned), read back
            // the rubric data, and trigger a message with every dimension title and rule title.
            String script = "const m = await import(process.argv[2]);"
                    + "const answers = {};"
                    + "for (const d of m.rubric.dimensions) answers[d.id] = {};"
                    + "const vs = m.validate({rubric: 1, answers});"
                    + "const rule = m.validate({rubric: m.RUBRIC_ID, version: m.RUBRIC_VERSION, item: 'i', rater: 'r', answers: {d: 'a', e: 'a'}});"
                    + "console.log(JSON.stringify({pwned: globalThis.pwned ?? null, rubric: m.rubric, vs, rule}));";
            Path js = dir.resolve("probe.mjs");
            Files.writeString(js, script);
            Process p = new ProcessBuilder("node", js.toString(), m.toUri().toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            JsonNode o = JSON.readTree(out);
            assertTrue(o.get("pwned").isNull(), "no rubric text ran");
            assertEquals(r.title(), o.at("/rubric/title").asText());
            assertEquals(r.description(), o.at("/rubric/description").asText());
            for (int i = 0; i < r.dimensions().size(); i++) {
                Dimension d = r.dimensions().get(i);
                assertEquals(d.title(), o.at("/rubric/dimensions/" + i + "/title").asText());
                assertEquals(d.question(), o.at("/rubric/dimensions/" + i + "/question").asText());
                String wrongType = null;
                for (JsonNode v : o.get("vs")) {
                    if (v.get("path").asText().equals(org.rubricc.validate.Violation.pointer("/answers", d.id()))) wrongType = v.get("message").asText();
                }
                assertTrue(wrongType != null && wrongType.startsWith("\u201C" + d.title() + "\u201D"), d.id() + ": " + wrongType);
            }
            for (int i = 0; i < r.rules().size(); i++) {
                Rule rule = r.rules().get(i);
                assertEquals(rule.title(), o.at("/rubric/rules/" + i + "/title").asText());
            }
            if (r.id().equals("tpl")) {
                assertEquals("rule \u201C" + r.rules().get(0).title() + "\u201D: \u201C" + r.dimensions().get(1).title()
                        + "\u201D must be \"b\" (B </SCRIPT >) (got \"a\" (A `${a}`))", o.at("/rule/0/message").asText());
            }
        }
    }
}
