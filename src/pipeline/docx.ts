/**
 * @module
 * Word (.docx) inputs: checks the ZIP container against decompression bombs, converts the
 * document to HTML with mammoth and that to Markdown with the HTML extractor's converter.
 */
import { DOMParser } from "linkedom";
import mammoth from "mammoth";
import mammothPromises from "mammoth/lib/promises.js";
import { Buffer } from "node:buffer";
import { inflateRawSync } from "node:zlib";
import { cleanTitle, type Extracted } from "./extracted.ts";
import { countMarkdownWords, type HtmlOptions, htmlToMarkdown, linksOf } from "./html.ts";
import { LinkTable } from "./html_links.ts";
import { errorMessage, InputError } from "../common/errors.ts";

// mammoth wraps the promise it returns in a subclass built with `__proto__` assignments, which
// Deno disables (`ExternalPromise.resolve is not a function`). Its plain promise is just as good.
mammothPromises.toExternalPromise = <T>(promise: Promise<T>): Promise<T> => promise;

const MB = 1024 * 1024;
/**
 * Largest file inside the ZIP, inflated. mammoth holds about 60 bytes of heap per byte of
 * document.xml (a 30 MB one took 1.9 GB), so a larger part could not be converted anyway.
 */
const MAX_PART_BYTES = 64 * MB;
/** Largest total of all files inside the ZIP, inflated (images included). */
const MAX_TOTAL_BYTES = 1024 * MB;
const MAX_PARTS = 10_000;
/** docProps/core.xml holds a handful of short fields; a larger one is not read for its title. */
const MAX_CORE_BYTES = 64 * 1024;

/**
 * Extracts title, Markdown body and word count from a Word document. The title is the one in
 * the document's properties, else its first Title or Heading 1 paragraph, else the file stem.
 * @throws {InputError} when the file is not a readable .docx, would inflate past the limits,
 * or holds no text
 */
export async function extractDocx(
  bytes: Uint8Array,
  fileName: string,
  options: HtmlOptions = {},
): Promise<Extracted> {
  const parts = readZipDirectory(bytes);
  checkParts(bytes, parts);
  let headingTitle: string | undefined;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: ["p[style-name='Title'] => h1:fresh"],
        // Images are not carried into notes; an empty src keeps mammoth from inflating them.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
        externalFileAccess: false,
        transformDocument: (document: WordElement) => {
          headingTitle = findHeadingTitle(document);
          return document;
        },
      },
    );
    html = result.value;
  } catch (error) {
    throw new InputError(`not a readable Word document: ${describeMammothError(error)}`, {
      cause: error,
    });
  }
  const title = cleanTitle(coreTitle(bytes, parts) || headingTitle, fileName);
  let body: string;
  const links = new LinkTable(options.source);
  try {
    body = htmlToMarkdown(html, { title, links });
  } catch (error) {
    // Lists or tables nested past what the HTML converter reads.
    if (!(error instanceof InputError)) throw error;
    throw new InputError(`not a readable Word document: ${error.message}`, { cause: error });
  }
  if (body === "") throw new InputError("no readable text in this Word document");
  return {
    title,
    type: "docx",
    body,
    wordCount: countMarkdownWords(body),
    ...linksOf(links, title),
  };
}

function notDocx(detail: string): InputError {
  return new InputError(`not a readable Word document: ${detail}`);
}

