package org.rubricc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README's "Using the rating form" shows the snippets the Node and browser tests run
 * (src/test/js/test/snippets.test.mjs, rjsf-form.test.mjs): each code block there is the file as it is,
 * without its header comment, so what a reader copies is what was tested.
 */
class ReadmeSnippetsTest {

    @ParameterizedTest
    @CsvSource({"js,src/test/js/snippets/validate-ajv.mjs", "python,src/test/python/validate_snippet.py",
            "jsx,src/test/js/snippets/rating-form.jsx"})
    void theReadmeShowsTheTestedSnippet(String language, String file) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("### Using the rating form");
        int named = readme.indexOf("`" + file + "`", section);
        int start = readme.indexOf("```" + language + "\n", named) + language.length() + 4;
        int end = readme.indexOf("```\n", start);
        assertEquals(body(Files.readString(Path.of(file)), file.endsWith(".py")), readme.substring(start, end),
                "README.md's snippet differs from " + file);
    }

    /** The file without its leading comment lines (a shebang and a docstring, for Python). */
    static String body(String text, boolean python) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (python) {
            if (lines.get(0).startsWith("#!")) lines.remove(0);
            if (lines.get(0).startsWith("\"\"\"")) {
                lines.remove(0);
                while (!lines.remove(0).endsWith("\"\"\"")) {
                    // drop the docstring up to its closing quotes
                }
            }
        } else {
            while (!lines.isEmpty() && lines.get(0).startsWith("//")) lines.remove(0);
        }
        return String.join("\n", lines).strip() + "\n";
    }
}
