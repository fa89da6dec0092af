package org.rubricc.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rubricc.backend.GeneratedFile;
import org.rubricc.backend.Target;
import org.rubricc.model.Rubric;
import org.rubricc.testing.Golden;

class JavaTargetTest {
    static final Rubric HOSTILE = Engines.load(GeneratedValidatorTest.HOSTILE, GeneratedValidatorTest.HOSTILE.getParent());

    @Test
    void theHostileRubricsValidatorIsTheGoldenSource() throws Exception {
        List<GeneratedFile> files = new JavaTarget().generate(HOSTILE, new Target.Options("com.example.ratings"));
        assertEquals(1, files.size());
        assertEquals("java/com/example/ratings/" + JavaNames.validatorClass(HOSTILE) + ".java", files.get(0).path());
        String source = new String(files.get(0).content(), StandardCharsets.UTF_8);
        Golden.assertMatches(Path.of("src/test/resources/codegen/HostileNames_1_0_0_rc_1_build_7Validator.java.expected"), source);
    }

    @Test
    void sourcesArePureAsciiDeterministicAndCompileWithJacksonCoreAlone() throws Exception {
        Target.Options options = new Target.Options("com.example.ratings");
        byte[] first = new JavaTarget().generate(HOSTILE, options).get(0).content();
        byte[] second = new JavaTarget().generate(HOSTILE, options).get(0).content();
        assertEquals(new String(first, StandardCharsets.UTF_8), new String(second, StandardCharsets.UTF_8));
        for (byte b : first) assertTrue(b >= 0 && b != '\r', "pure ASCII, LF line endings");
        String source = new String(first, StandardCharsets.US_ASCII);
        assertTrue(!source.contains("\\u000a") || !source.replace("\\\\u000a", "").contains("\\u000a"),
                "the text \\u000a only ever appears with its backslash escaped");
        assertTrue(InMemoryCompiler.jacksonClassPath().contains("jackson-core"), InMemoryCompiler.jacksonClassPath());
        String name = "com.example.ratings." + JavaNames.validatorClass(HOSTILE);
        ClassLoader loader = InMemoryCompiler.compile(Map.of(name, source));
        Class<?> c = loader.loadClass(name);
        assertEquals("hostile-names", c.getField("RUBRIC_ID").get(null));
        assertEquals("1.0.0-rc.1+build.7", c.getField("RUBRIC_VERSION").get(null));
        Object validator = c.getConstructor().newInstance();
        Object result = c.getMethod("validate", String.class).invoke(validator, "{\"rubric\":\"hostile-names\"}");
        assertEquals("[Violation[path=/version, code=missing-field, message=`version` is missing; it must be \"1.0.0-rc.1+build.7\"], "
                + "Violation[path=/item, code=missing-field, message=`item` is missing], "
                + "Violation[path=/rater, code=missing-field, message=`rater` is missing], "
                + "Violation[path=/answers, code=missing-field, message=`answers` is missing]]", result.toString());
        assertEquals(false, c.getMethod("isValid", String.class).invoke(validator, "{}"));
    }

    @Test
    void classNamesComeFromTheIdAndVersion() {
        // A pre-release version reads ambiguously (rc.1 and rc-1), so its name carries a digest of id and version.
        assertTrue(JavaNames.validatorClass(HOSTILE).matches("HostileNames_1_0_0_rc_1_build_7_H[0-9a-f]{16}Validator"),
                JavaNames.validatorClass(HOSTILE));
        assertEquals("\"a\\\"b\\\\c\\012\\u2028\\ud83d\\ude00\"", JavaNames.literal("a\"b\\c\n\u2028\uD83D\uDE00"));
    }
}
