/**
 * @module
 * PDF inputs: reads the text layer with Mozilla pdf.js (the unpdf build, which runs pdf.js's
 * "worker" half in this thread, so nothing is loaded by a computed import) and lays it out as
 * Markdown, one `## Page N` section per page.
 *
 * Layout, in the order pdf.js returns the text (the content-stream order, which is the reading
 * order in most PDFs, two-column pages included; sorting by position would interleave columns):
 * - a new line starts when the baseline moves by more than half the font size; items on a line
 *   are joined with a space when the gap between their glyphs is wider than a tenth of the font
 *   size, so words kerned apart stay whole;
 * - lines are joined into paragraphs; a paragraph ends at a larger vertical gap than the page's
 *   usual line pitch, a change of font size, a bullet, a short line ending a sentence, or a move
 *   up the page (a new column) unless a sentence carries on there;
 * - a word hyphenated across a line end ("para-" + "graph") is joined back ("paragraph");
 * - a word whose ligature pdf.js could not read is put back together (see pdf_ligatures.ts), and
 *   TeX's quotation marks and dashes its fonts lost (see pdf_tex_punctuation.ts), and its logos
 *   drawn in capitals ("LATEX", see pdf_tex_logos.ts);
 * - running heads and feet repeated across the pages are left out (see pdf_running_lines.ts).
 */
import { Buffer } from "node:buffer";
import { constants, inflateSync } from "node:zlib";
import { getDocument, OPS, VerbosityLevel } from "unpdf/pdfjs";
import { cleanTitle, countWords, type Extracted, placeholderTitle } from "./extracted.ts";
import { CMAP_URL, EmbeddedBinaryData, STANDARD_FONT_DATA_URL } from "./pdf_data.ts";
import { ligatureRepair } from "./pdf_ligatures.ts";
import { texLogos } from "./pdf_tex_logos.ts";
import { texPunctuation } from "./pdf_tex_punctuation.ts";
import { TexSymbols } from "./pdf_tex_symbols.ts";
import { dropRunningLines } from "./pdf_running_lines.ts";
import {
  numberedHeadings,
  type Placed,
  placeOutline,
  readOutline,
  titleKey,
  withoutContents,
} from "./pdf_sections.ts";
import { fileStem } from "../markdown/note_name.ts";
import { escapeMarkdown, escapeMarkdownBlock } from "../markdown/transcript.ts";
import { InputError } from "../common/errors.ts";
import { englishRank } from "../analyse/commonness.ts";
import { isFirstName } from "../analyse/language.ts";

/** The most pages read from one PDF; a longer one is refused rather than cut short. */
export const MAX_PAGES = 2000;

const MB = 1024 * 1024;
/**
 * Largest a compressed stream other than an image may inflate to. pdf.js inflates into
 * ArrayBuffers, which the stage thread's heap limit does not bound: a 1 MB PDF whose one page
 * inflated to 1 GB took the app to 2.3 GB of memory (measured). A real page's content stream, a
 * font or an object stream is a few MB; images are not decoded for their text.
 */
const MAX_STREAM_BYTES = 256 * MB;

/** The narrowest gap between glyphs, in font sizes, that reads as a word space. */
const WORD_SPACE = 0.1;

/** A first paragraph at least this long is body text, not a title. */
const MAX_FIRST_LINE_TITLE = 120;

/**
 * Extracts the text of a PDF, page by page, with a title and the page count.
 * @throws {InputError} when the PDF is encrypted, damaged, has no text layer (scanned images)
 *   or more than {@link MAX_PAGES} pages
 */
