import { extractHtml } from "./src/pipeline/html.ts";
const files = Deno.args;
const out: Record<string, number> = {};
for (const f of files) {
  try { out[f] = extractHtml(Deno.readFileSync(f), f.split("/").pop()!).wordCount; } catch { out[f] = -1; }
}
console.log(JSON.stringify(out));
