import { lexiconTag } from "./src/analyse/language.ts";
for (const w of Deno.args) console.log(w, JSON.stringify(lexiconTag(w)));
