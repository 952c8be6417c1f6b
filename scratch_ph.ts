import { readLanguage } from "./src/analyse/language.ts";
const l = readLanguage(Deno.args[0]) as any;
console.log(JSON.stringify(l.phrases.map((p: any) => [p.text, p.words])));
