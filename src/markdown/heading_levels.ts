/**
 * @module
 * A source's own headings nested under the note's: a note's sections are `##` (Summary, Key
 * points... Full text), so the full text's headings start at `###`. Left at their levels, a
 * Markdown file's `#` and `##` headings stood beside "Summary" in Obsidian's outline, and a page's
 * own "Summary" section read as a second one. Only ATX headings outside fenced code move; a
 * heading links by its text, which stays.
 */

/** The level the full text's top headings take: one below the note's sections. */
const TOP = 3;
const DEEPEST = 6;
const HEADING = /^( {0,3})(#{1,6})(?=[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Moves every heading down so that the highest is at level 3 (none past level 6). */
export function nestHeadings(body: string): string {
  const top = levels(body).reduce((a, b) => Math.min(a, b), TOP);
  return shift(body, TOP - top);
}

/** Undoes {@link nestHeadings} for a body read back from a note: its headings start at level 3. */
export function unnestHeadings(body: string): string {
  return shift(body, 1 - TOP);
}

function levels(body: string): number[] {
  const found: number[] = [];
  outsideCode(body, (line) => {
    const m = HEADING.exec(line);
    if (m) found.push(m[2].length);
    return line;
  });
  return found;
}

function shift(body: string, by: number): string {
  if (by === 0) return body;
  return outsideCode(body, (line) =>
    line.replace(HEADING, (_, indent: string, marks: string) => {
      const level = Math.max(1, Math.min(DEEPEST, marks.length + by));
      return indent + "#".repeat(level);
    }));
}

/** Maps each line outside fenced code blocks; the fences and the code stay as they are. */
function outsideCode(body: string, map: (line: string) => string): string {
  let fence: string | undefined;
  return body.split("\n").map((line) => {
    const open = FENCE.exec(line);
    if (fence === undefined) {
      if (open) {
        fence = open[1];
        return line;
      }
      return map(line);
    }
    // A fence closes with the same character, at least as long, and nothing after it.
    const closes = open && open[1][0] === fence[0] && open[1].length >= fence.length &&
      /^\s*$/.test(line.slice(open[0].length));
    if (closes) {
      fence = undefined;
    }
    return line;
  }).join("\n");
}
