/**
 * @module
 * HTML inputs: decodes a page, keeps its main content (Readability, or for short pages the body
 * without its navigation, sidebars, footers and cookie banners) and turns it into Markdown.
 * `htmlToMarkdown` is shared with the DOCX extractor, which converts through HTML.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { parse as parseSpec, serialize } from "parse5";
import TurndownService from "turndown";
import { LINK_SCHEME } from "../protocol/messages.ts";
import { decodeText } from "./decode.ts";
import { cleanTitle, countWords, type Extracted, fallbackTitle } from "./extracted.ts";
import { copyrightHolder } from "./html_copyright.ts";
import {
  type Footnote,
  type NoteElement,
  takeFootnotes,
  writeFootnotes,
} from "./html_footnotes.ts";
import { type LinkElement, LinkTable, prepareLinks } from "./html_links.ts";
import { tableRules } from "./html_tables.ts";
import { declared, htmlTitle, type TitleDocument } from "./html_title.ts";
import { readText } from "./text.ts";
import { typewriterQuotes } from "./typewriter_quotes.ts";
import { InputError, NothingToNoteError } from "../common/errors.ts";

/** Options of {@link htmlToMarkdown}. */
export interface MarkdownOptions {
  /** The note's title: a first heading that only repeats it is left out of the Markdown. */
  title?: string;
  /**
   * Where links and anchors go; its source is what relative links resolve against. Without
   * one, links to files are reduced to their text.
   */
  links?: LinkTable;
}

/** Options of {@link extractHtml}. */
export interface HtmlOptions {
  /** The input's path relative to the input folder: relative links resolve against it. */
  source?: string;
}

/**
 * Extracts title, Markdown body and word count from an HTML page.
 * @throws {InputError} when the bytes are binary, the page is nested too deeply to read, or it
 * holds no readable text
 * @throws {NothingToNoteError} when the page only redirects to another, or prints a book whose
 * chapters are pages of their own (mdBook's `print.html`), or is its title alone
 */
export function extractHtml(
  bytes: Uint8Array,
  fileName: string,
  options: HtmlOptions = {},
): Extracted {
  const html = decodeHtml(bytes);
  const table = new LinkTable(options.source);
  return guardStack(() => {
    const document = parseDocument(html);
    const typed = typedText(document);
    if (typed !== undefined) {
      return fromTypedText(typed, htmlTitle(document as unknown as TitleDocument), fileName);
    }
    const moved = redirectTarget(document);
    if (moved !== undefined) {
      throw new NothingToNoteError(`only a redirect to ${moved}, no text of its own`);
    }
    if (printEdition(html, document, fileName)) {
      throw new NothingToNoteError(
        "mdBook's page that prints the whole book; its chapters are pages of their own",
      );
    }
    if (searchPage(document)) {
      throw new NothingToNoteError("the site's search page, a form and no text of its own");
    }
    // Read before the footer that holds it is taken out as the page's chrome.
    const copyright = copyrightHolder(text(document.body));
    let notes = prepare(document, table);
    // Read before Readability, which takes headings out of the document it works on.
    const known = htmlTitle(document as unknown as TitleDocument);
    shapeForReading(document);
    removeNoise(document, NOISE);
    removeNavigation(document, table);
    const article = readArticle(document);
    let root = article?.root;
    if (!article || article.length < ARTICLE_MIN_CHARS || lostSections(article.root, html)) {
      // Readability found no article (short pages), or kept one section of several: the body
      // without its chrome is the content.
      const page = parseDocument(html);
      const pageNotes = prepare(page, table);
      shapeForReading(page);
      removeNoise(page, `${CHROME}, form`);
      removeNavigation(page, table);
      // Whole pages sit inside a <form> in some frameworks; Readability looked inside it.
      if (text(page.body) !== "" || !root) {
        root = page.body;
        notes = pageNotes;
      } else removeNoise(root, CHROME);
    }
    const title = cleanTitle(known || declared(article?.title), fileName);
    const body = root ? toMarkdown(root, title, notes) : "";
    if (body === "") throw new InputError("no readable text in this page");
    // A part's page of an mdBook ("Appendices", "Lexical structure"): its heading and nothing
    // under it, the part's chapters being pages of their own.
    if (onlyTitle(body, title, table)) {
      throw new NothingToNoteError("only its title, no text of its own");
    }
    return {
      title,
      type: "html",
      body,
      wordCount: countMarkdownWords(body),
      ...(copyright ? { properties: { copyright } } : {}),
      ...linksOf(table, title),
    };
  });
}

/**
 * Whether a page's Markdown is its title's heading alone, linked to itself as a book's generator
 * links its headings ("# [Appendices](gleaner-link:114)", mdBook's): a document someone wrote
 * that is only its heading is still a note.
 */
function onlyTitle(body: string, title: string, table: LinkTable): boolean {
  const heading = SELF_LINKED_HEADING.exec(body.trim());
  if (!heading) return false;
  const link = table.links[Number(heading[2])];
  return link?.fragment !== undefined && (link.path === table.source || link.path === "") &&
    heading[1].trim().toLowerCase() === title.trim().toLowerCase();
}

/** A heading whose text is a link, as the Markdown of a page writes one: "# [Wicks](...:3)". */
const SELF_LINKED_HEADING = new RegExp(
  `^#{1,6}[ \\t]+\\[([^\\]\\n]*)\\]\\(${LINK_SCHEME}(\\d+)\\)$`,
  "u",
);

/**
 * Sets the page's parts as its Markdown should have them, before Readability reads it or in its
 * place: notices, sidebars and admonitions as callouts, a manual page's NAME line kept, API
 * signatures as code, terms with their definitions.
 */
function shapeForReading(document: DomDocument): void {
  forgetSectionIds(document);
  keepTopics(document);
  keepNotices(document);
  keepSidebars(document);
  quoteAdmonitions(document);
  asRunningText(document);
  keepManName(document);
  codeSignatures(document);
  definedTerms(document);
}

/**
 * Where a page that only sends its reader on points: a `<meta http-equiv="refresh">` with a
 * URL, and a body of a line or two ("Redirecting to... ./vec/vec-alloc.html"), as a book leaves
 * at a chapter's old address. A page that refreshes itself, or has text beside the refresh, is
 * read.
 */
function redirectTarget(document: DomDocument): string | undefined {
  for (const meta of document.querySelectorAll("meta[http-equiv]")) {
    if (meta.getAttribute("http-equiv")?.toLowerCase() !== "refresh") continue;
    const url = REFRESH_URL.exec(meta.getAttribute("content") ?? "")?.[1]?.trim();
    if (url && text(document.body).split(" ").length <= REDIRECT_WORDS) return url;
  }
  // The Rust Reference's `types-redirect.html`: a script alone, which sends an old link's
  // reader on to the page that now holds its section.
  const scripts = [...document.querySelectorAll("script")].map((script) => text(script));
  if (scripts.some((script) => SCRIPT_REDIRECT.test(script))) {
    const left = scripts.reduce(
      (all, script) => all.replace(script, ""),
      text(document.documentElement),
    );
    if (left.split(" ").filter((w) => w !== "").length <= REDIRECT_WORDS) {
      return "another page (by a script)";
    }
  }
  return undefined;
}

