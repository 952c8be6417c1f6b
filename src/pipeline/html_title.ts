/**
 * @module
 * The title an HTML page declares, in this order: a JSON-LD headline (or the name of an
 * article-like thing), Open Graph's `og:title`, `<title>` without the site's name when it
 * carries one, then the first `<h1>`. Read before Readability, which removes scripts and
 * headings, and whose own guess splits titles at any colon ("Closure Example (libffi: the
 * portable ...)" became "the portable ...").
 */

import { placeholderTitle } from "./extracted.ts";

/** The parts of linkedom's DOM used here. */
export interface TitleDocument {
  querySelector(
    selectors: string,
  ): { textContent: string | null; getAttribute(name: string): string | null } | null;
  querySelectorAll(
    selectors: string,
  ): Iterable<{ textContent: string | null; closest(selectors: string): unknown }>;
}

/** Where a heading names the site or the book, not the page: mdBook's menu bar holds the
 * book's name as an `<h1>` above every chapter's own heading. */
const SITE_BARS = 'nav, [class~="menu-bar"], [role="navigation"], [role="banner"]';

/** Largest JSON-LD block read for a title. */
const MAX_JSON_LD = 256 * 1024;
/** Schema.org types whose `name` is the page's own title (a WebSite's is the site's). */
const TITLED_TYPES = new Set([
  "Article",
  "BlogPosting",
  "NewsArticle",
  "TechArticle",
  "ScholarlyArticle",
  "Report",
  "WebPage",
  "AboutPage",
  "FAQPage",
  "QAPage",
  "CreativeWork",
  "Book",
  "Chapter",
  "Recipe",
  "HowTo",
  "Course",
  "Event",
  "Product",
  "PodcastEpisode",
  "VideoObject",
  "Movie",
]);
/** What a site's name says about itself at the end of a `<title>`. */
const SITE_WORDS =
  /\b(?:documentation|docs|manual|handbook|wiki|blog|news|home ?page|website|site|reference)\b|\.(?:com|org|net|io|dev|edu|gov)\b/i;
const SEPARATORS = [" | ", " — ", " – ", " - ", " :: ", " » ", " · ", " // "];

/** The page's title by the order above, or "" when it declares none. */
export function htmlTitle(document: TitleDocument): string {
  const meta = (selector: string) =>
    declared(document.querySelector(selector)?.getAttribute("content"));
  const all = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].slice(0, 50);
  const own = all.filter((h) => h.closest(SITE_BARS) === null);
  const h1 = oneLine(
    [...document.querySelectorAll("h1")].find((h) => h.closest(SITE_BARS) === null)?.textContent,
  );
  // Texinfo pages head their sections with <h3> or <h4>, not <h1>.
  const firstHeading = oneLine(own[0]?.textContent);
  // The book's name in a menu bar is the site's, which titles end with ("Installing Binaries
  // from Crates.io with cargo install - The Rust Programming Language").
  const siteName = meta('meta[property="og:site_name"], meta[name="application-name"]') ||
    oneLine(all.find((h) => h.closest(SITE_BARS) !== null)?.textContent);
  const titleElement = declared(document.querySelector("title")?.textContent);
  // The headings besides the <h1>: a book's pages may have its own <h1> below the book's.
  const headings = own.map((h) => oneLine(h.textContent));
  const subheadings = headings.filter((h, i) => h !== h1 || headings.indexOf(h1) !== i);
  return jsonLdTitle(document) ||
    meta('meta[property="og:title"], meta[name="og:title"], meta[name="twitter:title"]') ||
    chapterOf(titleElement, h1) ||
    withoutSiteName(titleElement, siteName, h1 || firstHeading, subheadings) || h1;
}

/** A numbered chapter's heading: "Chapter 2: How does zsh differ from...?", "Appendix A. ...". */
const CHAPTER = /^(?:chapter|part|appendix|lesson|unit)\s+[\p{L}\p{N}]{1,4}\b/iu;

/**
 * The `<h1>` of a chapter under the book's `<title>`: every page of the Z-Shell FAQ is titled
 * "Z-Shell Frequently-Asked Questions", each chapter's `<h1>` its own ("Chapter 2: How does zsh
 * differ from...?"). A `<title>` that holds the chapter's heading is read as usual.
 */
function chapterOf(title: string, h1: string): string {
  if (!CHAPTER.test(h1) || title === "") return "";
  return title.toLowerCase().includes(h1.toLowerCase()) ? "" : h1;
}

