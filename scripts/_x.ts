import { readLanguage } from "../src/analyse/language.ts";
const t = Deno.readTextFileSync(Deno.args[0]);
const l = readLanguage(t);
console.log(l.people.map((p) => p.name ?? p), l.organizations.slice(0,10));
