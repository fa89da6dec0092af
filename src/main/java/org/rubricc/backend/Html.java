package org.rubricc.backend;

/** Text written into HTML by the back ends that write pages (the guidelines, the rater's page). */
public final class Html {
    private Html() {}

    /** Text as HTML text or attribute value: nothing in it can start markup or end an attribute. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
