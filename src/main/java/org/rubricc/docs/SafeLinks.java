package org.rubricc.docs;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.InlineLinkNode;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Links in rubric prose are kept only when they cannot run anything: their destination is decided on the
 * parsed Markdown, after CommonMark's entity and backslash decoding, with every whitespace, control and
 * format character taken out (a browser strips or skips them: {@code jav&#x09;ascript:}), the scheme
 * compared without case. Allowed are {@code http}, {@code https}, {@code mailto} and relative destinations
 * (no scheme); anything else ({@code javascript:}, {@code vbscript:}, {@code data:}, {@code file:}, ...) is an
 * allowlist miss. A link or image that misses keeps its text and loses its destination; a reference
 * definition that misses is removed. Applied to the Markdown text before it is rendered as HTML and before it
 * is formatted as Markdown, so {@code guidelines.md} (and every Markdown file rubricc writes), rendered by any
 * CommonMark renderer, holds no such link either.
 */
final class SafeLinks {
    private SafeLinks() {}

    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

    /** Whether a Markdown link destination, as written (escapes and entities not yet decoded), is allowed. */
    static boolean allowed(CharSequence destination) {
        String decoded = Escaping.unescapeString(destination);
        StringBuilder b = new StringBuilder(decoded.length());
        decoded.codePoints().filter(cp -> !ignored(cp)).forEach(b::appendCodePoint);
        String url = b.toString().toLowerCase(Locale.ROOT);
        int colon = url.indexOf(':');
        if (colon < 0) return true;
        for (int i = 0; i < colon; i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') return true; // the colon is in a path, query or fragment: relative
        }
        return SCHEMES.contains(url.substring(0, colon));
    }

    /** Whitespace, control and format characters (zero-width ones, bidi marks), which a URL parser may skip. */
    private static boolean ignored(int cp) {
        int type = Character.getType(cp);
        return cp <= 0x20 || Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)
                || type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.SURROGATE;
    }

    /**
     * The Markdown text without the links, images and reference definitions whose destination is not allowed:
     * a link or image is replaced by its text, a definition is removed. Done on the text, at the places the
     * parser found, and repeated until the parse finds none (taking a link's brackets away can make new link
     * syntax of what was around it), so what the HTML renderer and the formatter (which copies table cells as
     * written) produce both come from the cleaned text.
     */
    static String clean(String markdown, Parser parser) {
        return cleaned(markdown, parser).text();
    }

    /**
     * The parsed {@linkplain #clean cleaned} text: the last parse {@code clean} makes, the one that found nothing
     * to take out, so that a caller rendering it does not parse the whole text once more.
     */
    static Document parse(String markdown, Parser parser) {
        return cleaned(markdown, parser).doc();
    }

    /** The cleaned text and its parse; {@code text} is {@code markdown} itself when nothing was taken out. */
    record Cleaned(String text, Document doc) {}

    static Cleaned cleaned(String markdown, Parser parser) {
        String text = markdown;
        while (true) {
            Document doc = parser.parse(text);
            List<int[]> spans = new ArrayList<>(); // start, end, and the replacement's start and end (-1: none)
            for (Node n = doc.getFirstChild(); n != null; n = following(n, doc)) {
                if (n instanceof Reference r) {
                    if (!allowed(r.getUrl())) spans.add(span(n, null));
                } else if (n instanceof RefNode ref) {
                    Reference target = ref.getReferenceNode(doc);
                    if (target != null && !allowed(target.getUrl())) {
                        spans.add(span(n, ref.getText().isEmpty() ? ref.getReference() : ref.getText()));
                    }
                } else if (n instanceof Link || n instanceof Image) {
                    if (!allowed(((LinkNodeBase) n).getUrl())) spans.add(span(n, ((InlineLinkNode) n).getText()));
                } else if (n instanceof AutoLink || n instanceof MailLink) {
                    if (!allowed(((LinkNodeBase) n).getUrl())) spans.add(span(n, null));
                }
            }
            if (spans.isEmpty()) return new Cleaned(text, doc);
            spans.sort(Comparator.comparingInt((int[] a) -> a[0]).thenComparingInt(a -> -a[1]));
            StringBuilder b = new StringBuilder(text.length());
            int at = 0;
            for (int[] s : spans) {
                if (s[0] < at) continue; // inside one already replaced
                b.append(text, at, s[0]);
                if (s[2] >= 0) b.append(text, s[2], s[3]);
                at = s[1];
            }
            b.append(text, at, text.length());
            text = b.toString();
        }
    }

    /**
     * The node after {@code n} in document order (its first child, else the next sibling of it or of the nearest
     * ancestor that has one), or null after the last: the order of {@code getDescendants()}, without the iterator
     * objects it makes for every node (on a large rubric's guidelines, walking that way took as long as parsing).
     */
    static Node following(Node n, Node root) {
        if (n.getFirstChild() != null) return n.getFirstChild();
        for (Node at = n; at != root; at = at.getParent()) {
            if (at.getNext() != null) return at.getNext();
        }
        return null;
    }

    private static int[] span(Node n, BasedSequence keep) {
        BasedSequence chars = n.getChars();
        return keep == null || keep.isNull()
                ? new int[] {chars.getStartOffset(), chars.getEndOffset(), -1, -1}
                : new int[] {chars.getStartOffset(), chars.getEndOffset(), keep.getStartOffset(), keep.getEndOffset()};
    }
}
