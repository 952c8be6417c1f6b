import { extractHtml } from "./src/pipeline/html.ts";
const r = extractHtml(Deno.readFileSync(Deno.args[0]), Deno.args[0].split("/").pop()!);
console.log(r.body);