/** A script sending the reader elsewhere: `window.location.replace(...)`, `location.href = ...`. */
const SCRIPT_REDIRECT = /\blocation(?:\.href)?\s*=(?!=)|\blocation\.(?:replace|assign)\s*\(/u;

/**
 * Whether the page is the one mdBook writes beside a book's chapters to print them all at once
 * (`print.html`, hidden from search engines): a note of it would say every chapter's notes again,
 * and list every person of the book. Rust by Example's chapter `hello/print.html` is none.
 */
function printEdition(html: string, document: DomDocument, fileName: string): boolean {
  return /(?:^|[/\\])print\.html?$/iu.test(fileName) && MDBOOK.test(html.slice(0, 1000)) &&
    [...document.querySelectorAll('meta[name="robots"]')]
      .some((meta) => /\bnoindex\b/iu.test(meta.getAttribute("content") ?? ""));
}

const MDBOOK = /<!--\s*Book generated using mdBook\s*-->/u;

/**
 * Whether the page is its site's search page, as its `<link rel="search">` to itself says
 * (Sphinx's `search.html`: "Searching for multiple words only shows matches that contain all
 * words." and a form).
 */
function searchPage(document: DomDocument): boolean {
  return [...document.querySelectorAll('link[rel~="search"]')]
    .some((link) => link.getAttribute("href")?.trim() === "#");
}

/** The address in a refresh's content: `0;URL='./vec/vec-alloc.html'`, `5; url=/new`, and
 * `0; ./cli.html` (SQLite's old `sqlite.html`), since HTML lets "url=" be left out. */
const REFRESH_URL = /^\s*\d*(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?['"]?([^'"]+)['"]?\s*$/iu;
/** Words a redirecting page's body says at most: a line and the address, or a short apology. */
const REDIRECT_WORDS = 30;

/** The links and anchors a table gathered, as an extractor returns them. */
export function linksOf(
  table: LinkTable,
  title: string,
): Pick<Extracted, "links" | "anchors"> {
  const wanted = title.replace(/\s+/g, " ").trim().toLowerCase();
  // The heading that became the title is not in the body: a link to it leads to the note's top.
  const anchors = Object.fromEntries(
    [...table.anchors].map(([id, text]) => [id, text.toLowerCase() === wanted ? "" : text]),
  );
  return {
    ...(table.links.length > 0 ? { links: table.links } : {}),
    ...(table.anchors.size > 0 ? { anchors } : {}),
  };
}

/**
 * Converts HTML (a whole page or a fragment) to Markdown: ATX headings, `-` bullets, fenced
 * code, inline links; scripts, styles and forms dropped; images kept only when their address is
 * absolute http(s), since a relative or embedded one cannot show in a vault.
 * @throws {InputError} when the HTML is nested too deeply to read
 */
export function htmlToMarkdown(html: string, options: MarkdownOptions = {}): string {
  return guardStack(() => {
    const document = parseDocument(html);
    const notes = prepare(document, options.links ?? new LinkTable());
    return toMarkdown(document.body, options.title, notes);
  });
}

/** Counts the words of a Markdown body, leaving out link addresses and list numbers. */
export function countMarkdownWords(markdown: string): number {
  // Addresses hold no whitespace or parentheses (see escapeDestination), which also keeps the
  // pattern linear on hostile text.
  // A callout's type ("> [!note] Note") is markup too.
  return countWords(
    markdown.replace(/\]\([^\s()]*\)/g, "]").replace(/^[ \t]*\d+[.)][ \t]/gm, "")
      .replace(/^((?:[ \t]*>)+[ \t]*)\[![\w-]+\]/gm, "$1"),
  );
}

/** Takes the footnotes out and settles the links of a freshly parsed page (notes' too). */
function prepare(document: DomDocument, table: LinkTable): Footnote[] {
  // A <picture>'s or <video>'s alternatives show nothing in a note, and as void elements they
  // kept the whitespace between them apart: five <source>s left five spaces before the image,
  // an indented code block in Obsidian showing raw Markdown.
  for (const element of [...document.querySelectorAll("source, track")]) element.remove();
  const notes = takeFootnotes(document.documentElement as unknown as NoteElement);
  prepareLinks(document.documentElement as unknown as LinkElement, table);
  for (const note of notes) prepareLinks(note.element as unknown as LinkElement, table);
  return notes;
}

// ---------------------------------------------------------------------------------------------
// Decoding

/** Decodes a page by the one text decoder, with the charset the page declares. */
/** The text of an HTML page: its BOM, else its declared charset unless the bytes are UTF-8. */
export function decodeHtml(bytes: Uint8Array): string {
  return decodeText(bytes, { what: "HTML", declared: declaredEncoding(bytes) });
}

/** The encoding a page declares in its first 1024 bytes (where HTML says to look), if known. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, 1024));
  const label = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ??
    /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  if (!label) return undefined;
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    return undefined; // an unknown label: browsers ignore it too
  }
  // The meta tag was readable as ASCII, so the bytes are not UTF-16 whatever they claim.
  return encoding.startsWith("utf-16") ? "utf-8" : encoding;
}

// ---------------------------------------------------------------------------------------------
// Parsing

// linkedom types its window with the browser's DOM, which Deno's default libraries do not
// declare; these are the parts used here.
interface DomNode {
  readonly nodeName: string;
  readonly nodeType: number;
  textContent: string | null;
  readonly parentNode: DomNode | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
}
interface DomElement extends DomNode {
  readonly firstElementChild: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  readonly previousElementSibling: DomElement | null;
  readonly parentElement: DomElement | null;
  readonly childNodes: Iterable<DomNode>;
  append(...nodes: DomNode[]): void;
  prepend(...nodes: (DomNode | string)[]): void;
  replaceWith(node: DomNode): void;
  before(...nodes: DomNode[]): void;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): Iterable<DomElement>;
  normalize(): void;
  remove(): void;
}
interface DomDocument {
  readonly documentElement: DomElement;
  readonly body: DomElement;
  createElement(name: string): DomElement;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): Iterable<DomElement>;
}

/**
 * Deepest element nesting read, counted from `<html>`. Browsers stop nesting at 512 as well;
 * the parser linkedom uses slows down quadratically with depth, Readability worse (a 500-deep
 * chain costs it 2.4 s, a 2,000-deep one 50 s) and turndown recurses once per level.
 */
const MAX_DEPTH = 512;
/**
 * Largest sum over elements of their depth squared. Readability's time grows with it (about
 * 1.7e-8 s per unit: 8,000 paragraphs 500 levels deep took 33 s); a real 5 MB article sums to
 * about 1e7, so this leaves ample room for real pages and refuses deep and wide ones.
 */
const MAX_NESTING_WORK = 500_000_000;

function parseDocument(html: string): DomDocument {
  checkNesting(html);
  // linkedom builds the tree as the tags are written: an <li> or <p> whose end tag the page
  // leaves out (as HTML allows, and SQLite's documentation does) held every later item of its
  // list, fifteen levels deep, which the note showed as indented code. parse5 builds it as the
  // HTML standard and browsers do (with <html>, <head> and <body> whether the page writes them
  // or not, which linkedom needs), and linkedom reads its well-formed output.
  html = guardStack(() => serialize(parseSpec(html)));
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  checkDepth(document.documentElement);
  // The parser gives every character reference (each &nbsp;) a text node of its own, and
  // Readability spends about 12 µs on each: a million of them took it 14 s.
  document.documentElement.normalize();
  tidyText(document.documentElement);
  return document;
}

