/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * @module
 * A note as HTML for the vault browser: `marked` renders the Markdown; raw HTML in a note is
 * shown as text, never run (but for bare `<sub>` and `<sup>`); Obsidian wikilinks become links
 * inside the browser, in table cells too (`[[Note\|label]]`); comments (`%% ... %%`) and block
 * ids (`^t-…`) are hidden as Obsidian hides them; links to a block go to its paragraph; callouts
 * stand out; the frontmatter is shown as a table of properties.
 */
import { decodeHTML } from "entities";
import { Marked } from "marked";
import { parse as parseYaml } from "yaml";

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

/** Properties kept out of the table: for gleaner's own bookkeeping, not for reading. */
const HIDDEN_PROPERTIES = new Set(["source_hash"]);

/** Marks where a block id stood, until its paragraph is known (never in a note's own text). */
const BLOCK = "\u2063";

/**
 * Turns a note's `markdown` into HTML; `href(path)` makes the link of a vault path
 * ("Sources/A.md"), and `blockHref(id)` the link of a block of this note (a key point's time to
 * its paragraph).
 */
export function noteToHtml(
  markdown: string,
  href: (path: string) => string,
  blockHref?: (id: string) => string,
): string {
  const marked = new Marked({
    gfm: true,
    renderer: {
      // Sub- and superscripts (`<sub>`, `<sup>`, bare, as gleaner writes them) render as
      // Obsidian renders them; every other tag is shown as text.
      html: ({ text }) => /^<\/?su[bp]>$/.test(text) ? text : escape(text),
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
    front = properties(fm[1], href);
    text = text.slice(fm[0].length);
  }
  text = text.replace(/%%[\s\S]*?%%/g, "");
  // A block id ends its paragraph's last line: hidden, and the paragraph gets it as its id.
  text = text.replace(/ \^([A-Za-z0-9-]+)[ \t]*$/gm, (_, id) => `${BLOCK}${id}${BLOCK}`);
  text = text.replace(
    new RegExp(WIKILINK.source, "g"),
    (_, target, anchor, alias) => {
      const label = escapeMarkdown((alias ?? (target || anchor || "")).replace(/[[\]]/g, ""));
      if (!target) {
        // A link inside the same note: to its block when it names one, else shown as its text.
        const block = /^#\^([A-Za-z0-9-]+)$/.exec(anchor ?? "");
        if (!block || !blockHref) return label;
        return `[${label}](<${linkDestination(blockHref(block[1]))}>)`;
      }
      return `[${label}](<${linkDestination(href(`${target}.md`))}>)`;
    },
  );
  const html = callouts(marked.parse(text, { async: false }) as string);
  return front + html.replace(
    // The paragraph (or list item) the block id ended, never one before it.
    new RegExp(`<(p|li)>((?:(?!</(?:p|li)>)[\\s\\S])*?)${BLOCK}([A-Za-z0-9-]+)${BLOCK}`, "g"),
    (_, tag, before, id) => `<${tag} id="block-${id}">${before}`,
  ).replaceAll(new RegExp(`${BLOCK}[A-Za-z0-9-]*${BLOCK}`, "g"), "");
}

/**
 * Obsidian's callouts (`> [!warning] Title` over a quote): the quote marked with its kind and the
 * title set apart, as Obsidian shows them; the kind is a word, so it is safe in an attribute.
 */
function callouts(html: string): string {
  return html.replace(
    /<blockquote>\s*<p>\[!([A-Za-z-]{1,30})\][ \t]*([^\n<]*)\n?/g,
    (_, kind: string, title: string) =>
      `<blockquote class="callout" data-callout="${kind.toLowerCase()}">` +
      `<p class="callout-title">${title || kind}</p><p>`,
  );
}

/**
 * A wikilink: its target, `#anchor` and alias. Inside a table its pipe is written `\|`, so that
 * it does not end the cell; Obsidian reads that as the link's pipe, and so does this.
 */
const WIKILINK = /\[\[([^\]|#]*?)(#[^\]|]*?)?(?:\\?\|([^\]]*))?\]\]/;

/**
 * The frontmatter as a table of properties, a wikilink in it (`related`) a link as Obsidian shows
 * it; as text when it is not valid YAML.
 */
function properties(yaml: string, href: (path: string) => string): string {
  let data: unknown;
  try {
    data = parseYaml(yaml, { maxAliasCount: 10 });
  } catch {
    return `<pre class="frontmatter">${escape(yaml)}</pre>`;
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return `<pre class="frontmatter">${escape(yaml)}</pre>`;
  }
  const show = (v: unknown): string => {
    if (Array.isArray(v)) return v.map(show).join(", ");
    if (v !== null && typeof v === "object") return escape(JSON.stringify(v));
    const text = String(v ?? "");
    const link = new RegExp(`^${WIKILINK.source}$`).exec(text);
    if (!link?.[1]) return escape(text);
    return `<a href="${escape(href(`${link[1]}.md`))}">${escape(link[3] ?? link[1])}</a>`;
  };
  const rows = Object.entries(data).filter(([key]) => !HIDDEN_PROPERTIES.has(key))
    .map(([key, value]) => `<tr><th scope="row">${escape(key)}</th><td>${show(value)}</td></tr>`);
  return `<table class="properties" aria-label="Properties"><tbody>${
    rows.join("")
  }</tbody></table>`;
}

/** Backslash before every ASCII punctuation mark: a title's `*`, `_` or `)` stays text. */
function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/**
 * A URL as an angle-bracket link destination, in which a name's `(`, `)` or spaces cannot end
 * the link early: only `<`, `>`, `\\` and line breaks must not appear there, so they are
 * percent-encoded (a note named `A library) (4).md` once became `…library) (4)%20(4).md)`).
 */
function linkDestination(url: string): string {
  return url.replace(/[<>\\\n\r ()]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
