import { gunzipSync } from "node:zlib";
import { extractPdf } from "./src/pipeline/pdf.ts";
let bytes = Deno.readFileSync(Deno.args[0]);
if (Deno.args[0].endsWith(".gz")) bytes = new Uint8Array(gunzipSync(bytes));
const ex = await extractPdf(bytes, "x.pdf");
const pat = new RegExp(`.{0,120}${Deno.args[1]}.{0,80}`, "g");
for (const m of ex.body.matchAll(pat)) console.log(JSON.stringify(m[0]));