function tooDeep(detail: string, cause?: unknown): InputError {
  return new InputError(`HTML nested too deeply to read: ${detail}`, cause ? { cause } : undefined);
}

/** Turns a stack overflow in a library's recursion into an InputError about the input. */
function guardStack<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw tooDeep(error.message, error);
    }
    throw error;
  }
}

/** Checks the element depth and nesting work of a parsed document, without recursion. */
function checkDepth(root: DomElement): void {
  let node: DomElement | null = root;
  let depth = 1;
  let elements = 0;
  let deepest = 0;
  let work = 0;
  while (node) {
    if (depth > MAX_DEPTH) throw tooDeep(`more than ${MAX_DEPTH} levels of elements`);
    elements++;
    deepest = Math.max(deepest, depth);
    work += depth * depth;
    if (work > MAX_NESTING_WORK) {
      throw tooDeep(`${elements}+ elements at depths up to ${deepest} would take too long`);
    }
    const child: DomElement | null = node.firstElementChild;
    if (child) {
      node = child;
      depth++;
      continue;
    }
    while (node && node !== root && !node.nextElementSibling) {
      node = node.parentElement;
      depth--;
    }
    node = node && node !== root ? node.nextElementSibling : null;
  }
}

// What the parser (htmlparser2, inside linkedom) does with tags, so the nesting can be measured
// before it runs: its open-element stack costs time quadratic in its depth (100,000 nested
// <div>s take 3 s to parse, 400,000 take 132 s).
const VOID = new Set(
  "area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr"
    .split(" "),
);
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp"]);
const P = ["p"];
const FORM = ["input", "option", "optgroup", "select", "button", "datalist", "textarea"];
const IMPLIED_CLOSE = new Map<string, Set<string>>(([
  ["tr", ["tr", "th", "td"]],
  ["th", ["th"]],
  ["td", ["thead", "th", "td"]],
  ["body", ["head", "link", "script"]],
  ["li", ["li"]],
  ["option", ["option"]],
  ["optgroup", ["optgroup", "option"]],
  ["dd", ["dd", "dt"]],
  ["dt", ["dd", "dt"]],
  ["rt", ["rt", "rp"]],
  ["rp", ["rt", "rp"]],
  ["tbody", ["thead", "tbody"]],
  ["tfoot", ["thead", "tbody"]],
  ...["select", "input", "output", "button", "datalist", "textarea"].map((t) => [t, FORM]),
  ...("p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset " +
    "figcaption figure footer form header hr main nav ol pre section table ul")
    .split(" ").map((t) => [t, P]),
] as [string, string[]][]).map(([tag, closes]) => [tag, new Set(closes)]));

/** Measures how deep the parser's element stack would grow, and stops past the limit. */
function checkNesting(html: string): void {
  const stack: string[] = [];
  let foreign = 0; // open <svg> and <math> elements, inside which "/>" closes a tag
  let at = html.indexOf("<");
  while (at >= 0) {
    if (html.startsWith("<!--", at)) {
      const end = html.indexOf("-->", at + 4);
      at = end < 0 ? -1 : html.indexOf("<", end + 3);
      continue;
    }
    const closing = html[at + 1] === "/";
    const nameStart = at + (closing ? 2 : 1);
    const name = /^[A-Za-z][^\s/>]*/.exec(html.slice(nameStart, nameStart + 64))?.[0]
      .toLowerCase();
    if (!name) { // text, or a declaration such as <!DOCTYPE> or <?xml?>
      const end = html[at + 1] === "!" || html[at + 1] === "?" ? html.indexOf(">", at) : at;
      at = end < 0 ? -1 : html.indexOf("<", end + 1);
      continue;
    }
    const { end, selfClosing } = tagEnd(html, nameStart + name.length);
    if (closing) {
      const open = VOID.has(name) ? -1 : stack.lastIndexOf(name);
      if (open >= 0) {
        for (let i = open; i < stack.length; i++) if (isForeign(stack[i])) foreign--;
        stack.length = open;
      }
    } else {
      const closes = IMPLIED_CLOSE.get(name);
      while (closes && stack.length > 0 && closes.has(stack[stack.length - 1])) stack.pop();
      if (!VOID.has(name) && !(selfClosing && foreign > 0)) {
        stack.push(name);
        if (isForeign(name)) foreign++;
        if (stack.length > MAX_DEPTH) throw tooDeep(`more than ${MAX_DEPTH} levels of elements`);
        if (RAW_TEXT.has(name) && end >= 0) {
          // The parser reads everything up to the matching end tag as text.
          const close = new RegExp(`</${name}[\\s/>]`, "gi");
          close.lastIndex = end;
          const found = close.exec(html);
          if (found) stack.pop();
          at = found ? html.indexOf("<", found.index + 1) : -1;
          continue;
        }
      }
    }
    at = end < 0 ? -1 : html.indexOf("<", end);
  }
}

function isForeign(name: string): boolean {
  return name === "svg" || name === "math";
}

/** Finds the `>` ending a tag, skipping quoted attribute values. */
function tagEnd(html: string, from: number): { end: number; selfClosing: boolean } {
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (c === '"' || c === "'") {
      const close = html.indexOf(c, i + 1);
      if (close < 0) return { end: -1, selfClosing: false };
      i = close;
    } else if (c === ">") {
      return { end: i + 1, selfClosing: html[i - 1] === "/" };
    }
  }
  return { end: -1, selfClosing: false };
}

// ---------------------------------------------------------------------------------------------
// Main content

/** Never content, and removed before Readability looks at the page. */
const NOISE = "script, style, noscript, template";
/** Page chrome, removed (with forms) from the body when Readability found no article. */
const CHROME = "nav, header, footer, aside, script, style, noscript, template, " +
  '[role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"], ' +
  // What the page hides is no content either (Readability skips it in its own pass).
  '[hidden], [style*="display:none"], [style*="display: none"], [style*="visibility:hidden"]';
const BANNER = /cookie|consent|banner/i;
/**
 * Navigation that documentation generators write as ordinary blocks: Sphinx's relation bars,
 * sidebar and footer, DocBook's and Texinfo's header panels, breadcrumbs; menus, taglines and
 * tables of contents (SQLite's pages: "mainmenu", "tagline", "fancy_toc").
 */
