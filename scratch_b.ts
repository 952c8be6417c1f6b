import { extractPdf } from "./src/pipeline/pdf.ts";
let bytes = Deno.readFileSync(Deno.args[0]);
const r = await extractPdf(bytes, Deno.args[0].split("/").pop()!);
console.log(r.body);
