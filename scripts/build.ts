/**
 * @module
 * `deno task compile [--all | --target T] [--out DIR]`: compiles gleaner into one binary per
 * target (the UI bundle is built first by the task), named `gleaner-<version>-<target>[.exe]`,
 * and writes `SHA256SUMS` for every binary of this version in the output folder.
 *
 * `deno compile` downloads its base runtime (denort) from dl.deno.land; a builder without that
 * access points `DENORT_BIN` at a local denort of the same Deno version.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { parseArgs } from "node:util";
import { basename, join, resolve } from "node:path";
import { compileArgs, hostTarget, REPO, type Target, TARGETS, VERSION } from "./release.ts";

const { values: flags } = parseArgs({
  args: Deno.args,
  options: {
    all: { type: "boolean", default: false },
    target: { type: "string", multiple: true },
    out: { type: "string", default: join(REPO, "dist") },
  },
});

const targets: Target[] = flags.all ? [...TARGETS] : (flags.target?.map(known) ?? [hostTarget()]);
const outDir = resolve(flags.out);
await Deno.mkdir(outDir, { recursive: true });

for (const target of targets) {
  console.error(`gleaner ${VERSION}: compiling for ${target}`);
  const { success } = await new Deno.Command("deno", {
    args: compileArgs(target, outDir),
    cwd: REPO,
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (!success) {
    console.error(
      `gleaner: compiling for ${target} failed. If deno could not download its base runtime, ` +
        "set DENORT_BIN to a local denort of the same Deno version.",
    );
    Deno.exit(1);
  }
}

const sums = await checksums(outDir);
await Deno.writeTextFile(join(outDir, "SHA256SUMS"), sums);
console.log(sums.trimEnd());

/** `sha256sum` format, for every binary of this version in the folder, sorted by name. */
async function checksums(dir: string): Promise<string> {
  const prefix = `gleaner-${VERSION}-`;
  const names = [...Deno.readDirSync(dir)]
    .filter((e) => e.isFile && e.name.startsWith(prefix))
    .map((e) => e.name)
    .sort();
  const lines = [];
  for (const name of names) lines.push(`${await sha256(join(dir, name))}  ${basename(name)}\n`);
  return lines.join("");
}

function sha256(path: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", fail)
      .on("end", () => done(hash.digest("hex")));
  });
}

function known(target: string): Target {
  if ((TARGETS as readonly string[]).includes(target)) return target as Target;
  throw new Error(`unknown target ${target}; one of: ${TARGETS.join(", ")}`);
}
