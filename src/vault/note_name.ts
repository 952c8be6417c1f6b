/**
 * @module
 * Turns arbitrary titles into note names that are safe as file names on every OS and as
 * Obsidian link targets, and says when two names would collide on disk.
 */

/** Longest name, in UTF-16 code units, before any " (n)" suffix is added. */
export const MAX_NAME_LENGTH = 100;

/**
 * Characters replaced by a space: those Obsidian or an OS forbids in file names, C0 and C1
 * controls (newline and tab included), and bidi controls, which can make a name display
 * differently from what it is (for example a ".exe" that reads as ".txt").
 */
const UNSAFE =
  // deno-lint-ignore no-control-regex
  /[*"\\/<>:|?#^[\]\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Windows device names, reserved even with an extension ("nul.txt") or trailing spaces; the
 * superscript digits are reserved too according to Microsoft's naming rules.
 */
const RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(?=\s*(?:\..*)?$)/iu;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Makes a note name from a title. The result is never empty, never contains "/" or "\\",
 * is at most {@link MAX_NAME_LENGTH} code units long and never splits a grapheme.
 */
export function sanitizeNoteName(title: string): string {
  let name = trimEnds(title.normalize("NFC").replace(UNSAFE, " ").replace(/\s+/gu, " "));
  // Before truncating, so the "_" lands in the first few characters and always survives it.
  name = name.replace(RESERVED, "$1_");
  name = trimEnds(truncate(name, MAX_NAME_LENGTH));
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

function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = "";
  for (const { segment } of graphemes.segment(s)) {
    if (out.length + segment.length > max) {
      // A lone grapheme longer than the limit (a letter under hundreds of combining marks):
      // keep whole code points of it rather than no name at all.
      if (out === "") {
        for (const codePoint of segment) {
          if (out.length + codePoint.length > max) break;
          out += codePoint;
        }
      }
      break;
    }
    out += segment;
  }
  return out;
}
