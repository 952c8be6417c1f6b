/**
 * @module
 * The words that marked's inline tokens show, as a reader sees them rendered: emphasis, links and
 * code spans by their text, entities decoded, a hard line break a space, inline HTML tags and
 * badges none.
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
  let out = "";
  for (const t of tokens) {
    switch (t.type) {
      case "text":
        out += "tokens" in t && t.tokens ? inlineText(t.tokens, t.text, options) : decode(t.text);
        break;
      case "escape":
      case "codespan":
        out += t.text;
        break;
      case "br":
        out += " ";
        break;
      case "html":
        break;
      case "image":
        if (options.images !== false) out += t.text ?? "";
        break;
      case "link":
        // A link that is only an image is a badge or a logo ("Build Status"): no words.
        if ((t.tokens ?? []).every((inner) => inner.type === "image" || /^\s*$/u.test(inner.raw))) {
          break;
        }
        out += inlineText(t.tokens, t.text, options);
        break;
      default: {
        // Emphasis, links, strike-through and tokens of extensions: the words inside.
        const inner = t as { tokens?: Token[]; text?: string };
        out += inner.tokens
          ? inlineText(inner.tokens, inner.text ?? "", options)
          : decode(inner.text ?? "");
      }
    }
  }
  return out;
}

function decode(text: string): string {
  return text.includes("&") ? decodeHTML(text) : text;
}