const NAVIGATION = ".related, .sphinxsidebar, div.footer, .navheader, .navfooter, .nav-panel, " +
  ".breadcrumbs, .breadcrumb, .prev-next-area, .rst-footer-buttons, " +
  '[class~="menu"], [class~="navbar"], [class~="tagline"], [class~="toc"], [id="toc"], ' +
  // A page's own table of contents (Sphinx's `<nav class="contents">`): links to its headings,
  // whose questions opened the Design FAQ's summary.
  '[class~="fancy_toc"], nav.contents, .contents.local, ' +
  // Publican's previous/next bar (the Debian Handbook: "Prev · The Debian Administrator's
  // Handbook · Next" atop each section).
  '[class~="docnav"], ' +
  // The banner above a page's content ("Apache HTTP Server Version 2.4" atop each page), and
  // the footer below it ("Copyright 2026 The Apache Software Foundation. Licensed under...").
  '[id="page-header"], [id="footer"], ' +
  // What the page marks as navigation: mdBook's sidebar holds the whole book's table of
  // contents, which Readability took for the article of a chapter's short opening page (the Rust
  // book's "Getting Started" was summed up by "To panic! or Not to panic!", a later chapter).
  'nav, [role="navigation"], ' +
  // mdBook's bar above each chapter: its theme menu's buttons, its print and search buttons, and
  // the book's name as a heading over the chapter's own.
  '[class~="menu-bar"], [role="menu"], [role="menubar"], [role="toolbar"], ' +
  // rustdoc's links beside each item's heading ("1.0.0 · source · [−]"), the label of its
  // description's toggle ("Expand description") and each example's "Run" link to the
  // playground, an address of the whole example.
  '[class~="out-of-band"], [class~="rightside"], summary[class~="hideme"], ' +
  'a[class~="test-arrow"], ' +
  // A link to the page's own content for keyboards ("Skip to content"), and one that opens a
  // menu (Node.js's "Other versions", "Options"): controls, which its index listed as links.
  '[class~="skip-to-content"], [class~="skip-link"], a[aria-controls]';
/** A block that opens like Texinfo's "Next: ..., Previous: ..., Up: ..." line. */
const NAV_LINE = /^\s*(?:next|previous|prev|up|forward|back|contents|index)\s*:/i;
/** Longest text a "Next: ..." block may have and still be navigation, not prose. */
const NAV_MAX_CHARS = 400;

/** Removes navigation blocks: by their generators' classes, and by their "Next:" lines. */
function removeNavigation(root: DomDocument, table?: LinkTable): void {
  for (const element of [...root.querySelectorAll(NAVIGATION)]) element.remove();
  for (const cell of [...root.querySelectorAll("td")]) if (menuColumn(cell)) cell.remove();
  for (const element of [...root.querySelectorAll("div, p, table, header")]) {
    const shown = element.textContent ?? "";
    if (shown.length >= NAV_MAX_CHARS) continue;
    if (NAV_LINE.test(shown) && element.querySelector("a") !== null || linkTrail(element, table)) {
      element.remove();
    }
  }
}

/** What a trail of links has besides them: separators, after a short label ("Available
 * Languages:"). */
const BETWEEN_LINKS = /^\s*(?:[\p{L}\p{N} ]{1,30}:)?[\s>›»/|·•–—-]*$/u;

/**
 * Whether a block is links and separators only, two links or more: a breadcrumb trail ("Apache >
 * HTTP Server > Documentation > Version 2.4 > Modules") or a list of the page's translations
 * ("Available Languages: en | fr | ja"), which opened every page of Apache's manual. Not a list
 * of links to other pages, each an item: the contents a Sphinx index page is made of (Python's
 * FAQ index); but a list in a menu's item is the menu's (Node.js's "View on single page", "View
 * as JSON"), and one of the page's own parts its index (SQLite's list of math functions, which
 * kept, made Readability drop the page's overview).
 */
function linkTrail(element: DomElement, table?: LinkTable): boolean {
  const links = [...element.querySelectorAll("a")];
  if (links.length < 2) return false;
  const items = [...element.querySelectorAll("li")].filter((li) => li.querySelector("a") !== null);
  const elsewhere = links.every((link) => leadsElsewhere(link.getAttribute("href") ?? "", table));
  if (items.length >= links.length && !inListItem(element) && elsewhere) return false;
  let rest = element.textContent ?? "";
  for (const link of links) rest = rest.replace(link.textContent ?? "", "");
  return BETWEEN_LINKS.test(rest);
}

/** Least links of a table's column of menus. */
const MENU_LINKS = 8;
/** The most a column of links has to read besides them: its menus' labels. */
const LINKS_ONLY = 0.2;
/** Widest column, in pixels, a page lays out for its menus. */
const NARROW = 250;

/**
 * Whether a table's cell is a column of menus beside the page's text, as sites laid out with
 * tables have (libxslt's "Main Menu", "Related links" and "API Indexes" on each of its pages,
 * whose link "Reporting bugs and getting help" summed up a dozen of them): eight links or more
 * and little else to read (their labels), beside a cell with more to read, or more links (an
 * index's), or laid out narrow beside another.
 */
function menuColumn(cell: DomElement): boolean {
  const links = [...cell.querySelectorAll("a")];
  if (links.length < MENU_LINKS) return false;
  const length = (node: DomNode) => (node.textContent ?? "").replace(/\s+/gu, " ").trim().length;
  // What a cell says besides its links' words, counted, not cut out: a cell of 10,000 links
  // would be read 10,000 times over.
  const said = (element: DomElement) =>
    Math.max(
      0,
      length(element) - [...element.querySelectorAll("a")].reduce((n, a) => n + length(a), 0),
    );
  const shown = length(cell);
  const own = said(cell);
  if (own > LINKS_ONLY * shown) return false;
  // A column laid out narrow ("width=200") is a side column, however short the text beside it.
  const width = cell.getAttribute("width") ?? "";
  const narrow = /^\d+$/u.test(width) && Number(width) <= NARROW;
  for (
    let other = cell.parentElement?.firstElementChild ?? null;
    other;
    other = other.nextElementSibling
  ) {
    if (other === cell) continue;
    const more = length(other);
    const besides = said(other);
    // Not beside another column of links: SQLite's table of the Tcl interface's methods.
    const prose = besides > LINKS_ONLY * more;
    if (besides > own + 200 || prose && more > shown || narrow && more > 0) return true;
  }
  return false;
}

/** Whether a link (its placeholder once `table` has one) leads to another page than its own. */
function leadsElsewhere(href: string, table?: LinkTable): boolean {
  const placed = href.startsWith(LINK_SCHEME) ? Number(href.slice(LINK_SCHEME.length)) : NaN;
  if (table !== undefined && Number.isInteger(placed)) {
    const link = table.links[placed];
    return link !== undefined && link.path !== table.source;
  }
  return href !== "" && !href.startsWith("#");
}

/** Whether an element stands in a list's item (a menu's, whose item opens a list of its own). */
function inListItem(element: DomElement): boolean {
  for (let up = element.parentElement; up !== null; up = up.parentElement) {
    if (up.nodeName === "LI") return true;
  }
  return false;
}

/**
 * Takes the ids off headings and the sections they head, once {@link prepare} has recorded
 * where each leads. An id is named after its heading, and Readability (and the banner rule
 * below) read such names as page chrome: `<section id="headers">` (a "Headers" chapter),
 * `<h4 id="data_pagination">` and `<h1 id="use_of_wal_without_shared_memory">` went missing
 * with their text.
 */
function forgetSectionIds(document: DomDocument): void {
  for (const element of [...document.querySelectorAll(SECTION_IDS)]) {
    element.removeAttribute("id");
  }
}
const SECTION_IDS = "h1[id], h2[id], h3[id], h4[id], h5[id], h6[id], section[id], div.section[id]";

/**
 * Turns a docutils "topic" (the abstract atop a Python HOWTO: `<aside class="topic">`) into a
 * plain block: Readability drops every `<aside>`, and the abstract is the page's best summary
 * of itself. A local table of contents (`topic contents`) stays an aside.
 */
