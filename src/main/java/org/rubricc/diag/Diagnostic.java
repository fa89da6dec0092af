package org.rubricc.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rubricc.source.Span;

/**
 * One problem found in the input. A value, never thrown.
 *
 * @param message lowercase, no trailing period, makes sense on its own
 * @param label   a short note printed under the caret (may be empty)
 * @param hint    what to do about it, when there is something to say
 * @param related other places that take part in the problem (the rules that clash, ...), each with its own note
 */
public record Diagnostic(Code code, Severity severity, Span span, String message, String label, Optional<String> hint,
        List<Related> related) {

    /** A secondary place of a diagnostic, printed with its own caret and note. */
    public record Related(Span span, String label) {}

    public Diagnostic {
        related = List.copyOf(related);
    }

    public Diagnostic(Code code, Severity severity, Span span, String message, String label, Optional<String> hint) {
        this(code, severity, span, message, label, hint, List.of());
    }

    public static Diagnostic of(Code code, Span span, String message) {
        return new Diagnostic(code, code.severity(), span, message, "", Optional.empty());
    }

    public Diagnostic withLabel(String label) {
        return new Diagnostic(code, severity, span, message, label, hint, related);
    }

    public Diagnostic withHint(String hint) {
        return new Diagnostic(code, severity, span, message, label, Optional.ofNullable(hint), related);
    }

    public Diagnostic withRelated(Span span, String label) {
        List<Related> more = new ArrayList<>(related);
        more.add(new Related(span, label));
        return new Diagnostic(code, severity, this.span, message, this.label, hint, more);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
