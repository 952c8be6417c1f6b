/**
 * @module
 * EPUB books: a ZIP container (read by zip.ts, within limits, so a bomb is refused before it
 * inflates) of XHTML chapters. The container's `META-INF/container.xml` names the package
 * document (OPF), whose metadata gives the title and authors and whose spine gives the chapters
 * in reading order. Each chapter goes through the HTML converter, and the book becomes one note:
 * a link from one chapter to another (or to a heading in it) becomes a heading link inside the
 * note, and footnotes are numbered through the book.
 */
import { DOMParser } from "linkedom";
import { posix } from "node:path";
import { LINK_SCHEME, type SourceLink } from "../protocol/messages.ts";
import { cleanTitle, type Extracted } from "./extracted.ts";
import { InputError } from "../common/errors.ts";
import { countMarkdownWords, decodeHtml, htmlToMarkdown } from "./html.ts";
import { LinkTable } from "./html_links.ts";
import { escapeMarkdown } from "../markdown/transcript.ts";
import { inflateEntry, readZip, type ZipEntry, type ZipLimits } from "./zip.ts";

const EPUB = "EPUB book";
const MB = 1024 * 1024;
const LIMITS: ZipLimits = {
  entries: 10_000,
  /** A chapter larger than this would take the HTML converter past its memory anyway. */
  entryBytes: 64 * MB,
  /** All files, pictures and fonts included: only what the spine names is ever inflated. */
  totalBytes: 2048 * MB,
};
/** Largest the container and package documents may be: a few KB in real books. */
const MAX_PACKAGE_BYTES = 4 * MB;
/**
 * Deepest a package document's elements may nest (real ones: 4). linkedom's XML parse takes
 * time growing faster than the nesting: 16 s for 1 MB of nested elements (measured).
 */
const MAX_PACKAGE_DEPTH = 64;
/** Largest all chapters together may inflate to: the text of a very long book is 10-20 MB. */
const MAX_TEXT_BYTES = 128 * MB;
const MIMETYPE = "application/epub+zip";
const CHAPTER_TYPES = new Set(["application/xhtml+xml", "text/html"]);
/** A name in small letters with dashes or underscores and no spaces: a file's or project's. */
const SLUG = /^[\p{Ll}\p{N}]+(?:[-_.][\p{Ll}\p{N}]+)+$/u;

/**
 * Extracts an EPUB book as one note: title and authors from its package metadata, the chapters
 * of its spine in order.
 * @throws {InputError} when the file is not a readable EPUB, would inflate past the limits, or
 *   holds no text
 */