export async function extractPdf(bytes: Uint8Array, fileName: string): Promise<Extracted> {
  checkStreams(bytes);
  const pdf = await openPdf(bytes);
  try {
    const pageCount = pdf.numPages;
    if (pageCount > MAX_PAGES) {
      throw new InputError(`too many pages: ${pageCount}, the limit is ${MAX_PAGES}`);
    }
    if (pageCount === 0) throw new InputError("not a readable PDF: it has no pages");
    const read: PageLines[] = [];
    // One page at a time: pdf.js parses in this thread anyway, and it then holds the parsed
    // content of one page, not of all of them.
    const symbols = new TexSymbols();
    for (let number = 1; number <= pageCount; number++) {
      read.push(await readPage(pdf, number, symbols));
    }
    // What TeX's fonts mean by their control characters is known once every page is read.
    const readSymbols = symbols.reader();
    for (const page of read) {
      if ("lines" in page) { for (const line of page.lines) line.text = readSymbols(line.text); }
    }
    const outline = await readOutline(pdf);
    // A part's title page may print the head its pages repeat ("Valgrind User Manual"): the
    // line an outline entry points to is its heading, never a running head.
    const titled = new Set(outline.map((entry) => `${entry.page} ${titleKey(entry.title)}`));
    const kept = dropRunningLines(
      read.map((page) => "lines" in page ? page.lines : []),
      (page, line) => titled.has(`${page + 1} ${titleKey(line.text)}`),
    );
    // "BCOMPS(1) General Commands Manual BCOMPS(1)": a manual page's head, on one page too.
    for (const [i, lines] of kept.entries()) {
      kept[i] = lines.filter((line) => !MAN_HEAD.test(line.text));
    }
    codeByFont(kept);
    const laidOut: PageText[] = read.map((page, i) =>
      "lines" in page ? { number: page.number, ...toParagraphs(kept[i]) } : page
    );
    const prose = laidOut.flatMap((page) =>
      "paragraphs" in page ? page.paragraphs.filter((_, i) => !page.code[i]) : []
    );
    const ligatures = ligatureRepair(prose);
    const punctuation = texPunctuation(prose, symbols.usesTexMath());
    const logos = texLogos(prose);
    const repair = (text: string) => logos(punctuation(ligatures(text)));
    const pages = laidOut.map((page) =>
      "paragraphs" in page
        ? withoutContents({
          ...page,
          paragraphs: page.paragraphs.map((p, i) => page.code[i] ? p : repair(p)),
        })
        : page
    );

    const texts = pages.flatMap((page) =>
      "paragraphs" in page ? [page.paragraphs.join("\n\n")] : []
    );
    if (!texts.some((text) => text !== "")) {
      const failed = pages.find((page) => "error" in page);
      if (failed && "error" in failed) {
        throw new InputError(`not a readable PDF: page ${failed.number}: ${failed.error}`);
      }
      const pagesHave = pageCount === 1 ? "its one page has" : `its ${pageCount} pages have`;
      // Blank pages, vector drawings and empty forms have no text either, and OCR would not help.
      if (!await hasImages(pdf, pageCount)) {
        throw new InputError(`no text on any page: ${pagesHave} no text and no images`);
      }
      throw new InputError(
        `no text layer: ${pagesHave} images but no text, so it is probably scanned; ` +
          "run OCR on it first (for example with ocrmypdf) and use the result",
      );
    }

    const readable = pages.filter((page) => "paragraphs" in page);
    const placed = placeOutline(readable, outline) ?? numberedHeadings(readable);
    const body = placed ? sectionedBody(pages, placed) : pagedBody(pages);
    // The title by its looks from the first page as printed: a title repeated as the running
    // head of every page is left out of the text, not out of the title.
    const first = read[0];
    const firstPage = "lines" in first ? { number: 1, ...toParagraphs(first.lines) } : first;
    const largest = largestText(firstPage);
    const title = withSubtitle(
      metadataTitle(await readMetadata(pdf)) ?? manPageName(firstPage, fileName) ??
        (largest && largest.length < MAX_FIRST_LINE_TITLE && /\p{L}/u.test(largest)
          ? cleanTitle(repair(largest), fileName)
          : cleanTitle(null, fileName)),
      firstPage,
    );
    return {
      title,
      type: "pdf",
      body,
      wordCount: countWords(texts.join("\n\n")),
      properties: { pages: pageCount },
    };
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** One `## Page N` section per page: for a PDF whose outline gives no sections. */
function pagedBody(pages: PageText[]): string {
  return pages.map((page) => {
    const text = "error" in page
      ? `*This page could not be read: ${escapeMarkdown(page.error)}*`
      : joinBlocks(page.paragraphs.map((p, i) => block(p, page.code[i])));
    return text === "" ? `## Page ${page.number}` : `## Page ${page.number}\n\n${text}`;
  }).join("\n\n");
}

/** The text under the outline's headings, `##` for its top level; pages run on. */
function sectionedBody(pages: PageText[], placed: Map<number, Placed[]>): string {
  const blocks: Block[] = [];
  for (const page of pages) {
    if ("error" in page) {
      const markdown = `*Page ${page.number} could not be read: ${escapeMarkdown(page.error)}*`;
      blocks.push({ code: false, markdown });
      continue;
    }
    const headings = new Map((placed.get(page.number) ?? []).map((p) => [p.index, p]));
    const labels = new Set([...headings.values()].map((p) => p.label));
    page.paragraphs.forEach((paragraph, i) => {
      const heading = headings.get(i);
      if (labels.has(i)) return; // "Chapter 3", printed into its heading below
      if (!heading) {
        blocks.push(block(paragraph, page.code[i]));
        return;
      }
      const label = heading.label === undefined ? "" : `${page.paragraphs[heading.label]}: `;
      const title = label + heading.title;
      blocks.push({
        code: false,
        markdown: `${"#".repeat(Math.min(6, heading.depth + 2))} ${escapeMarkdown(title)}`,
      });
      const rest = paragraph.split(" ").slice(heading.words).join(" ");
      if (rest !== "") blocks.push(block(rest));
    });
  }
  return joinBlocks(blocks);
}

/** A paragraph as Markdown: code as it is (fenced when joined), other text escaped. */
interface Block {
  code: boolean;
  markdown: string;
}

function block(text: string, code = false): Block {
  return { code, markdown: code ? text : escapeMarkdownBlock(text) };
}

/** The blocks as Markdown; code blocks in a row (a program over a page break) in one fence. */
function joinBlocks(blocks: Block[]): string {
  const out: string[] = [];
  let code: string[] = [];
  const fence = () => {
    if (code.length === 0) return;
    const text = code.join("\n\n");
    // Longer than any run of backticks in the code, so that none of them closes it.
    const longest = (text.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0);
    const marks = "`".repeat(Math.max(3, longest + 1));
    out.push(`${marks}\n${text}\n${marks}`);
    code = [];
  };
  for (const b of blocks) {
    if (b.code) code.push(b.markdown);
    else {
      fence();
      out.push(b.markdown);
    }
  }
  fence();
  return out.join("\n\n");
}

/**
 * Refuses a PDF holding a decompression bomb: each Flate stream that is not an image is
 * inflated once, never past {@link MAX_STREAM_BYTES}. Streams are found by their keywords, which
 * every stream of a PDF has in the file itself (object streams hold no streams); one that does
 * not inflate is left to pdf.js, which reports damage in its own words.
 */
function checkStreams(bytes: Uint8Array): void {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = file.indexOf("stream", 0, "latin1"); at >= 0;) {
    const next = file.indexOf("stream", at + 6, "latin1");
    // "endstream" ends a stream; the keyword that opens one is followed by an end of line.
    const opens = file[at - 1] !== 0x64 && (file[at + 6] === 0x0a || file[at + 6] === 0x0d);
    if (opens) {
      const start = at + 6 + (file[at + 6] === 0x0d && file[at + 7] === 0x0a ? 2 : 1);
      const end = file.indexOf("endstream", start, "latin1");
      // The stream's dictionary: what precedes the keyword, back to its object's start.
      const dictionary = file.toString("latin1", Math.max(0, at - 2048), at);
      const own = dictionary.slice(dictionary.lastIndexOf(" obj") + 1);
      if (end >= 0 && /\/FlateDecode\b|\/Fl\b/.test(own) && !/\/Subtype\s*\/Image\b/.test(own)) {
        checkInflated(file.subarray(start, end));
      }
    }
    at = next;
  }
}

function checkInflated(data: Uint8Array): void {
  try {
    inflateSync(data, {
      maxOutputLength: MAX_STREAM_BYTES,
      // Streams are often cut a little short or padded: what inflates counts.
      finishFlush: constants.Z_SYNC_FLUSH,
    });
  } catch (error) {
    if ((error as { code?: string }).code !== "ERR_BUFFER_TOO_LARGE") return;
    throw new InputError(
      `not a readable PDF: a compressed stream in it inflates past ${
        MAX_STREAM_BYTES / MB
      } MB (a decompression bomb?)`,
    );
  }
}

type PdfDocument = Awaited<ReturnType<typeof getDocument>["promise"]>;

/** A page's lines as laid out, or why pdf.js could not read it. */
type PageLines = { number: number; lines: Line[] } | { number: number; error: string };

/** A page's paragraphs, with the largest font size and the first baseline of each. */
interface Paragraphs {
  paragraphs: string[];
  sizes: number[];
  tops: number[];
  /** Set in a monospaced font, line by line: a program, a command, a file's lines. */
  code: boolean[];
  /** A section head as a manual page sets it (see {@link isSectionHead}). */
  heads: boolean[];
}

/** A page's paragraphs, or why pdf.js could not read it. */
type PageText = ({ number: number } & Paragraphs) | { number: number; error: string };

/** The first paragraph of the page set in its largest type: a title by its looks. */
function largestText(page: PageText): string | undefined {
  if (!("paragraphs" in page) || page.paragraphs.length === 0) return undefined;
  // A manual page's section head ("NAME") is in the type of its title, no title.
  const titles = page.sizes.flatMap((_, i) => page.heads[i] ? [] : [i]);
  if (titles.length === 0) return undefined;
  let best = titles[0];
  for (const i of titles) if (page.sizes[i] > page.sizes[best] * 1.05) best = i;
  return page.paragraphs[best];
}

/**
 * A manual page's NAME line, when the first page opens like one (groff's "DIJKSTRA(1)" head, then
 * "NAME" and "dijkstra − single-source distance filter for Graphviz"): its title. Its largest type
 * ran the section heads into it: "NAME Cdt − container data types SYNOPSIS".
 */
function manPageName(page: PageText, fileName: string): string | undefined {
  if (!("paragraphs" in page)) return undefined;
  // Looked for in the page's opening only, once: a hostile page can be one enormous paragraph.
  const text = page.paragraphs.slice(0, 8).join("\n").slice(0, 4000);
  const head = /(?:^|\s)(?:NAME|Name)\s+/u.exec(text);
  if (!head) return undefined;
  const rest = text.slice(head.index + head[0].length);
  const end = rest.search(/\s+(?:SYNOPSIS|Synopsis)\b|\s*\n/u);
  const line = (end < 0 ? rest : rest.slice(0, end)).replace(/\s+/gu, " ").trim();
  if (!/^\S+.*\s[−—–-]\s\S/u.test(line)) return undefined;
  // "dot − filter for drawing directed graphs neato − filter for drawing undirected graphs...":
  // one page for several programs, each named with what it does; the file's own, or the first.
  const starts = [...line.matchAll(/(?:^|\s)([^\s−—–-][^\s−—–]*) [−—–-] /gu)].map((e) => e.index);
  const entries = starts.map((at, i) => line.slice(at, starts[i + 1]).trim());
  const stem = fileName.replace(/(?:\.\w+)+$/u, "").toLowerCase();
  const own = entries.find((e) => e.split(" ")[0].toLowerCase() === stem) ?? entries[0] ?? line;
  return own.length <= 150 ? own : undefined;
}

/** The line groff heads each page of a manual page with: its name and section, twice. */
const MAN_HEAD = /^(\S+\(\d\w*\)) .*\S \1$/u;

const MAN_SECTION = /^(?:name|synopsis|description|options|contents|abstract|introduction)$/iu;

/** Small words a subtitle may hold in lower case ("Graph and Network Routines"). */
const SMALL_WORD = /^(?:and|of|for|the|in|on|with|to|a|an|or)$/u;

/**
 * A subtitle: one to eight words of the dictionary, capitalised but for small words ("Reference
 * Manual", "Graph and Network Routines"); not a line of authors ("Stephen C. North"), a
 * version ("for GLPK Version 5.0") or a date.
 */
function isSubtitle(line: string): boolean {
  const words = line.split(" ");
  // A manual page's first section ("fonts-conf" over "Name") is no subtitle.
  if (MAN_SECTION.test(line)) return false;
  return words.length <= 8 && /^\p{Lu}/u.test(line) &&
    words.every((w) =>
      SMALL_WORD.test(w) ||
      /^\p{Lu}\p{Ll}+(?:-\p{L}+)?$/u.test(w) && englishRank(w.toLowerCase()) < Infinity &&
        !isFirstName(w.toLowerCase())
    );
}

/** A periodical's number and date: "Issue 35, June 2022", "Volume 12, Number 3", "No. 4". */
const ISSUE = new RegExp(
  "^(?:issue|volume|vol\\.|number|no\\.)\\s*\\d+" +
    "(?:,?\\s+(?:(?:number|no\\.|issue)\\s*\\d+|(?:\\p{L}+\\s+)?(?:\\d{1,2},?\\s+)?\\d{4}))*$",
  "iu",
);

/**
 * The title with the subtitle the first page prints right under it, in type larger than the
 * page's smallest: manuals of one series share a title ("GNU Linear Programming Kit") and
 * differ there ("Reference Manual", "Graph and Network Routines").
 */
function withSubtitle(title: string, page: PageText): string {
  if (!("paragraphs" in page)) return title;
  const plain = (text: string) => text.replace(/\s+/gu, " ").trim();
  const at = page.paragraphs.findIndex((p) => plain(p).toLowerCase() === title.toLowerCase());
  const next = plain(page.paragraphs[at + 1] ?? "");
  // "LaTeX News" over "Issue 35, June 2022": each issue of a periodical is titled by its number,
  // in whatever type it is set.
  if (at >= 0 && ISSUE.test(next)) return `${title}, ${next}`;
  if (at < 0 || !isSubtitle(next) || title.toLowerCase().includes(next.toLowerCase())) {
    return title;
  }
  return page.sizes[at + 1] > Math.min(...page.sizes) * 1.15 ? `${title}: ${next}` : title;
}

const IMAGE_OPS = new Set([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintImageMaskXObjectRepeat,
]);
/** Pages looked at for images before a text-less PDF is called scanned. */
const IMAGE_PAGES = 20;

/** Whether any of the first pages paints an image (a scan is one image per page). */
async function hasImages(pdf: PdfDocument, pageCount: number): Promise<boolean> {
  for (let number = 1; number <= Math.min(pageCount, IMAGE_PAGES); number++) {
    try {
      const page = await pdf.getPage(number);
      const ops = await page.getOperatorList();
      page.cleanup();
      if (ops.fnArray.some((op: number) => IMAGE_OPS.has(op))) return true;
    } catch {
      continue; // a damaged page says nothing either way
    }
  }
  return false;
}

async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const task = getDocument({
    // pdf.js transfers (detaches) the buffer it is given; the caller keeps its own.
    data: bytes.slice(),
    // Warnings would go to stdout, which in batch mode carries NDJSON.
    verbosity: VerbosityLevel.ERRORS,
    disableFontFace: true,
    useSystemFonts: false,
    // CMaps for CJK fonts without ToUnicode, fonts for the standard 14 (ZapfDingbats' glyphs);
    // the URLs only have to be well formed: the factory serves embedded bytes.
    BinaryDataFactory: EmbeddedBinaryData,
    useWorkerFetch: false,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DATA_URL,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    throw openError(error);
  }
}

function openError(error: unknown): InputError {
  const name = error instanceof Error ? error.name : "";
  const detail = describe(error);
  if (name === "PasswordException") {
    return new InputError(
      "encrypted PDF: it needs a password to open; save a copy without the password and use that",
      { cause: error },
    );
  }
  // An encryption pdf.js cannot handle (a certificate security handler, an unknown method).
  if (/crypt/i.test(detail)) {
    return new InputError(
      `encrypted PDF: its encryption is not supported (${detail}); ` +
        "save a copy without the password and use that",
      { cause: error },
    );
  }
  return new InputError(
    `not a readable PDF: ${detail}; the file may be damaged or incomplete`,
    { cause: error },
  );
}

async function readPage(
  pdf: PdfDocument,
  number: number,
  symbols: TexSymbols,
): Promise<PageLines> {
  try {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    page.cleanup();
    return { number, lines: layOut(content.items, content.styles, symbols) };
  } catch (error) {
    // One damaged page should not cost the other pages of the document.
    return { number, error: describe(error) };
  }
}

async function readMetadata(pdf: PdfDocument): Promise<string[]> {
  try {
    const { info, metadata } = await pdf.getMetadata();
    // pdf.js's viewer prefers XMP, which is Unicode throughout, to the Info dictionary.
    const candidates = [metadata?.get("dc:title"), (info as Record<string, unknown>)?.Title];
    return candidates.filter((title): title is string => typeof title === "string");
  } catch {
    return []; // broken metadata only costs the title
  }
}

const APP_PREFIX = /^\s*(?:Microsoft\s+(?:Word|PowerPoint|Excel)|Word|PowerPoint|Excel)\s+-\s+/i;
const DOCUMENT_EXTENSION =
  /\.(?:docx?|docm|dotx?|rtf|odt|odp|ods|pptx?|xlsx?|pdf|txt|tex|dvi|ps|eps|indd|qxd|pages|key|html?|md)$/i;

/**
 * A title of one token that only a file system or a tool would write: with a path separator,
 * an underscore or a dot inside, or all in lowercase ("prpaperdraft", "main", "thesis_v2").
 */
function looksLikeFileName(title: string): boolean {
  if (/\s/.test(title)) return false;
  return /[/\\_]|\p{L}\.\p{L}/u.test(title) || !/\p{Lu}/u.test(title);
}

/** The first metadata title that reads like a real one, cleaned; undefined when none does. */
function metadataTitle(candidates: string[]): string | undefined {
  for (const candidate of candidates) {
    // Control characters turn up in badly encoded titles; a title has no use for them.
    let title = candidate.slice(0, 2000).replace(/[\p{Cc}\p{Cf}]/gu, " ").replace(/\s+/gu, " ")
      .trim();
    // "Microsoft Word - Report 2024.docx" names the file the PDF was printed from: its stem
    // can be a title. "paper.dvi", "prpaperdraft" or "thesis_v2" are names only a file system
    // or a tool writes: the page's own largest text says more.
    title = title.replace(APP_PREFIX, "");
    if (DOCUMENT_EXTENSION.test(title)) title = fileStem(title).trim();
    if (looksLikeFileName(title)) continue;
    if (title === "" || placeholderTitle(title) || !/\p{L}/u.test(title)) continue;
    return cleanTitle(title, "");
  }
  return undefined;
}

/** The parts of a pdf.js text item the layout uses. */
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  fontName?: string;
}

