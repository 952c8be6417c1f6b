import { readLanguage, isFirstName, lexiconTag } from "./src/analyse/language.ts";
const t = Deno.args[0];
const l = readLanguage(t) as any;
console.log(JSON.stringify({people: l.people, orgs: l.organizations, places: l.places}, null, 0));
for (const w of Deno.args.slice(1)) console.log(w, isFirstName(w), lexiconTag(w.toLowerCase()));
