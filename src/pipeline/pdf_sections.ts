/**
 * @module
 * A PDF's sections as the note's headings. The text layer alone cannot tell a heading from a
 * short paragraph, but manuals and papers made with LaTeX, DocBook, Texinfo or a word processor
 * list their sections in the outline (the bookmarks), each pointing at a page and a height on it.
 * Each entry is looked for there: the paragraph that prints its title becomes a heading at the
 * entry's depth. A PDF without an outline gets headings from its paragraphs numbered in sequence.
 * The printed table of contents, which repeats the sections with page numbers, is left out.
 */

/** An outline entry that points into the document. */
export interface OutlineEntry {
  title: string;
  /** 0 for a top-level entry. */
  depth: number;
  /** 1-based. */
  page: number;
  /** The height it points at, in PDF user space (y grows upwards); undefined for the whole page. */
  top?: number;
}

/** What readOutline needs of a pdf.js document. */
export interface OutlineSource {
  getOutline(): Promise<OutlineItem[] | null>;
  getDestination(id: string): Promise<unknown[] | null>;
  getPageIndex(ref: { num: number; gen: number }): Promise<number>;
}

interface OutlineItem {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineItem[];
}

/** A hostile outline can be any size; a real one of a 2,000-page book has a few thousand. */
const MAX_ENTRIES = 5000;
const MAX_DEPTH = 12;
const MAX_TITLE = 300;

/** The outline's entries in document order; none when it has none or cannot be read. */
export async function readOutline(pdf: OutlineSource): Promise<OutlineEntry[]> {
  const entries: OutlineEntry[] = [];
  const walk = async (items: OutlineItem[] | null | undefined, depth: number) => {
    for (const item of items ?? []) {
      if (entries.length >= MAX_ENTRIES || depth > MAX_DEPTH) return;
      const target = await resolve(pdf, item.dest);
      const title = String(item.title ?? "").replace(/[\p{Cc}\p{Cf}]/gu, " ").replace(/\s+/gu, " ")
        .trim().slice(0, MAX_TITLE);
      if (target && title !== "") entries.push({ title, depth, ...target });
      await walk(item.items, depth + 1);
    }
  };
  try {
    await walk(await pdf.getOutline(), 0);
  } catch {
    return []; // a broken outline costs the headings, not the text
  }
  return entries;
}

async function resolve(
  pdf: OutlineSource,
  dest: OutlineItem["dest"],
): Promise<{ page: number; top?: number } | undefined> {
  try {
    const explicit = typeof dest === "string" ? await pdf.getDestination(dest) : dest;
    if (!Array.isArray(explicit)) return undefined;
    const [ref, kind] = explicit;
    const index = typeof ref === "number"
      ? ref
      : await pdf.getPageIndex(ref as { num: number; gen: number });
    const name = (kind as { name?: string } | undefined)?.name;
    // [page /XYZ left top zoom], [page /FitH top], [page /FitBH top]; the others fit the page.
    const top = name === "XYZ" ? explicit[3] : /^FitB?H$/.test(name ?? "") ? explicit[2] : null;
    return { page: index + 1, top: typeof top === "number" ? top : undefined };
  } catch {
    return undefined; // an entry pointing nowhere (a dead link) places nothing
  }
}

/** A page as laid out: its paragraphs and the baseline of each one's first line. */
export interface PlacingPage {
  number: number;
  paragraphs: string[];
  tops: number[];
  /** Which paragraphs are code: never a numbered heading nor a table of contents. */
  code?: boolean[];
  /** Which paragraphs are a manual page's section heads ("NAME", "SEE ALSO"). */
  heads?: boolean[];
}

/** A paragraph that prints an entry's title: its first `words` words are the heading. */
export interface Placed {
  index: number;
  depth: number;
  words: number;
  /** The entry's title, with the section number the page prints before it. The outline's
   * text is the author's own; the page's may have lost marks to its fonts ("glp_add_arc —"
   * printed as "glp add arc |"). */
  title: string;
  /** A paragraph just before, such as "Chapter 3", that is part of the heading. */
  label?: number;
}

/** Below this share of entries found on their pages, the outline is not trusted. */
const MIN_SHARE = 0.5;
/**
 * How far above the height an entry points at its title's first baseline may be, in points: the
 * height is the top of the line, the baseline below it, give or take the generator's rounding.
 */
const SLACK = 4;
/** The longest heading, in words. */
const MAX_HEADING_WORDS = 40;

