import assert from "node:assert/strict";
import { TexSymbols } from "./pdf_tex_symbols.ts";

/** Items of one document, font by font, read as the PDF reader reads them. */
function read(items: [string, string][]): string[] {
  const symbols = new TexSymbols();
  const marked = items.map(([str, font]) => symbols.mark(str, font));
  const reader = symbols.reader();
  return marked.map(reader);
}

/** A text font's words: enough of them to be known as one. */
const prose: [string, string][] = Array.from(
  { length: 25 },
  () => ["The harbour lamps were trimmed", "text"],
);
/** A math italic's variables. */
const variables: [string, string][] = "abcdefghijklmnopqrstuvwxyz".split("").map((
  v,
) => [v, "italic"]);

Deno.test("TexSymbols reads the symbol font's relations, operators and infinity", () => {
  const out = read([
    ...prose,
    ...variables,
    ["x1 + x2 ", "italic"],
    ["\u0014", "symbol"],
    [" 100", "text"],
    ["\u00001", "symbol"],
    ["\u0015", "symbol"],
    ["j", "symbol"],
  ]);
  assert.deepEqual(out.slice(-6), ["x1 + x2 ", "≤", " 100", "−∞", "≥", "|"]);
});

Deno.test("TexSymbols reads the math italic's Greek letters and the text font's ligatures", () => {
  const out = read([
    ...prose,
    ...variables,
    ["\u0015", "italic"],
    ["\u0018", "italic"],
    ["\u000Cnite and \u000Bort", "text"],
    ["\u0006", "text"],
    ["\u0014", "symbol"],
  ]);
  assert.deepEqual(out.slice(-5, -1), ["λ", "ξ", "finite and ffort", "Σ"]);
});

Deno.test("TexSymbols drops the control characters of a document without TeX's fonts", () => {
  const out = read([...prose, ["broken\u0000 font\u0006", "text"], ["12", "other"]]);
  assert.deepEqual(out.slice(-2), ["broken font", "12"]);
});

Deno.test("TexSymbols knows a document whose mathematics is in TeX's fonts", () => {
  const symbols = new TexSymbols();
  for (const [str, font] of prose) symbols.mark(str, font);
  assert.equal(symbols.usesTexMath(), false);
  symbols.mark("\u0014", "symbol");
  assert.equal(symbols.usesTexMath(), true);
});
