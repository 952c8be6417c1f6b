/**
 * @module
 * The bench's fidelity section: what survives extraction, side by side with the converters
 * people use today. HTML and Word go through gleaner and through pandoc (`-t gfm`); for each,
 * the tables, footnotes, headings, list items and links in the Markdown are counted, and the
 * text's word tokens compared (F1, pandoc's words as the reference). pandoc is given a page's
 * main region, the part gleaner keeps, so page chrome does not count for it. PDFs go through gleaner and
 * `pdftotext`, compared by word-token F1. An EPUB book pandoc makes of five pages goes through
 * both too. Pages come from Debian's python3.11-doc (HOWTOs) when
 * it is installed, Word documents are made here with the `docx` package, PDFs are the ones under
 * /usr/share/doc. A missing program or corpus skips its part with a reason.
 */
import {
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import { parseHTML } from "linkedom";
import { basename, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { extractDocx } from "../src/pipeline/docx.ts";
import { extractEpub } from "../src/pipeline/epub.ts";
import { extractHtml } from "../src/pipeline/html.ts";
import { extractPdf } from "../src/pipeline/pdf.ts";
import { resolveLinks } from "../src/vault/source_links.ts";
import { heldOutPaths } from "../tests/support/gold_reference.ts";

type Report = (name: string, value: string, target: string) => void;

const HOWTO = "/usr/share/doc/python3.11/html/howto";
export const PDFS = [
  "/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf",
  "/usr/share/doc/glpk-doc/cnfsat.pdf",
  "/usr/share/doc/libtasn1-doc/libtasn1.pdf",
  // dvips output with Type 3 bitmap fonts, where words are placed piece by piece (graphviz-doc).
  "/usr/share/doc/graphviz/pdf/dottyguide.pdf.gz",
  "/usr/share/doc/graphviz/pdf/libguide.pdf.gz",
];

/** What a Markdown text holds, counted the same way for both converters. */
interface Counts {
  tables: number;
  footnotes: number;
  headings: number;
  listItems: number;
  /** Links to http(s) addresses. */
  webLinks: number;
  /** Links to files and places in pages; gleaner keeps those that lead to a note of the batch. */
  fileLinks: number;
}

export async function fidelity(report: Report, scratch: string): Promise<void> {
  if (!await hasProgram("pandoc")) {
    report("fidelity vs pandoc", "skipped", "(pandoc not installed: apt-get install pandoc)");
  } else {
    await compareHtml(report);
    await compareDocx(report, scratch);
    await compareEpub(report, scratch);
  }
  if (!await hasProgram("pdftotext")) {
    report("fidelity vs pdftotext", "skipped", "(apt-get install poppler-utils)");
  } else {
    await comparePdf(report);
  }
}

/** Python's HOWTOs, without gold-debian's held-out ones. */
async function howtos(): Promise<string[]> {
  const heldOut = await heldOutPaths();
  return (await listFiles(HOWTO, ".html")).filter((page) => !heldOut.has(page));
}

async function compareHtml(report: Report): Promise<void> {
  const pages = await howtos();
  if (pages.length === 0) {
    report("HTML vs pandoc", "skipped", "(apt-get install python3.11-doc)");
    return;
  }
  const ours: string[] = [];
  const theirs: string[] = [];
  for (const page of pages) {
    const bytes = await Deno.readFile(page);
    const extracted = extractHtml(bytes, basename(page), { source: basename(page) });
    // The note shows the title as its heading; the body leaves it out.
    ours.push(`# ${extracted.title}\n\n${extracted.body}`);
    theirs.push(await pandoc(mainRegion(new TextDecoder().decode(bytes)), "html"));
  }
  side(report, `HTML (${pages.length} Python HOWTOs)`, ours, theirs);
}

/**
 * An EPUB book made by pandoc from the main regions of five HOWTOs, one chapter each, read by
 * gleaner (links between chapters resolved as main resolves them) and by pandoc.
 */
async function compareEpub(report: Report, scratch: string): Promise<void> {
  const pages = (await howtos()).slice(0, 5);
  if (pages.length === 0) {
    report("EPUB vs pandoc", "skipped", "(apt-get install python3.11-doc)");
    return;
  }
  const chapters: string[] = [];
  for (const page of pages) {
    const path = join(scratch, `fidelity-${basename(page)}`);
    await Deno.writeTextFile(path, mainRegion(await Deno.readTextFile(page)));
    chapters.push(path);
  }
  const book = join(scratch, "fidelity.epub");
  await run("pandoc", [
    "-f",
    "html",
    "-t",
    "epub3",
    "--metadata",
    "title=HOWTOs",
    "-o",
    book,
    ...chapters,
  ]);
  const bytes = await Deno.readFile(book);
  const extracted = extractEpub(bytes, "fidelity.epub", { source: "fidelity.epub" });
  const body = resolveLinks(extracted, "fidelity.epub", () => undefined);
  side(report, "EPUB (5 HOWTOs, made by pandoc)", [`# ${extracted.title}\n\n${body}`], [
    await pandoc(book, "epub"),
  ]);
}

async function compareDocx(report: Report, scratch: string): Promise<void> {
  const ours: string[] = [];
  const theirs: string[] = [];
  for (const [i, bytes] of (await wordDocuments()).entries()) {
    const path = join(scratch, `fidelity-${i}.docx`);
    await Deno.writeFile(path, bytes);
    const extracted = await extractDocx(bytes, basename(path));
    ours.push(`# ${extracted.title}\n\n${extracted.body}`);
    theirs.push(await pandoc(path, "docx"));
  }
  side(report, `Word (${ours.length} made documents)`, ours, theirs);
}

async function comparePdf(report: Report): Promise<void> {
  const files = [];
  for (const path of PDFS) if (await exists(path)) files.push(path);
  if (files.length === 0) {
    report("PDF vs pdftotext", "skipped", "(no PDFs under /usr/share/doc)");
    return;
  }
  for (const path of files) {
    const name = basename(path, ".gz");
    let bytes = await Deno.readFile(path);
    if (path.endsWith(".gz")) bytes = new Uint8Array(gunzipSync(bytes));
    const ours = (await extractPdf(bytes, name)).body;
    const theirs = await run("pdftotext", ["-", "-"], bytes);
    report(`PDF ${name}: word F1 vs pdftotext`, tokenF1(ours, theirs).toFixed(3), ">= 0.95");
    report(
      `PDF ${name}: words split apart`,
      String(splitWords(ours, theirs)),
      "(info: pdftotext 0)",
    );
  }
}

/**
 * Words split in two where pdftotext has them whole: neighbouring words of `text` that together
 * make a word of the reference while one of them is no word of it ("numb ers", "imp ortant").
 */
function splitWords(text: string, reference: string): number {
  const words = (s: string) =>
    s.replace(/\\(.)/g, "$1").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const known = new Set(words(reference));
  const ours = words(text);
  let count = 0;
  for (let i = 1; i < ours.length; i++) {
    const [a, b] = [ours[i - 1], ours[i]];
    if (known.has(a + b) && (!known.has(a) || !known.has(b))) count++;
  }
  return count;
}

/** Reports the counts of both sides as ratios, and the token F1. */
function side(report: Report, label: string, ours: string[], theirs: string[]): void {
  const a = total(ours.map(count));
  const b = total(theirs.map(count));
  for (const key of Object.keys(a) as (keyof Counts)[]) {
    const ratio = b[key] === 0 ? "n/a" : (a[key] / b[key]).toFixed(2);
    // A link to a file outside the batch cannot lead anywhere in a vault: gleaner keeps its
    // text. pandoc keeps every address.
    const target = key === "fileLinks" ? "(info: only links within the batch)" : ">= 1.00";
    report(`${label}: ${key} gleaner/pandoc`, `${ratio} (${a[key]} / ${b[key]})`, target);
  }
  const f1 = ours.map((text, i) => tokenF1(text, theirs[i]));
  report(
    `${label}: word F1 vs pandoc (mean)`,
    (f1.reduce((x, y) => x + y, 0) / f1.length).toFixed(3),
    ">= 0.95",
  );
}

function total(all: Counts[]): Counts {
  const sum: Counts = {
    tables: 0,
    footnotes: 0,
    headings: 0,
    listItems: 0,
    webLinks: 0,
    fileLinks: 0,
  };
  for (const c of all) for (const key of Object.keys(sum) as (keyof Counts)[]) sum[key] += c[key];
  return sum;
}

/** Counts Markdown structure outside fenced code. */
export function count(markdown: string): Counts {
  const text = markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, "");
  const matches = (re: RegExp) => (text.match(re) ?? []).length;
  return {
    tables: matches(/^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/gm),
    footnotes: matches(/^\[\^[^\]\n]+\]:/gm),
    headings: matches(/^#{1,6}[ \t]+\S/gm),
    listItems: matches(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S/gm),
    // pandoc writes a link with attributes as raw HTML.
    webLinks: matches(/\]\(https?:[^)\s]+\)|<a\s[^>]*href="https?:/g),
    fileLinks: matches(
      /\]\((?!https?:|mailto:)[^)\s]+\)|\[\[[^\]\n]+\]\]|<a\s[^>]*href="(?!https?:)/g,
    ),
  };
}