function describeMammothError(error: unknown): string {
  const message = errorMessage(error);
  if (/could not find main document part/i.test(message)) {
    return "it has no main document part (word/document.xml)";
  }
  if (error instanceof RangeError && /call stack/i.test(message)) {
    return `it is nested too deeply to read: ${message}`;
  }
  // xmldom's own form: "[xmldom error]\tentity not found:&x;\n@#[line:undefined,col:undefined]".
  const xml = message.replace(/^\[xmldom \w+\]\s*/, "").replace(/\s*@#\[line:[^\]]*\]\s*$/, "");
  const entity = /entity not found:\s*(&[^;\s]{1,40};)/.exec(xml)?.[1];
  if (entity) {
    // Entities declared in a DOCTYPE (the billion-laughs bomb) are never expanded.
    return `its XML uses the entity ${entity}, which no Word document defines`;
  }
  return xml.replace(/\s+/g, " ").trim().replace(/\.$/, "");
}

// ---------------------------------------------------------------------------------------------
// Document model (mammoth's `transformDocument` hook)

interface WordElement {
  type: string;
  styleName?: string | null;
  styleId?: string | null;
  value?: string;
  children?: WordElement[];
}

/** The text of the first paragraph styled Title or Heading 1, in document order. */
function findHeadingTitle(document: WordElement): string | undefined {
  const pending = [document];
  while (pending.length > 0) {
    const element = pending.pop()!;
    // Without a styles part only the style's id ("Heading1") names it.
    const style = element.styleName ?? element.styleId ?? "";
    if (element.type === "paragraph" && /^(?:title|heading ?1)$/i.test(style)) {
      return textOf(element);
    }
    for (let i = (element.children?.length ?? 0) - 1; i >= 0; i--) {
      pending.push(element.children![i]);
    }
  }
  return undefined;
}

function textOf(paragraph: WordElement): string {
  let text = "";
  const pending = [paragraph];
  while (pending.length > 0) {
    const element = pending.pop()!;
    if (element.type === "text") text += element.value ?? "";
    else if (element.type === "tab" || element.type === "break") text += " ";
    for (let i = (element.children?.length ?? 0) - 1; i >= 0; i--) {
      pending.push(element.children![i]);
    }
  }
  return text;
}

function coreTitle(bytes: Uint8Array, parts: ZipPart[]): string | undefined {
  const part = parts.find((p) => p.name === "docProps/core.xml");
  if (!part || part.size > MAX_CORE_BYTES) return undefined;
  try {
    const xml = new TextDecoder().decode(inflatePart(bytes, part));
    const document = new DOMParser().parseFromString(xml, "text/xml");
    return document.getElementsByTagName("dc:title")[0]?.textContent ?? undefined;
  } catch {
    return undefined; // a title is optional: a broken properties part costs only the title
  }
}

// ---------------------------------------------------------------------------------------------
// ZIP container
//
// mammoth unzips with JSZip, which inflates a part completely before comparing its size with
// the one the ZIP declares: a small .docx can make it hold gigabytes. The ZIP directory is
// therefore read here first (neither mammoth nor any library in the import map exposes it),
// declared sizes are checked against limits, and every part is inflated once with a cap at its
// declared size, so a part that lies about its size is caught too.

interface ZipPart {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  /** Where the part's local header starts. */
  offset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function readZipDirectory(bytes: Uint8Array): ZipPart[] {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    throw notDocx(
      "this is an old Word 97-2003 (.doc) file or an encrypted document; " +
        "save it as .docx without a password and run again",
    );
  }
  try {
    return readDirectory(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    // A DataView read past the end: an offset in the directory points outside the file.
    if (error instanceof RangeError) throw notDocx("its ZIP directory is corrupt or cut short");
    throw error;
  }
}

function readDirectory(view: DataView): ZipPart[] {
  // The end record is the last 22 bytes, unless a comment of up to 64 KB follows it.
  let end = -1;
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notDocx("no ZIP directory found: the file is cut short or not a .docx");
  let count = view.getUint16(end + 10, true);
  let size = view.getUint32(end + 12, true);
  let start = view.getUint32(end + 16, true);
  let directoryEnd = end;
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) {
    const locator = end - 20;
    if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
      const record = safeNumber(view.getBigUint64(locator + 8, true));
      if (view.getUint32(record, true) !== ZIP64_END) throw new RangeError("no ZIP64 end record");
      count = safeNumber(view.getBigUint64(record + 32, true));
      size = safeNumber(view.getBigUint64(record + 40, true));
      start = safeNumber(view.getBigUint64(record + 48, true));
      directoryEnd = record;
    }
  }
  if (count > MAX_PARTS) throw notDocx(`it holds ${count} files, more than ${MAX_PARTS}`);
  // Bytes before the archive (a self-extractor stub) shift every offset; JSZip allows it too.
  const shift = directoryEnd - (start + size);
  if (shift < 0) throw new RangeError("directory overlaps its end record");
  const parts: ZipPart[] = [];
  let at = start + shift;
  const names = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== DIRECTORY_ENTRY) throw new RangeError("bad directory entry");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const part: ZipPart = {
      name: names.decode(new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    };
    readZip64Extra(view, at + 46 + nameLength, extraLength, part);
    part.offset += shift;
    parts.push(part);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

/** Sizes and offsets too large for 32 bits sit in a ZIP64 extra field, in this order. */
function readZip64Extra(view: DataView, at: number, length: number, part: ZipPart): void {
  const end = at + length;
  while (at + 4 <= end) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ["size", "compressedSize", "offset"] as const) {
        if (part[key] !== 0xffffffff) continue;
        part[key] = safeNumber(view.getBigUint64(field, true));
        field += 8;
      }
      return;
    }
    at += 4 + size;
  }
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("ZIP64 value out of range");
  return Number(value);
}

/** Checks declared sizes against the limits, then that every part inflates to its size. */
function checkParts(bytes: Uint8Array, parts: ZipPart[]): void {
  let total = 0;
  for (const part of parts) {
    if (part.flags & 1) throw notDocx(`${part.name} is encrypted`);
    if (part.size > MAX_PART_BYTES) {
      throw notDocx(
        `${part.name} would inflate to ${megabytes(part.size)}, more than the ` +
          `${megabytes(MAX_PART_BYTES)} a part may have (a decompression bomb?)`,
      );
    }
    total += part.size;
    if (total > MAX_TOTAL_BYTES) {
      throw notDocx(
        `its files would inflate to more than ${
          megabytes(MAX_TOTAL_BYTES)
        } (a decompression bomb?)`,
      );
    }
  }
  for (const part of parts) inflatePart(bytes, part);
}

/** Inflates one part, never past its declared size. */
function inflatePart(bytes: Uint8Array, part: ZipPart): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let start: number;
  try {
    if (view.getUint32(part.offset, true) !== LOCAL_HEADER) throw new RangeError("no local header");
    start = part.offset + 30 + view.getUint16(part.offset + 26, true) +
      view.getUint16(part.offset + 28, true);
  } catch {
    throw notDocx(`the ZIP entry of ${part.name} is corrupt or cut short`);
  }
  const data = bytes.subarray(start, start + part.compressedSize);
  if (data.length < part.compressedSize) throw notDocx(`${part.name} is cut short`);
  let inflated: Uint8Array;
  if (part.method === 0) {
    inflated = data;
  } else if (part.method === 8) {
    try {
      inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, part.size) });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
        throw notDocx(
          `${part.name} inflates past the ${part.size} bytes its ZIP entry declares ` +
            "(a decompression bomb?)",
        );
      }
      throw new InputError(`not a readable Word document: ${part.name} is corrupt: ${error}`, {
        cause: error,
      });
    }
  } else {
    throw notDocx(
      `${part.name} uses ZIP compression method ${part.method}, which Word never writes`,
    );
  }
  if (inflated.length !== part.size) {
    throw notDocx(
      `${part.name} inflates to ${inflated.length} bytes, not the ${part.size} its ZIP entry declares`,
    );
  }
  return inflated;
}

function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
}
