/**
 * @module
 * TeX's logos in a PDF's text. TeX draws "TeX" with a lowered E and "LaTeX" with a small raised A:
 * capitals that pdf.js reads as they are drawn, "TEX" and "LATEX" ("LATEX News", "BibTEX",
 * "pdfTEX"), in every document typeset with LaTeX that names its tools.
 */

/** A logo as drawn: "TEX" or "LATEX" with any small-letter prefix ("Lua", "pdf", "Bib"), not in
 * a word of capitals ("TEXT", "TEXINPUTS", "REVTEX"); "BIBTEX" as its own title page sets it. */
const LOGO = /(?<!\p{Lu})(LA)?TEX(?!\p{Lu})|\bBIBTEX/gu;

/** Logos a document must show before any is changed: one "TEX" may be a word in capitals. */
const EVIDENCE = 3;

/**
 * A function that writes TeX's logos as their makers do ("LaTeX", "TeX", "BibTeX") in one text of
 * a document, given all of the document's prose to judge whether it draws them; it returns a text
 * unchanged when the document does not.
 */
export function texLogos(texts: string[]): (text: string) => string {
  let seen = 0;
  for (const text of texts) {
    seen += text.match(LOGO)?.length ?? 0;
    if (seen >= EVIDENCE) break;
  }
  if (seen < EVIDENCE) return (text) => text;
  return (text) =>
    text.replace(LOGO, (logo, la) => logo === "BIBTEX" ? "BibTeX" : la ? "LaTeX" : "TeX");
}
