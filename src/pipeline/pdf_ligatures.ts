/**
 * @module
 * Words whose ligature pdf.js could not read. TeX's Type 1 fonts draw "fi", "fl", "ff", "ffi" and
 * "ffl" as one glyph that many PDFs give no Unicode for, and pdf.js then leaves it out (pdf.js
 * issue #12237): "field" reads " eld", "different" "di erent", "specifies" "speci es". Such a
 * word, split or cut, is put back when the English word list knows the whole and not the part.
 */
import { englishRank } from "../analyse/commonness.ts";

/** Longest first, so "ffi" is tried before "ff" and "fi". */
const LIGATURES = ["ffi", "ffl", "ff", "fi", "fl"];
/**
 * Distinct words split by a lost ligature ("speci es", "di erent") a document must show before
 * anything is repaired: a font that lost its ligatures loses them in dozens of words; a healthy
 * text shows at most a lucky match or two.
 */
const EVIDENCE = 3;

const WORD = /\p{L}+/gu;

/**
 * A function that restores lost ligatures in one text of a document, given all of the
 * document's texts to judge whether it lost any; it returns a text unchanged when it did not.
 * A word cut at its start (" eld") is repaired only with a ligature the document is seen to
 * lose inside words, and only when it stands alone: "int" in code is not "flint".
 */
export function ligatureRepair(texts: string[]): (text: string) => string {
  const split = new Map<string, string>();
  const ligaturesAfter = new Map<string, Set<string>>();
  for (const text of texts) {
    for (const repair of repairs(text, new Set(), NO_WORDS, NO_HEADS)) {
      split.set(repair.word, repair.ligature);
      if (!repair.head) continue;
      const seen = ligaturesAfter.get(repair.head) ?? new Set<string>();
      ligaturesAfter.set(repair.head, seen.add(repair.ligature));
    }
  }
  if (split.size < EVIDENCE) return (text) => text;
  // A head that took one ligature only: "con" is "conflict" and "configure" both.
  const heads = new Map(
    [...ligaturesAfter].filter(([, seen]) => seen.size === 1).map(([head, seen]) => [
      head,
      [...seen][0],
    ]),
  );
  const lost = new Set(split.values());
  const uses = new Map<string, number>();
  for (const text of texts) {
    for (const [word] of text.matchAll(WORD)) {
      const lower = word.toLowerCase();
      uses.set(lower, (uses.get(lower) ?? 0) + 1);
    }
  }
  return (text) => {
    let out = "";
    let at = 0;
    for (const { start, end, word } of repairs(text, lost, uses, heads)) {
      out += text.slice(at, start) + word;
      at = end;
    }
    return out + text.slice(at);
  };
}

interface Repair {
  start: number;
  end: number;
  word: string;
  ligature: string;
  /** The part before the ligature of a split word that is no word ("speci" of "speci es"). */
  head?: string;
}

/**
 * The repairs a text needs, in order and not overlapping: words split in two, and words cut at
 * their start by a ligature in `lostAtStart`.
 */
function* repairs(
  text: string,
  lostAtStart: ReadonlySet<string>,
  uses: ReadonlyMap<string, number>,
  heads: ReadonlyMap<string, string>,
): Generator<Repair> {
  let prev: { start: number; end: number; word: string } | undefined;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index;
    const end = start + word.length;
    const before = prev;
    prev = { start, end, word };
    // "di erent", "speci es": the word before, a ligature and this one, one space apart, when
    // the two are not both words of their own.
    if (
      before && before.end === start - 1 && text[before.end] === " " &&
      !(isWord(before.word) && isWord(word)) && standsAlone(text, before.start, end)
    ) {
      const joined = withLigature(before.word, word, uses) ?? headed(before.word, word, heads);
      // "in eld" is "in field", not "infield"; "in nite" is "infinite", not "in finite"; "over
      // ow" is "overflow" where the document writes "overflow" whole.
      const alone = isWord(before.word) ? withLigature("", word) : undefined;
      // ... and "over ow" is "overflow" where "ow" alone would stay as it is.
      const aloneRepaired = alone !== undefined && cutAtStart(word, alone, lostAtStart, uses);
      const used = joined !== undefined && uses.has(joined.word.toLowerCase());
      if (joined && !(aloneRepaired && rank(alone!.word) < rank(joined.word) && !used)) {
        prev = undefined; // a word used up cannot start the next repair
        const head = isWord(before.word) ? {} : { head: before.word.toLowerCase() };
        yield { start: before.start, end, ...joined, ...head };
        continue;
      }
    }
    // " eld": a ligature lost at the start of a word.
    if (lostAtStart.size === 0 || !standsAlone(text, start, end)) continue;
    const whole = withLigature("", word);
    if (whole && cutAtStart(word, whole, lostAtStart, uses)) {
      prev = undefined;
      yield { start, end, ...whole };
    }
  }
}

