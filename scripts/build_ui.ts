/**
 * @module
 * `deno task build:ui`: bundles the Preact UI (ui/main.tsx) into ui/dist/app.js with
 * `deno bundle`, and writes its stylesheet (uPlot's and ours). The server embeds both with text imports, so the app
 * needs no files beside it. Writes only when the output changed, so a rebuild does not touch a
 * fresh bundle.
 *
 * Every task that needs the bundle runs this first (`deno task app` at every start), so it
 * bundles only when the sources changed: a SHA-256 over the UI's sources, the `src/` modules it
 * imports from, the import map and lock file and this script is kept beside the bundle
 * (`ui/dist/sources.sha256`) and compared first. `--force` bundles anyway.
 */
import { fileURLToPath } from "node:url";
import chartCss from "uplot/dist/uPlot.min.css" with { type: "text" };
import { sha256 } from "../src/fs/sha256.ts";

const repo = fileURLToPath(new URL("../", import.meta.url));
const ui = fileURLToPath(new URL("../ui/", import.meta.url));
const stamp = `${ui}dist/sources.sha256`;
const sourcesHash = await hashSources();
const built = await Deno.readTextFile(stamp).catch(() => undefined);
const outputs = await Promise.all(
  ["app.js", "app.css"].map((f) => Deno.stat(`${ui}dist/${f}`).then(() => true, () => false)),
);
if (!Deno.args.includes("--force") && built?.trim() === sourcesHash && outputs.every(Boolean)) {
  Deno.exit(0);
}
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
await Deno.writeTextFile(stamp, sourcesHash + "\n");

/**
 * What the bundle is made from. The UI imports types and a few modules from `src/` (protocol,
 * progress, server), which import more, so all of `src/` counts but its tests: a change there
 * costs one needless bundle at worst, a missed one a stale UI.
 */
async function hashSources(): Promise<string> {
  const files = ["deno.json", "deno.lock", "scripts/build_ui.ts"];
  const walk = async (dir: string): Promise<void> => {
    for await (const entry of Deno.readDir(`${repo}${dir}`)) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory && path !== "ui/dist") await walk(path);
      else if (entry.isFile && !entry.name.endsWith("_test.ts")) files.push(path);
    }
  };
  await walk("ui");
  await walk("src");
  const hash = sha256();
  for (const path of files.sort()) {
    const bytes = await Deno.readFile(`${repo}${path}`).catch(() => new Uint8Array());
    hash.update(`${path}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest("hex");
}

async function replaceIfChanged(fresh: string, target: string): Promise<void> {
  const [a, b] = await Promise.all([
    Deno.readFile(fresh),
    Deno.readFile(target).catch(() => undefined),
  ]);
  if (b && a.length === b.length && a.every((x, i) => x === b[i])) await Deno.remove(fresh);
  else await Deno.rename(fresh, target);
}
