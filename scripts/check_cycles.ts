/**
 * @module
 * `deno task cycles`: the import cycles between the folders of `src/` (analyse, pipeline, vault...),
 * read from the module graph Deno itself builds (`deno info --json`), so what it checks is exactly
 * what the type checker and `deno compile` see; type-only imports count as imports. Prints each cycle with one import per step that
 * makes it, and exits 1 when there is any.
 */
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../", import.meta.url));

interface Graph {
  modules: {
    specifier: string;
    dependencies?: { code?: { specifier?: string }; type?: { specifier?: string } }[];
  }[];
}

/** `src/<folder>/...` -> folder; anything else (entries, tests, npm) is outside the check. */
function folderOf(specifier: string): string | undefined {
  if (!specifier.startsWith("file://")) return undefined;
  const path = relative(REPO, fileURLToPath(specifier));
  const m = /^src\/([^/]+)\//.exec(path);
  return m?.[1];
}

/** The graph of every module reachable from `entries`: `deno info` takes one root, so one
 * module that imports them all stands in for it. */
async function moduleGraph(entries: string[]): Promise<Graph["modules"]> {
  const root = await Deno.makeTempFile({ dir: REPO, prefix: ".cycles-", suffix: ".ts" });
  try {
    await Deno.writeTextFile(
      root,
      entries.map((e) => `import "./${e}";`).join("\n") + "\n",
    );
    const out = await new Deno.Command("deno", {
      args: ["info", "--json", root],
      cwd: REPO,
      stderr: "inherit",
    }).output();
    if (!out.success) throw new Error("deno info failed");
    return (JSON.parse(new TextDecoder().decode(out.stdout)) as Graph).modules;
  } finally {
    await Deno.remove(root);
  }
}

async function sources(dir: string): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir(`${REPO}${dir}`)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) found.push(...await sources(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith("_test.ts")) found.push(path);
  }
  return found;
}

/** Strongly connected components of more than one folder (Tarjan). */
function cycles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!idx.has(v)) visit(v);
  return found;
}

const modules = await moduleGraph(await sources("src"));
const edges = new Map<string, Set<string>>();
/** One import that makes each folder edge, to say where to look. */
const example = new Map<string, string>();
for (const m of modules) {
  const from = folderOf(m.specifier);
  if (!from) continue;
  for (const d of m.dependencies ?? []) {
    // `import type` counts too: a folder that needs another's types to compile depends on it.
    const target = d.code?.specifier ?? d.type?.specifier;
    const to = target ? folderOf(target) : undefined;
    if (!to || to === from) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from)!.add(to);
    const key = `${from} -> ${to}`;
    if (!example.has(key)) {
      example.set(
        key,
        `${relative(REPO, fileURLToPath(m.specifier))} imports ${
          relative(REPO, fileURLToPath(target!))
        }`,
      );
    }
  }
}
const found = cycles(edges);
if (found.length === 0) {
  console.log(`no import cycles between the ${edges.size} folders of src/`);
  Deno.exit(0);
}
console.log(`${found.length} import cycle(s) between folders of src/:`);
for (const component of found) {
  console.log(`- ${component.join(", ")}`);
  for (const from of component) {
    for (const to of component) {
      const key = `${from} -> ${to}`;
      if (example.has(key)) console.log(`    ${key}: ${example.get(key)}`);
    }
  }
}
Deno.exit(1);