/**
 * Letters and digits only, in lower case ("1.1. Console basics" ~ "1.1 Console basics"), and
 * without the letters of ligatures: a TeX font's "fl" that pdf.js cannot read is lost from the
 * page ("Minimum cost ow problem"), never from the outline.
 */
const plain = (text: string) =>
  text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "").replace(
    /ff[il]?|f[il]/gu,
    "",
  );

/** A section number ahead of a title: "2", "2.1.", "IV", "A.3". */
const NUMBER = /^(?:\d+|[IVXLC]+|[A-Z])(?:\.\d+)*\.?$/u;
const LABEL_WORD = /^(?:chapter|part|appendix|section)$/iu;

/** How many leading words of `words` are a section number ("3.2", "Chapter 3"). */
function numbering(words: string[]): number {
  if (LABEL_WORD.test(words[0] ?? "") && NUMBER.test(words[1] ?? "")) return 2;
  return NUMBER.test(words[0] ?? "") && words.length > 1 ? 1 : 0;
}

/** A title as {@link placeOutline} compares it, its section number aside. */
export function titleKey(title: string): string {
  const words = title.split(" ");
  return words.slice(numbering(words)).map(plain).join("");
}

/**
 * How many leading words of `paragraph` print `title`, numbering aside on either side; 0 when
 * the paragraph does not open with it.
 */
function printsTitle(paragraph: string, title: string): number {
  // Word by word, as the paragraph is read below: a ligature is never across two words.
  const wanted = titleKey(title);
  if (wanted === "") return 0;
  const words = paragraph.split(" ");
  let so = "";
  for (let i = numbering(words); i < Math.min(words.length, MAX_HEADING_WORDS); i++) {
    so += plain(words[i]);
    if (so.length >= wanted.length) return so === wanted ? i + 1 : 0;
  }
  return 0;
}

/**
 * Where each entry's title is printed, page by page; undefined when too few are found for the
 * outline to be the document's structure (it then has page headings only).
 */
export function placeOutline(
  pages: readonly PlacingPage[],
  entries: readonly OutlineEntry[],
): Map<number, Placed[]> | undefined {
  const byNumber = new Map(pages.map((page) => [page.number, page]));
  const placed = new Map<number, Placed[]>();
  let found = 0;
  for (const entry of entries) {
    const page = byNumber.get(entry.page);
    if (!page) continue;
    const onPage = placed.get(page.number) ?? [];
    // Entries come in reading order: the next one is printed after the last one found.
    const from = (onPage.at(-1)?.index ?? -1) + 1;
    for (let i = from; i < page.paragraphs.length; i++) {
      if (entry.top !== undefined && page.tops[i] > entry.top + SLACK) continue;
      const words = printsTitle(page.paragraphs[i], entry.title);
      if (words === 0) continue;
      const before = page.paragraphs[i - 1];
      const label = i > from && before !== undefined && numbering(before.split(" ")) === 2 &&
          before.split(" ").length === 2
        ? i - 1
        : undefined;
      const printed = page.paragraphs[i].split(" ");
      const title = numbering(entry.title.split(" ")) > 0
        ? entry.title
        : [...printed.slice(0, numbering(printed)), entry.title].join(" ");
      onPage.push({ index: i, depth: entry.depth, words, title, label });
      placed.set(page.number, onPage);
      found++;
      break;
    }
  }
  return found >= 2 && found >= entries.length * MIN_SHARE ? placed : undefined;
}

/** An entry of a printed table of contents: a dot leader and a page number ("Links . . . 7"). */
const LEADER = /(?:\s?\.){4,}\s*(?:\d{1,4}|[ivxlcdm]{1,7})(?=\s|$)/giu;
const CONTENTS_CAPTION = /^(?:table of contents|contents|list of (?:figures|tables))$/iu;

/** Whether a paragraph is (part of) a printed table of contents, list of figures or tables. */
function isContents(paragraph: string): boolean {
  const entries = paragraph.match(LEADER)?.length ?? 0;
  return entries >= 2 ||
    entries === 1 && paragraph.replace(LEADER, "").split(" ").length <= 25 &&
      /(?:^|\s)(?:\d+|[ivxlcdm]+)$/iu.test(paragraph);
}

/**
 * The page without its printed table of contents (or list of figures), caption included: the
 * note's own outline does its work in Obsidian, and its dot leaders and page numbers read as
 * neither sentences nor terms.
 */