/** F1 of the word tokens of `text` against `reference` (multisets, lowercased). */
export function tokenF1(text: string, reference: string): number {
  const bag = (s: string) => {
    const words = new Map<string, number>();
    // Link addresses and raw HTML tags (pandoc keeps some) are no words a reader sees.
    const shown = s.replace(/\]\([^)]*\)/g, "]").replace(/<[^>\n]*>/g, " ");
    for (const w of shown.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      words.set(w, (words.get(w) ?? 0) + 1);
    }
    return words;
  };
  const a = bag(text);
  const b = bag(reference);
  let common = 0;
  let sizeA = 0;
  let sizeB = 0;
  for (const n of a.values()) sizeA += n;
  for (const n of b.values()) sizeB += n;
  for (const [w, n] of a) common += Math.min(n, b.get(w) ?? 0);
  if (sizeA === 0 || sizeB === 0) return 0;
  const precision = common / sizeA;
  const recall = common / sizeB;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Word documents with the structures under test: tables, footnotes, lists, links, headings. */
async function wordDocuments(): Promise<Uint8Array[]> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const table = (rows: string[][]) =>
    new Table({ rows: rows.map((r) => new TableRow({ children: r.map(cell) })) });
  const documents = [0, 1, 2].map((n) =>
    new Document({
      footnotes: {
        1: { children: [new Paragraph(`Measured on site ${n + 1} in spring.`)] },
        2: { children: [new Paragraph("Figures rounded to the nearest whole number.")] },
      },
      numbering: {
        config: [{
          reference: "steps",
          levels: [{ level: 0, format: "decimal", text: "%1.", alignment: "left" }],
        }],
      },
      sections: [{
        children: [
          new Paragraph({ text: `Orchard report ${n + 1}`, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun("The trees grew well this year"),
              new FootnoteReferenceRun(1),
              new TextRun(" and the harvest "),
              new TextRun({ text: "was late", strike: true }),
              new TextRun(" came early"),
              new FootnoteReferenceRun(2),
              new TextRun(". See "),
              new ExternalHyperlink({
                link: "https://example.org/orchards",
                children: [new TextRun("the register")],
              }),
              new TextRun("."),
            ],
          }),
          new Paragraph({ text: "Yields", heading: HeadingLevel.HEADING_2 }),
          table([["Variety", "Trees", "Tonnes"], ["Bramley", "40", "12"], ["Cox", "25", "7"]]),
          new Paragraph({ text: "Next steps", heading: HeadingLevel.HEADING_2 }),
          ...["Prune in winter", "Mulch in spring", "Net before harvest"].map((text) =>
            new Paragraph({ text, numbering: { reference: "steps", level: 0 } })
          ),
          table([["Month", "Task"], ["January", "Prune"], ["April", "Mulch"]]),
        ],
      }],
    })
  );
  return await Promise.all(
    documents.map(async (d) => new Uint8Array(await Packer.toArrayBuffer(d))),
  );
}