function keepTopics(document: DomDocument): void {
  for (const aside of [...document.querySelectorAll("aside.topic:not(.contents)")]) {
    const block = document.createElement("div");
    block.setAttribute("class", aside.getAttribute("class") ?? "");
    block.append(...aside.childNodes);
    aside.replaceWith(block);
  }
}

/**
 * Unwraps the notices of API documentation (Sphinx's "Deprecated since version 3.10: ...",
 * "Changed in version 3.8: ...") into their paragraphs: a notice is a short `<div>` of
 * cross-references, and Readability dropped such divs as link lists. Python's pathlib page lost
 * that `Path.link_to()` is deprecated. Notes, warnings and "See also" boxes with their titles
 * become blockquotes marked with their kind, which turndown writes as callouts.
 */
function keepNotices(document: DomDocument): void {
  for (const notice of [...document.querySelectorAll(NOTICES)]) {
    const classes = (notice.getAttribute("class") ?? "").split(/\s+/u);
    const title = notice.firstElementChild?.getAttribute("class")?.split(/\s+/u);
    if (classes.includes("admonition") && title?.includes("admonition-title")) {
      // A note or warning Sphinx or MkDocs sets apart is an aside, as an Obsidian callout shows
      // it: a blockquote, which Readability keeps whole, marked with its kind.
      const kind = classes.find((c) => CALLOUT_KINDS.has(c)) ?? "note";
      notice.replaceWith(callout(document, kind, [...notice.childNodes]));
      continue;
    }
    // A box whose one class is its kind (Apache's manual: `<div class="warning">`), titled by a
    // heading of its own or by its kind: its warning had opened mod_cache's summary. DocBook's,
    // laid out as a table beside an icon, is quoted as such (see quoteAdmonitions).
    const layout = notice.firstElementChild?.nodeName === "TABLE";
    if (classes.length === 1 && CALLOUT_KINDS.has(classes[0]) && !layout) {
      const heading = notice.firstElementChild;
      const titled = /^H[1-6]$/u.test(heading?.nodeName ?? "");
      const title = document.createElement("p");
      title.textContent = titled
        ? (heading!.textContent ?? "").trim().replace(/\s*:$/u, "")
        : classes[0].charAt(0).toUpperCase() + classes[0].slice(1);
      if (titled) heading!.remove();
      notice.replaceWith(callout(document, classes[0], [title, ...notice.childNodes]));
      continue;
    }
    // rustdoc's stability notice ("🔬 This is a nightly-only experimental API.") opened the
    // summary of 55 of 1,109 pages: an aside, a warning where the item is deprecated.
    if (classes.includes("stab")) {
      const kind = classes.includes("deprecated") ? "warning" : "note";
      notice.replaceWith(callout(document, kind, [...notice.childNodes]));
      continue;
    }
    // A note of other classes is left as the page has it; Sphinx's version notices unwrapped.
    if (!/version|deprecated/u.test(classes.join(" "))) continue;
    notice.before(...notice.childNodes);
    notice.remove();
  }
}

/**
 * Sets a sidebar of a book, titled, as a callout: DocBook's `<div class="sidebar">` and
 * docutils' "sidebar" directive, which Readability drops as a page's side column. The Debian
 * Handbook keeps much of what it says in them ("TOOLS dpkg, APT and ar", "BACK TO BASICS"): 14
 * in one of its sections were lost. A sidebar without such a title is a page's column and is
 * left to Readability.
 */
function keepSidebars(document: DomDocument): void {
  for (const sidebar of [...document.querySelectorAll("div.sidebar, aside.sidebar")]) {
    const own = (e: DomElement | null) => e?.parentElement === sidebar ? e : null;
    const docbook = own(sidebar.querySelector("div.titlepage"));
    const title = docbook?.querySelector("p.title") ??
      own(sidebar.querySelector("p.sidebar-title"));
    if (!title) continue;
    const head = document.createElement("p");
    head.textContent = (title.textContent ?? "").replace(/\s+/gu, " ").trim();
    (docbook ?? title).remove();
    sidebar.replaceWith(callout(document, "note", [head, ...sidebar.childNodes]));
  }
}

/**
 * Renames the inline elements of older HTML that Readability does not count as running text
 * (`<acronym>`, `<tt>`, `<big>`, `<font>`, `<u>`) as their phrasing kin: where it made a `<div>`
 * of text a paragraph, each one ended the paragraph and stood alone ("a globally unique
 * identifier (", "GUID", ") that marks it", in DocBook's pages of the Debian Handbook).
 */
function asRunningText(document: DomDocument): void {
  for (const [from, to] of RUNNING_TEXT) {
    for (const element of [...document.querySelectorAll(from)]) {
      const renamed = document.createElement(to);
      for (const name of ["class", "id", "title"]) {
        const value = element.getAttribute(name);
        if (value !== null) renamed.setAttribute(name, value);
      }
      renamed.append(...element.childNodes);
      element.replaceWith(renamed);
    }
  }
}

const RUNNING_TEXT = [
  ["acronym", "abbr"],
  ["tt", "code"],
  ["big", "span"],
  ["font", "span"],
  ["u", "span"],
] as const;

/** A blockquote marked as a callout of `kind` (see the "callout" rule), its first node the title. */
function callout(document: DomDocument, kind: string, nodes: DomNode[]): DomElement {
  const quote = document.createElement("blockquote");
  quote.setAttribute("class", `${CALLOUT_CLASS}${kind}`);
  quote.append(...nodes);
  return quote;
}

/** The kinds of admonition docutils and MkDocs write that Obsidian's callouts have or alias. */
const CALLOUT_KINDS = new Set([
  "note",
  "warning",
  "caution",
  "tip",
  "important",
  "attention",
  "danger",
  "hint",
  "error",
  "seealso",
]);
/** The class of a blockquote made of an admonition, before its kind. */
const CALLOUT_CLASS = "gleaner-callout-";

const NOTICES = "div.versionadded, div.versionchanged, div.deprecated, div.deprecated-removed, " +
  "div.admonition, div.note, div.warning, div.caution, div.tip, div.important, div.stab";

/**
 * Sets DocBook's admonitions ("Note", "Warning", "Tip"), which its stylesheets lay out as a table
 * of an icon and the text, as a quotation of their text under their label: as tables they were
 * rows of "|   | Warning |" in the note and "\\| If you have been using..." in its summary (74 in
 * three chapters of the Debian Reference).
 */
function quoteAdmonitions(document: DomDocument): void {
  for (const box of [...document.querySelectorAll(ADMONITIONS)]) {
    const table = [...box.querySelectorAll("table")].find((t) => t.parentElement === box);
    if (!table || !table.querySelector("img")) continue;
    const quote = document.createElement("blockquote");
    const label = text(table.querySelector("th"));
    if (label !== "") {
      const strong = document.createElement("strong");
      strong.textContent = label;
      const p = document.createElement("p");
      p.append(strong);
      quote.append(p);
    }
    for (const cell of [...table.querySelectorAll("td")]) {
      if (text(cell) !== "") quote.append(...cell.childNodes);
    }
    table.replaceWith(quote);
  }
}

const ADMONITIONS = "div.note, div.warning, div.tip, div.caution, div.important";

