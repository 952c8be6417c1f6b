/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * @module
 * A note as HTML for the vault browser: `marked` renders the Markdown; raw HTML in a note is
 * shown as text, never run; Obsidian wikilinks become links inside the browser; comments
 * (`%% ... %%`) are hidden as Obsidian hides them; the frontmatter is shown as a block.
 */
import { decodeHTML } from "entities";
import { Marked } from "marked";

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Link targets a note may lead to: the web, mail, Obsidian, and places inside the browser (a
 * fragment or a relative path). `javascript:`, `data:`, `file:`, `vbscript:` and every other
 * scheme become plain text: the page's CSP blocks script URLs too, this is a second layer.
 */
export function safeHref(target: string): boolean {
  // As the browser reads the attribute: character references decoded ("&#106;avascript:"),
  // tabs, newlines and leading spaces inside a scheme ignored ("java\tscript:").
  // deno-lint-ignore no-control-regex -- control characters are exactly what must go
  const squeezed = decodeHTML(target).replace(/[\u0000-\u0020\u007f]+/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(squeezed)?.[1];
  return scheme === undefined || ["http", "https", "mailto", "obsidian"].includes(scheme);
}

/** Renders `markdown`; `href(path)` makes the link of a vault path ("Sources/A.md"). */
export function renderNote(markdown: string, href: (path: string) => string): string {
  const marked = new Marked({
    gfm: true,
    renderer: {
      html: ({ text }) => escape(text),
    },
    walkTokens: (token) => {
      if ((token.type === "link" || token.type === "image") && !safeHref(token.href)) {
        token.href = "#unsafe-link";
      }
    },
  });
  let text = markdown;
  let front = "";
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (fm) {
    front = `<pre class="frontmatter">${escape(fm[1])}</pre>`;
    text = text.slice(fm[0].length);
  }
  text = text.replace(/%%[\s\S]*?%%/g, "");
  text = text.replace(
    /\[\[([^\]|#]*)(#[^\]|]*)?(?:\|([^\]]*))?\]\]/g,
    (_, target, anchor, alias) => {
      const label = (alias ?? (target || anchor || "")).replace(/[[\]]/g, "");
      if (!target) return label; // a link inside the same note: shown as its text
      return `[${label}](${href(`${target}.md`)})`;
    },
  );
  return front + (marked.parse(text, { async: false }) as string);
}
