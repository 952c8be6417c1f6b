/**
 * @module
 * Turndown rules that write HTML tables (and so Word tables, which mammoth makes HTML) as GFM
 * tables, which Obsidian renders. The GFM plugins on npm were tried first: turndown-plugin-gfm
 * keeps every table without a header row as raw HTML, and Joplin's fork keeps tables with lists,
 * headings or code in them as raw HTML too; a note should hold no raw HTML from its source. Here
 * every table becomes Markdown: block content in a cell is joined with `<br>`, a merged cell
 * spreads over empty ones, short rows are padded, and a layout table (one filled column, or
 * headings in cells) is its content.
 */

/** The parts of linkedom's DOM the rules read. */
export interface TableNode {
  readonly nodeName: string;
  readonly parentNode: TableNode | null;
  getAttribute(name: string): string | null;
}

/** What turndown's `addRule` takes. */
export interface TableRule {
  filter: string[];
  replacement: (content: string, node: TableNode) => string;
}

// Private-use characters frame cells and rows while turndown builds the table from the inside
// out; html.ts removes them (MARKS) from the page's own text when it is parsed. \uE015 and
// \uE016 are the footnotes'.
const CELL_OPEN = "\uE010";
const CELL_CLOSE = "\uE011";
const ROW_OPEN = "\uE012";
const ROW_CLOSE = "\uE013";
const HEADER_ROW = "\uE014";
const HEADER_CELL = "\uE017";

/** Widest merged cell spread out; a larger colspan is a layout trick, not data. */
const MAX_SPAN = 50;

/** The table rules, to add to a turndown service. */
export function tableRules(): Record<string, TableRule> {
  return {
    tableCell: {
      filter: ["th", "td"],
      replacement: (content, node) => {
        // Readability makes a layout table a <div> and leaves its rows and cells in it: blocks.
        if (!inTable(node)) return `\n\n${content}\n\n`;
        const text = content.trim().replace(/\n+/g, "<br>").replace(/(?<!\\)\|/g, "\\|");
        const span = Math.min(
          MAX_SPAN,
          Math.max(1, Number.parseInt(node.getAttribute("colspan") ?? "1", 10) || 1),
        );
        const mark = node.nodeName === "TH" ? HEADER_CELL : "";
        const cell = `${CELL_OPEN}${mark}${text}${CELL_CLOSE}`;
        return cell + `${CELL_OPEN}${mark}${CELL_CLOSE}`.repeat(span - 1);
      },
    },
    tableRow: {
      filter: ["tr"],
      replacement: (content, node) => {
        if (!inTable(node)) return content;
        // A row of <th> cells labels the columns as a <thead> row does.
        const labels = node.parentNode?.nodeName === "THEAD" ||
          !content.split(CELL_OPEN).slice(1).some((cell) => !cell.startsWith(HEADER_CELL));
        const header = labels ? HEADER_ROW : "";
        return `${ROW_OPEN}${header}${content}${ROW_CLOSE}`;
      },
    },
    tableSection: {
      filter: ["thead", "tbody", "tfoot"],
      replacement: (content) => content,
    },
    tableCaption: {
      filter: ["caption"],
      replacement: (content) => `${CELL_OPEN}caption${CELL_CLOSE}${content.trim()}`,
    },
    tableSkip: {
      filter: ["colgroup", "col"],
      replacement: () => "",
    },
    table: {
      filter: ["table"],
      replacement: (content) => `\n\n${writeTable(content)}\n\n`,
    },
  };
}

/** Whether a row or cell stands in a table. */
function inTable(node: TableNode): boolean {
  for (let at = node.parentNode; at !== null; at = at.parentNode) {
    if (at.nodeName === "TABLE") return true;
  }
  return false;
}

/** Builds the Markdown of one table from what its rows and cells wrote. */
function writeTable(content: string): string {
  let caption = "";
  const captionMark = `${CELL_OPEN}caption${CELL_CLOSE}`;
  const rows: { header: boolean; cells: string[] }[] = [];
  for (const part of content.split(ROW_OPEN)) {
    const captionAt = part.indexOf(captionMark);
    if (captionAt >= 0) {
      const end = part.indexOf(ROW_CLOSE);
      caption = part.slice(captionAt + captionMark.length, end >= 0 ? end : undefined).trim();
    }
    const end = part.indexOf(ROW_CLOSE);
    if (end < 0) continue;
    const row = part.slice(0, end);
    const cells = [...row.matchAll(/\uE010\uE017?([^\uE010\uE011]*)\uE011/g)].map((m) =>
      m[1].trim()
    );
    if (cells.length > 0) rows.push({ header: row.startsWith(HEADER_ROW), cells });
  }
  const columns = Math.max(0, ...rows.map((r) => r.cells.length));
  const captionText = caption ? `${caption}\n\n` : "";
  if (rows.length === 0) return captionText.trim();
  // A table of one column, or of one column and empty ones (an image's cell, a margin), lays out
  // blocks; so does one with a heading in a cell ("## SQLite Forensics (2018)<br>Author: ...").
  // Its cells are paragraphs, not data.
  const filled = new Set(rows.flatMap((r) => r.cells.flatMap((c, i) => c === "" ? [] : [i])));
  const headed = rows.some((r) => r.cells.some((c) => /(?:^|<br>)#{1,6} /u.test(c)));
  if (filled.size <= 1 || headed) {
    return captionText + rows.flatMap((r) => r.cells).filter(Boolean)
      .map((c) => c.replaceAll("<br>", "\n\n")).join("\n\n");
  }
  const line = (cells: string[]) => {
    const padded = [...cells, ...Array(columns - cells.length).fill("")];
    return `| ${padded.map((c) => c === "" ? " " : c).join(" | ")} |`;
  };
  // GFM needs a header row: the marked one, else a first row of labels (Word tables seldom mark
  // theirs), else an empty one: a row of data in bold type over the table reads as its labels.
  const marked = rows.findIndex((r) => r.header);
  const headerIndex = marked >= 0 ? marked : areLabels(rows[0].cells) ? 0 : -1;
  const header = headerIndex >= 0 ? rows[headerIndex].cells : [];
  const body = rows.filter((_, i) => i !== headerIndex);
  const separator = `| ${Array(columns).fill("---").join(" | ")} |`;
  return captionText + [line(header), separator, ...body.map((r) => line(r.cells))].join("\n");
}

/** Cells that read as column labels: each a few words, none a sentence ("Dish", "Price"). */
function areLabels(cells: string[]): boolean {
  return cells.every((cell) =>
    cell !== "" && cell.split(/\s+/u).length <= 6 && !/[.!?:;,]$/u.test(cell)
  );
}