/**
 * Moves an AsciiDoc manual page's NAME section ("git-rebase - Reapply commits on top of another
 * base tip"), which AsciiDoc sets in the page's `#header` beside the title, to the head of its
 * `#content`: Readability drops a header, and the line that says what the command does with it.
 */
function keepManName(document: DomDocument): void {
  const content = document.querySelector("body.manpage #content");
  const name = [...document.querySelectorAll("body.manpage #header > h2")]
    .find((h) => text(h).toUpperCase() === "NAME");
  const body = name?.nextElementSibling;
  if (!content?.firstElementChild || !name || body?.getAttribute("class") !== "sectionbody") return;
  const section = document.createElement("div");
  section.setAttribute("class", "sect1");
  section.append(name, body);
  content.firstElementChild.before(section);
}

/**
 * Sets each signature of API documentation (Sphinx's `<dt class="sig">`), and each option a manual
 * page lists (AsciiDoc's `<dt class="hdlist1">--edit</dt>`), as one piece of code,
 * "`itertools.accumulate(iterable[, func, *, initial=None])`": as text its parameters were
 * emphasis among escaped brackets, and nothing told the analysis that the description after it
 * ("Make an iterator that returns...") has its subject in the line above.
 */
function codeSignatures(document: DomDocument): void {
  const options = [...document.querySelectorAll("dt.hdlist1")]
    .filter((term) => OPTION_TERM.test(text(term)));
  for (const term of [...document.querySelectorAll("dt.sig"), ...options]) {
    const code = document.createElement("code");
    code.textContent = (term.textContent ?? "").replace(/\s+/g, " ").trim();
    term.textContent = "";
    term.append(code);
  }
}

/**
 * Opens the first paragraph of each definition with its term, "**PyPy**: An implementation of
 * Python written completely in Python.", where the term stood as a paragraph of its own and the
 * definition, read alone as a key point, lacked its subject. Not a term of code (a signature, an
 * option), nor one of several terms that share a definition, nor a long one.
 */
function definedTerms(document: DomDocument): void {
  for (const term of [...document.querySelectorAll("dt")]) {
    const definition = term.nextElementSibling;
    // The definition's first paragraph, or the definition itself where it opens with its
    // words ("<dd>A data record used for...", as the Apache manual's glossary writes it).
    const first = definition?.firstElementChild?.nodeName === "P"
      ? definition.firstElementChild
      : definition && opensWithText(definition)
      ? definition
      : undefined;
    const words = text(term);
    if (
      definition?.nodeName !== "DD" || !first ||
      term.previousElementSibling?.nodeName === "DT" || term.querySelector("code") ||
      words === "" || words.length > 60 || /[.:;!?]$/u.test(words)
    ) continue;
    // A term already in bold ("<dt><b>ROLLBACK</b></dt>") is not set in bold twice.
    const bold = term.querySelector("b, strong");
    const strong = bold && text(bold) === words ? bold : document.createElement("strong");
    if (strong !== bold) strong.append(...term.childNodes);
    // Nor does the space around it stand before the colon ("**--edit** :").
    const nodes = [...strong.childNodes];
    for (const [node, trim] of [[nodes[0], "trimStart"], [nodes.at(-1), "trimEnd"]] as const) {
      if (node?.nodeType === 3) node.textContent = (node.textContent ?? "")[trim]();
    }
    first.prepend(strong, ": ");
    term.remove();
  }
}

/** Whether an element's first content is words, not a block: text before any element. */
function opensWithText(element: DomElement): boolean {
  for (const node of element.childNodes) {
    if (node.nodeType === 3) {
      if ((node.textContent ?? "").trim() !== "") return true;
    } else return false;
  }
  return false;
}

/** An AsciiDoc manual page's term that is an option or an argument: "-e", "--edit", "<commit>…". */
const OPTION_TERM = /^(?:-{1,2}[\p{L}\p{N}]|<[\p{L}\p{N}_-]+>)/u;

/** Readability's own threshold for an article (its `charThreshold`). */
const ARTICLE_MIN_CHARS = 500;

function removeNoise(root: DomDocument | DomElement, selectors: string): void {
  for (const element of [...root.querySelectorAll(selectors)]) element.remove();
  for (const element of [...root.querySelectorAll("[id], [class]")]) {
    // A class on <body> such as "has-cookie-banner" says nothing about the page's content.
    if (/^(?:HTML|BODY|MAIN|ARTICLE)$/.test(element.nodeName)) continue;
    const names = `${element.getAttribute("id") ?? ""} ${element.getAttribute("class") ?? ""}`;
    if (BANNER.test(names)) element.remove();
  }
}

function readArticle(
  document: DomDocument,
): { root: DomElement; title: string; length: number } | null {
  const reader = new Readability(document as never, {
    // Classes name the language of code blocks ("language-python").
    keepClasses: true,
    serializer: (node: unknown) => node,
  });
  const article = reader.parse();
  if (!article?.content) return null;
  return {
    root: article.content as DomElement,
    title: article.title ?? "",
    length: article.length ?? 0,
  };
}

/**
 * Whether Readability lost sections of the page's text: less than half of its section headings
 * kept (on a page that writes its sections as headings and lists side by side in the body,
 * SQLite's "Appropriate Uses", it kept the longest list and dropped the others, headings and
 * all), or a section dropped before one it kept (a short one dense with links: the Debian
 * FAQ's "What is missing from Debian?", the Git User Manual's "Object access and
 * manipulation"; the introduction of Git's "Reviewing Patches", before the section with the most
 * paragraphs). One heading alone ("Comments" under a blog post) is no sign of that, nor are
 * headings after the last one kept (a blog's sidebar).
 */
function lostSections(article: DomElement, html: string): boolean {
  const page = parseDocument(html);
  removeNoise(page, `${CHROME}, form`);
  removeNavigation(page);
  // Letters and digits only: the page's headings still hold their "¶" permalinks.
  const headings = (root: { querySelectorAll(s: string): Iterable<DomNode> }) =>
    [...root.querySelectorAll(SECTION_HEADINGS)]
      .map((h) => text(h).replace(/[^\p{L}\p{N}]+/gu, " ").trim())
      .filter((t) => t !== "");
  const onPage = headings(page);
  if (new Set(onPage).size < 2) return false;
  const kept = new Set(headings(article));
  const keptAt = onPage.flatMap((h, i) => (kept.has(h) ? [i] : []));
  if (new Set(keptAt.map((i) => onPage[i])).size < new Set(onPage).size / 2) return true;
  return onPage.some((h, i) => !kept.has(h) && i < keptAt[keptAt.length - 1]);
}

const SECTION_HEADINGS = "h2, h3, h4";

/** Share of a page's text a typed text's `<pre>` holds. */
const TYPED_SHARE = 0.8;
/** Share of the typed lines that are lines of prose. */
const PROSE_LINES = 0.3;

/**
 * The text of a page that is a plain text in a `<pre>`: Vim's help as HTML ("VIM USER MANUAL -
 * by Bram Moolenaar", every chapter one `<pre>` of prose), an RFC or a manual page rendered by a
 * converter. Undefined for a page of code in `<pre>`, or of prose set as HTML.
 */
