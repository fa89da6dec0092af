package org.rubricc.diag;

import java.util.Optional;
import org.rubricc.source.Span;

/**
 * One problem found in the input. A value, never thrown.
 *
 * @param message lowercase, no trailing period, makes sense on its own
 * @param label   a short note printed under the caret (may be empty)
 * @param hint    what to do about it, when there is something to say
 */
public record Diagnostic(Code code, Severity severity, Span span, String message, String label, Optional<String> hint) {

    public static Diagnostic of(Code code, Span span, String message) {
        return new Diagnostic(code, code.severity(), span, message, "", Optional.empty());
    }

    public Diagnostic withLabel(String label) {
        return new Diagnostic(code, severity, span, message, label, hint);
    }

    public Diagnostic withHint(String hint) {
        return new Diagnostic(code, severity, span, message, label, Optional.ofNullable(hint));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
