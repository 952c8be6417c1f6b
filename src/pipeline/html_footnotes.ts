/**
 * @module
 * Footnotes of an HTML page or a Word document (mammoth writes them as HTML) as Obsidian writes
 * them: `[^1]` where the note is referenced and `[^1]: text` at the end. Recognised by their
 * shape rather than by one tool's class names: a link whose text is a number (or `[1]`) to an
 * element that is a list item, an `<aside>` or marked as a footnote or endnote. This is what
 * mammoth, pandoc, Sphinx and most blog engines write.
 */

/** The parts of linkedom's DOM used here. */
export interface NoteElement {
  readonly nodeName: string;
  textContent: string | null;
  readonly parentElement: NoteElement | null;
  readonly firstElementChild: NoteElement | null;
  readonly childElementCount: number;
  readonly ownerDocument: { createTextNode(text: string): unknown };
  getAttribute(name: string): string | null;
  closest(selectors: string): NoteElement | null;
  contains(other: NoteElement): boolean;
  querySelector(selectors: string): NoteElement | null;
  querySelectorAll(selectors: string): Iterable<NoteElement>;
  replaceWith(node: unknown): void;
  remove(): void;
}

/** A footnote taken out of the page: its number and its element, to convert on its own. */
export interface Footnote {
  n: number;
  element: NoteElement;
}

// Private-use characters mark a reference in the text until the Markdown is written; they are
// removed from the page's own text when it is parsed.
const OPEN = "\uE015";
const CLOSE = "\uE016";
const REFERENCE = /\uE015(\d{1,4})\uE016/g;

const NUMBER = /^\s*\[?\s*\d{1,4}\s*\]?\s*$/;
const NOTE_MARK = /(?:^|[\s_-])(?:foot|end)?notes?(?:$|[\s_-])|footnote|endnote/i;
/** Most footnotes a page is read with; past it the rest stay ordinary links. */
const MAX_NOTES = 2000;

/**
 * Replaces each footnote reference of `root` with a marker and takes the notes out of the
 * page. Run before links are settled: references are found by their in-page addresses.
 */
export function takeFootnotes(root: NoteElement): Footnote[] {
  const notes = new Map<string, Footnote>();
  for (const a of [...root.querySelectorAll('a[href^="#"]')]) {
    if (!NUMBER.test(a.textContent ?? "")) continue;
    const id = decodeFragment((a.getAttribute("href") ?? "").slice(1));
    if (id === "" || /["\\\n]/.test(id)) continue;
    let note = notes.get(id);
    if (!note) {
      const target = root.querySelector(`[id="${id}"]`);
      if (!target || !isNote(target) || target.contains(a) || notes.size >= MAX_NOTES) continue;
      note = { n: notes.size + 1, element: target };
      notes.set(id, note);
    }
    const marker = a.ownerDocument.createTextNode(`${OPEN}${note.n}${CLOSE}`);
    // <sup><a>1</a></sup> and <a><sup>1</sup></a> alike become the marker alone.
    const sup = a.parentElement?.nodeName === "SUP" && a.parentElement.childElementCount === 1
      ? a.parentElement
      : a;
    sup.replaceWith(marker);
  }
  for (const note of notes.values()) {
    const list = note.element.parentElement;
    note.element.remove();
    // Back links (↩, ↑) and the printed number of the note go with it.
    for (const back of [...note.element.querySelectorAll('a[href^="#"]')]) {
      if (/^[\s↩↑^︎\d[\]]*$/u.test(back.textContent ?? "")) back.remove();
    }
    for (const label of [...note.element.querySelectorAll(".label, .fn-bracket")]) label.remove();
    // mdBook's: <div class="footnote-definition"><sup>1</sup><p>See...</p></div>.
    const first = note.element.firstElementChild;
    if (first?.nodeName === "SUP" && NUMBER.test(first.textContent ?? "")) first.remove();
    // The emptied list, and the section that held only it.
    let empty = list;
    while (empty && empty.nodeName !== "BODY" && (empty.textContent ?? "").trim() === "") {
      const parent: NoteElement | null = empty.parentElement;
      empty.remove();
      empty = parent;
    }
  }
  return [...notes.values()];
}

function isNote(element: NoteElement): boolean {
  if (element.nodeName === "LI" || element.nodeName === "ASIDE") return true;
  const marks = `${element.getAttribute("class") ?? ""} ${element.getAttribute("role") ?? ""} ${
    element.getAttribute("id") ?? ""
  }`;
  return NOTE_MARK.test(marks);
}

function decodeFragment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Writes the markers in `markdown` as `[^n]` and appends the notes it references, each given by
 * `convert` as Markdown. Notes whose reference did not survive (Readability left it out) go.
 */
export function writeFootnotes(
  markdown: string,
  notes: Footnote[],
  convert: (element: NoteElement) => string,
): string {
  if (notes.length === 0) return markdown;
  const used = new Set<number>();
  const body = markdown.replace(REFERENCE, (_, n: string) => {
    used.add(Number(n));
    return `[^${n}]`;
  });
  const lines = notes.filter((note) => used.has(note.n)).map((note) => {
    const text = convert(note.element).trim().replace(/\n{2,}/g, "\n\n    ");
    return `[^${note.n}]: ${text}`;
  });
  return lines.length === 0 ? body : `${body}\n\n${lines.join("\n")}`;
}
