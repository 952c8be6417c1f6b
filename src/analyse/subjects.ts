/**
 * @module
 * The names a text is about: the program, project or system it keeps naming ("SQLite",
 * "Python", "Debian", "CRC"). A keyphrase is the text's own term, seldom shared by another
 * note; a subject is what many notes of a vault share, so it makes the tag a reader groups them
 * by. It comes from the note's own text alone: another note never changes it.
 */
import { namesKey } from "./keyboard.ts";
import { englishRank, GENERIC_RANK } from "./commonness.ts";

/** At most this many subjects per text. */
const MOST = 2;
/** Uses a subject needs, and its share of the text's words (measured: "SQLite" is 4 to 13 in a
 * thousand words of SQLite's pages, "Python" 4 in Python's HOWTOs, "CRC" 20 in a CRC paper;
 * "CPU" 5 in that paper's tables). */
const LEAST_USES = 5;
const LEAST_SHARE = 0.003;
/** The share of its uses inside a sentence that a name writes with a capital. */
const CAPITALISED = 0.8;

/**
 * A word: letters and digits, a letter first; "SQLite" of "SQLite-based" too, not "UTF" of
 * "UTF-8" (the name is "UTF-8", which no one word holds); a name with dots inside it as one word
 * ("Node.js", "ASP.NET"), each part two letters or more, so that "U.S." stays two letters and
 * "Node.js" is not "Node" and "js".
 */
const WORD =
  /(?<![\p{L}\p{N}_'’.-])\p{L}[\p{L}\p{N}]*(?:\.\p{L}{2}[\p{L}\p{N}]*)*(?![\p{L}\p{N}_'’]|\.\p{L}|-\p{N})/gu;

/**
 * The names the text keeps writing with a capital inside its sentences, most used first, in
 * lower case: rare in everyday English (so not "Congress" or "Windows"), no names of the
 * `people` or `places` given, no units after numbers ("MB") and no identifiers of code
 * ("ArgumentParser", "macOS").
 */
export function subjectsOf(text: string, exclude: ReadonlySet<string>): string[] {
  const seen = new Map<
    string,
    { uses: number; inside: number; capital: number; unit: number; numbering: number }
  >();
  let total = 0;
  for (const match of text.matchAll(WORD)) {
    total++;
    const word = match[0];
    const key = word.toLowerCase();
    let entry = seen.get(key);
    if (!entry) seen.set(key, entry = { uses: 0, inside: 0, capital: 0, unit: 0, numbering: 0 });
    entry.uses++;
    if (afterNumber(text, match.index)) entry.unit++;
    if (/^\s+\p{N}/u.test(text.slice(match.index + word.length, match.index + word.length + 3))) {
      entry.numbering++;
    }
    if (opensSentence(text, match.index)) continue;
    entry.inside++;
    if (word !== key) entry.capital++;
  }
  const least = Math.max(LEAST_USES, LEAST_SHARE * total);
  return [...seen]
    .filter(([key, e]) =>
      e.uses >= least && e.inside >= LEAST_USES && e.capital >= CAPITALISED * e.inside &&
      // A unit after its numbers ("530 MB/s") measures; it is no subject. Nor does a word
      // before them ("Listing 4-1", "Figure 3") name one: it points at the text's own parts.
      e.unit < e.uses / 2 && e.numbering < e.uses / 2 &&
      key.length > 1 && englishRank(key) >= GENERIC_RANK && !exclude.has(key) &&
      !LITERALS.has(key) &&
      // "CTRL" of Vim's CTRL-W and CTRL-V: a key, which named a map of Vim's manual.
      !namesKey(key)
    )
    .filter(([key]) => !codeLike(text, key))
    .sort((a, b) => b[1].uses - a[1].uses || (a[0] < b[0] ? -1 : 1))
    .slice(0, MOST)
    .map(([key]) => key);
}

/** Values code writes in capitals ("NULL", "TRUE", "EOF"): what a column holds, not a subject. */
const LITERALS = new Set(["null", "true", "false", "none", "nil", "nan", "eof", "undefined"]);

/** Whether the word at `at` follows a number, at most a space between ("530 MB"). */
function afterNumber(text: string, at: number): boolean {
  const before = text[at - 1] === " " ? at - 2 : at - 1;
  return before >= 0 && /\p{N}/u.test(text[before]);
}

/** Whether the word at `at` opens a sentence, a line or a list item: its capital says nothing. */
function opensSentence(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i];
    if (c === " " || c === "\t" || c === '"' || c === "“" || c === "(" || c === "'") continue;
    return /[\n.!?:;*#>|•–—-]/u.test(c);
  }
  return true;
}

/**
 * A word the text writes as an identifier or a symbol: a small letter before a capital
 * ("ArgumentParser"), digits after small letters ("Idx1"; "MP3" is a name), capitals and one
 * small letter ("CRCu").
 */
function codeLike(text: string, key: string): boolean {
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}_])${key.replaceAll(".", "\\.")}(?![\\p{L}\\p{N}_])`,
    "giu",
  );
  for (const [form] of text.matchAll(pattern)) {
    if (/\p{Ll}\p{Lu}|\p{Ll}\p{N}|^\p{Lu}+\p{Ll}$/u.test(form)) return true;
  }
  return false;
}
