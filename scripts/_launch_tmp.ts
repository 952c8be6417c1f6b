import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { appCommand } from "../tests/support/app.ts";
const [input, vault] = Deno.args;
const started = performance.now();
const child = appCommand(["--batch", input, "--out", vault, "--json"], { stderr: "piped" }).spawn();
const lines = createInterface({ input: Readable.fromWeb(child.stdout as any) });
const seen = new Set<string>();
for await (const line of lines) {
  const type = JSON.parse(line).type;
  if (!seen.has(type)) { seen.add(type); console.log((performance.now() - started).toFixed(0), type); }
  if (type === "file_done") { child.kill("SIGINT"); break; }
}
lines.close();
await child.status;