export function extractEpub(
  bytes: Uint8Array,
  fileName: string,
  options: { source?: string } = {},
): Extracted {
  const book = new Book(bytes);
  const container = book.xml("META-INF/container.xml");
  const rootfile = elements(container, "rootfile")
    .map((element) => element.getAttribute("full-path") ?? "")
    .find((path) => path !== "");
  if (!rootfile) throw notEpub("META-INF/container.xml names no package document (rootfile)");
  const opfPath = inside(rootfile, "");
  if (opfPath === undefined) {
    throw notEpub(`its package document path ${rootfile} leads outside the book`);
  }
  const opf = book.xml(opfPath);

  let title = cleanTitle(
    elements(opf, "title").map((element) => text(element)).find((t) => t !== ""),
    fileName,
  );
  // "developers-reference": Sphinx declares its project's slug as the book's title, and the
  // title page says the title ("Debian Developer's Reference").
  const slug = SLUG.test(title);
  const authors = [
    ...new Set(elements(opf, "creator").map((element) => text(element)).filter((t) => t !== "")),
  ].slice(0, 20);

  const manifest = new Map<string, { path: string | undefined; type: string }>();
  for (const item of elements(opf, "item")) {
    const id = item.getAttribute("id");
    const href = item.getAttribute("href");
    if (!id || !href) continue;
    manifest.set(id, {
      path: inside(href, posix.dirname(opfPath)),
      type: (item.getAttribute("media-type") ?? "").trim().toLowerCase(),
    });
  }
  const chapters: string[] = [];
  for (const itemref of elements(opf, "itemref")) {
    const item = manifest.get(itemref.getAttribute("idref") ?? "");
    if (item?.path && CHAPTER_TYPES.has(item.type) && !chapters.includes(item.path)) {
      chapters.push(item.path);
    }
  }
  if (chapters.length === 0) throw notEpub("its spine lists no XHTML chapters");

  const own = new LinkTable(options.source);
  const anchors: Record<string, string> = {};
  const parts: string[] = [];
  /** What went wrong with chapters noted in their place, for a book with no text at all. */
  const problems: string[] = [];
  let footnotes = 0;
  let textBytes = 0;
  for (const path of chapters) {
    const entry = book.entry(path);
    if (!entry) {
      problems.push(`${path} is missing`);
      parts.push(`*A chapter is missing from the book: ${escapeMarkdown(path)}*`);
      continue;
    }
    textBytes += entry.size;
    if (textBytes > MAX_TEXT_BYTES) {
      throw notEpub(`its chapters hold more than ${MAX_TEXT_BYTES / MB} MB of text`);
    }
    const table = new LinkTable(path);
    // A chapter that lies about its size refuses the whole book, as any bomb does; one the
    // converter cannot read is noted in its place.
    const chapter = book.inflate(entry);
    let markdown: string;
    try {
      // The title page usually repeats the title as its first heading.
      markdown = htmlToMarkdown(decodeHtml(chapter), {
        links: table,
        ...(parts.length === 0 ? { title } : {}),
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(`${path}: ${error.message}`);
      parts.push(
        `*This chapter could not be read: ${escapeMarkdown(`${path}: ${error.message}`)}*`,
      );
      continue;
    }
    // Anchors of the whole book, told apart by their chapter; a link to a chapter itself leads
    // to its first heading.
    const heading = /^#{1,6} (.+)$/m.exec(markdown);
    if (slug && parts.length === 0 && heading && /\s/u.test(heading[1])) {
      title = cleanTitle(unescapeHeading(heading[1]), fileName);
      markdown = markdown.replace(heading[0], "").trim();
    }
    const first = /^#{1,6} (.+)$/m.exec(markdown)?.[1];
    if (first) anchors[`${path}#`] = unescapeHeading(first);
    for (const [id, heading] of table.anchors) anchors[`${path}#${id}`] = heading;
    markdown = relink(markdown, table.links, (link) => {
      if (!chapters.includes(link.path)) return undefined;
      return { ...link, path: own.source, fragment: `${link.path}#${link.fragment ?? ""}` };
    }, own);
    const offset = footnotes;
    markdown = markdown.replace(/(?<!\\)\[\^(\d{1,6})\]/g, (_, n: string) => {
      footnotes = Math.max(footnotes, offset + Number(n));
      return `[^${offset + Number(n)}]`;
    });
    if (markdown !== "") parts.push(markdown);
  }
  if (parts.length === problems.length) {
    // Only notes of what went wrong: no note to make.
    const why = problems.length > 0 ? `: ${problems[0]}` : "";
    throw new InputError(`no readable text in this EPUB book${why}`);
  }
  const body = parts.join("\n\n");
  const wanted = title.toLowerCase();
  for (const [key, heading] of Object.entries(anchors)) {
    // The heading that became the title is not in the body: a link to it leads to the top.
    if (heading.toLowerCase() === wanted) anchors[key] = "";
  }
  return {
    title,
    type: "epub",
    body,
    wordCount: countMarkdownWords(body),
    properties: {
      chapters: chapters.length,
      ...(authors.length === 1 ? { author: authors[0] } : {}),
      ...(authors.length > 1 ? { authors } : {}),
    },
    ...(own.links.length > 0 ? { links: own.links } : {}),
    ...(Object.keys(anchors).length > 0 ? { anchors } : {}),
  };
}

/** The book's ZIP entries by name, the `mimetype` entry checked first. */
class Book {
  readonly #bytes: Uint8Array;
  readonly #entries = new Map<string, ZipEntry>();

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
    for (const entry of readZip(bytes, EPUB, LIMITS)) this.#entries.set(entry.name, entry);
    const mimetype = this.entry("mimetype");
    const declared = mimetype && mimetype.size < 100
      ? new TextDecoder().decode(this.inflate(mimetype)).trim()
      : undefined;
    if (declared !== MIMETYPE) {
      throw notEpub(
        declared === undefined
          ? `it has no mimetype entry saying ${MIMETYPE}`
          : `its mimetype entry says ${JSON.stringify(declared.slice(0, 100))}, not ${MIMETYPE}`,
      );
    }
  }

  entry(path: string): ZipEntry | undefined {
    return this.#entries.get(path);
  }

  inflate(entry: ZipEntry): Uint8Array {
    return inflateEntry(this.#bytes, entry, EPUB);
  }

  /** A package file (container, OPF) parsed as XML. */
  xml(path: string): XmlDocument {
    const entry = this.entry(path);
    if (!entry) throw notEpub(`${path} is missing`);
    if (entry.size > MAX_PACKAGE_BYTES) {
      throw notEpub(`${path} is ${entry.size} bytes, more than a package file ever needs`);
    }
    const source = new TextDecoder().decode(this.inflate(entry));
    if (depth(source) > MAX_PACKAGE_DEPTH) {
      throw notEpub(`${path} nests its elements more than ${MAX_PACKAGE_DEPTH} deep`);
    }
    return new DOMParser().parseFromString(source, "text/xml") as unknown as XmlDocument;
  }
}

/** How deep the elements of an XML text nest, by its tags alone (one pass, no parse). */
function depth(xml: string): number {
  let level = 0;
  let deepest = 0;
  for (const [, close, , selfClosing] of xml.matchAll(/<(\/?)([A-Za-z_][^<>]*?)(\/?)>/g)) {
    if (close) level--;
    else if (!selfClosing) deepest = Math.max(deepest, ++level);
  }
  return deepest;
}

/** The parts of linkedom's XML DOM used here. */
interface XmlElement {
  readonly nodeName: string;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}
interface XmlDocument {
  querySelectorAll(selectors: string): Iterable<XmlElement>;
}

/** The elements named `name` in any namespace prefix (`dc:title`, `opf:item`, `item`). */
function elements(document: XmlDocument, name: string): XmlElement[] {
  return [...document.querySelectorAll("*")].filter((element) =>
    element.nodeName.replace(/^.*:/, "").toLowerCase() === name
  );
}

function text(element: XmlElement): string {
  return (element.textContent ?? "").replace(/\s+/g, " ").trim();
}

/**
 * The entry name an `href` of a file in folder `base` leads to, or undefined when it leads
 * outside the book (an absolute path, a scheme, `..` past the root).
 */
function inside(href: string, base: string): string | undefined {
  let path = href.replace(/#.*$/, "");
  try {
    path = decodeURIComponent(path);
  } catch {
    // an address that is not percent-encoded is taken as written
  }
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(path) || path.startsWith("/") || path.includes("\\")) {
    return undefined;
  }
  const joined = posix.normalize(posix.join(base, path));
  return joined === ".." || joined.startsWith("../") || joined === "." ? undefined : joined;
}

/**
 * Moves a chapter's links into the book's table: a link `to` turns into one of the book's own
 * (a heading link), the others keep only their label.
 */
function relink(
  markdown: string,
  links: readonly SourceLink[],
  to: (link: SourceLink) => SourceLink | undefined,
  own: LinkTable,
): string {
  if (links.length === 0) return markdown;
  const placeholder = new RegExp(
    `\\[((?:\\\\.|[^\\\\\\]\\n]){0,2000})\\]\\(${LINK_SCHEME}(\\d{1,9})\\)`,
    "g",
  );
  return markdown.replace(placeholder, (whole, label: string, n: string) => {
    const link = links[Number(n)];
    if (!link) return whole;
    const target = own.source === "" ? undefined : to(link);
    return target ? `[${label}](${own.placeholder(target)})` : label;
  });
}

/** A heading's text as written in Markdown, as it reads (what a heading link names). */
function unescapeHeading(heading: string): string {
  return heading.replace(/\\([!-/:-@[-`{-~])/g, "$1").trim();
}

function notEpub(detail: string): InputError {
  return new InputError(`not a readable ${EPUB}: ${detail}`);
}
