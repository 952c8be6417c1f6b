/**
 * @module
 * `deno task build:ui`: bundles the Preact UI (ui/main.tsx) into ui/dist/app.js with
 * `deno bundle`, and writes its stylesheet (uPlot's and ours). The server embeds both with text imports, so the app
 * needs no files beside it. Writes only when the output changed, so a rebuild does not touch a
 * fresh bundle.
 */
import { fileURLToPath } from "node:url";
import chartCss from "uplot/dist/uPlot.min.css" with { type: "text" };

const ui = fileURLToPath(new URL("../ui/", import.meta.url));
await Deno.mkdir(`${ui}dist`, { recursive: true });
const out = await new Deno.Command("deno", {
  args: [
    "bundle",
    "--quiet",
    "--minify",
    "--platform",
    "browser",
    "-o",
    `${ui}dist/app.new.js`,
    `${ui}main.tsx`,
  ],
  stdout: "inherit",
  stderr: "inherit",
}).output();
if (!out.success) Deno.exit(1);
await replaceIfChanged(`${ui}dist/app.new.js`, `${ui}dist/app.js`);
// One stylesheet: the chart library's, then ours.
const css = chartCss + "\n" + await Deno.readTextFile(`${ui}styles.css`);
await Deno.writeTextFile(`${ui}dist/app.new.css`, css);
await replaceIfChanged(`${ui}dist/app.new.css`, `${ui}dist/app.css`);

async function replaceIfChanged(fresh: string, target: string): Promise<void> {
  const [a, b] = await Promise.all([
    Deno.readFile(fresh),
    Deno.readFile(target).catch(() => undefined),
  ]);
  if (b && a.length === b.length && a.every((x, i) => x === b[i])) await Deno.remove(fresh);
  else await Deno.rename(fresh, target);
}
