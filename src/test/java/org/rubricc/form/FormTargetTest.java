package org.rubricc.form;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rubricc.backend.GeneratedFile;
import org.rubricc.backend.Target;
import org.rubricc.backend.Targets;
import org.rubricc.check.Compilation;
import org.rubricc.check.Frontend;
import org.rubricc.codegen.js.JsTarget;
import org.rubricc.model.Rubric;

/**
 * The rater's page: hostile rubric text cannot leave the places it is put (the escaped title, the base64
 * module), the Content-Security-Policy admits exactly the page's own script and style, the embedded module is
 * the js target's file byte for byte, and the same rubric gives the same bytes. The browser side (text shown
 * as text) is src/test/js/test/rater-page.test.mjs.
 */
class FormTargetTest {
    static Rubric hostile;
    static String html;

    @BeforeAll
    static void load() {
        Path dir = Path.of("src/test/resources/docs");
        Compilation c = new Frontend(dir).check(dir.resolve("hostile.rubric"));
        assertEquals(List.of(), c.diagnostics());
        hostile = c.rubric().orElseThrow();
        html = FormTarget.html(hostile, Target.Options.DEFAULT);
    }

    @Test
    void isADefaultTargetNamedForm() {
        assertTrue(Targets.all().stream().anyMatch(t -> t instanceof FormTarget && t.name().equals("form")));
        List<GeneratedFile> files = new FormTarget().generate(hostile, Target.Options.DEFAULT);
        assertEquals(List.of("rating-form.html"), files.stream().map(GeneratedFile::path).toList());
    }

    @Test
    void rubricTextCannotOpenOrCloseAnElement() {
        String lower = html.toLowerCase(Locale.ROOT);
        assertEquals(2, count(lower, "<script"), "only the module block and the page's script");
        assertEquals(2, count(lower, "</script"), "no rubric text ends a script");
        assertEquals(1, count(lower, "<style"));
        assertFalse(lower.contains("<img") || lower.contains("<iframe") || lower.contains("onclick") || lower.contains("onerror"), "no element or handler from the rubric");
        assertFalse(lower.contains("javascript:"), "no javascript: anywhere");
        assertFalse(html.contains("{{"), "every placeholder filled");
        String title = "Title &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; \\ back */ end 1.0.0";
        assertTrue(html.contains("<title>" + title + "</title>"), "the title is escaped text");
        assertTrue(html.contains("<h1 id=\"title\">" + title + "</h1>"));
    }

    @Test
    void theModuleIsTheJsTargetsFileInBase64() {
        Matcher m = Pattern.compile("<script type=\"text/plain\" id=\"validator-module\" data-encoding=\"base64\">\n([A-Za-z0-9+/=\n]*)</script>").matcher(html);
        assertTrue(m.find(), "the module block holds base64 only");
        byte[] module = Base64.getMimeDecoder().decode(m.group(1));
        assertArrayEquals(new JsTarget().generate(hostile, Target.Options.DEFAULT).get(0).content(), module);
    }

    @Test
    void theContentSecurityPolicyAdmitsThePagesOwnScriptAndStyleOnly() throws Exception {
        Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
        assertTrue(csp.find());
        String policy = csp.group(1);
        assertTrue(policy.startsWith("default-src 'none'; "), policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval") || policy.contains("connect-src"), policy);
        Matcher script = Pattern.compile("<script type=\"module\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
        assertTrue(script.find() && style.find());
        assertTrue(policy.contains("script-src '" + sha256(script.group(1)) + "' blob:;"), policy);
        assertTrue(policy.contains("style-src '" + sha256(style.group(1)) + "';"), policy);
    }

    @Test
    void outputIsDeterministic() {
        assertEquals(html, FormTarget.html(hostile, Target.Options.DEFAULT));
        assertFalse(html.contains("\r"));
        assertTrue(html.endsWith("</html>\n"));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    private static String sha256(String text) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
