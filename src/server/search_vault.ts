/**
 * @module
 * The vault browser's search over the text of a job's notes: every note gleaner lists for the
 * vault is read as it is on disk (regular files inside the vault only), and each note whose text
 * holds the query, case and accents aside, comes back with the first line that does.
 */
import { join } from "node:path";
import type { TextMatch } from "../protocol/api.ts";
import { readRegularFile } from "../fs/open_regular.ts";

/** Enough to choose from; the title filter narrows further. */
const MAX_MATCHES = 50;
/** A line longer than this is cut around the match. */
const SNIPPET_CHARS = 160;

/** Case and accents aside: "Ökologie" is found by "okolo". */
export function fold(s: string): string {
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The notes among `paths` (relative to `vaultDir`) whose text holds `query`. */
export async function searchVault(
  vaultDir: string,
  paths: string[],
  query: string,
): Promise<TextMatch[]> {
  const needle = fold(query.trim());
  if (needle.length < 2) return [];
  const root = await Deno.realPath(vaultDir);
  const found: TextMatch[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = new TextDecoder().decode(await readRegularFile(join(root, path), root));
    } catch {
      continue; // gone or not a regular file since it was listed: nothing to show
    }
    if (!fold(text).includes(needle)) continue;
    // A line of the note's text before one of its properties ('title: "git-rebase(1)"').
    const { properties, body } = splitFrontmatter(text);
    const holds = (l: string) => fold(l).includes(needle);
    const line = body.find(holds) ?? properties.find(holds) ?? "";
    found.push({ path, snippet: snippet(line, needle) });
    if (found.length === MAX_MATCHES) break;
  }
  return found;
}

/** The lines of a note's frontmatter and of its text. */
function splitFrontmatter(text: string): { properties: string[]; body: string[] } {
  const lines = text.split("\n");
  const end = lines[0] === "---" ? lines.indexOf("---", 1) : -1;
  return end < 0
    ? { properties: [], body: lines }
    : { properties: lines.slice(1, end), body: lines.slice(end + 1) };
}

function snippet(line: string, needle: string): string {
  // As a reader sees the line: a wikilink by its label, no list mark, heading mark, emphasis or
  // escape ("branch.\<name>.remote").
  const text = line.replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, "$1")
    .replace(/^\s*(?:[-*]|#{1,6})\s+/, "")
    .replace(/\*\*|__/g, "")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .trim();
  if (text.length <= SNIPPET_CHARS) return text;
  // Folding keeps positions for most text; where it does not, the start of the line will do.
  const at = Math.max(0, fold(text).indexOf(needle) - SNIPPET_CHARS / 3);
  let start = Math.min(at, text.length - SNIPPET_CHARS);
  let end = start + SNIPPET_CHARS;
  // Cut between words, never inside one ("the original list co…"): a word cut at the start is
  // dropped, and the snippet ends at the last space before its end.
  if (start > 0 && /\S/u.test(text[start - 1])) {
    const space = text.indexOf(" ", start);
    if (space >= 0 && space < end) start = space + 1;
  }
  if (end < text.length && /\S/u.test(text[end])) {
    const space = text.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  const ellipsis = end < text.length ? "…" : "";
  return `${start > 0 ? "…" : ""}${text.slice(start, end).trim()}${ellipsis}`;
}