export function withoutContents<P extends PlacingPage & { sizes: number[] }>(page: P): P {
  const contents = page.paragraphs.map((p, i) => !page.code?.[i] && isContents(p));
  if (!contents.includes(true)) return page;
  const drop = contents.map((is, i) =>
    is || CONTENTS_CAPTION.test(page.paragraphs[i]) && contents.slice(i + 1).includes(true)
  );
  const keep = <T>(values: T[]) => values.filter((_, i) => !drop[i]);
  return {
    ...page,
    paragraphs: keep(page.paragraphs),
    sizes: keep(page.sizes),
    tops: keep(page.tops),
    ...(page.code ? { code: keep(page.code) } : {}),
    ...(page.heads ? { heads: keep(page.heads) } : {}),
  };
}

/** "2.1 Node Shapes", "2.1 glp_read_cnfsat": a section number of up to four parts, then words. */
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?=\p{L})/u;
/** Sections a paper has without a number. */
const UNNUMBERED =
  /^(?:abstract|introduction|conclusions?|summary|references|bibliography|acknowledge?ments?|related work|appendix(?: [A-Z])?)$/iu;
/** How much larger than the body text a heading is set, at least (LaTeX: 12 pt over 10 pt). */
const HEADING_SIZE = 1.08;
const MAX_NUMBERED_WORDS = 12;

/**
 * The headings a PDF without an outline prints: paragraphs in type larger than its body text
 * that are numbered in sequence ("1 Basic Graph Drawing", "2.1 Node Shapes", "2.2 Labels"), a
 * paper's unnumbered sections ("Abstract", "References"), or a manual page's ("NAME"). A numbered paragraph that does not
 * follow the one before (a list item, a figure's label) is left as text. Undefined when fewer
 * than two are found.
 */
export function numberedHeadings(
  pages: readonly (PlacingPage & { sizes: number[] })[],
): Map<number, Placed[]> | undefined {
  const body = bodySize(pages);
  const placed = new Map<number, Placed[]>();
  let last: number[] = [];
  let found = 0;
  for (const page of pages) {
    page.paragraphs.forEach((paragraph, index) => {
      if (page.code?.[index]) return;
      const larger = page.sizes[index] >= body * HEADING_SIZE;
      const words = paragraph.split(" ");
      const number = NUMBERED.exec(paragraph)?.[1];
      let depth: number;
      if (number !== undefined) {
        const parts = number.split(".").map(Number);
        if (words.length > MAX_NUMBERED_WORDS || /[.,;:]$/u.test(paragraph)) return;
        // A subsection is often set in bold at the body's size; "2." alone is a list item.
        if (!(larger || parts.length >= 2) || !follows(last, parts)) return;
        last = parts;
        depth = parts.length - 1;
      } else if (larger && UNNUMBERED.test(paragraph) || page.heads?.[index]) depth = 0;
      else return;
      const onPage = placed.get(page.number) ?? [];
      onPage.push({ index, depth, words: words.length, title: paragraph });
      placed.set(page.number, onPage);
      found++;
    });
  }
  return found >= 2 ? placed : undefined;
}

/**
 * Whether section `next` can come after `last`: the next number at some level, its subsections
 * starting at 1 ("2.2.3" → "2.3", "3", "3.1"; a heading lost to the layout may be skipped), or
 * the first subsection ("2.2" → "2.2.1").
 */
function follows(last: number[], next: number[]): boolean {
  if (last.length === 0) return true; // the first may be lost to the layout ("1 Introduction")
  let k = 0;
  while (k < last.length && k < next.length && next[k] === last[k]) k++;
  const ones = (from: number) => next.slice(from).every((n) => n === 1);
  if (k === last.length) return next.length === last.length + 1 && ones(k);
  return k < next.length && next[k] === last[k] + 1 && ones(k + 1);
}

/** The size of most of the text: the middle size, each paragraph counted by its length. */
function bodySize(pages: readonly (PlacingPage & { sizes: number[] })[]): number {
  const sized = pages.flatMap((page) =>
    page.paragraphs.map((p, i) => ({ size: page.sizes[i], weight: p.length }))
  ).sort((a, b) => a.size - b.size);
  const half = sized.reduce((sum, s) => sum + s.weight, 0) / 2;
  let so = 0;
  for (const s of sized) if ((so += s.weight) >= half) return s.size;
  return 0;
}