function typedText(document: DomDocument): string | undefined {
  const pres = [...document.querySelectorAll("pre")];
  if (pres.length === 0) return undefined;
  const typed = pres.map((pre) => pre.textContent ?? "").join("\n\n");
  const visible = (t: string) => t.replace(/\s+/gu, "").length;
  if (visible(typed) < TYPED_SHARE * visible(document.body?.textContent ?? "")) return undefined;
  const lines = typed.split("\n").filter((line) => line.trim() !== "");
  // A typed line fits a page; a longer one is no prose of a typed text, and is not matched at
  // all: the pattern's time grows with the square of a line without spaces.
  const prose =
    lines.filter((line) =>
      line.length <= TYPED_LINE && PROSE_LINE.test(line) && !CODE_LIKE.test(line)
    ).length;
  return prose >= PROSE_LINES * lines.length ? typed : undefined;
}

/** The longest line a typed text's prose has. */
const TYPED_LINE = 200;

/** Six words of letters in a row, as prose writes them. */
const PROSE_LINE = /(?:\p{L}[\p{L}'’,.;:!?"“”()-]*\s+){5}\p{L}/u;
/** Code's marks: braces and semicolons at a line's end, assignments, operators, prompts and
 * comments. */
const CODE_LIKE = /[{};]\s*$|\s[=!<>]=?\s|^\s*(?:\$|#|>>>|%|\/\/|\/\*|\*)\s|->|::|\+\+/u;

/** A typed text read as the plain text it is, under the page's title unless it centres or
 * underlines its own. */
function fromTypedText(typed: string, title: string, fileName: string): Extracted {
  const asText = fileName.replace(/\.[^.]*$/u, ".txt");
  const plain = readText(typed, asText);
  return {
    title: plain.title !== fallbackTitle(asText) ? plain.title : cleanTitle(title, fileName),
    type: "html",
    body: plain.body,
    wordCount: plain.wordCount,
  };
}

function text(element: DomNode | null): string {
  return (element?.textContent ?? "").replace(/\s+/g, " ").trim();
}

// ---------------------------------------------------------------------------------------------
// Markdown

// turndown ends by trimming its output with /[\t\r\n\s]+$/, which takes time quadratic in the
// length of every run of whitespace in it: 40,000 <br>s took 40 s. Runs are therefore kept
// short: text outside <pre> is collapsed when parsed, and the rules that write whitespace (line
// breaks, code, list indentation) break it up with this private-use character, removed after.
const BREAK = "\uE000";
/** BREAK and the markers of tables and footnotes. */
const MARKS = /[\uE000-\uE01F]/g;

function toMarkdown(root: DomElement, title?: string, notes: Footnote[] = []): string {
  if (title) dropRepeatedTitle(root, title);
  const convert = (element: DomElement | NoteElement) =>
    tidy(turndown().turndown(element as DomElement).replaceAll(BREAK, ""));
  return writeFootnotes(convert(root), notes, convert);
}

/** Elements whose text is code as typed, typewriter quotes and all. */
const CODE = new Set(["CODE", "KBD", "SAMP", "TT", "VAR"]);

function inCode(node: DomNode, root: DomElement): boolean {
  for (let at = node.parentNode; at && at !== root; at = at.parentNode) {
    if (CODE.has(at.nodeName)) return true;
  }
  return false;
}

/**
 * Collapses whitespace runs (NBSP included) in text outside <pre>, without recursion; and turns
 * typewriter quotes outside code into quotation marks (Debian's FAQ: "How is it `frozen'?").
 */
function tidyText(root: DomElement): void {
  let node: DomNode | null = root;
  while (node) {
    if (node.nodeType === 3) {
      const data = node.textContent ?? "";
      // The private-use characters the rules mark structure with never come from the page.
      const collapsed = data.replace(/\s{2,}/g, " ").replace(MARKS, "");
      const quoted = data.includes("`") && !inCode(node, root)
        ? typewriterQuotes(collapsed)
        : collapsed;
      if (quoted !== data) node.textContent = quoted;
    }
    const child: DomNode | null = node.nodeName === "PRE" ? null : node.firstChild;
    if (child) {
      node = child;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
}

/**
 * Removes the first heading (or the first <h1>) when it only repeats the title, also as
 * AsciiDoc heads a manual page ("git-help(1) Manual Page" of "git-help(1)").
 */
function dropRepeatedTitle(root: DomElement, title: string): void {
  const wanted = title.replace(/\s+/g, " ").trim().toLowerCase();
  for (const heading of [root.querySelector("h1, h2, h3, h4, h5, h6"), root.querySelector("h1")]) {
    const said = text(heading).toLowerCase();
    if (heading && (said === wanted || said === `${wanted} manual page`)) {
      // A document that is only its heading keeps it: the note would have no text otherwise.
      if (text(root).length > text(heading).length) heading.remove();
      return;
    }
  }
}

// A fence, also one opened inside list items and block quotes ("- ```", "> ```"). Each marker
// is followed by its own whitespace, so the pattern cannot backtrack on a line of markers.
const FENCE = /^[ \t]*(?:(?:[-+*>]|\d{1,9}[.)])[ \t]+)*(`{3,}|~{3,})/;

/** At most one blank line in a row outside fenced code, and no blank lines at the ends. */
function tidy(markdown: string): string {
  const out: string[] = [];
  let fence = "";
  for (const line of markdown.split("\n")) {
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = "";
    } else if (marker) {
      fence = marker;
    } else if (line.trim() === "") {
      // A hard line break (two trailing spaces) before a blank line breaks nothing.
      if (out.length > 0 && out[out.length - 1] !== "") out.push(out.pop()!.trimEnd(), "");
      continue;
    }
    out.push(line);
  }
  return out.join("\n").trim();
}

let service: { turndown(root: DomElement): string } | undefined;

/** One configured converter, built on first use; turndown keeps no state between calls. */
function turndown(): { turndown(root: DomElement): string } {
  if (service) return service;
  const td = new TurndownService({
    headingStyle: "atx",
    hr: "---",
    bulletListMarker: "-",
    codeBlockStyle: "fenced",
    fence: "```",
    emDelimiter: "_",
    strongDelimiter: "**",
    linkStyle: "inlined",
  });
  td.remove([
    ..."script style noscript template iframe object embed canvas svg head title meta link base"
      .split(" "),
    ..."button input select textarea".split(" "),
  ]);
  for (const [name, rule] of Object.entries(tableRules())) td.addRule(name, rule as never);
  td.addRule("strikethrough", {
    filter: ["del", "s", "strike"],
    replacement: (content: string) => content.trim() ? `~~${content}~~` : content,
  });
  // Obsidian has no Markdown for these (`x^2` is plain text there, `^id` a block id) but renders
  // the HTML tags, as does the vault browser; the text inside stays escaped Markdown.
  td.addRule("subSuperscript", {
    filter: ["sub", "sup"],
    replacement: (content: string, node: DomNode) => {
      const text = content.replace(/\s+/g, " ");
      const tag = node.nodeName.toLowerCase();
      return text.trim() ? `<${tag}>${text}</${tag}>` : text;
    },
  });
  // Text that Obsidian would read as markup besides what turndown escapes: HTML tags, tags
  // (#word), math ($), highlights (==), comments (%%), strikethrough (~~) and block ids (^).
  const escape = td.escape.bind(td);
  td.escape = (s: string) =>
    escape(s)
      .replace(/<(?=[A-Za-z/!?])/g, "\\<")
      .replace(/(?<!\\)#(?=[^\s#\\])/g, "\\#")
      .replace(/(?<!\\)[$^]/g, "\\$&")
      .replace(/([=~%])(?=\1)/g, "\\$1");
  // Sphinx's and MkDocs' notes, warnings and "See also" boxes (see keepNotices), as Obsidian
  // callouts: asides, and for "See also" what is read elsewhere.
  td.addRule("callout", {
    filter: (node: DomElement) =>
      node.nodeName === "BLOCKQUOTE" &&
      (node.getAttribute("class") ?? "").startsWith(CALLOUT_CLASS),
    replacement: (content: string, node: DomNode) => {
      // The page may write the class itself: only a kind of ours goes into the Markdown.
      const named = (node as DomElement).getAttribute("class")!.slice(CALLOUT_CLASS.length);
      const kind = CALLOUT_KINDS.has(named) ? named : "note";
      const [title, ...lines] = content.trim().split("\n");
      const rest = lines.join("\n").trim().split("\n");
      const head = title.replace(/\s+/gu, " ").trim();
      const body = rest.join("") === ""
        ? ""
        : `\n${rest.map((l) => l ? `> ${l}` : ">").join("\n")}`;
      return `\n\n> [!${kind}] ${head}${body}\n\n`;
    },
  });
  td.addRule("heading", {
    filter: ["h1", "h2", "h3", "h4", "h5", "h6"],
    replacement: (content: string, node: DomNode) => {
      const line = content.replace(/\s+/g, " ").trim();
      return line ? `\n\n${"#".repeat(Number(node.nodeName[1]))} ${line}\n\n` : "";
    },
  });
  td.addRule("listItem", {
    filter: "li",
    replacement: (content: string, node: DomElement) => {
      const parent = node.parentNode as DomElement | null;
      let prefix = "- ";
      if (parent?.nodeName === "OL") {
        const start = Number.parseInt(parent.getAttribute("start") ?? "", 10);
        prefix = `${(Number.isNaN(start) ? 1 : start) + itemIndex(parent, node)}. `;
      }
      const loose = content.endsWith("\n");
      const indent = `\n${BREAK}${" ".repeat(prefix.length)}`;
      const inner = trimNewlines(content).replace(/\n(?=[^\n])/g, indent);
      return prefix + inner + (loose ? "\n" : "") + (node.nextSibling ? "\n" : "");
    },
  });
  td.addRule("codeBlock", {
    filter: "pre",
    replacement: (_content: string, node: DomElement) => {
      const code = (node.textContent ?? "").replace(/\n$/, "").replaceAll(BREAK, "");
      const classes = `${node.firstElementChild?.getAttribute("class") ?? ""} ${
        node.getAttribute("class") ?? ""
      }`;
      const language = /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(classes)?.[1] ?? "";
      let longest = 0;
      for (const run of code.matchAll(/`{3,}/g)) longest = Math.max(longest, run[0].length);
      const fence = "`".repeat(Math.max(3, longest + 1));
      const broken = code.replace(/\s{64}/g, `$&${BREAK}`);
      return `\n\n${fence}${language}\n${broken}\n${fence}\n\n`;
    },
  });
  td.addRule("lineBreak", {
    filter: "br",
    replacement: () => `  \n${BREAK}`,
  });
  td.addRule("link", {
    filter: (node: DomElement) => node.nodeName === "A" && !!node.getAttribute("href"),
    replacement: (content: string, node: DomElement) =>
      linkTo(content.replace(/\s+/g, " ").trim(), node),
  });
  // "The <code><a href=...>relayhost</a></code> setting": a link in a code span is no link in
  // Markdown, and its placeholder would show as text; the link holds the code span instead.
  td.addRule("linkedCode", {
    filter: (node: DomElement) => {
      const only = node.firstChild as DomElement | null;
      return node.nodeName === "CODE" && node.parentNode?.nodeName !== "PRE" && only !== null &&
        only.nextSibling === null && only.nodeName === "A" && !!only.getAttribute("href");
    },
    replacement: (_content: string, node: DomElement) => {
      const a = node.firstChild as DomElement;
      return linkTo(codeSpan(a.textContent ?? ""), a);
    },
  });
  // DocBook's `<code class="literal"><em class="replaceable"><code>package</code></em></code>`:
  // a code span holds no markup in Markdown, so it shows its text alone, not "_`package`_".
  td.addRule("markedCode", {
    filter: (node: DomElement) =>
      node.nodeName === "CODE" && node.parentNode?.nodeName !== "PRE" &&
      [...node.childNodes].some((child) => child.nodeType === 1 && child.nodeName !== "A"),
    replacement: (_content: string, node: DomElement) => codeSpan(node.textContent ?? ""),
  });
  td.addRule("image", {
    filter: "img",
    replacement: (_content: string, node: DomElement) => {
      const src = (node.getAttribute("src") ?? "").trim();
      if (!/^https?:\/\/[^\s]/i.test(src)) return "";
      const alt = (node.getAttribute("alt") ?? "").replace(/\s+/g, " ").trim()
        .replace(/[[\]\\]/g, "\\$&");
      return `![${alt}](${escapeDestination(src)})`;
    },
  });
  service = td;
  return td;
}

/** Text as a Markdown code span on one line, fenced by more backticks than it holds; "" when
 * there is no text. */
function codeSpan(raw: string): string {
  const text = raw.replace(/\s+/g, " ").trim();
  if (!text) return "";
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const tick = "`".repeat(longest + 1);
  return longest > 0 ? `${tick} ${text} ${tick}` : `${tick}${text}${tick}`;
}

/**
 * A link's Markdown with `label` shown: a placeholder to another input as it is, a web or mail
 * address escaped, anything else (already reduced by prepareLinks) its label alone.
 */
function linkTo(label: string, a: DomElement): string {
  const href = (a.getAttribute("href") ?? "").trim();
  if (!label) return "";
  if (href.startsWith(LINK_SCHEME)) return `[${label}](${href})`;
  if (!/^(?:https?|mailto):/i.test(href)) return label;
  return `[${label}](${escapeDestination(href)})`;
}

// By hand: /^\n+|\n+$/ is quadratic on a long run of newlines, as in code inside a list item.
function trimNewlines(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s[start] === "\n") start++;
  while (end > start && s[end - 1] === "\n") end--;
  return s.slice(start, end);
}

function escapeDestination(href: string): string {
  // encodeURIComponent leaves parentheses alone, and they would end the destination.
  return href.replace(
    /[\s()<>]/g,
    (c) => c === "(" ? "%28" : c === ")" ? "%29" : encodeURIComponent(c),
  );
}

// Counting earlier siblings for every item would be quadratic in long lists.
const itemIndexes = new WeakMap<DomElement, Map<DomElement, number>>();

function itemIndex(list: DomElement, item: DomElement): number {
  let indexes = itemIndexes.get(list);
  if (!indexes) {
    indexes = new Map();
    let n = 0;
    for (let child = list.firstElementChild; child; child = child.nextElementSibling) {
      if (child.nodeName === "LI") indexes.set(child, n++);
    }
    itemIndexes.set(list, indexes);
  }
  return indexes.get(item) ?? 0;
}
