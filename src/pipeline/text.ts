/**
 * @module
 * Plain-text and Markdown inputs: decoded by the one text decoder, then a title, a body and a
 * word count for the note.
 */
import type { PropertyValue } from "../protocol/messages.ts";
import { parseFrontmatter, STANDARD_KEYS } from "../markdown/frontmatter.ts";
import { englishRank } from "../analyse/commonness.ts";
import { decodeText } from "./decode.ts";
import { countWords, fallbackTitle } from "./extracted.ts";
import { InputError } from "../common/errors.ts";
import { marked } from "marked";
import { inlineText } from "../markdown/inline_text.ts";
import { mystAsObsidian } from "../markdown/myst.ts";
import { fromOverstrike, isOverstruck } from "./overstrike.ts";
import { typewriterQuotes } from "./typewriter_quotes.ts";

/** What one text or Markdown file contributes to its note. */
export interface ExtractedText {
  title: string;
  type: "text" | "markdown";
  body: string;
  wordCount: number;
  /** A Markdown file's own frontmatter, kept (its title, tags and aliases have their places). */
  properties?: Record<string, PropertyValue>;
  /** A Markdown file's own tags. */
  tags?: string[];
}

/**
 * Extracts title, body and word count from a plain-text or Markdown file.
 * @throws {InputError} when the file cannot be decoded or holds only whitespace
 */
export function extractText(bytes: Uint8Array, fileName: string): ExtractedText {
  return readText(decodeText(bytes), fileName);
}

/** {@link extractText} of a text already decoded. */
export function readText(text: string, fileName: string): ExtractedText {
  if (text.trim() === "") throw new InputError("empty file: nothing to make a note from");
  const { ext } = splitName(fileName);
  const fallback = fallbackTitle(fileName);

  // A plain text's first line is not taken as its title: on the gold set that cost keyphrase
  // F1 (0.252 -> 0.243), the analysis being tuned to titles it does not repeat from the text.
  // One its author underlined is: "History of LZMA Utils and XZ Utils" over "=====", and one
  // centred on the page ("Frequently Asked Questions about zlib").
  if (ext !== ".md" && ext !== ".markdown") {
    if (isOverstruck(text)) text = fromOverstrike(text);
    const underlined = underlinedTitle(text);
    const centred = underlined ? undefined : centredTitle(text);
    const rest = underlined
      ? text.slice(underlined.end)
      : centred
      ? text.slice(0, centred.start) + text.slice(centred.end)
      : text;
    const body = asMarkdown(
      (underlined || centred ? rest.replace(/^(?:[ \t]*\n)+/u, "") : rest).trimEnd(),
    );
    const title = underlined?.title ?? centred?.title ?? fallback;
    return { title, type: "text", body, wordCount: countWords(body) };
  }

  const frontmatter = parseFrontmatter(text);
  let body = mystAsObsidian(frontmatter.body);
  const property = frontmatter.data?.title;
  let title = typeof property === "string" || typeof property === "number"
    ? cleanTitle(capLength(String(property)))
    : "";
  if (title === "") {
    const heading = findFirstH1(body);
    title = heading && !SECTION_LABEL.test(heading.text) && !RELEASE.test(heading.text)
      ? cleanTitle(heading.text)
      : "";
    // Only a heading that became the title goes, so the note does not show it twice.
    if (heading && title !== "") body = removeSpan(body, heading.start, heading.end);
  }
  body = body.replace(/^(?:[ \t]*\n)+/, "").trimEnd();
  return {
    title: title || fallback,
    type: "markdown",
    body,
    wordCount: countWords(body),
    ...ownFrontmatter(frontmatter.data ?? {}),
  };
}

/**
 * A plain text as Markdown shows it best: its words hyphenated at line ends whole again
 * ({@link unhyphenated}), its typewriter quotes as quotation marks
 * ({@link typewriterQuotes}), each paragraph by itself ({@link ownBlocks}), the indented
 * paragraphs of prose at the margin ({@link unindentProse}), and its angle brackets and
 * backslashes shown ({@link shownAsWritten}).
 */
function asMarkdown(text: string): string {
  return shownAsWritten(unindentProse(ownBlocks(typewriterQuotes(unhyphenated(text)))));
}

/**
 * A plain text with the words its formatter hyphenated at line ends joined back, as nroff sets
 * manual pages ("marks recipients as fin-" over "ished"): where the joined word is English; a
 * compound broken at its own hyphen ("command-" over "line") keeps its line break.
 */
