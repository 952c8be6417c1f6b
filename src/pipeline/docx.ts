/**
 * @module
 * Word (.docx) inputs: checks the ZIP container against decompression bombs, converts the
 * document to HTML with mammoth and that to Markdown with the HTML extractor's converter.
 */
import { DOMParser } from "linkedom";
import mammoth from "mammoth";
import mammothPromises from "mammoth/lib/promises.js";
import { Buffer } from "node:buffer";
import { cleanTitle, type Extracted, placeholderTitle } from "./extracted.ts";
import { countMarkdownWords, type HtmlOptions, htmlToMarkdown, linksOf } from "./html.ts";
import { LinkTable } from "./html_links.ts";
import { inflateEntry, readZip, type ZipEntry, type ZipLimits } from "./zip.ts";
import { errorMessage, InputError } from "../common/errors.ts";

// mammoth wraps the promise it returns in a subclass built with `__proto__` assignments, which
// Deno disables (`ExternalPromise.resolve is not a function`). Its plain promise is just as good.
mammothPromises.toExternalPromise = <T>(promise: Promise<T>): Promise<T> => promise;

const MB = 1024 * 1024;
const WORD = "Word document";
const LIMITS: ZipLimits = {
  entries: 10_000,
  /**
   * Largest file inside the ZIP, inflated. mammoth holds about 60 bytes of heap per byte of
   * document.xml (a 30 MB one took 1.9 GB), so a larger part could not be converted anyway.
   */
  entryBytes: 64 * MB,
  /** All files inside the ZIP, inflated (images included). */
  totalBytes: 1024 * MB,
};
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
  const parts = readParts(bytes);
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

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The parts of the document's ZIP, each inflated once (within its declared size) before mammoth
 * sees them, since JSZip would inflate a lying part completely.
 */
function readParts(bytes: Uint8Array): ZipEntry[] {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    throw notDocx(
      "this is an old Word 97-2003 (.doc) file or an encrypted document; " +
        "save it as .docx without a password and run again",
    );
  }
  const parts = readZip(bytes, WORD, LIMITS);
  for (const part of parts) inflateEntry(bytes, part, WORD);
  return parts;
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

function coreTitle(bytes: Uint8Array, parts: ZipEntry[]): string | undefined {
  const part = parts.find((p) => p.name === "docProps/core.xml");
  if (!part || part.size > MAX_CORE_BYTES) return undefined;
  try {
    const xml = new TextDecoder().decode(inflateEntry(bytes, part, WORD));
    const document = new DOMParser().parseFromString(xml, "text/xml");
    const title = document.getElementsByTagName("dc:title")[0]?.textContent ?? undefined;
    // "Untitled", "Document1": what a template left, not the author's title.
    return title !== undefined && placeholderTitle(title) ? undefined : title;
  } catch {
    return undefined; // a title is optional: a broken properties part costs only the title
  }
}
