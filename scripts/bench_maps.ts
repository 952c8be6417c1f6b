/**
 * @module
 * The maps and related-notes figures of `deno task bench` (`--only maps`), on a vault the real
 * app builds from a mixed folder tree of documentation Debian packages install (Python HOWTOs,
 * Git howtos and design notes, SQLite pages, Graphviz guides as PDF, systemd and zstd Markdown,
 * Debian's policy texts), each set in its own folder as a user would keep them:
 *
 *   - topic maps: how many, the share named by a single generic English word, the share of notes
 *     in no topic map, and how well maps follow the folders (purity: the share of a map's notes
 *     from its main folder; completeness: the share of a folder's notes in its main map)
 *   - map lines: the share opening with spoken filler and the share that are cut short
 *   - related notes: notes with none, and how many stay within their folder
 *   - ripple: notes rewritten when one input gains one sentence (target 0 besides that input)
 *
 * Standalone: `deno run -A scripts/bench_maps.ts [--keep DIR]` prints the figures and, with
 * `--keep`, leaves the input tree and vault in DIR to be read.
 */
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { englishRank, GENERIC_RANK } from "../src/analyse/commonness.ts";
import { parseFrontmatter } from "../src/markdown/frontmatter.ts";
import { BEGIN, END } from "../src/vault/generated_part.ts";
import { ofType, runApp } from "../tests/support/app.ts";
import { snapshotVault } from "../tests/support/corpus.ts";

export type Report = (name: string, value: string, target: string) => void;

const PY = "/usr/share/doc/python3.11/html/howto";
const GIT = "/usr/share/doc/git-doc";
const SQLITE = "/usr/share/doc/sqlite3";
const GRAPHVIZ = "/usr/share/doc/graphviz/pdf";

/** Vault folder -> installed files (".gz" ones are decompressed). None is a gold set's held-out
 * document (tests/gold_debian_test.ts checks): tuning against these figures would show the
 * analysis of what the held-out part must keep unseen. */
export const TREE: Record<string, string[]> = {
  "python-howto": [
    "annotations",
    "argparse",
    "descriptor",
    "enum",
    "functional",
    "ipaddress",
    "instrumentation",
    "sockets",
    "sorting",
    "unicode",
    "urllib2",
    "curses",
  ].map((n) => `${PY}/${n}.html`),
  "git/howto": [
    "revert-a-faulty-merge",
    "revert-branch-rebase",
    "separating-topic-branches",
    "rebase-from-internal-branch",
    "recover-corrupted-blob-object",
    "recover-corrupted-object-harder",
    "use-git-daemon",
    "setup-git-server-over-http",
    "using-merge-subtree",
    "update-hook-example",
    "keep-canonical-history-correct",
  ].map((n) => `${GIT}/howto/${n}.txt`),
  "git/technical": [
    "pack-heuristics",
    "multi-pack-index",
    "partial-clone",
    "bitmap-format",
    "commit-graph",
    "api-parse-options",
  ].map((n) => `${GIT}/technical/${n}.txt`),
  "sqlite": [
    "whentouse",
    "np1queryprob",
    "lang_transaction",
    "isolation",
    "appfileformat",
    "lockingv3",
    "wal",
    "atomiccommit",
    "tempfiles",
    "queryplanner",
    "foreignkeys",
    "datatype3",
  ].map((n) => `${SQLITE}/${n}.html`),
  "graphviz": ["leftyguide", "libguide", "dottyguide"].map((n) => `${GRAPHVIZ}/${n}.pdf.gz`),
  "debian": ["bug-reporting.txt.gz", "constitution.txt.gz"].map((n) =>
    `/usr/share/doc/debian/${n}`
  ),
  "systemd": ["UIDS-GIDS.md.gz", "ENVIRONMENT.md.gz", "CODING_STYLE.md.gz", "HACKING.md.gz"]
    .map((n) => `/usr/share/doc/systemd/${n}`),
  "zstd": ["README.md.gz", "CONTRIBUTING.md.gz"].map((n) => `/usr/share/doc/zstd/${n}`),
};

/** Inputs that each gain one sentence for the ripple figure, one rebuild after another. */
const EDITS: [string, string][] = [
  ["git/howto/revert-a-faulty-merge.txt", "Reverting a merge is rarely the end of the story."],
  ["zstd/CONTRIBUTING.md", "Every pull request runs the fuzzing and benchmark suites first."],
  ["systemd/HACKING.md", "Run the test suite under valgrind before sending a patch."],
  ["debian/constitution.txt", "The Debian Project keeps this constitution in every release."],
];

/** Openers that mark a map line as spoken filler or a sentence leaning on the one before. */
const FILLER = /^(?:so|and|but|i|then|well|now|okay|ok|yeah|um|uh|also|or)\b/i;

