/**
 * @module
 * A source's own headings nested under the note's: a note's sections are `##` (Summary, Key
 * points... Full text), so the full text's headings start at `###`. Left at their levels, a
 * Markdown file's `#` and `##` headings stood beside "Summary" in Obsidian's outline, and a page's
 * own "Summary" section read as a second one. Headings outside fenced code move; an underlined
 * (setext) heading is written with `#`s, which is how it can go deeper. A heading links by its
 * text, which stays.
 */

/** The level the full text's top headings take: one below the note's sections. */
const TOP = 3;
const DEEPEST = 6;
const ATX = /^( {0,3})(#{1,6})(?=[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
/** A line an underline below does not make a heading: a list item, a quote, a table row, code. */
const NOT_HEADING_TEXT = /^(?: {4}|\t| {0,3}(?:[-+*>|#]|\d+[.)])(?:[ \t]|$))/;

interface Heading {
  /** Line of its text. */
  at: number;
  level: number;
  /** Underlined: the line after `at` is the underline. */
  setext: boolean;
}

/** Moves every heading down so that the highest is at level 3 (none past level 6). */
export function nestHeadings(body: string): string {
  const lines = body.split("\n");
  const found = headings(lines);
  const top = found.reduce((least, h) => Math.min(least, h.level), TOP);
  return rewrite(lines, found, TOP - top);
}

/** Undoes {@link nestHeadings} for a body read back from a note: its headings start at level 3. */
export function unnestHeadings(body: string): string {
  const lines = body.split("\n");
  return rewrite(lines, headings(lines), 1 - TOP);
}

function rewrite(lines: string[], found: Heading[], by: number): string {
  if (by === 0 && !found.some((h) => h.setext)) return lines.join("\n");
  const drop = new Set<number>();
  for (const h of found) {
    const level = Math.max(1, Math.min(DEEPEST, h.level + by));
    if (h.setext) {
      lines[h.at] = `${"#".repeat(level)} ${lines[h.at].trim()}`;
      drop.add(h.at + 1);
    } else {
      lines[h.at] = lines[h.at].replace(ATX, (_, indent: string) => indent + "#".repeat(level));
    }
  }
  return lines.filter((_, i) => !drop.has(i)).join("\n");
}

/** The headings outside fenced code blocks. */
function headings(lines: string[]): Heading[] {
  const found: Heading[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const open = FENCE.exec(line);
    if (fence !== undefined) {
      // A fence closes with the same character, at least as long, and nothing after it.
      const closes = open && open[1][0] === fence[0] && open[1].length >= fence.length &&
        /^\s*$/.test(line.slice(open[0].length));
      if (closes) fence = undefined;
      continue;
    }
    if (open) {
      fence = open[1];
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      found.push({ at: i, level: atx[2].length, setext: false });
      continue;
    }
    // One line of text with a blank line (or nothing) above and an underline below.
    const under = UNDERLINE.exec(lines[i + 1] ?? "");
    if (
      under && line.trim() !== "" && !NOT_HEADING_TEXT.test(line) &&
      (i === 0 || lines[i - 1].trim() === "")
    ) {
      found.push({ at: i, level: under[1][0] === "=" ? 1 : 2, setext: true });
      i++;
    }
  }
  return found;
}
