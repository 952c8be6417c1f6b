import { definesSubject, statesPurpose, titleWords } from "./src/analyse/sentences.ts";
const [t, s] = Deno.args;
console.log([...titleWords(t)], definesSubject(s, titleWords(t)), statesPurpose(s));