function unhyphenated(text: string): string {
  return text.replace(
    /(?<!\p{L})(\p{L}+)-\n[ \t]*(\p{Ll}+)/gu,
    (broken, head: string, tail: string) =>
      /\p{Ll}$/u.test(head) && englishRank(`${head}${tail}`.toLowerCase()) < Infinity
        ? `${head}${tail}`
        : broken,
  );
}

/**
 * A plain text's angle brackets before a word escaped outside code: "before pressing <Up>",
 * "<Enter>", "<file>" read as HTML tags in Markdown, and Obsidian shows nothing of them. Web and
 * mail addresses in brackets stay links; an indented block, which Markdown shows as code, stays
 * as it is. So is a backslash before punctuation, which Markdown reads as an escape: Vim's
 * 'escaped by a "\" (backslash)' showed '""'.
 */
function shownAsWritten(text: string): string {
  let inCode = false;
  let blank = true;
  return text.split("\n").map((line) => {
    inCode = INDENTED.test(line) && line.trim() !== "" && (blank || inCode);
    blank = line.trim() === "";
    return inCode ? line : line.replace(ESCAPING, "\\\\").replace(TAG_LIKE, "\\<");
  }).join("\n");
}

/** A backslash Markdown would take for an escape: before ASCII punctuation. */
const ESCAPING = /\\(?=[!-\/:-@[-`{-~])/gu;
/** "<" before what an HTML tag opens with, unless an address in brackets follows. */
const TAG_LIKE = /<(?=[\p{L}\/!?])(?![a-z][a-z0-9+.-]*:[^\s<>]*>)(?![^\s<>@]+@[^\s<>]+>)/giu;

/**
 * A plain text with blank lines where Markdown would run two of its blocks into one: an indented
 * table or listing right under the line that introduces it ("Reserved uids:" over "    uid |
 * name"), which Markdown reads as more of that line's paragraph; and a rule of dashes under a
 * paragraph of several lines, which Markdown reads as the underline of a heading (bc's README
 * ended in a heading of eleven lines). A line of tildes is a rule or an underline, which Markdown
 * reads as a code fence: under Valgrind's FAQ's title it fenced the whole text. Centred lines,
 * a title page's, are blocks of their own, at the margin (indented, Markdown reads them as code).
 */
function ownBlocks(text: string): string {
  const lines = text.split("\n").map((l) => TILDES.test(l) ? l.replaceAll("~", "-") : l);
  const centred = lines.map(isCentred);
  const out: string[] = [];
  let run = 0; // lines of the paragraph so far
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const indented = INDENTED.test(line) && line.trim() !== "";
    const opensLayout = indented && run > 0 && !INDENTED.test(lines[i - 1]) &&
      !isProse(lines.slice(i, nextBlank(lines, i)).join("\n"));
    const rule = /^\s*(?:-{3,}|={3,})\s*$/u.test(line) && run >= 2;
    // "Written by Ian A. Murdock" over "Revised 01/06/94", each centred on a title page: lines
    // of their own, which Markdown would run together ("Ian A. Murdock Revised"); not the lines
    // of one sentence ("Where do I go" over "to learn the details").
    const ownLine = run > 0 && centred[i] && centred[i - 1] && /^\s*[\p{Lu}\p{N}]/u.test(line);
    if (opensLayout || rule || ownLine) {
      out.push("");
      run = 0;
    }
    out.push(centred[i] ? line.trim() : line);
    run = line.trim() === "" ? 0 : run + 1;
  }
  return out.join("\n");
}

/** A line of tildes alone. */
const TILDES = /^ {0,3}~{3,}[ \t]*$/u;

/** The index of the first blank line at or after `from`, or the end. */
function nextBlank(lines: string[], from: number): number {
  let i = from;
  while (i < lines.length && lines[i].trim() !== "") i++;
  return i;
}

/**
 * A plain text with the indented paragraphs of prose moved to the margin. Many plain texts
 * indent their prose under each heading ("    XZ Utils is developed and maintained by..."),
 * which Markdown shows as code and the analysis reads as none: the note had no summary and no
 * people. A paragraph stays indented when it is laid out in columns or looks like code, where the
 * indent keeps its layout.
 */
function unindentProse(text: string): string {
  const parts = text.split(/(\n[ \t]*\n)/u); // paragraphs, and the blank lines between them
  return parts.map((part, i) =>
    i % 2 !== 0
      ? part
      : isProse(part)
      ? dedent(part)
      : firstLineIndented(part)
      ? part.trimStart()
      : part
  ).join("");
}

/**
 * A paragraph of a typewriter's layout: its first line indented, the others at the margin
 * (xdg-utils' README). Markdown reads the first line as code and the rest as a paragraph of
 * its own, and the summary lost the README's opening sentence.
 */
function firstLineIndented(paragraph: string): boolean {
  const lines = paragraph.split("\n").filter((l) => l.trim() !== "");
  // A full line opening a sentence: "\t-G Ninja" before "to the cmake invocation" is a command.
  return lines.length >= 2 && INDENTED.test(lines[0]) && /^\s+\p{Lu}.{30}/u.test(lines[0]) &&
    lines.slice(1).every((l) => /^\S/u.test(l)) && SENTENCE_END.test(paragraph) &&
    !CODE_LINE.test(lines[0]) && !COLUMNS.test(lines[0].trim());
}

/**
 * Indented by four spaces or a tab throughout, and written in sentences ("...and Jia Tan
 * <jia@example.org>.") or as a lead and its list ("Other authors:" / "  - Jonathan Nieder"),
 * not columns or code.
 */
function isProse(paragraph: string): boolean {
  const lines = paragraph.split("\n").filter((l) => l.trim() !== "");
  return lines.length > 0 && lines.every((l) => INDENTED.test(l)) &&
    (SENTENCE_END.test(paragraph) || isLeadAndList(lines)) &&
    (paragraph.match(/\p{L}+/gu)?.length ?? 0) >= 6 &&
    !lines.some((l) => COLUMNS.test(l.trim()) || CODE_LINE.test(l));
}

/** A stop after a word, or after the bracket that closes an address or a note. */
const SENTENCE_END = /[\p{L}\p{N}][>)\]"'”’]*[.!?]["')\]”’]?(?:\s|$)/u;

function isLeadAndList(lines: string[]): boolean {
  return lines.length > 2 && /\p{L}:$/u.test(lines[0].trim()) &&
    lines.slice(1).every((l) => /^\s*[-*+]\s+\S/u.test(l));
}

/** An indent that Markdown reads as code. */
const INDENTED = /^(?: {4}|\t)/u;
/** A gap of a tab or three spaces inside a line: a table laid out with spaces. */
const COLUMNS = /\S(?:\t| {3,})\S/u;
/** A line of code or a shell session: a block's brace or a statement's end, an assignment, a
 * prompt. */
const CODE_LINE = /[{};]\s*$|\s=\s|^\s*(?:\$|#|>>>|%)\s/u;

/** Lines without the indent they all share. */
function dedent(paragraph: string): string {
  const lines = paragraph.split("\n");
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/u.exec(l)![0].length);
  const cut = Math.min(...indents);
  return lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/u.exec(l)![0].length))).join("\n");
}

/** Most of a Markdown file's own properties kept, and most items of a list. */
const MAX_PROPERTIES = 100;
const MAX_ITEMS = 100;

/**
 * The frontmatter a Markdown file brings, for its note: tags (as Obsidian tags, nesting kept),
 * aliases, and the other properties whose values are text, numbers, flags or lists of text.
 * Keys gleaner fills itself stay gleaner's (see STANDARD_KEYS); nested mappings are left out.
 */
function ownFrontmatter(
  data: Record<string, unknown>,
): { properties?: Record<string, PropertyValue>; tags?: string[] } {
  const properties: Record<string, PropertyValue> = {};
  for (const [key, value] of Object.entries(data).slice(0, MAX_PROPERTIES)) {
    if (key === "tags" || key === "title" || (STANDARD_KEYS.has(key) && key !== "aliases")) {
      continue;
    }
    const kept = propertyValue(value);
    if (kept !== undefined) properties[key] = kept;
  }
  const raw = data.tags ?? data.tag;
  const list = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(/[,\s]+/) : [];
  const tags = [...new Set(list.slice(0, MAX_ITEMS).map((t) => toObsidianTag(String(t))))]
    .filter((t): t is string => t !== undefined);
  return {
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
    ...(tags.length > 0 ? { tags } : {}),
  };
}

function propertyValue(value: unknown): PropertyValue | undefined {
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS)
      .filter((v) => ["string", "number", "boolean"].includes(typeof v)).map(String);
    return items.length > 0 ? items : undefined;
  }
  return undefined;
}

/** A tag as Obsidian reads one: no "#", words joined by "-", nesting by "/" kept. */
function toObsidianTag(tag: string): string | undefined {
  const cleaned = tag.replace(/^#+/, "").split("/").map((part) =>
    part.normalize("NFC").replace(/\s+/gu, "-").replace(/[^\p{L}\p{M}\p{N}_-]/gu, "")
  ).filter((part) => part !== "").join("/");
  // Purely numeric tags are no tags in Obsidian.
  return cleaned !== "" && /[^\d/]/.test(cleaned) ? cleaned.slice(0, 200) : undefined;
}

function splitName(fileName: string): { stem: string; ext: string } {
  const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  // A leading dot starts a hidden name (".notes"), not an extension.
  if (dot <= 0) return { stem: base, ext: "" };
  return { stem: base.slice(0, dot), ext: base.slice(dot).toLowerCase() };
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
// A fence closes with the same character, at least as long, and nothing after it.
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const H1 = /^ {0,3}#(?=[ \t]|$)/;
/**
 * A first heading that labels the first section, not the document: libjpeg-turbo's README opens
 * with "Background". The file's name says more.
 */
const SECTION_LABEL =
  /^\s*(?:background|introduction|overview|about|contents|table of contents|description|summary|abstract|preface|synopsis|news|changes|changelog)\s*$/iu;

/**
 * A first heading that names a release, as a NEWS file's first entry does ("man-db 2.11.2 (8
 * January 2023)"): the file is the project's news, not that release.
 */
const RELEASE = /\b\d+\.\d+(?:\.\d+)*\b.*\b(?:19|20)\d\d\b|^\s*(?:version|release)\s+v?\d/iu;

/**
 * A plain text's first line when a line of "=" or "-" as long underlines it, as the text's title
 * ("adduser in Debian", "Frequently Asked Questions about base-files"), with the offset after the
 * underline; not a section's label ("Introduction") or a release.
 */
function underlinedTitle(text: string): { title: string; end: number } | undefined {
  // Blank lines, then the line: no two parts of the pattern take the same spaces, so a text that
  // opens with a million of them is read in one pass.
  const m = /^(?:[ \t]*\r?\n)*[ \t]*(\S[^\n]{1,150})\r?\n[ \t]*(=+|-+)[ \t]*(?:\r?\n|$)/u.exec(
    text,
  );
  if (!m) return undefined;
  const title = m[1].trim();
  if (
    Math.abs(m[2].length - title.length) > 3 || SECTION_LABEL.test(title) || RELEASE.test(title)
  ) {
    return undefined;
  }
  return { title: cleanTitle(title), end: m[0].length };
}

/** Header fields a posted text opens with ("Archive-Name: editor-faq/sed"). */
const HEADER_FIELD = /^[A-Z][\w-]*:[ \t]/u;
/** Widths of the page a plain text centres its title on. */
const PAGE_WIDTHS = [72, 80];

/**
 * A plain text's title centred on its page, as FAQs posted to Usenet write it ("THE SED FAQ",
 * "Frequently Asked Questions about zlib"), with the span of its lines: the first run of centred
 * lines, past the header fields a posting opens with or a line of its version and date, or the
 * next run when the first is all in capitals or a byline and the next is not ("VIM USER MANUAL -
 * by Bram Moolenaar" over "Moving around"). Undefined when the text opens otherwise.
 */
function centredTitle(text: string): { title: string; start: number; end: number } | undefined {
  type Run = { lines: string[]; start: number; end: number };
  const runs: Run[] = [];
  let run: Omit<Run, "end"> | undefined;
  let at = 0;
  for (let n = 0; n < 40 && at < text.length && runs.length < 2; n++) {
    const next = text.indexOf("\n", at);
    const end = next < 0 ? text.length : next + 1;
    const line = text.slice(at, end).replace(/\r?\n$/u, "");
    if (line.trim() === "") {
      if (run) runs.push({ ...run, end: at });
      run = undefined;
    } else if (isCentred(line)) {
      if (run) run.lines.push(line.trim());
      else run = { lines: [line.trim()], start: at };
    } else if (runs.length > 0 || run || !(HEADER_FIELD.test(line) || RELEASE.test(line))) break;
    at = end;
  }
  if (run && runs.length < 2) runs.push({ ...run, end: at });
  if (runs.length === 0) return undefined;
  const caps = (r: Run) => !/\p{Ll}/u.test(r.lines.join(" "));
  const byline = (r: Run) => BYLINE.test(r.lines.join(" "));
  const chosen = (caps(runs[0]) || byline(runs[0])) && runs[1] && !caps(runs[1])
    ? runs[1]
    : runs[0];
  const title = cleanTitle(chosen.lines.join(" "));
  // "VIM REFERENCE MANUAL by Bram Moolenaar" alone: whose the manual is, not what the text is.
  if (title.length > 150 || SECTION_LABEL.test(title) || RELEASE.test(title) || byline(chosen)) {
    return undefined;
  }
  return { title, start: runs[0].start, end: chosen.end };
}

/** What a work is and by whom, over its title: "VIM USER MANUAL - by Bram Moolenaar". */
const BYLINE = /(?:^|\s)by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}$/u;

/**
 * A line set in the middle of a page of 72 or 80 columns (tabs to every eighth), with words
 * and no address, mode line or column gap.
 */
function isCentred(line: string): boolean {
  const indent = /^[ \t]*/u.exec(line)![0];
  let lead = 0;
  for (const c of indent) lead = c === "\t" ? lead + 8 - lead % 8 : lead + 1;
  const words = line.trim();
  if (lead < 8 || !/\p{L}{2}/u.test(words) || /:\/\/|-\*-|\t/u.test(words)) return false;
  return PAGE_WIDTHS.some((width) => Math.abs(lead - (width - words.length) / 2) <= 4);
}

/** The line under a setext heading of level 1: "Poppler" over "=======". */
const SETEXT_H1 = /^ {0,3}=+[ \t]*$/;

/**
 * The first level-1 heading outside fenced code, ATX ("# Poppler") or setext ("Poppler" over
 * "======="), with its lines' span in `text`. Found line by line, in linear time whatever the
 * text: marked's lexer took two minutes over a hostile megabyte line.
 */
function findFirstH1(text: string): { text: string; start: number; end: number } | null {
  let fence = "";
  let start = 0;
  /** The line before, when it was a line of text that a setext underline makes a heading. */
  let previous: { line: string; start: number } | undefined;
  while (start < text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline + 1;
    const line = text.slice(start, newline === -1 ? text.length : newline);
    if (fence !== "") {
      const marker = FENCE_CLOSE.exec(line)?.[1];
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = "";
      previous = undefined;
    } else {
      const open = FENCE_OPEN.exec(line);
      if (open) fence = open[1];
      const heading = open ? null : H1.exec(line);
      if (heading) {
        return { text: headingText(stripClosingHashes(line.slice(heading[0].length))), start, end };
      }
      if (previous && SETEXT_H1.test(line)) {
        return { text: headingText(previous.line.trim()), start: previous.start, end };
      }
      previous = !open && line.trim() !== "" && !/^ {4}|^\t/.test(line)
        ? { line, start }
        : undefined;
    }
    start = end;
  }
  return null;
}

// By hand: the obvious regex backtracks quadratically on long runs of spaces.
function stripClosingHashes(s: string): string {
  const text = s.trim();
  let i = text.length;
  while (i > 0 && text[i - 1] === "#") i--;
  // "# C#" keeps its "#": a closing run needs a space before it (or nothing at all).
  if (i === text.length || (i > 0 && text[i - 1] !== " " && text[i - 1] !== "\t")) return text;
  return text.slice(0, i).trimEnd();
}

/**
 * A heading's words as they render, read by marked's inline lexer: emphasis, links, code spans,
 * escapes and HTML tags by their text; an image, such as a build badge, is none. An Obsidian
 * wikilink, which marked does not know, by its alias or target.
 */
function headingText(markdown: string): string {
  const source = capLength(markdown);
  const words = inlineText(marked.Lexer.lexInline(source), source, { images: false });
  return words.replace(/\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g, (_, target, alias) => alias ?? target);
}

/** Cuts a block out of Markdown, leaving one blank line between what was around it. */
function removeSpan(text: string, start: number, end: number): string {
  const before = text.slice(0, start).trimEnd();
  const after = text.slice(end).replace(/^(?:[ \t]*\n)+/, "");
  return before === "" ? after : `${before}\n\n${after}`;
}

function cleanTitle(s: string): string {
  return s.replace(/\s+/gu, " ").trim();
}

/**
 * Longest title kept, in UTF-16 code units. Far above any real title; it bounds the work of
 * the inline-Markdown regexes, which can backtrack on long hostile lines.
 */
const MAX_TITLE_LENGTH = 1000;

function capLength(s: string): string {
  if (s.length <= MAX_TITLE_LENGTH) return s;
  const cut = s.slice(0, MAX_TITLE_LENGTH);
  // Never end on half of a surrogate pair.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
