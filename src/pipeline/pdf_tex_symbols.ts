/**
 * @module
 * TeX's mathematical symbols and Greek letters in a PDF whose fonts give no Unicode for them.
 * Computer Modern's fonts put many glyphs at codes below 32, which pdf.js then returns as control
 * characters: "x1 + x2 + x3 \u0014 100" for "≤ 100" (GLPK's reference manual: 180 of them). The
 * meaning of a code depends on the font, and the font's name is not in pdf.js's text content, so
 * each font is known by what it shows across the document:
 *
 * - a font that writes words is a text font (OT1): its codes 11 to 15 are the ligatures ff, fi,
 *   fl, ffi, ffl, read only beside a letter, and its codes 0 to 10 Greek capitals, read only in a
 *   document that has TeX's math fonts too;
 * - a font of single letters (the variables "x", "y") is the math italic (OML): its codes are
 *   Greek letters;
 * - a font of no lowercase letters that shows ≤, ≥ or − is the symbol font (OMS): its codes are
 *   operators and relations, and its "1" is ∞ ("−∞ < x").
 *
 * pdftotext reads the fonts' own encodings and gets these right. Other codes are left to be
 * dropped as before.
 */

/** OT1's and OML's codes 0 to 10: Greek capitals. */
const GREEK_CAPITALS = "ΓΔΘΛΞΠΣΥΦΨΩ";
/** OML's codes 11 to 31 (to 33 in the font, but only these are control characters). */
const OML_LOWER = "αβγδεζηθικλμνξπρστυφχψ";
/** OMS's codes 0 to 31. */
const OMS = "−·×∗÷⋄±∓⊕⊖⊗⊘⊙○∘•≍≡⊆⊇≤≥⪯⪰∼≈⊂⊃≪≫≺≻";
/** OMS's printable codes that stand for other glyphs: ∞ at "1", ′ at "0", ∈ at "2"... */
const OMS_PRINTABLE: Record<string, string> = {
  "0": "′",
  "1": "∞",
  "2": "∈",
  "3": "∋",
  "8": "∀",
  "9": "∃",
  ":": "¬",
  ";": "∅",
  f: "{",
  g: "}",
  h: "⟨",
  i: "⟩",
  j: "|",
  n: "∖",
};
const OT1_LIGATURES = ["ff", "fi", "fl", "ffi", "ffl"];

type Encoding = "text" | "italic" | "symbol";

/** What a font shows across the document: enough to tell which of TeX's fonts it is. */
interface FontUse {
  words: number;
  /** The lowercase letters it shows: the math italic's variables are many. */
  letters: Set<string>;
  controls: Set<number>;
}

/**
 * Reads TeX's symbols in two passes over one document: {@link mark} keeps each control character
 * of an item marked with its font, while it learns what each font shows; once every page is read,
 * {@link reader} turns the marks into the symbols they stand for. The printable codes that the
 * symbol font uses for other glyphs ("1" for ∞) are marked too, in items of no word. Marks are
 * characters of the Supplementary Private Use Area-A (U+F0000 on), which no text layer is seen
 * to use.
 */
export class TexSymbols {
  readonly #fonts = new Map<string, number>();
  readonly #uses: FontUse[] = [];

