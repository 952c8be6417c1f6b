/**
 * @module
 * Turndown rules that write HTML tables (and so Word tables, which mammoth makes HTML) as GFM
 * tables, which Obsidian renders. The GFM plugins on npm were tried first: turndown-plugin-gfm
 * keeps every table without a header row as raw HTML, and Joplin's fork keeps tables with lists,
 * headings or code in them as raw HTML too; a note should hold no raw HTML from its source. Here
 * every table becomes Markdown: block content in a cell is joined with `<br>`, a merged cell
 * spreads over empty ones, short rows are padded, and a one-column layout table is its content.
 */

/** The parts of linkedom's DOM the rules read. */
interface TableNode {
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
// out; they are removed from the page's own text when it is parsed (see STRIPPED).
const CELL_OPEN = "\uE010";
const CELL_CLOSE = "\uE011";
const ROW_OPEN = "\uE012";
const ROW_CLOSE = "\uE013";
const HEADER_ROW = "\uE014";

/** Characters the rules use as markers, never left in a page's text. */
export const STRIPPED = /[\uE010-\uE014]/g;

/** Widest merged cell spread out; a larger colspan is a layout trick, not data. */
const MAX_SPAN = 50;

/** The table rules, to add to a turndown service. */
export function tableRules(): Record<string, TableRule> {
  return {
    tableCell: {
      filter: ["th", "td"],
      replacement: (content, node) => {
        const text = content.trim().replace(/\n+/g, "<br>").replace(/(?<!\\)\|/g, "\\|");
        const span = Math.min(
          MAX_SPAN,
          Math.max(1, Number.parseInt(node.getAttribute("colspan") ?? "1", 10) || 1),
        );
        const cell = `${CELL_OPEN}${text}${CELL_CLOSE}`;
        return cell + `${CELL_OPEN}${CELL_CLOSE}`.repeat(span - 1);
      },
    },
    tableRow: {
      filter: ["tr"],
      replacement: (content, node) => {
        const header = node.parentNode?.nodeName === "THEAD" ? HEADER_ROW : "";
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
    const cells = [...row.matchAll(/\uE010([^\uE010\uE011]*)\uE011/g)].map((m) => m[1].trim());
    if (cells.length > 0) rows.push({ header: row.startsWith(HEADER_ROW), cells });
  }
  const columns = Math.max(0, ...rows.map((r) => r.cells.length));
  const captionText = caption ? `${caption}\n\n` : "";
  if (rows.length === 0) return captionText.trim();
  // A one-column table lays out blocks; its cells are paragraphs, not data.
  if (columns === 1) {
    return captionText + rows.map((r) => r.cells[0].replaceAll("<br>", "\n\n")).filter(Boolean)
      .join("\n\n");
  }
  const line = (cells: string[]) => {
    const padded = [...cells, ...Array(columns - cells.length).fill("")];
    return `| ${padded.map((c) => c === "" ? " " : c).join(" | ")} |`;
  };
  // GFM needs a header row: the marked one, else the first row (most tables label their columns
  // there even when they do not mark them).
  const headerIndex = Math.max(0, rows.findIndex((r) => r.header));
  const header = rows[headerIndex];
  const body = rows.filter((_, i) => i !== headerIndex);
  const separator = `| ${Array(columns).fill("---").join(" | ")} |`;
  return captionText + [line(header.cells), separator, ...body.map((r) => line(r.cells))]
    .join("\n");
}
