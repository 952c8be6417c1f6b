import assert from "node:assert/strict";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { version } from "unpdf/pdfjs";
import { craftPdf } from "../../tests/support/documents.ts";
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

/**
 * A one-page PDF showing `codes` (hex) in a CJK font that is not embedded and has no ToUnicode
 * table, as many Chinese and Japanese PDFs are made: only the predefined CMap named by
 * `encoding` and the CID-to-Unicode CMap of `ordering` say which characters the codes are.
 */
function cjkPdf(encoding: string, ordering: string, baseFont: string, codes: string): Uint8Array {
  const content = `BT /F1 24 Tf 72 700 Td <${codes}> Tj ET`;
  return craftPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " +
    "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    `<< /Type /Font /Subtype /Type0 /BaseFont /${baseFont} /Encoding /${encoding} ` +
    "/DescendantFonts [6 0 R] >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${baseFont} ` +
    `/CIDSystemInfo << /Registry (Adobe) /Ordering (${ordering}) /Supplement 2 >> ` +
    "/FontDescriptor 7 0 R /DW 1000 >>",
    `<< /Type /FontDescriptor /FontName /${baseFont} /Flags 6 /FontBBox [0 -200 1000 900] ` +
    "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
  ]);
}

Deno.test("extractPdf() reads Chinese in a predefined UCS-2 CMap without ToUnicode", async () => {
  // 中文文本 as UCS-2 codes; before the CMaps were given, "no text on any page".
  const pdf = cjkPdf("UniGB-UCS2-H", "GB1", "STSong-Light", "4E2D65876587672C");
  const extracted = await extractPdf(pdf, "chinese.pdf");
  assert.equal(extracted.body, "## Page 1\n\n中文文本");
});

Deno.test("extractPdf() reads Japanese in Shift-JIS (90ms-RKSJ-H) without ToUnicode", async () => {
  // 日本語 in Shift-JIS.
  const pdf = cjkPdf("90ms-RKSJ-H", "Japan1", "Ryumin-Light", "93FA967B8CEA");
  const extracted = await extractPdf(pdf, "japanese.pdf");
  assert.equal(extracted.body, "## Page 1\n\n日本語");
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