  /** An item's text with its control characters (but tabs) marked with its font. */
  mark(str: string, font = ""): string {
    let index = this.#fonts.get(font);
    if (index === undefined) {
      if (this.#uses.length >= MAX_FONTS) return str;
      index = this.#uses.length;
      this.#fonts.set(font, index);
      this.#uses.push({ words: 0, letters: new Set(), controls: new Set() });
    }
    const use = this.#uses[index];
    const words = str.match(/\p{L}{4,}/gu)?.length ?? 0;
    use.words += words;
    for (const [letter] of str.matchAll(/\p{Ll}/gu)) use.letters.add(letter);
    const base = MARKS + index * SLOTS;
    return str.replace(words > 0 ? CONTROL : CONTROL_OR_PRINTABLE, (c) => {
      const code = c.charCodeAt(0);
      if (code < 0x20) use.controls.add(code);
      return String.fromCodePoint(base + (code < 0x20 ? code : 0x20 + PRINTABLE.indexOf(c)));
    });
  }

  /** Whether the document sets mathematics in TeX's fonts, as far as it has been read. */
  usesTexMath(): boolean {
    return this.#uses.some((use) => {
      const encoding = encodingOf(use);
      return encoding === "italic" || encoding === "symbol";
    });
  }

  /**
   * What turns the marks in a text into TeX's symbols, now that every font is known. A mark of
   * a font that is none of TeX's is dropped, as control characters always were, and a marked
   * printable code is itself outside the symbol font.
   */
  reader(): (text: string) => string {
    const encodings = this.#uses.map(encodingOf);
    // A text font's codes 0 to 10 are OT1's Greek capitals ("Σ", "Δ") in a document that sets
    // mathematics in TeX's fonts; elsewhere such a code is more likely a broken font's NUL.
    const tex = this.usesTexMath();
    return (text) =>
      text.replace(/[\u{F0000}-\u{FFFFD}]/gu, (mark, offset: number) => {
        const slot = mark.codePointAt(0)! - MARKS;
        const encoding = encodings[Math.floor(slot / SLOTS)];
        const code = slot % SLOTS;
        if (code >= 0x20) {
          const printable = PRINTABLE[code - 0x20];
          return encoding === "symbol" ? OMS_PRINTABLE[printable] : printable;
        }
        switch (encoding) {
          case "text": {
            // A ligature only beside a letter: "ﬁnite" is "\x0Cnite".
            const beside = `${text[offset - 1] ?? ""}${text[offset + mark.length] ?? ""}`;
            if (code <= 0x0A) return tex ? GREEK_CAPITALS[code] : "";
            return code <= 0x0F && /\p{L}/u.test(beside) ? OT1_LIGATURES[code - 0x0B] : "";
          }
          case "italic":
            return code <= 0x0A ? GREEK_CAPITALS[code] : OML_LOWER[code - 0x0B];
          case "symbol":
            return OMS[code];
          default:
            return "";
        }
      });
  }
}

/** The printable codes at which OMS has other glyphs. */
const PRINTABLE = Object.keys(OMS_PRINTABLE).join("");
// deno-lint-ignore no-control-regex -- the control characters are what TeX's fonts put there
const CONTROL = /[\x00-\x08\x0A-\x1F]/gu;
const CONTROL_OR_PRINTABLE = new RegExp(`${CONTROL.source.slice(0, -1)}${PRINTABLE}]`, "gu");
/** The first mark: U+F0000, then a slot for each control character and printable code of each
 * font. */
const MARKS = 0xF0000;
const SLOTS = 0x20 + PRINTABLE.length;
/** Fonts whose codes can be marked, within the Private Use Area-A's 65,534 code points. */
const MAX_FONTS = Math.floor(65_534 / SLOTS);

function encodingOf(use: FontUse): Encoding | undefined {
  if (use.controls.size === 0) return undefined;
  // Variables side by side ("xk", "lmn") and a few words happen in any font: a text font
  // writes many words of four letters or more.
  if (use.words >= WORDS) return "text";
  // The symbol font's letters are its braces, bars and brackets: a few of them.
  if (use.letters.size >= ITALIC_LETTERS) return "italic";
  return [0x00, 0x14, 0x15].some((code) => use.controls.has(code)) ? "symbol" : undefined;
}

/** Lowercase letters a font of no words must show to be the math italic (GLPK's shows 25; its
 * symbol font 4: "f", "g", "j", "n"). */
const ITALIC_LETTERS = 8;
/** Words of four letters or more a font must show to be a text font. */
const WORDS = 20;
