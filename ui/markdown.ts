/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * @module
 * A note as HTML for the vault browser: `marked` renders the Markdown; raw HTML in a note is
 * shown as text, never run; Obsidian wikilinks become links inside the browser; comments
 * (`%% ... %%`) are hidden as Obsidian hides them; the frontmatter is shown as a block.
 */
import { Marked } from "marked";

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Renders `markdown`; `href(path)` makes the link of a vault path ("Sources/A.md"). */
export function renderNote(markdown: string, href: (path: string) => string): string {
  const marked = new Marked({
    gfm: true,
    renderer: {
      html: ({ text }) => escape(text),
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
      const label = escapeMarkdown((alias ?? (target || anchor || "")).replace(/[[\]]/g, ""));
      if (!target) return label; // a link inside the same note: shown as its text
      return `[${label}](<${linkDestination(href(`${target}.md`))}>)`;
    },
  );
  return front + (marked.parse(text, { async: false }) as string);
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
