import assert from "node:assert/strict";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { version } from "unpdf/pdfjs";
import { makeCjkPdf } from "../../tests/support/documents.ts";
import { extractPdf } from "./pdf.ts";
import { EMBEDDED, EmbeddedBinaryData } from "./pdf_data.ts";

// The package folder, found the way the app's imports find it.
const PACKAGE = dirname(fileURLToPath(import.meta.resolve("pdfjs-dist/package.json")));

async function names(folder: string, pattern: RegExp): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir(`${PACKAGE}/${folder}`)) {
    if (entry.isFile && pattern.test(entry.name)) found.push(entry.name);
  }
  return found.sort();
}

Deno.test("extractPdf() reads Chinese in a predefined UCS-2 CMap without ToUnicode", async () => {
  // 中文文本 as UCS-2 codes; before the CMaps were given, "no text on any page".
  const pdf = makeCjkPdf("UniGB-UCS2-H", "GB1", "STSong-Light", "4E2D65876587672C");
  const extracted = await extractPdf(pdf, "chinese.pdf");
  assert.equal(extracted.body, "## Page 1\n\n中文文本");
});

Deno.test("extractPdf() reads Japanese in Shift-JIS (90ms-RKSJ-H) without ToUnicode", async () => {
  // 日本語 in Shift-JIS.
  const pdf = makeCjkPdf("90ms-RKSJ-H", "Japan1", "Ryumin-Light", "93FA967B8CEA");
  const extracted = await extractPdf(pdf, "japanese.pdf");
  assert.equal(extracted.body, "## Page 1\n\n日本語");
});

Deno.test("extractPdf() reads Korean and traditional Chinese in UCS-2 CMaps without ToUnicode", async () => {
  const cases = [
    ["UniKS-UCS2-H", "Korea1", "HYSMyeongJo-Medium", "D55CAD6DC5B4", "한국어"],
    ["UniCNS-UCS2-H", "CNS1", "MSung-Light", "7E414E2D6587", "繁中文"],
  ];
  for (const [encoding, ordering, font, codes, text] of cases) {
    const extracted = await extractPdf(makeCjkPdf(encoding, ordering, font, codes), "cjk.pdf");
    assert.equal(extracted.body, `## Page 1\n\n${text}`, encoding);
  }
});

Deno.test("the embedded data holds every CMap and standard font of pdfjs-dist, and only those", async () => {
  assert.deepEqual([...EMBEDDED.cmaps].sort(), await names("cmaps", /\.bcmap$/));
  assert.deepEqual(
    [...EMBEDDED.standardFonts].sort(),
    await names("standard_fonts", /\.(?:pfb|ttf)$/),
  );
});

Deno.test("pdfjs-dist is the version of the pdf.js that unpdf bundles", async () => {
  const manifest = JSON.parse(await Deno.readTextFile(`${PACKAGE}/package.json`));
  assert.equal(manifest.version, version);
});

Deno.test("EmbeddedBinaryData serves the package's bytes and refuses other names", async () => {
  const data = new EmbeddedBinaryData({});
  const cmap = await data.fetch({ kind: "cMapUrl", filename: "Adobe-GB1-UCS2.bcmap" });
  assert.deepEqual(cmap, await Deno.readFile(`${PACKAGE}/cmaps/Adobe-GB1-UCS2.bcmap`));
  const font = await data.fetch({ kind: "standardFontDataUrl", filename: "FoxitDingbats.pfb" });
  assert.deepEqual(font, await Deno.readFile(`${PACKAGE}/standard_fonts/FoxitDingbats.pfb`));
  for (
    const [kind, filename] of [
      ["cMapUrl", "../package.json"],
      ["cMapUrl", "toString.bcmap"],
      ["cMapUrl", "Adobe-GB1-UCS2"],
      ["standardFontDataUrl", "LICENSE_FOXIT"],
      ["wasmUrl", "qcms_bg.wasm"],
    ]
  ) {
    await assert.rejects(data.fetch({ kind, filename }), /no .* data named/);
  }
});
