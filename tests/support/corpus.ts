/**
 * @module
 * Generated test inputs: deterministic text and Markdown files in nested folders, with some
 * titles that collide so note naming is exercised.
 */
import { dirname, join } from "node:path";

const WORDS = ("archive batch checkpoint durable episode folder gleaner heartbeat index journal " +
  "knowledge ledger memory note outline podcast quarantine resume sandbox transcript vault " +
  "worker").split(" ");

/** Writes `count` files under `dir` and returns their relative paths. */
export async function makeCorpus(dir: string, count: number): Promise<string[]> {
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const folder = `part-${String(i % 5)}`;
    const markdown = i % 3 === 0;
    const name = `doc-${String(i).padStart(4, "0")}.${markdown ? "md" : "txt"}`;
    const rel = `${folder}/${name}`;
    // Every seventh Markdown file shares one title, so names must be disambiguated.
    const title = i % 7 === 0 ? "Shared title" : `Document ${i}`;
    const words = Array.from(
      { length: 40 + (i % 13) * 7 },
      (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length],
    );
    const text = markdown ? `# ${title}\n\n${words.join(" ")}.\n` : `${words.join(" ")}.\n`;
    await writeText(join(dir, rel), text);
    paths.push(rel);
  }
  return paths;
}

export async function writeText(path: string, text: string | Uint8Array): Promise<void> {
  await Deno.mkdir(dirname(path), { recursive: true });
  if (typeof text === "string") await Deno.writeTextFile(path, text);
  else await Deno.writeFile(path, text);
}

/** Every file under `dir` (except the state folder) with its bytes, for byte-identical checks. */
export async function snapshotVault(
  dir: string,
  { maps = false }: { maps?: boolean } = {},
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (sub: string) => {
    for await (const e of Deno.readDir(join(dir, sub))) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (rel === ".gleaner") continue;
      // The source notes only, unless asked: Home.md and Maps/ change with every note added.
      if (!maps && sub === "" && rel !== "Sources") continue;
      if (e.isDirectory) await walk(rel);
      else files.set(rel, await Deno.readTextFile(join(dir, rel)));
    }
  };
  await walk("");
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}
