import assert from "node:assert/strict";
import { texLogos } from "./pdf_tex_logos.ts";

Deno.test("texLogos() writes TeX's logos as their makers do", () => {
  const texts = [
    "LATEX News",
    "Since LATEX3 and LuaLATEX, BibTEX and pdfTEX read the TEXbook; see non-LATEX files.",
    "BIBTEXing",
  ];
  assert.deepEqual(texts.map(texLogos(texts)), [
    "LaTeX News",
    "Since LaTeX3 and LuaLaTeX, BibTeX and pdfTeX read the TeXbook; see non-LaTeX files.",
    "BibTeXing",
  ]);
});

Deno.test("texLogos() leaves words in capitals and a document without the logos alone", () => {
  const texts = ["Set TEXINPUTS; the TEXT of REVTEX files.", "LATEX, TEX and LATEX again."];
  assert.equal(texLogos(texts)(texts[0]), texts[0]);
  // One "TEX" is no evidence of TeX's logos: a word in capitals, as a table's head may write it.
  const plain = ["CITY STATE", "AUSTIN TEX"];
  assert.equal(texLogos(plain)(plain[1]), plain[1]);
});
