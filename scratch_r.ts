import { englishRank } from "./src/analyse/commonness.ts";
for (const w of Deno.args) console.log(w, englishRank(w));
