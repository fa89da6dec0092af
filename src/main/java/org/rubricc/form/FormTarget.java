package org.rubricc.form;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rubricc.backend.GeneratedFile;
import org.rubricc.backend.Html;
import org.rubricc.backend.Resources;
import org.rubricc.backend.Target;
import org.rubricc.codegen.js.JsTarget;
import org.rubricc.model.Rubric;

/**
 * `rubricc compile --target form`: {@code rating-form.html} per rubric version, the page raters rate in. One
 * self-contained file (inline CSS and script, a strict Content-Security-Policy, no network access) that opens
 * from {@code file://}. All rubric logic comes from the JavaScript validator, taken as a file from
 * {@link JsTarget} and embedded base64-encoded in a {@code text/plain} script block, so no rubric text can end
 * the block; the page imports it from a Blob URL. The only rubric text written into the HTML itself is the
 * title, HTML-escaped; everything else reaches the DOM through the module's data, as text nodes.
 */
public final class FormTarget implements Target {
    public static final String FILE = "rating-form.html";

    @Override
    public String name() {
        return "form";
    }

    @Override
    public List<GeneratedFile> generate(Rubric rubric, Options options) {
        return List.of(GeneratedFile.text(FILE, html(rubric, options)));
    }

    /** The page for one rubric version. */
    public static String html(Rubric rubric, Options options) {
        byte[] module = JsTarget.module(rubric).content();
        String css = resource("page.css");
        String script = resource("page.js");
        String csp = "default-src 'none'; script-src '" + sha256(script) + "' blob:; style-src '" + sha256(css) + "'; "
                + "img-src http: https: file: data: blob:; base-uri 'none'; form-action 'none'; object-src 'none'";
        String title = Html.escape(rubric.title() + " " + rubric.version());
        return fill(resource("page.html"), Map.of("csp", csp, "title", title, "css", css,
                "module", wrap(Base64.getEncoder().encodeToString(module)), "script", script));
    }

    /** The template with each {{name}} replaced, in one pass: nothing inserted is read again. */
    private static String fill(String template, Map<String, String> values) {
        Matcher m = Pattern.compile("\\{\\{(\\w+)}}").matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) throw new IllegalStateException("unknown placeholder " + m.group());
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        return m.appendTail(b).toString();
    }

    private static String wrap(String base64) {
        StringBuilder b = new StringBuilder(base64.length() + base64.length() / 100 + 1);
        for (int i = 0; i < base64.length(); i += 100) b.append(base64, i, Math.min(base64.length(), i + 100)).append('\n');
        return b.toString();
    }

    private static String sha256(String text) {
        return "sha256-" + Base64.getEncoder().encodeToString(org.rubricc.backend.Digest.sha256(text));
    }

    private static String resource(String name) {
        return Resources.text(FormTarget.class, name);
    }
}