/** What pdf.js says of each font of a page: "monospace" for a fixed-pitch one. */
type FontStyles = Record<string, { fontFamily?: string } | undefined>;

interface Line {
  text: string;
  /** Baseline of the line's first item, in PDF user space (y grows upwards). */
  y: number;
  size: number;
  /** Where the line's leftmost item starts. */
  startX: number;
  endX: number;
  /** Every item of it is in a fixed-pitch font. */
  mono: boolean;
}

// Text is gathered in arrays and joined once: a hostile page can hold one enormous line or
// paragraph, and testing the end of a string built with += flattens it every time.

/** Turns a page's text items, in content-stream order, into lines. */
function layOut(
  items: readonly (TextItem | object)[],
  styles: FontStyles,
  symbols: TexSymbols,
): Line[] {
  const lines: Line[] = [];
  let parts: string[] = [];
  let line: Line | undefined;
  let endsWithSpace = false;
  let spaceItem = false; // pdf.js reported a space as an item of its own
  const finishLine = () => {
    if (!line) return;
    line.text = withAccents(parts.join("").replace(/\s+/gu, " ").trim());
    if (line.text !== "") lines.push(line);
  };
  for (const item of items) {
    if (!("str" in item)) continue; // marked-content boundaries
    const str = cleanText(symbols.mark(unspaced(item.str), item.fontName));
    const [a, b, c, d, x, y] = item.transform;
    if (![a, b, c, d, x, y].every(Number.isFinite)) continue;
    if (str.trim() === "") {
      spaceItem ||= str !== "";
      continue;
    }
    const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
    const width = Number.isFinite(item.width) ? item.width : 0;
    const mono = styles[item.fontName ?? ""]?.fontFamily === "monospace";
    if (line && Math.abs(y - line.y) <= 0.5 * Math.max(size, line.size)) {
      const gap = x - line.endX;
      // A word space by the gap between the glyphs, as pdftotext judges it (a tenth of the
      // font size, its minWordBreakSpace). pdf.js's own space items are believed only where
      // the glyphs overlap and the widths cannot tell: it inserts them by its own measure of
      // the gap, which for the Type 3 fonts dvips writes (set at size 1, scaled by the text
      // matrix) puts a space at every kern: "numb ers", "imp ortant" (measured on
      // dottyguide.pdf: 303 words split, 1 with this rule).
      const spaced = gap > WORD_SPACE * size || gap < -size ||
        (spaceItem && gap < -WORD_SPACE * size);
      if (spaced && !endsWithSpace && !/^\s/u.test(str)) parts.push(" ");
      line.size = Math.max(line.size, size);
      line.startX = Math.min(line.startX, x);
      line.endX = x + width;
      line.mono &&= mono;
    } else {
      finishLine();
      parts = [];
      line = { text: "", y, size, startX: x, endX: x + width, mono };
    }
    parts.push(str);
    endsWithSpace = /\s$/u.test(str);
    spaceItem = false;
  }
  finishLine();
  return lines;
}

