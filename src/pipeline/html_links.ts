/**
 * @module
 * The links of an HTML document made ready for a vault, before Readability or turndown see
 * them. Readability resolves relative addresses against `document.baseURI`, which under linkedom
 * in a stage thread is the stage module's own `file:` URL: so every address is settled here,
 * against the input's own place in the input folder, and written in a form nothing resolves
 * further. A link to a file (or to a place in this page) becomes a `gleaner-link:N`
 * placeholder, N its index in the table main turns into wikilinks once it knows note names;
 * http(s) and mailto links stay; anything else (file:, javascript:, a site-root path, a path
 * above the input folder) is reduced to its text. Permalink marks (the ¶ beside headings) go.
 */
import { posix } from "node:path";
import { LINK_SCHEME, type SourceLink } from "../protocol/messages.ts";

/** The parts of linkedom's DOM used here. */
export interface LinkElement {
  readonly nodeName: string;
  textContent: string | null;
  readonly firstElementChild: LinkElement | null;
  readonly nextElementSibling: LinkElement | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  closest(selectors: string): LinkElement | null;
  querySelectorAll(selectors: string): Iterable<LinkElement>;
  remove(): void;
}

/** The links and anchors found in one document, shared by every pass over it. */
export class LinkTable {
  /** The input's path relative to the input folder, "/" separators; "" when unknown. */
  readonly source: string;
  readonly links: SourceLink[] = [];
  /** Element ids that lead to a heading, and the heading's text. */
  readonly anchors = new Map<string, string>();
  readonly #index = new Map<string, number>();

  constructor(source = "") {
    this.source = source.replaceAll("\\", "/");
  }

  /** The placeholder address of a link to `path#fragment`, the same for the same target. */
  placeholder(link: SourceLink): string {
    const key = JSON.stringify([link.path, link.fragment ?? "", link.inTable === true]);
    let index = this.#index.get(key);
    if (index === undefined) {
      index = this.links.length;
      this.links.push(link);
      this.#index.set(key, index);
    }
    return `${LINK_SCHEME}${index}`;
  }
}

const HEADINGS = "h1, h2, h3, h4, h5, h6";
const PERMALINK_CLASS =
  /(?:^|\s)(?:headerlink|anchorjs-link|hash-link|header-anchor|heading-anchor|anchor-link|permalink|anchor)(?:\s|$)/i;
/** What a permalink shows: a pilcrow, a section sign, a hash or a link symbol, or nothing. */
const PERMALINK_TEXT = /^(?:[¶§#🔗⚓]|\uD83D\uDD17)?$/u;
const KEPT_SCHEMES = /^(?:https?|mailto):/i;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * Removes permalink marks, records which ids lead to which heading, and rewrites every link and
 * image address of `root` in place. Run it on each fresh parse of the page with the same table:
 * the same link gets the same placeholder.
 */
export function prepareLinks(root: LinkElement, table: LinkTable): void {
  const base = webBase(root);
  for (const element of [...root.querySelectorAll("base")]) element.remove();
  // Before permalinks go: one of them may carry the id (<h2><a id="x" href="#x"></a>...).
  const headings = findAnchors(root, table);
  for (const a of [...root.querySelectorAll("a")]) {
    if (isPermalink(a)) {
      a.remove();
      continue;
    }
    const href = a.getAttribute("href");
    if (href === null) continue;
    const inTable = a.closest("table") !== null;
    const target = settle(href.trim(), table, base, inTable);
    if (target === undefined) a.removeAttribute("href");
    else a.setAttribute("href", target);
  }
  for (const media of [...root.querySelectorAll("img, source, video, audio")]) {
    // Only absolute web images can show in a vault; the rest would resolve into the app.
    const src = media.getAttribute("src");
    if (src !== null && !/^https?:\/\/\S/i.test(src.trim())) media.removeAttribute("src");
    media.removeAttribute("srcset");
    media.removeAttribute("poster");
  }
  for (const [id, heading] of headings) {
    const text = (heading.textContent ?? "").replace(/\s+/g, " ").trim();
    if (text !== "") table.anchors.set(id, text);
  }
}

/** A `<base href>` that is an absolute web address: relative links are links on that site. */
function webBase(root: LinkElement): string | undefined {
  for (const base of root.querySelectorAll("base[href]")) {
    const href = (base.getAttribute("href") ?? "").trim();
    if (/^https?:\/\/\S/i.test(href)) return href;
  }
  return undefined;
}

function isPermalink(a: LinkElement): boolean {
  const shown = (a.textContent ?? "").replace(/\s+/g, "");
  if (!PERMALINK_TEXT.test(shown)) return false;
  if (PERMALINK_CLASS.test(a.getAttribute("class") ?? "")) return true;
  const href = (a.getAttribute("href") ?? "").trim();
  return href.startsWith("#") && a.closest(`${HEADINGS}, dt`) !== null;
}

/** The address a link keeps: a placeholder, a web address, or undefined for its text only. */
function settle(
  href: string,
  table: LinkTable,
  base: string | undefined,
  inTable: boolean,
): string | undefined {
  const extra = inTable ? { inTable } : {};
  if (href.startsWith("#")) {
    const fragment = decode(href.slice(1));
    // A link to the top of the page itself leads nowhere a reader needs.
    if (fragment === "" || table.source === "") return undefined;
    return table.placeholder({ path: table.source, fragment, ...extra });
  }
  if (KEPT_SCHEMES.test(href)) return href;
  if (SCHEME.test(href)) return undefined; // file:, javascript:, data: and the like
  if (href.startsWith("//")) return `https:${href}`;
  if (base !== undefined) {
    try {
      return new URL(href, base).href;
    } catch {
      return undefined;
    }
  }
  // The site's root is unknown for a saved page, and without a source nothing is relative.
  if (href.startsWith("/") || table.source === "") return undefined;
  const hash = href.indexOf("#");
  const fragment = hash >= 0 ? decode(href.slice(hash + 1)) : "";
  let path = decode((hash >= 0 ? href.slice(0, hash) : href).replace(/\?.*$/, ""));
  if (path === "") path = table.source;
  else {
    path = posix.normalize(posix.join(posix.dirname(table.source), path));
    if (path === ".." || path.startsWith("../")) return undefined; // outside the input folder
    if (path.endsWith("/")) path += "index.html";
  }
  return table.placeholder({ path, ...(fragment ? { fragment } : {}), ...extra });
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Each id (or `<a name>`) that leads to a heading, with the heading. */
function findAnchors(root: LinkElement, table: LinkTable): Map<string, LinkElement> {
  const found = new Map<string, LinkElement>();
  for (const element of root.querySelectorAll("[id], a[name]")) {
    const id = element.getAttribute("id") ?? element.getAttribute("name") ?? "";
    // "__proto__" would be no ordinary key once the anchors are a record.
    if (id === "" || id === "__proto__" || table.anchors.has(id) || found.has(id)) continue;
    const heading = headingOf(element);
    if (heading) found.set(id, heading);
  }
  return found;
}

function headingOf(element: LinkElement): LinkElement | null {
  if (/^H[1-6]$/.test(element.nodeName)) return element;
  const inside = element.closest(HEADINGS);
  if (inside) return inside;
  // A section whose first child is its heading (Sphinx, most static site generators).
  const first = element.firstElementChild;
  if (first && /^H[1-6]$/.test(first.nodeName)) return first;
  // An empty marker just before a heading: <a name="x"></a><h2>...
  const next = element.nextElementSibling;
  if ((element.textContent ?? "").trim() === "" && next && /^H[1-6]$/.test(next.nodeName)) {
    return next;
  }
  return null;
}
