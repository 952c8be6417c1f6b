/**
 * @module
 * `deno task compile [--all | --target T] [--out DIR]`: compiles gleaner into one binary per
 * target (the UI bundle is built first by the task), named `gleaner-<version>-<target>[.exe]`,
 * and writes `SHA256SUMS` for exactly the binaries it built (not for older files in the folder).
 *
 * `deno compile` downloads its base runtime (denort) from dl.deno.land; a builder without that
 * access points `DENORT_BIN` at a local denort of the same Deno version. That one denort serves
 * one target only, the one its header names: any other target is refused.
 */
import { sha256 } from "../src/fs/sha256.ts";
import { createReadStream } from "node:fs";
import { parseArgs } from "node:util";
import { basename, join, resolve } from "node:path";
import {
  binaryName,
  compileArgs,
  hostTarget,
  REPO,
  type Target,
  TARGETS,
  VERSION,
} from "./release.ts";
import { targetOfFile } from "./denort_target.ts";

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
try {
  await checkDenort(targets);
} catch (error) {
  console.error(`gleaner: ${(error as Error).message}`);
  Deno.exit(2);
}
await Deno.mkdir(outDir, { recursive: true });
// A SHA256SUMS of an earlier build must not outlive a failed one.
await Deno.remove(join(outDir, "SHA256SUMS")).catch(() => {});

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

const built = targets.map((t) => binaryName(t)).sort();
const sums = await checksums(outDir, built);
await Deno.writeTextFile(join(outDir, "SHA256SUMS"), sums);
console.log(sums.trimEnd());
const others = [...Deno.readDirSync(outDir)].map((e) => e.name)
  .filter((n) => n !== "SHA256SUMS" && !built.includes(n));
if (others.length > 0) {
  console.error(
    `gleaner: ${outDir} also holds ${others.join(", ")}, not built now and not in SHA256SUMS`,
  );
}

/**
 * With `DENORT_BIN`, `deno compile` builds every target on that one runtime: refuse any target
 * but its own, or the binary would be named for a system it cannot run on.
 */
async function checkDenort(targets: Target[]): Promise<void> {
  const denort = Deno.env.get("DENORT_BIN");
  if (!denort) return;
  const own = await targetOfFile(denort).catch((error) => {
    throw new Error(`DENORT_BIN=${denort} cannot be read: ${error.message}`);
  });
  if (!own) {
    throw new Error(
      `DENORT_BIN=${denort} is not a denort of any release target (its header names none): ` +
        "point it at a denort of Deno 2.9.6, or unset it",
    );
  }
  const foreign = targets.filter((t) => t !== own);
  if (foreign.length > 0) {
    throw new Error(
      `DENORT_BIN=${denort} is a denort for ${own}; it cannot build ${foreign.join(", ")}. ` +
        `Build with --target ${own}, or unset DENORT_BIN where dl.deno.land is reachable`,
    );
  }
}

/** `sha256sum` format, for the named files of the folder, sorted by name. */
async function checksums(dir: string, names: string[]): Promise<string> {
  const lines = [];
  for (const name of names) {
    lines.push(`${await sha256OfFile(join(dir, name))}  ${basename(name)}\n`);
  }
  return lines.join("");
}

function sha256OfFile(path: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = sha256();
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