/** Whether `heading` ends on `part` as whole words, after words of its own. */
function endsOn(heading: string, part: string): boolean {
  return part !== "" && heading.length > part.length && heading.endsWith(part) &&
    !/[\p{L}\p{N}_]/u.test(heading[heading.length - part.length - 1]);
}

/**
 * A declared title on one line, or "" for a placeholder a tool wrote (see placeholderTitle), the
 * site's name after it or not ("<no title> — Python 3.11.2 documentation").
 */
export function declared(title: string | null | undefined): string {
  const line = oneLine(title);
  const head = SEPARATORS.reduce((part, separator) => part.split(separator)[0], line);
  return placeholderTitle(head) ? "" : line;
}

function oneLine(s: string | null | undefined): string {
  return (s ?? "").replace(/\s+/g, " ").trim();
}

function jsonLdTitle(document: TitleDocument): string {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const source = script.textContent ?? "";
    if (source.length > MAX_JSON_LD) continue;
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch {
      continue; // a broken block costs only this way to the title
    }
    const found = findTitle(data, 0);
    if (found) return found;
  }
  return "";
}

/** A headline, or the name of an article-like item, searched through lists and `@graph`. */
function findTitle(data: unknown, depth: number): string {
  if (depth > 4 || data === null || typeof data !== "object") return "";
  if (Array.isArray(data)) {
    for (const item of data.slice(0, 100)) {
      const found = findTitle(item, depth + 1);
      if (found) return found;
    }
    return "";
  }
  const item = data as Record<string, unknown>;
  if (typeof item.headline === "string" && oneLine(item.headline)) return oneLine(item.headline);
  const types = ([] as unknown[]).concat(item["@type"] ?? []);
  if (typeof item.name === "string" && types.some((t) => TITLED_TYPES.has(String(t)))) {
    const name = oneLine(item.name);
    if (name) return name;
  }
  return findTitle(item["@graph"], depth + 1);
}

/**
 * A `<title>` without the site's name: the part the `<h1>` repeats, unless the other part heads
 * the page below it (a book's menu bar is its `<h1>`: "What is Ownership? - The Rust Programming
 * Language" over "What Is Ownership?"); else without a part that is the declared site name or
 * reads as one ("Python 3.11 documentation", "example.org"); else without a parenthesised tail
 * when the `<h1>` is the rest. Otherwise the whole title.
 */
export function withoutSiteName(
  title: string,
  siteName: string,
  h1: string,
  subheadings: string[] = [],
): string {
  if (title === "") return "";
  const lower = (s: string) => s.toLowerCase();
  const heading = lower(h1.replace(/^[\d.]+\s+/, "")); // "2.3 Closure Example"
  if (heading !== "" && lower(title) === heading) return title;
  const below = new Set(subheadings.map(lower));
  for (const separator of SEPARATORS) {
    const at = title.lastIndexOf(separator);
    const first = title.indexOf(separator);
    if (at < 0) continue;
    const parts = [title.slice(0, first), title.slice(at + separator.length)];
    const [head, tail] = parts.map((p) => p.trim());
    if (heading !== "" && lower(tail) === heading && below.has(lower(head))) return head;
    if (heading !== "" && lower(head) === heading && below.has(lower(tail))) return tail;
    if (heading !== "" && lower(head) === heading) return head;
    if (heading !== "" && lower(tail) === heading) return tail;
    // The part the heading ends on, where it does not say the other: "mod_ssl - Apache HTTP
    // Server Version 2.4" under the heading "Apache Module mod_ssl" (not "Tutorial" of a page
    // headed "Tutorial: Intro to X").
    if (endsOn(heading, lower(head)) && !heading.includes(lower(tail))) return head;
    if (endsOn(heading, lower(tail)) && !heading.includes(lower(head))) return tail;
    const site = lower(siteName);
    if (site !== "" && lower(tail) === site) return title.slice(0, at).trim();
    if (site !== "" && lower(head) === site) return title.slice(first + separator.length).trim();
    if (SITE_WORDS.test(tail) && tail.split(" ").length <= 6) return title.slice(0, at).trim();
  }
  const paren = /^(.+?)\s*\(([^()]+)\)$/.exec(title);
  if (paren && heading !== "" && lower(paren[1]) === heading) return paren[1];
  return title;
}