/**
 * A page's main region (`role="main"`, `<main>`, `<article>`) as HTML: pandoc converts whatever
 * it is given, page chrome included (a Sphinx page's sidebar, relation bars and footer add some
 * 25 list items), so it gets the same content gleaner keeps. The whole page if none is marked.
 */
function mainRegion(html: string): string {
  // linkedom types its window with the browser's DOM, which Deno's libraries do not declare.
  const { document } = parseHTML(html) as unknown as {
    document: { querySelector(selectors: string): { outerHTML: string } | null };
  };
  const main = document.querySelector('[role="main"], main, article');
  return main ? main.outerHTML : html;
}

/** pandoc's GitHub Markdown of a file, or of HTML given as text. */
async function pandoc(input: string, from: string): Promise<string> {
  const file = from === "html" ? [] : [input];
  const child = new Deno.Command("pandoc", {
    args: ["-f", from, "-t", "gfm", "--wrap=none", ...file],
    stdin: "piped",
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const writer = child.stdin.getWriter();
  if (from === "html") await writer.write(new TextEncoder().encode(input));
  await writer.close();
  return new TextDecoder().decode((await child.output()).stdout);
}

async function run(program: string, args: string[], input?: Uint8Array): Promise<string> {
  const child = new Deno.Command(program, {
    args,
    stdin: input ? "piped" : "null",
    stdout: "piped",
    stderr: "null",
  }).spawn();
  if (input) {
    const writer = child.stdin.getWriter();
    await writer.write(input);
    await writer.close();
  }
  const out = await child.output();
  return new TextDecoder().decode(out.stdout);
}

async function hasProgram(program: string): Promise<boolean> {
  try {
    await new Deno.Command(program, { args: ["-v"], stdout: "null", stderr: "null" }).output();
    return true;
  } catch {
    return false;
  }
}

async function listFiles(dir: string, ext: string): Promise<string[]> {
  try {
    const names = [];
    for await (const entry of Deno.readDir(dir)) {
      if (entry.isFile && entry.name.endsWith(ext)) names.push(join(dir, entry.name));
    }
    return names.sort();
  } catch {
    return [];
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}
