/**
 * @module
 * The words that marked's inline tokens show, as a reader sees them rendered: emphasis, links and
 * code spans by their text (a MyST role's by what it shows), entities decoded, a hard line
 * break a space, inline HTML tags and badges none.
 */
import { decodeHTML } from "entities";
import type { Token } from "marked";

export interface InlineOptions {
  /** Whether an image shows its alt text ("a diagram of the lamp"); a badge's says nothing in a
   * title ("build passing"). */
  images?: boolean;
}

/** The text of inline tokens; `fallback` stands when the token has none. */
export function inlineText(
  tokens: Token[] | undefined,
  fallback: string,
  options: InlineOptions = {},
): string {
  if (!tokens) return decode(fallback);
  // Pieces joined once at the end: a role is looked for in the last piece only, as the text
  // before its code span. Tried on all that came before, each code span cost the length of the
  // paragraph so far (34 s for a paragraph of 150,000 spans).
  const out: string[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case "text":
        out.push(
          "tokens" in t && t.tokens ? inlineText(t.tokens, t.text, options) : decode(t.text),
        );
        break;
      case "escape":
        out.push(t.text);
        break;
      case "codespan": {
        // A MyST role, as Sphinx projects write Markdown: "{ref}`--no-deps <install-no-deps>`"
        // shows "--no-deps", "{py:func}`~json.dumps`" shows "dumps".
        const before = out.at(-1) ?? "";
        if (MYST_ROLE.test(before)) {
          out[out.length - 1] = before.replace(MYST_ROLE, "");
          out.push(roleText(t.text));
        } else out.push(t.text);
        break;
      }
      case "br":
        out.push(" ");
        break;
      case "html":
        break;
      case "image":
        if (options.images !== false) out.push(t.text ?? "");
        break;
      case "link":
        // A link that is only an image is a badge or a logo ("Build Status"): no words.
        if ((t.tokens ?? []).every((inner) => inner.type === "image" || /^\s*$/u.test(inner.raw))) {
          break;
        }
        // A footnote's mark, which marked reads as a link where the note's line defines "[^1]",
        // stays as written, as it does with no such line: not "^1", its link text.
        if (FOOTNOTE_MARK.test(t.raw)) {
          out.push(t.raw);
          break;
        }
        out.push(inlineText(t.tokens, t.text, options));
        break;
      default: {
        // Emphasis, links, strike-through and tokens of extensions: the words inside.
        const inner = t as { tokens?: Token[]; text?: string };
        out.push(
          inner.tokens
            ? inlineText(inner.tokens, inner.text ?? "", options)
            : decode(inner.text ?? ""),
        );
      }
    }
  }
  return out.join("");
}

/** A footnote's mark as written: "[^1]", "[^note]". */
const FOOTNOTE_MARK = /^\[\^[^\]\s]+\]$/u;

/** A MyST role's name just before its code span: "{ref}", "{py:class}". */
const MYST_ROLE = /\{[A-Za-z][\w:.+-]*\}$/u;

/** What a role's target shows: its title before "<target>", or the last part after "~". */
function roleText(target: string): string {
  const titled = /^(.*?)\s*<[^<>]+>$/su.exec(target)?.[1];
  if (titled) return titled;
  const bare = target.replace(/^!/u, "");
  return bare.startsWith("~") ? bare.slice(bare.lastIndexOf(".") + 1) : bare;
}

function decode(text: string): string {
  return text.includes("&") ? decodeHTML(text) : text;
}
