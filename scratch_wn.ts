import { writtenNames } from "./src/analyse/written_names.ts";
console.log(JSON.stringify(writtenNames(Deno.args[0])));
