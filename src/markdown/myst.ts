/**
 * @module
 * MyST Markdown (Sphinx documentation written in Markdown: pip's, for one) as Obsidian shows it.
 * MyST writes a note or a warning as a fenced block with its directive for a language,
 * "```{note}"; Obsidian, which knows no directives, showed its prose as code, and the analysis,
 * which reads no code, lost it. A callout is the same aside in Obsidian's own terms:
 * "> [!note]". A cross-reference's target, "(repeatability)=" on a line of its own above a
 * heading, shows in Obsidian as that text: it goes. The blocks are found by marked's lexer, so
 * fences of four backticks around others ("````{admonition} Example") are read whole.
 */
import { marked, type Tokens } from "marked";

/** MyST's admonition directives, by Obsidian's callout type (Obsidian reads "caution",
 * "important", "hint", "attention" and "error" as kinds of its own types). */
const CALLOUT: Record<string, string> = {
  note: "note",
  tip: "tip",
  hint: "hint",
  important: "important",
  warning: "warning",
  caution: "caution",
  attention: "attention",
  danger: "danger",
  error: "error",
  seealso: "info",
  admonition: "note",
  versionadded: "info",
  versionchanged: "info",
  deprecated: "warning",
};

/** The titles Sphinx gives a version's directive, before its argument. */
const VERSION_TITLE: Record<string, string> = {
  versionadded: "New in version",
  versionchanged: "Changed in version",
  deprecated: "Deprecated since version",
};

/** "{note}", "{admonition} Example", "{versionadded} 22.2". */
const DIRECTIVE = /^\{([a-z]+)\}[ \t]*(.*)$/u;
/** A directive's option, which opens its content: ":class: tip". */
const OPTION = /^:[\w-]+:.*$/u;

/** A cross-reference's target on a line of its own: "(repeatability)=". */
const TARGET = /^\([\w.:-]+\)=[ \t]*\n*$/u;

/** The Markdown with each admonition's fenced block written as an Obsidian callout, and no
 * cross-reference targets. */
export function mystAsObsidian(markdown: string): string {
  if (!/^(?:`{3,}|~{3,})\{|^\([\w.:-]+\)=/mu.test(markdown)) return markdown;
  const tokens = marked.lexer(markdown);
  // The top-level blocks' own text, end to end, is the Markdown: any other reading is left be.
  if (tokens.map((t) => t.raw).join("") !== markdown) return markdown;
  return tokens.map((token) => {
    if (token.type === "paragraph" && TARGET.test(token.raw)) return "";
    if (token.type !== "code") return token.raw;
    const callout = asCallout(token as Tokens.Code);
    // The blank lines after the block stay, so the callout ends where the block did.
    return callout === undefined ? token.raw : callout + /\n*$/u.exec(token.raw)![0];
  }).join("");
}

/** A fenced admonition as a callout, or undefined for any other code block. */
function asCallout(code: Tokens.Code): string | undefined {
  const match = DIRECTIVE.exec((code.lang ?? "").trim());
  if (!match || !/^(?:`{3,}|~{3,})/u.test(code.raw)) return undefined;
  const [, directive, argument] = match;
  const type = CALLOUT[directive];
  if (type === undefined) return undefined;
  const title = VERSION_TITLE[directive]
    ? `${VERSION_TITLE[directive]} ${argument}`.trim()
    : argument.trim();
  const lines = code.text.split("\n");
  while (lines.length > 0 && OPTION.test(lines[0])) lines.shift();
  const body = lines.map((line) => line === "" ? ">" : `> ${line}`);
  return [`> [!${type}]${title === "" ? "" : ` ${title}`}`, ...body].join("\n");
}