/**
 * Whether `word` is `whole` with its ligature lost at its start, in a document that loses the
 * ligatures in `lost`. A word the document uses cut far more than whole is cut whichever ligature
 * it lost: the fonts that lose "fi" lose "fl" too, in words the document may split nowhere.
 */
function cutAtStart(
  word: string,
  whole: { word: string; ligature: string },
  lost: ReadonlySet<string>,
  uses: ReadonlyMap<string, number>,
): boolean {
  return lost.has(whole.ligature) && cutShort(word, whole.word, uses) ||
    lost.size > 0 && oftenCut(word, whole.word, uses);
}

/**
 * `head` + a ligature + `tail` when the document splits `head` so in words the list knows, though
 * the list lacks this one: "speci er" is "specifier" where "speci es" was "specifies".
 */
function headed(
  head: string,
  tail: string,
  heads: ReadonlyMap<string, string>,
): { word: string; ligature: string } | undefined {
  const ligature = heads.get(head.toLowerCase());
  // A part that starts with "f" kept its ligature: "con figuring" is no "conflfiguring".
  if (!ligature || !/^\p{Ll}/u.test(tail) || tail.startsWith("f") || isWord(head)) {
    return undefined;
  }
  return { word: head + ligature + tail, ligature };
}

/**
 * `head` + a ligature + `tail` when the word list knows it, or the document writes it whole
 * elsewhere (`uses`): "Satis ability" is "Satisfiability", a word of the field the list lacks,
 * where the title prints it whole.
 */
function withLigature(
  head: string,
  tail: string,
  uses: ReadonlyMap<string, number> = NO_WORDS,
): { word: string; ligature: string } | undefined {
  if (!/^\p{Ll}/u.test(tail)) return undefined;
  for (const ligature of LIGATURES) {
    const word = head + ligature + tail;
    if (rank(word) !== Infinity || uses.has(word.toLowerCase())) return { word, ligature };
  }
  return undefined;
}

/**
 * A word of its own, not the part of one: "a", "I", and the list's 1,000 most used. The list is
 * made from subtitles, which hold fragments too: "de" ranks 1,497, "nd" 4,281, "cult" 7,396.
 */
function isWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (lower.length === 1) return lower === "a" || lower === "i";
  return rank(lower) <= 1000;
}

function rank(word: string): number {
  return englishRank(word.toLowerCase());
}

/**
 * `word` is more likely `whole` with its start lost than a word of its own: unknown to the list
 * or at most half as used as `whole` ("le" 3,143 against "file" 1,454; not "ends" 1,906 against
 * "fiends" 19,982). A fragment of two or three letters is too often code or an abbreviation to
 * stand for a rare word: not "int" for "flint" (7,503), "nn" for "finn".
 */
function cutShort(word: string, whole: string, uses: ReadonlyMap<string, number>): boolean {
  // ... unless it is no word and the document prints the whole one: "ows" for "flows"; or it
  // has no vowel, as no word has: "lls" for "fills".
  const printed = rank(word) === Infinity && uses.has(whole.toLowerCase());
  const vowelless = word.length >= 3 && rank(word) === Infinity && !/[aeiouy]/iu.test(word);
  if (word.length < 2 || (word.length < 4 && rank(whole) > 5000 && !printed && !vowelless)) {
    return false;
  }
  return rank(word) === Infinity || rank(word) >= 2 * rank(whole);
}

/**
 * `word` stands for `whole` throughout a document that loses the ligature: the document prints
 * the whole word too (in a font that keeps the ligature), but the cut one more than twice as
 * often, three times at least, and the cut one is no everyday word ("ow" 94 times and "flow" 21
 * in GLPK's graph manual; not "ends" for "fiends", which no page prints whole).
 */
function oftenCut(word: string, whole: string, uses: ReadonlyMap<string, number>): boolean {
  const lower = word.toLowerCase();
  // As in cutShort: two or three letters are too often code to stand for a rare word ("int").
  if (lower.length < 2 || (lower.length < 4 && rank(whole) > 5000)) return false;
  const cut = uses.get(lower) ?? 0;
  const printed = uses.get(whole.toLowerCase()) ?? 0;
  return rank(lower) > 500 && printed > 0 && cut >= 3 && cut > 2 * printed;
}

const NO_WORDS: ReadonlyMap<string, number> = new Map();
const NO_HEADS: ReadonlyMap<string, string> = new Map();

/** Text from `start` to `end` is prose, not part of an identifier, path, formula or number. */
function standsAlone(text: string, start: number, end: number): boolean {
  // An opening bracket after a name is a call: "glp_del_rows(le)". A hyphen after letters joins
  // a compound: "non-signi cant".
  return /(?:^|\s|(?<![\p{L}\p{N}_])[(\[{"'“‘]|(?<=\p{L})-)$/u.test(
    text.slice(Math.max(0, start - 2), start),
  ) &&
    // "oating-point": the first part of a compound.
    /^(?:$|\s|-\p{L}|[.,;:!?)\]}"'”’](?![\p{L}\p{N}]))/u.test(text.slice(end, end + 2));
}
