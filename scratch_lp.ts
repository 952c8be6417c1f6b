import { labelPhrases } from "./src/analyse/keyphrases.ts";
for (const l of Deno.args) console.log(l, JSON.stringify(labelPhrases(l)));
