/**
 * @module
 * Turns arbitrary titles into note names that are safe as file names on every OS and as
 * Obsidian link targets, says when two names would collide on disk, and writes the wikilink
 * to a note. Below the extractors, the analysis and the vault, which all name notes.
 */

/** Longest name, in UTF-16 code units, before any " (n)" suffix is added. */
export const MAX_NAME_LENGTH = 100;

/**
 * Longest name in UTF-8 bytes: file systems cap a name at 255 bytes, and " (n)" and ".md" must
 * still fit (100 CJK characters are 300 bytes).
 */
export const MAX_NAME_BYTES = 200;

/**
 * Characters replaced by a space: those Obsidian or an OS forbids in file names, C0 and C1
 * controls (newline and tab included), and bidi controls, which can make a name display
 * differently from what it is (for example a ".exe" that reads as ".txt").
 */
const UNSAFE =
  // deno-lint-ignore no-control-regex
  /[*"\\/<>:|?#^[\]\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** A colon after a word and before the next, as a title sets off its subtitle. */
const SUBTITLE_COLON = /(?<=[\p{L}\p{N})])\s*:\s+(?=\S)/gu;

/** A type's parameters in angle brackets right after its name: "Box<T>", "Vec<String>". */
const TYPE_PARAMETERS = /(?<=[\p{L}\p{N}_])<([\p{L}\p{N}_, ]{1,40})>(?![\p{L}\p{N}_])/gu;

/**
 * A mark that is a word of its own ("Unpacking options with ?", Rust's `?` operator, or a page
 * titled "?") or ends a language's name ("C#", "F#"): a name, which its full-width form keeps,
 * where a mark that ends a question or a sentence is dropped.
 */
const NAMED_MARK = /(?<=^|\s)[?#*|^](?=\s|$)|(?<=(?:^|\s)\p{Lu})#(?=\s|$|[,;)])/gu;
const FULL_WIDTH: Record<string, string> = {
  "?": "？",
  "#": "＃",
  "*": "＊",
  "|": "｜",
  "^": "＾",
};

/** An unsafe character right before a closing quote or bracket. */
const BEFORE_CLOSING = new RegExp(`${UNSAFE.source}(?=[”’)»])`, "gu");

/**
 * Windows device names, reserved even with an extension ("nul.txt") or trailing spaces; the
 * superscript digits are reserved too according to Microsoft's naming rules.
 */
const RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(?=\s*(?:\..*)?$)/iu;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Makes a note name from a title. The result is never empty, never contains "/" or "\\",
 * is at most {@link MAX_NAME_LENGTH} code units and {@link MAX_NAME_BYTES} UTF-8 bytes long, and
 * never splits a grapheme.
 */
export function sanitizeNoteName(title: string): string {
  // "“Why is Python Installed on my Computer?” FAQ": before a closing quote or bracket the
  // character goes without the space, which would stand alone inside the quotes.
  // "Modules: ECMAScript modules": a title's colon before its subtitle, as names write it; and
  // "Rc<T>", a generic type, in the angle quotes a file name may have.
  let name = trimEnds(
    title.normalize("NFC").replace(NAMED_MARK, (mark) => FULL_WIDTH[mark])
      .replace(BEFORE_CLOSING, "").replace(SUBTITLE_COLON, " - ")
      .replace(TYPE_PARAMETERS, "‹$1›").replace(UNSAFE, " ").replace(/\s+/gu, " "),
  );
  // Before truncating, so the "_" lands in the first few characters and always survives it.
  name = name.replace(RESERVED, "$1_");
  name = trimEnds(truncate(name, MAX_NAME_LENGTH, MAX_NAME_BYTES));
  return name === "" ? "Untitled" : name;
}

/**
 * The key under which two names collide on case-insensitive, normalising file systems (macOS,
 * Windows). NFC plus `toLowerCase()` approximates their case folding; the rare letters where
 * the two differ (for example "ß" against "SS") are not treated as equal.
 */
export function nameKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

/** The n-th candidate for a name: `base` for 1, `base (n)` from 2 on. */
export function suffixedName(base: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`suffixedName needs a positive integer: got ${n}`);
  }
  return n === 1 ? base : `${base} (${n})`;
}

// Dots go too: Windows drops trailing dots, a leading dot hides the file, "." and ".." are
// not names at all.
// By hand: a regex such as /[\s.]+$/ backtracks quadratically on long runs like ". . . . x".
function trimEnds(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isTrimmed(s[start])) start++;
  while (end > start && isTrimmed(s[end - 1])) end--;
  return s.slice(start, end);
}

function isTrimmed(char: string): boolean {
  return char === "." || /\s/u.test(char);
}

const utf8 = new TextEncoder();

function truncate(s: string, max: number, maxBytes: number): string {
  if (s.length <= max && utf8.encode(s).length <= maxBytes) return s;
  let out = "";
  let bytes = 0;
  const fits = (piece: string) =>
    out.length + piece.length <= max && bytes + utf8.encode(piece).length <= maxBytes;
  for (const { segment } of graphemes.segment(s)) {
    if (!fits(segment)) {
      // A lone grapheme longer than the limit (a letter under hundreds of combining marks):
      // keep whole code points of it rather than no name at all.
      if (out === "") {
        for (const codePoint of segment) {
          if (!fits(codePoint)) break;
          out += codePoint;
          bytes += utf8.encode(codePoint).length;
        }
      }
      break;
    }
    out += segment;
    bytes += utf8.encode(segment).length;
  }
  return out;
}

/** The file name without folders and extension; a leading dot is not an extension. */
export function fileStem(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? base : base.slice(0, dot);
}

/**
 * A link to a note by its vault path ("Sources/Name.md" gives `[[Sources/Name|Name]]`): the full
 * path, so a same-named file elsewhere in the vault cannot capture it. Shown as the note's title
 * when the file is named after it: a file name cannot hold the title's ":" or "?" ("Modules:
 * ECMAScript modules"). A file named "Name (2)" keeps its name, which tells two notes apart.
 */
export function wikilink(path: string, title?: string): string {
  const target = path.replace(/\.md$/, "");
  const stem = target.slice(target.lastIndexOf("/") + 1);
  const shown = title?.replace(/\s+/gu, " ").trim();
  const label = shown && !/[|[\]]/u.test(shown) && sanitizeNoteName(shown) === stem ? shown : stem;
  return `[[${target}|${label}]]`;
}
