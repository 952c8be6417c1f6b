/**
 * @module
 * Plain-text and Markdown inputs: decodes their bytes strictly (UTF-8, or UTF-16 with a BOM)
 * and extracts a title, a body and a word count for the note.
 */
import { parseFrontmatter } from "../vault/render_note.ts";
import { countWords, InputError } from "./extracted.ts";

/** What one text or Markdown file contributes to its note. */
export interface ExtractedText {
  title: string;
  type: "text" | "markdown";
  body: string;
  wordCount: number;
}

/**
 * Decodes a text file: UTF-8 (BOM optional) or UTF-16 with a BOM, strictly. Line endings
 * become LF and a leading BOM is dropped.
 * @throws {InputError} when the bytes are binary or not valid in their encoding
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    // Checked before UTF-16LE, whose BOM is a prefix of this one.
    throw new InputError("UTF-32 text is not supported: save it as UTF-8 and run again");
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = decodeUtf16(bytes, "utf-16le");
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = decodeUtf16(bytes, "utf-16be");
  } else {
    const order = utf16ByteOrder(bytes);
    if (order) {
      throw new InputError(
        `UTF-16 text without a byte order mark (it reads as UTF-16${order}): ` +
          "save it as UTF-8 and run again",
      );
    }
    // Checked on the bytes and before decoding: binary files are usually invalid UTF-8 as
    // well, and "binary" is the more useful message. In UTF-8 a NUL byte is a NUL character.
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      throw new InputError(`binary content, not text: found a NUL byte at offset ${nul}`);
    }
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (error) {
      throw new InputError(
        `not valid UTF-8 text: ${describeUtf8Error(bytes)}; save it as UTF-8 and run again`,
        { cause: error },
      );
    }
  }
  text = text.replace(/\r\n?/g, "\n");
  // The decoder drops one BOM; a second one (or one after a UTF-16 BOM) would end up in notes.
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/**
 * Extracts title, body and word count from a plain-text or Markdown file.
 * @throws {InputError} when the file cannot be decoded or holds only whitespace
 */
export function extractText(bytes: Uint8Array, fileName: string): ExtractedText {
  const text = decodeText(bytes);
  if (text.trim() === "") throw new InputError("empty file: nothing to make a note from");
  const { stem, ext } = splitName(fileName);
  const fallback = cleanTitle(capLength(stem)) || "Untitled";

  if (ext !== ".md" && ext !== ".markdown") {
    const body = text.trimEnd();
    return { title: fallback, type: "text", body, wordCount: countWords(body) };
  }

  const frontmatter = parseFrontmatter(text);
  let body = frontmatter.body;
  const property = frontmatter.data?.title;
  let title = typeof property === "string" || typeof property === "number"
    ? cleanTitle(capLength(String(property)))
    : "";
  if (title === "") {
    const heading = findFirstH1(body);
    title = heading ? cleanTitle(stripInlineMarkdown(capLength(heading.text))) : "";
    // Only a heading that became the title goes, so the note does not show it twice.
    if (heading && title !== "") body = removeSpan(body, heading.start, heading.end);
  }
  body = body.replace(/^(?:[ \t]*\n)+/, "").trimEnd();
  return { title: title || fallback, type: "markdown", body, wordCount: countWords(body) };
}

/**
 * "LE" or "BE" when the bytes look like UTF-16 without a byte order mark: in their first 4 KB
 * nearly every byte at one parity is 0 and nearly every other one is a text character, as in
 * Latin text written by Windows tools. Such text would otherwise be called binary for its NULs.
 */