export async function mapsQuality(report: Report, root: string): Promise<void> {
  const input = join(root, "maps-input");
  const vault = join(root, "maps-vault");
  const written = await writeTree(input, true);
  if (written === 0) {
    report("maps", "skipped: none of the Debian documentation sets is installed", "");
    return;
  }
  const first = await build(input, vault);
  const files = await snapshotVault(vault, { maps: true });
  // Figures compare against the documentation sets: "git/howto" and "git/technical" are Git's.
  const folderOf = new Map(
    ofType(first.events, "file_done").map((e) => [e.note, e.path.split("/")[0]]),
  );
  reportFigures(report, "folders", readVault(files, folderOf));

  // The same documents side by side in one folder: do the maps still follow the subjects?
  const flatInput = join(root, "maps-flat-input");
  const flatVault = join(root, "maps-flat-vault");
  await writeTree(flatInput, false);
  const flat = await build(flatInput, flatVault);
  const setOf = new Map(
    Object.entries(TREE).flatMap(([folder, paths]) =>
      paths.map((p) => [baseName(p), folder.split("/")[0]])
    ),
  );
  const flatFolderOf = new Map(
    ofType(flat.events, "file_done").map((e) => [e.note, setOf.get(e.path) ?? ""]),
  );
  reportFigures(
    report,
    "one folder",
    readVault(await snapshotVault(flatVault, { maps: true }), flatFolderOf),
  );

  // One sentence more in one input, four times: how many other notes are written again.
  let rewrittenTotal = 0;
  let byEdited = 0;
  let mapsTotal = 0;
  const rewrittenNames: string[] = [];
  for (const [edited, sentence] of EDITS) {
    const path = join(input, edited);
    const before = await snapshotVault(vault, { maps: true });
    try {
      await Deno.writeTextFile(path, `${await Deno.readTextFile(path)}\n${sentence}\n`);
    } catch {
      continue;
    }
    const run = await build(input, vault);
    const editedNote = ofType(run.events, "file_done").find((e) => e.path === edited)?.note;
    const after = await snapshotVault(vault, { maps: true });
    const rewritten = [...before].filter(([p, text]) =>
      p.startsWith("Sources/") && p !== editedNote && after.get(p) !== text
    ).map(([p]) => p);
    // A note whose list gained or lost the edited note changed because of it; any other
    // rewrite is a ripple through the vault's weights.
    const link = editedNote ? `[[${editedNote.slice(0, -3)}|` : "";
    const lists = (text: string | undefined) =>
      ((parseFrontmatter(text ?? "").data?.related ?? []) as string[]).join("\n");
    for (const p of rewritten) {
      const entered = lists(before.get(p)).includes(link) !== lists(after.get(p)).includes(link);
      if (entered) byEdited++;
      else {
        rewrittenTotal++;
        rewrittenNames.push(p);
      }
    }
    mapsTotal += [...new Set([...before.keys(), ...after.keys()])]
      .filter((p) => !p.startsWith("Sources/") && before.get(p) !== after.get(p)).length;
  }
  report(
    `ripple: other notes rewritten when one input gains a sentence (${EDITS.length} edits)`,
    `${rewrittenTotal}${rewrittenNames.length ? ` (${rewrittenNames.join(", ")})` : ""}`,
    "0",
  );
  report(
    "ripple: notes rewritten because the edited note entered or left their list; maps written",
    `${byEdited}; ${mapsTotal}`,
    "",
  );
}

function reportFigures(report: Report, layout: string, figures: Figures): void {
  report(`maps, ${layout}: notes / topic maps`, `${figures.notes} / ${figures.maps}`, "");
  report(
    `maps, ${layout}: named by a single generic English word`,
    `${pct(figures.genericNames, figures.maps)} (${figures.genericList.join(", ") || "none"})`,
    "0%",
  );
  report(`maps, ${layout}: notes in no topic map`, pct(figures.unmapped, figures.notes), "");
  report(
    `maps, ${layout}: purity / completeness against the document sets`,
    `${figures.purity.toFixed(2)} / ${figures.completeness.toFixed(2)}`,
    "",
  );
  report(
    `maps, ${layout}: lines opening with filler / cut short`,
    `${pct(figures.fillerLines, figures.lines)} / ${pct(figures.cutLines, figures.lines)}`,
    "0% / 0%",
  );
  report(
    `related, ${layout}: notes with none / links within the note's set`,
    `${pct(figures.noRelated, figures.notes)} / ${
      pct(figures.relatedInFolder, figures.relatedLinks)
    }`,
    "",
  );
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1).replace(/\.gz$/, "");
}

