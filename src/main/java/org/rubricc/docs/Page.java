package org.rubricc.docs;

import org.rubricc.backend.Html;

/** The HTML page around rendered guidelines: one file, inline CSS, no scripts, printable. */
final class Page {
    private Page() {}

    private static final String CSS = """
            :root { color-scheme: light; --ink: #1d2330; --muted: #5b6474; --rule: #d9dde5; --accent: #2453a6; --soft: #f4f6fa; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #fff; color: var(--ink);
                   font: 16px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
            main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
            h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; }
            h2 { font-size: 1.45rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem; border-bottom: 2px solid var(--rule); }
            h3 { font-size: 1.15rem; margin: 2rem 0 .5rem; color: var(--accent); }
            p, ul, ol, table { margin: 0 0 1rem; }
            a { color: var(--accent); }
            code { background: var(--soft); padding: .05rem .3rem; border-radius: 3px; font-size: .92em; }
            table { border-collapse: collapse; width: 100%; font-size: .95rem; }
            th, td { border: 1px solid var(--rule); padding: .45rem .6rem; text-align: left; vertical-align: top; }
            th { background: var(--soft); font-weight: 600; }
            td:first-child { white-space: nowrap; }
            ul.toc { background: var(--soft); border: 1px solid var(--rule); border-radius: 6px; padding: .8rem 1rem .8rem 2rem; }
            ul.toc ul { margin: .2rem 0; }
            h3 + p strong:first-child { color: var(--ink); }
            em { color: var(--muted); }
            @media print {
              body { font-size: 11pt; }
              main { max-width: none; padding: 0; }
              h2 { break-after: avoid; } h3 { break-after: avoid; }
              table, tr { break-inside: avoid; }
              ul.toc { display: none; }
              a { color: inherit; text-decoration: none; }
            }
            """;

    static String wrap(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<main>\n"
                + body.replace("\r\n", "\n").stripTrailing() + "\n</main>\n</body>\n</html>\n";
    }

}