function utf16ByteOrder(bytes: Uint8Array): "LE" | "BE" | undefined {
  const pairs = Math.min(bytes.length, 4096) >> 1;
  if (pairs < 4) return undefined;
  const zeros = [0, 0];
  let text = 0;
  for (let i = 0; i < pairs * 2; i++) {
    const b = bytes[i];
    if (b === 0) zeros[i & 1]++;
    else if (b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) text++;
  }
  const mostly = (n: number) => n * 10 >= pairs * 9;
  if (!mostly(text)) return undefined;
  if (mostly(zeros[1]) && zeros[0] * 10 <= pairs) return "LE";
  if (mostly(zeros[0]) && zeros[1] * 10 <= pairs) return "BE";
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): string {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (error) {
    throw new InputError(
      `not valid ${encoding.toUpperCase()} text: odd byte count or unpaired surrogate; ` +
        "save it as UTF-8 and run again",
      { cause: error },
    );
  }
  const nul = text.indexOf("\0");
  if (nul >= 0) {
    // +1 for the BOM, which the decoder dropped; two bytes per code unit.
    throw new InputError(
      `binary content, not text: found a NUL character at offset ${(nul + 1) * 2}`,
    );
  }
  return text;
}

/**
 * Says where UTF-8 decoding fails. Runs only after decoding failed, so a binary search over
 * prefixes (each decoded in streaming mode, where a sequence cut off at the end is not yet
 * an error) is cheap enough and agrees exactly with the decoder.
 */
function describeUtf8Error(bytes: Uint8Array): string {
  const failsWithin = (length: number) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  if (!failsWithin(bytes.length)) return "the text ends in the middle of a character";
  let ok = 0; // longest prefix known to decode
  let bad = bytes.length; // shortest prefix known to fail
  while (bad - ok > 1) {
    const mid = Math.floor((ok + bad) / 2);
    if (failsWithin(mid)) bad = mid;
    else ok = mid;
  }
  // The decoder fails at the byte that breaks a sequence; the user needs where it began
  // (in Latin-1 text, "é" is a lone 0xE9 followed by an ordinary byte).
  let at = bad - 1;
  for (let p = at - 1; p >= Math.max(0, at - 3); p--) {
    const b = bytes[p];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: keep looking for the lead
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (p + length > at) at = p; // the failing byte sits inside this lead's sequence
    break;
  }
  const hex = bytes[at].toString(16).toUpperCase().padStart(2, "0");
  return `invalid byte 0x${hex} at byte offset ${at}`;
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

/** The first level-1 ATX heading outside fenced code, with its line's span in `text`. */
function findFirstH1(text: string): { text: string; start: number; end: number } | null {
  let fence = "";
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline + 1;
    const line = text.slice(start, newline === -1 ? text.length : newline);
    if (fence !== "") {
      const marker = FENCE_CLOSE.exec(line)?.[1];
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = "";
    } else {
      const open = FENCE_OPEN.exec(line);
      if (open) fence = open[1];
      const heading = open ? null : H1.exec(line);
      if (heading) return { text: stripClosingHashes(line.slice(heading[0].length)), start, end };
    }
    start = end;
  }
  return null;
}

/** Cuts a block out of Markdown, leaving one blank line between what was around it. */
function removeSpan(text: string, start: number, end: number): string {
  const before = text.slice(0, start).trimEnd();
  const after = text.slice(end).replace(/^(?:[ \t]*\n)+/, "");
  return before === "" ? after : `${before}\n\n${after}`;
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
 * Removes the commonest inline Markdown from a heading: links, images, wikilinks, code spans,
 * emphasis, strikethrough, HTML tags and backslash escapes. Deliberately small, not a parser.
 */
function stripInlineMarkdown(s: string): string {
  return s
    .replace(/!?\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g, (_, target, alias) => alias ?? target)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/(`+)(.+?)\1/g, "$2")
    .replace(/<\/?[A-Za-z][^>]*>/g, "")
    .replace(/(?<!\\)(\*{1,3}|~~)(?=\S)(.+?)(?<=[^\s\\])\1/g, "$2")
    // Underscores only at word edges: snake_case is not emphasis.
    .replace(/(?<![\p{L}\p{N}_\\])(_{1,3})(?=\S)(.+?)(?<=[^\s\\])\1(?![\p{L}\p{N}_])/gu, "$2")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1");
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