/** Writes the documents into `input`, each set in its folder or (`folders` false) all in one. */
async function writeTree(input: string, folders: boolean): Promise<number> {
  let written = 0;
  for (const [folder, paths] of Object.entries(TREE)) {
    for (const path of paths) {
      let bytes: Uint8Array;
      try {
        bytes = await Deno.readFile(path);
      } catch {
        continue;
      }
      if (path.endsWith(".gz")) bytes = gunzipSync(bytes);
      const dir = folders ? join(input, folder) : input;
      await Deno.mkdir(dir, { recursive: true });
      await Deno.writeFile(join(dir, baseName(path)), bytes);
      written++;
    }
  }
  return written;
}

async function build(input: string, vault: string) {
  const run = await runApp(["--batch", input, "--out", vault, "--json"]);
  if (run.code !== 0) throw new Error(`bench maps: the batch failed: ${run.stderr.slice(-2000)}`);
  return run;
}

interface Figures {
  notes: number;
  maps: number;
  genericNames: number;
  genericList: string[];
  unmapped: number;
  purity: number;
  completeness: number;
  lines: number;
  fillerLines: number;
  cutLines: number;
  noRelated: number;
  relatedLinks: number;
  relatedInFolder: number;
}

/** The figures of one vault; `folderOf` gives each note's input folder. */
export function readVault(files: Map<string, string>, folderOf: Map<string, string>): Figures {
  const notes = [...files.keys()].filter((p) => p.startsWith("Sources/"));
  const special = new Set(["Maps/People.md", "Maps/Other notes.md"]);
  const maps = [...files].filter(([p]) =>
    p.startsWith("Maps/") && !special.has(p) && generated(files.get(p)!).includes("[[")
  );
  const genericList = maps.map(([p]) => p.slice(5, -3)).filter((name) => {
    const words = name.replace(/\s*\(\d+\)$/, "").toLowerCase().split(/[\s-]+/);
    return words.length === 1 && englishRank(words[0]) <= GENERIC_RANK;
  });
  const members = maps.map(([, text]) => links(generated(text)));
  const mapped = new Set(members.flat());
  let lines = 0, fillerLines = 0, cutLines = 0;
  for (const [, text] of maps) {
    for (const line of generated(text).split("\n")) {
      const m = /^- \[\[[^\]]+\]\]: (.*)$/.exec(line);
      if (!m) continue;
      lines++;
      if (FILLER.test(m[1])) fillerLines++;
      if (/…$/.test(m[1]) || !/[.!?]["”’)]?$/.test(m[1])) cutLines++;
    }
  }
  // Purity: each map's notes from its main folder; completeness: each folder's notes in its
  // main map (notes in no map count against it).
  let pure = 0, assigned = 0;
  for (const list of members) {
    const counts = countBy(list.map((n) => folderOf.get(n) ?? ""));
    pure += Math.max(0, ...counts.values());
    assigned += list.length;
  }
  const byFolder = new Map<string, string[]>();
  for (const n of notes) {
    const folder = folderOf.get(n) ?? "";
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), n]);
  }
  let complete = 0;
  for (const list of byFolder.values()) {
    complete += Math.max(0, ...members.map((m) => list.filter((n) => m.includes(n)).length));
  }
  let noRelated = 0, relatedLinks = 0, relatedInFolder = 0;
  for (const n of notes) {
    const related = (parseFrontmatter(files.get(n)!).data?.related ?? []) as string[];
    if (related.length === 0) noRelated++;
    for (const link of related) {
      relatedLinks++;
      const target = `${/^\[\[([^|\]]+)/.exec(link)![1]}.md`;
      if (folderOf.get(target) === folderOf.get(n)) relatedInFolder++;
    }
  }
  return {
    notes: notes.length,
    maps: maps.length,
    genericNames: genericList.length,
    genericList,
    unmapped: notes.filter((n) => !mapped.has(n)).length,
    purity: assigned ? pure / assigned : 0,
    completeness: notes.length ? complete / notes.length : 0,
    lines,
    fillerLines,
    cutLines,
    noRelated,
    relatedLinks,
    relatedInFolder,
  };
}

function generated(text: string): string {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  return start < 0 || end < 0 ? "" : text.slice(start + BEGIN.length, end);
}

function links(text: string): string[] {
  return [...text.matchAll(/\[\[([^|\]#]+)/g)].map((m) => `${m[1]}.md`)
    .filter((p) => p.startsWith("Sources/"));
}

function countBy(values: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}

function pct(part: number, whole: number): string {
  return whole === 0 ? "n/a" : `${Math.round((100 * part) / whole)}% (${part}/${whole})`;
}

if (import.meta.main) {
  const { values } = parseArgs({ args: Deno.args, options: { keep: { type: "string" } } });
  const root = values.keep ?? await Deno.makeTempDir({ prefix: "gleaner-bench-maps-" });
  await Deno.mkdir(root, { recursive: true });
  try {
    await mapsQuality((name, value, target) => {
      console.log(`${name}: ${value}${target ? `   [target ${target}]` : ""}`);
    }, root);
  } finally {
    if (!values.keep) await Deno.remove(root, { recursive: true });
  }
}
