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
 * shorter documents show no pattern, and a three-page paper repeats little).
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

/** Each page's lines without its running heads and feet, in their order. */
export function dropRunningLines<L extends PageLine>(pages: L[][]): L[][] {
  const withText = pages.filter((lines) => lines.length > 0);
  if (withText.length < LEAST_PAGES) return pages;
  const edgesOf = pages.map(edgeLines);
  const seen = new Map<string, number>();
  for (const edges of edgesOf) {
    for (const key of new Set([...edges].map(pattern))) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const least = Math.max(LEAST_PAGES, Math.ceil(SHARE * withText.length));
  return pages.map((lines, i) => {
    const drop = [...edgesOf[i]].filter((line) => (seen.get(pattern(line)) ?? 0) >= least);
    return drop.length === 0 ? lines : lines.filter((line) => !drop.includes(line));
  });
}

/** The two highest and two lowest lines of a page. */
function edgeLines<L extends PageLine>(lines: L[]): Set<L> {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  return new Set(
    [...byHeight.slice(0, EDGE), ...byHeight.slice(-EDGE)].filter((line) =>
      line.text.split(/\s+/u).length <= MOST_WORDS
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
  if (text.split(" ").length > NUMBERED_WORDS) return text;
  // Front matter numbers its pages in roman numerals ("Debian Reference xviii") and the rest
  // "Debian Reference 3 / 233": one head.
  const words = text.replace(/\d+(?:\s*(?:\/|of)\s*\d+)?/gu, "#").split(" ");
  for (const at of new Set([0, words.length - 1])) if (ROMAN.test(words[at])) words[at] = "#";
  return words.join(" ");
}

/** A roman numeral up to 399 ("xviii"), as a page of front matter is numbered. */
const ROMAN = /^(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/u;