/**
 * A word without the spaces pdf.js put between its letters where a font set them apart, as
 * LaTeX's listings package sets code letter by letter: "l o c a l" is "local", "S t r i p e W i
 * d t h" "StripeWidth"; the spaces between words are items of their own. Not "e = 3" or "N G",
 * mathematics spaced as written, nor fields named by letters ("p q g"): the letters must make
 * a word the dictionary has, or a name in camel case.
 */
function unspaced(str: string): string {
  if (!LETTER_SPACED.test(str)) return str;
  const word = str.replaceAll(" ", "");
  return englishRank(word.toLowerCase()) < Infinity || /^\p{L}\p{Ll}+\p{Lu}/u.test(word)
    ? word
    : str;
}

const LETTER_SPACED = /^(?:\p{L} ){2,}\p{L}$/u;

/** Groups lines into paragraphs; see the module comment for the rules. */
function toParagraphs(lines: Line[]): Paragraphs {
  const pitch = usualPitch(lines);
  const out: Paragraphs = { paragraphs: [], sizes: [], tops: [], code: [], heads: [] };
  const heads = lines.map((line, i) => isSectionHead(line, lines[i + 1]));
  let from = 0; // the index of the paragraph's first line
  let held: Line[] = []; // the paragraph's lines so far
  let parts: string[] = [];
  let right = -Infinity; // the right edge of the paragraph so far
  let left = Infinity;
  const finish = () => {
    if (held.length === 0) return;
    const code = isCodeBlock(held);
    out.paragraphs.push(code ? codeText(held) : parts.join(""));
    out.sizes.push(held.reduce((most, line) => Math.max(most, line.size), 0));
    out.tops.push(held[0].y);
    out.code.push(code);
    out.heads.push(held.length === 1 && heads[from]);
    held = [];
    parts = [];
    right = -Infinity;
    left = Infinity;
  };
  for (const [i, line] of lines.entries()) {
    const prev = held.at(-1);
    if (prev) {
      const size = Math.max(prev.size, line.size);
      const drop = prev.y - line.y;
      const prevEnd = prev.text.slice(-3);
      // Moving up the page starts a new column, where a sentence may carry on.
      const continues = drop <= 0 && /[\p{L},;-]$/u.test(prevEnd) && /^\p{Ll}/u.test(line.text);
      const breaks = (drop <= 0 && !continues) ||
        drop / size > pitch * 1.3 ||
        Math.abs(prev.size - line.size) > 0.15 * size ||
        prev.mono !== line.mono ||
        BULLET.test(line.text) || heads[i] || heads[i - 1] ||
        (/[.!?:]["'”’)\]]?$/u.test(prevEnd) && right - prev.endX > 0.2 * (right - left));
      if (breaks) finish();
      else parts.push(lineBreak(parts, line.text));
    }
    if (held.length === 0) from = i;
    held.push(line);
    parts.push(line.text);
    right = Math.max(right, line.endX);
    left = Math.min(left, line.startX);
  }
  finish();
  return out;
}

/**
 * Whether a line is a section head as groff sets a manual page's: a few words in capitals
 * ("NAME", "SEE ALSO", "RETURN CODES") on a line of their own, the text under them indented.
 */
function isSectionHead(line: Line, next: Line | undefined): boolean {
  return next !== undefined && /^\p{Lu}[\p{Lu} ,&/-]{1,40}$/u.test(line.text) &&
    line.text.split(" ").length <= 5 && next.startX - line.startX > 2 * line.size &&
    line.y - next.y > 0 && line.y - next.y < 3 * line.size;
}

/**
 * Keeps a fixed-pitch font as the mark of code only where the text is mostly in others: a
 * typescript, a PDF of CJK text (whose full-width fonts are fixed-pitch) or one whose fonts
 * pdf.js cannot tell apart has no code to set apart by its type.
 */
function codeByFont(pages: Line[][]): void {
  let mono = 0;
  let all = 0;
  for (const line of pages.flat()) {
    all += line.text.length;
    if (line.mono) mono += line.text.length;
  }
  if (mono > all / 2) { for (const line of pages.flat()) line.mono = false; }
}

/**
 * Lines in a fixed-pitch font: a program, a command, a configuration file. One line of one word
 * is a name set in code type inside running text ("$HOME", "apt-get"), which wrapped onto a line
 * of its own.
 */
function isCodeBlock(lines: Line[]): boolean {
  return lines.every((line) => line.mono) &&
    (lines.length > 1 || /\s|[(){};=<>]/u.test(lines[0].text)) &&
    // "M L", "J K": a title page's ornaments, set in a font of glyphs, are no program.
    !lines.every((line) => /^\p{L}(?:\s+\p{L})*$/u.test(line.text.trim()));
}

/** The most indentation kept, in characters: deeper is a layout's, not the program's. */
const MOST_INDENT = 40;

/** Code as its lines, each indented by its distance from the block's left edge. */
function codeText(lines: Line[]): string {
  const left = lines.reduce((least, line) => Math.min(least, line.startX), Infinity);
  return lines.map((line) => {
    // A fixed-pitch character is about 0.6 of the font size wide (Courier, cmtt, DejaVu Mono).
    const columns = Math.round((line.startX - left) / (0.6 * line.size));
    return " ".repeat(Math.max(0, Math.min(MOST_INDENT, columns))) + line.text;
  }).join("\n");
}

/** The page's usual distance between baselines, in font sizes (1.2 when it cannot tell). */
function usualPitch(lines: Line[]): number {
  const ratios: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const line = lines[i];
    const size = Math.max(prev.size, line.size);
    const ratio = (prev.y - line.y) / size;
    if (Math.abs(prev.size - line.size) <= 0.15 * size && ratio > 0.8 && ratio < 3) {
      ratios.push(ratio);
    }
  }
  if (ratios.length === 0) return 1.2;
  ratios.sort((p, q) => p - q);
  return ratios[Math.floor((ratios.length - 1) / 2)];
}

const BULLET = /^[•●○◦▪■□‣∙⁃]\s?/u;
const CJK_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * What replaces the break between the paragraph so far (`parts`, whose last entry is the
 * previous line) and the next line: a space, or nothing across a hyphen and in CJK text.
 */
function lineBreak(parts: string[], next: string): string {
  const last = parts.length - 1;
  const tail = parts[last].slice(-2);
  // A soft hyphen only ever marks a break; a hyphen between lowercase letters almost always,
  // and between capitals when a word in capitals goes on ("ELE-" "MENT", as pdftotext joins).
  if (
    tail.endsWith("\u00AD") || (/^\p{Ll}[-\u2010]$/u.test(tail) && /^\p{Ll}/u.test(next)) ||
    (/^\p{Lu}[-\u2010]$/u.test(tail) && /^\p{Lu}{2}/u.test(next))
  ) {
    parts[last] = parts[last].slice(0, -1);
    return "";
  }
  // "(https://packages." "debian.org/stable/)", "(http:" "//www.tldp.org/)": an address goes on.
  if (URL_GOES_ON.test(parts[last]) && URL_GOES_ON_FROM.test(next)) return "";
  return CJK_END.test(tail) && CJK_START.test(next) ? "" : " ";
}

/** A line ending inside a web address, after its scheme or a dot, slash or hyphen of it. */
const URL_GOES_ON = /(?:^|[\s(<[])(?:https?:|https?:\/\/\S*[./-])$/u;
/** What an address goes on with: the slashes after its scheme, or a host or path's next part. */
const URL_GOES_ON_FROM = /^(?:\/\/\S|[\p{Ll}\p{N}][\p{L}\p{N}_-]*(?:[./][\p{L}\p{N}_-]+)*[./])/u;

/** TeX's spacing accents and the combining marks they stand for. */
const ACCENTS: Record<string, string> = {
  "\u00A8": "\u0308", // ¨ diaeresis
  "\u00B4": "\u0301", // ´ acute
  "\u02C6": "\u0302", // ˆ circumflex
  "\u02DC": "\u0303", // ˜ tilde
  "\u00B8": "\u0327", // ¸ cedilla
  "\u02C7": "\u030C", // ˇ caron
  "\u02DA": "\u030A", // ˚ ring
};
const SPACING_ACCENT = /(?<=^|[\p{L}\s])([\u00A8\u00B4\u02C6\u02DC\u00B8\u02C7\u02DA])(\p{L})/gu;

/**
 * A letter with the accent TeX draws as a glyph of its own before it, as one character: "M¨oller"
 * is "Möller", "Micha¨el" "Michaël" (pdftotext composes them too).
 */
function withAccents(text: string): string {
  return text.replace(
    SPACING_ACCENT,
    (_, accent: string, letter: string) => (letter + ACCENTS[accent]).normalize("NFC"),
  );
}

/** Text as pdf.js returns it, without control characters (NUL turns up in broken fonts). */
function cleanText(s: string): string {
  return s.replace(/[\t\u00A0]/gu, " ").replace(/[\p{Cc}\uFFFD]/gu, "");
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // pdf.js messages end with a period; gleaner's messages carry details after a colon.
  const text = message.slice(0, 300).replace(/\s+/gu, " ").trim().replace(/\.$/u, "");
  return text || "unknown error";
}
