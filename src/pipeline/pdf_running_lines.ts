/**
 * @module
 * Running heads and feet of a PDF: the document's title, a chapter name or "Page 12 of 40" that
 * the layout repeats at the top or bottom of every page. Left in, they land in the middle of
 * sentences that cross a page break ("Shared MIME-info Database treematch elements can be
 * nested") and become the opening words of summaries. pdftotext keeps them too; readers of the
 * note never want them.
 *
 * A line is running when it is short, among the two highest or the two lowest lines of a page (by
 * position, not by the order the content stream draws them in) and the same text (in a short
 * line, with its numbers as wildcards) is at an edge of at least {@link SHARE} of the pages (and of four:
 * shorter documents show no pattern, and a three-page paper repeats little), or of three pages
 * close together: a chapter's head ("NEWS" on every other page of Valgrind's release notes,
 * "Chapter 1: Introduction 1"). Heads that name a chapter count as one text whatever the chapter.
 */

/** What this needs of a laid-out line. */
export interface PageLine {
  text: string;
  /** Baseline, in PDF user space (y grows upwards). */
  y: number;
}

/** Lines at each edge of a page that may be running heads or feet. */
const EDGE = 2;
/** Share of the pages with text a line must be repeated on. */
const SHARE = 0.4;
/** Fewer pages than this show no pattern. */
const LEAST_PAGES = 4;

/**
 * Each page's lines without its running heads and feet, in their order; `keep` says which lines
 * (by page index) are headings whatever they repeat.
 */
export function dropRunningLines<L extends PageLine>(
  pages: L[][],
  keep: (page: number, line: L) => boolean = () => false,
): L[][] {
  const withText = pages.filter((lines) => lines.length > 0);
  if (withText.length < LEAST_PAGES) return pages;
  const edgesOf = pages.map(edgeLines);
  /** The pages (their indices, rising) each pattern is at an edge of. */
  const seen = new Map<string, number[]>();
  edgesOf.forEach((edges, i) => {
    for (const key of new Set([...edges].map(pattern))) {
      const at = seen.get(key);
      if (at) at.push(i);
      else seen.set(key, [i]);
    }
  });
  const least = Math.max(LEAST_PAGES, Math.ceil(SHARE * withText.length));
  const running = new Set(
    [...seen].filter(([key, at]) => at.length >= least || /\p{L}/u.test(key) && isNear(at))
      .map(([key]) => key),
  );
  return pages.map((lines, i) => {
    const drop = [...edgesOf[i]].filter((line) => running.has(pattern(line)) && !keep(i, line));
    return drop.length === 0 ? lines : lines.filter((line) => !drop.includes(line));
  });
}

/** Pages close together: a chapter's head is on three within {@link NEAR} pages. */
const NEAR = 6;

function isNear(pages: number[]): boolean {
  for (let k = 0; k + 2 < pages.length; k++) if (pages[k + 2] - pages[k] < NEAR) return true;
  return false;
}

/** The two highest and two lowest lines of a page. */
function edgeLines<L extends PageLine>(lines: L[]): Set<L> {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  return new Set(
    [...byHeight.slice(0, EDGE), ...byHeight.slice(-EDGE)].filter((line) =>
      line.text.split(/\s+/u).length <=
        (CHAPTER_HEAD.test(line.text.toLowerCase()) ? 20 : MOST_WORDS)
    ),
  );
}

/** Most words of a running line: a line of body text across the page is longer. */
const MOST_WORDS = 10;
/** Most words of a line whose numbers may differ from page to page ("Page 3 of 40"). */
const NUMBERED_WORDS = 6;

/**
 * A line's text, with each run of digits (a page or chapter number) as one wildcard when the
 * line is short: a sentence of the text that differs only in its numbers is not a running head.
 */
function pattern(line: PageLine): string {
  const text = line.text.toLowerCase().replace(/\s+/gu, " ").trim();
  if (CHAPTER_HEAD.test(text)) return "chapter #";
  if (text.split(" ").length > NUMBERED_WORDS) return text;
  // Front matter numbers its pages in roman numerals ("Debian Reference xviii") and the rest
  // "Debian Reference 3 / 233": one head.
  const words = text.replace(/\d+(?:\s*(?:\/|of)\s*\d+)?/gu, "#").split(" ");
  for (const at of new Set([0, words.length - 1])) if (ROMAN.test(words[at])) words[at] = "#";
  return words.join(" ");
}

/**
 * A head naming the chapter ("chapter 1: introduction 1"), and the section with it ("chapter 3.
 * choosing a debian … 3.2. but what about"): one pattern for every chapter, since a short
 * chapter is on too few pages for its own head to show.
 */
const CHAPTER_HEAD = /^(?:chapter|appendix) [\da-z]{1,3}[.:] \S/u;

/** A roman numeral up to 399 ("xviii"), as a page of front matter is numbered. */
const ROMAN = /^(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/u;
