/**
 * The knowledge layer end to end: the real app runs on a small mixed corpus (gold documents of
 * every text format plus a few short notes about beekeeping that share a topic and a person),
 * and the tests read the vault it makes: deterministic and quiet on a re-run, valid
 * frontmatter, no dangling links, maps that keep the user's text and notes that are only
 * rewritten when their content changes.
 */
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { BEGIN, END } from "../src/vault/generated_part.ts";
import {
  parseFrontmatter,
  STANDARD_KEYS as STANDARD_KEY_SET,
} from "../src/markdown/frontmatter.ts";
import { sanitizeNoteName, wikilink } from "../src/markdown/note_name.ts";
import { isGenericWord } from "../src/knowledge/topic_names.ts";
import { type AppResult, ofType, runApp, withTempDir } from "./support/app.ts";
import { snapshotVault, writeText } from "./support/corpus.ts";

const GOLD = fileURLToPath(new URL("./fixtures/gold/", import.meta.url));

/** One gold document of each text format, on unrelated subjects. */
const GOLD_INPUTS = [
  "g01-hallowmere-streetlights-vote.txt",
  "g02-right-to-repair-phones.md",
  "g03-fix-a-puncture.html",
  "g04-tides-lecture.srt",
  "g08-great-stink-documentary.vtt",
  "g12-theremin-podcast.srt",
];

/** Added to a finished vault: a subject none of the other inputs is about. */
const UNRELATED = "g20-railway-time.txt";

/** Three notes about beekeeping; Dr. Maria Keller appears in two of them. */
const BEES: Record<string, string> = {
  "bees/winter.md": `# Keeping honey bee colonies alive through winter

Dr. Maria Keller, who has kept honey bees in the Black Forest for twenty years, says most \
colonies that die in winter starve rather than freeze. A strong colony clusters around the \
queen and eats its honey stores slowly. Beekeepers should leave at least eighteen kilograms of \
honey in each hive before the first frost.

Varroa mites are the other winter killer. Keller treats her hives with oxalic acid in December, \
when the colony has no brood and the mites have nowhere to hide. A colony with a heavy mite load \
in autumn rarely survives until spring.

Insulating the hive roof keeps condensation from dripping onto the cluster. Beekeepers who wrap \
their hives and reduce the entrance lose fewer colonies to cold and damp.
`,
  "bees/swarming.txt": `In May a crowded hive raises new queens, and half the colony leaves \
with the old queen to find a new home. Swarming is how honey bee colonies reproduce, but a \
beekeeper who loses a swarm loses half the bees and most of the honey harvest.

Dr. Maria Keller recommends inspecting every hive once a week from April. When the beekeeper \
finds queen cells along the bottom of the frames, the colony is preparing to swarm. Splitting \
the colony into two hives, each with its own queen, keeps the bees and the honey.

Giving the colony more room early also helps. A second brood box or an extra honey super \
relieves the crowding that triggers swarming in most hives.
`,
  "bees/harvest.md": `# Harvesting honey from the hive

Honey is ready to harvest when the bees have capped most of the comb with wax. Beekeeper Tom \
Hughes takes frames from the honey super only, never from the brood box, so the colony keeps \
the stores it needs.

Hughes uses a bee escape board the day before the harvest to clear the bees from the super. In \
the honey house he cuts the wax cappings with a warm knife and spins the frames in an \
extractor. The honey is strained twice and left to settle before it goes into jars.

A strong hive in a good summer gives twenty to thirty kilograms of honey. Leaving enough honey \
for the colony matters more than the size of the harvest, because a hive that is robbed of its \
stores will not survive the winter.
`,
};

/** A fourth beekeeping note, added to a finished vault. */
const NEW_BEE = {
  path: "bees/queens.md",
  text: `# Raising queens for a stronger apiary

A beekeeper who raises her own queens can replace a failing queen before the colony weakens. \
Anna Novak grafts young larvae into queen cups and gives them to a queenless colony, whose \
bees feed them royal jelly until the new queens emerge.

A colony with a young queen builds up faster in spring, swarms less and stores more honey in \
the hive. Novak marks each queen with a dot of paint, so that at the next inspection of the \
hive she knows whether the colony has replaced her.

Honey bee colonies headed by queens from calm, productive hives are gentler to work with, and \
the honey harvest from such colonies is larger year after year.
`,
};

const STANDARD_KEYS = [...STANDARD_KEY_SET];
const REQUIRED_KEYS = [
  "title",
  "type",
  "source",
  "tags",
  "people",
  "related",
  "source_hash",
  "source_bytes",
  "words",
];
const TYPE_OF_EXTENSION: Record<string, string> = {
  txt: "text",
  md: "markdown",
  html: "html",
  srt: "subtitles",
  vtt: "subtitles",
};
const NOTE_SECTIONS = ["Summary", "Key points", "People", "Related"];
const SPECIAL_MAPS = new Set(["Maps/People.md", "Maps/Other notes.md"]);

// ---- the corpus and runs ----

async function writeCorpus(input: string): Promise<void> {
  for (const name of GOLD_INPUTS) await addGold(input, name);
  for (const [path, text] of Object.entries(BEES)) await writeText(join(input, path), text);
}

async function addGold(input: string, name: string): Promise<void> {
  await Deno.mkdir(input, { recursive: true });
  await Deno.copyFile(join(GOLD, name), join(input, name));
}

/** Runs a batch that must succeed for every file. */
async function build(input: string, vault: string): Promise<AppResult> {
  const run = await runApp(["--batch", input, "--out", vault, "--json"]);
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(
    [...ofType(run.events, "file_failed"), ...ofType(run.events, "file_quarantined")],
    [],
  );
  assert.equal(ofType(run.events, "vault_linked").length, 1);
  return run;
}

function linked(run: AppResult) {
  return ofType(run.events, "vault_linked")[0];
}

/** Note path by input path, for the files a run turned into notes. */
function notesOf(run: AppResult): Map<string, string> {
  return new Map(ofType(run.events, "file_done").map((e) => [e.path, e.note]));
}

interface Built {
  input: string;
  vault: string;
  notes: Map<string, string>;
}

// The corpus in one vault, built once and read by several tests; removed when the module ends.
let sharedRoot: string | undefined;
let shared: Promise<Built> | undefined;
globalThis.addEventListener("unload", () => {
  if (sharedRoot) Deno.removeSync(sharedRoot, { recursive: true });
});

function sharedVault(): Promise<Built> {
  shared ??= (async () => {
    sharedRoot = await Deno.makeTempDir({ prefix: "gleaner-knowledge-" });
    const input = join(sharedRoot, "input");
    const vault = join(sharedRoot, "vault");
    await writeCorpus(input);
    return { input, vault, notes: notesOf(await build(input, vault)) };
  })();
  return shared;
}

// ---- reading the vault ----

/** Inode and mtime of every file outside the state folder: a rewrite changes the inode. */
async function fileIdentities(vault: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const rel of (await snapshotVault(vault, { maps: true })).keys()) {
    const info = await Deno.stat(join(vault, rel));
    out.set(rel, `${info.ino}@${info.mtime?.getTime()}`);
  }
  return out;
}

interface Link {
  raw: string;
  /** Vault path without ".md"; "" for the same note. */
  target: string;
  /** After "#": a heading, or "^id" for a block. */
  subpath: string;
}

/** Every wikilink (and embed) in a text, frontmatter included; escaped brackets are not links. */
function wikilinks(text: string): Link[] {
  return [...text.matchAll(/(?<!\\)\[\[([^[\]\n]+?)\]\]/g)].map((m) => {
    const inner = m[1].split(/\\?\|/)[0];
    const hash = inner.indexOf("#");
    return {
      raw: m[0],
      target: hash < 0 ? inner : inner.slice(0, hash),
      subpath: hash < 0 ? "" : inner.slice(hash + 1),
    };
  });
}

/** What is wrong with each link that does not resolve, as readable lines. */
function danglingLinks(files: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, text] of files) {
    if (!path.endsWith(".md")) continue;
    for (const link of wikilinks(text)) {
      const targetPath = link.target === "" ? path : `${link.target}.md`;
      const target = files.get(targetPath);
      if (target === undefined) {
        problems.push(`${path}: ${link.raw}: no file ${targetPath}`);
      } else if (link.subpath.startsWith("^")) {
        if (!hasBlock(target, link.subpath.slice(1))) {
          problems.push(`${path}: ${link.raw}: no block ${link.subpath} in ${targetPath}`);
        }
      } else if (link.subpath !== "" && !hasHeading(target, link.subpath)) {
        problems.push(`${path}: ${link.raw}: no heading ${link.subpath} in ${targetPath}`);
      }
    }
  }
  return problems;
}

/** A block id is a paragraph's last word: " ^id" at the end of a line the paragraph ends with. */
function hasBlock(text: string, id: string): boolean {
  if (!/^[A-Za-z0-9-]+$/.test(id)) return false;
  const lines = text.split("\n");
  const at = lines.flatMap((line, i) => (line.endsWith(` ^${id}`) ? [i] : []));
  return at.length === 1 && (at[0] === lines.length - 1 || lines[at[0] + 1].trim() === "");
}

function hasHeading(text: string, heading: string): boolean {
  return text.split("\n").some((line) =>
    /^#{1,6}\s/.test(line) && line.replace(/^#{1,6}\s+/, "").trim() === heading
  );
}

/** The text between the markers, or undefined when the file has no complete pair. */
function generatedPart(text: string): string | undefined {
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  return begin < 0 || end < begin ? undefined : text.slice(begin + BEGIN.length, end);
}

/** The text before the markers and the text after them. */
function userParts(text: string): [string, string] {
  return [text.slice(0, text.indexOf(BEGIN)), text.slice(text.indexOf(END) + END.length)];
}

/** Vault paths of the notes a map's generated part links to. */
function mapLinks(text: string): string[] {
  return wikilinks(generatedPart(text) ?? "").map((l) => `${l.target}.md`);
}

/** Topic maps: every map but People and Other notes. */
function topicMaps(files: Map<string, string>): [string, string][] {
  return [...files].filter(([path]) =>
    path.startsWith("Maps/") && path.endsWith(".md") && !SPECIAL_MAPS.has(path)
  );
}

function sourceNotes(files: Map<string, string>): [string, string][] {
  return [...files].filter(([path]) => path.startsWith("Sources/"));
}

function properties(text: string): Record<string, unknown> {
  const { data, error } = parseFrontmatter(text);
  assert.ok(data, error ?? "no frontmatter");
  return data;
}

function relatedOf(text: string): string[] {
  return properties(text).related as string[];
}

/** The lines of a list item (`- `) in a map, each as its link and its context line. */
function mapEntries(text: string): { link: string; context: string }[] {
  return (generatedPart(text) ?? "").split("\n").flatMap((line) => {
    const m = /^- (\[\[[^\]]+\]\])(?:: (.*))?$/.exec(line);
    return m ? [{ link: m[1], context: m[2] ?? "" }] : [];
  });
}

/**
 * Writes the user's own text before and after the markers of a map, keeping the generated part,
 * and returns the text now before and after them.
 */
async function writeAround(vault: string, path: string): Promise<[string, string]> {
  const text = await Deno.readTextFile(join(vault, path));
  const [before, after] = userParts(text);
  const mine: [string, string] = [
    `${before}My own introduction — with ünïcode and trailing spaces   \n\n`,
    `\n\n## My notes\n\n- Back to [[Home]].\n- A thought of mine.\n${after}\n\n`,
  ];
  const generated = text.slice(text.indexOf(BEGIN), text.indexOf(END) + END.length);
  await Deno.writeTextFile(join(vault, path), mine[0] + generated + mine[1]);
  return mine;
}

function isObsidianTag(tag: string): boolean {
  return /^[\p{L}\p{M}\p{N}_\-/]+$/u.test(tag) && !/^\d+$/.test(tag) &&
    tag.split("/").every((segment) => segment !== "");
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

// ---- the tests ----

Deno.test("the same inputs give byte-identical vaults, and a re-run writes nothing", async () => {
  const first = await sharedVault();
  const expected = await snapshotVault(first.vault, { maps: true });
  assert.ok(expected.has("Home.md") && expected.has("Maps/People.md"));
  assert.equal(sourceNotes(expected).length, GOLD_INPUTS.length + Object.keys(BEES).length);

  await withTempDir(async (root) => {
    const vault = join(root, "vault");
    await build(first.input, vault);
    assert.deepEqual(await snapshotVault(vault, { maps: true }), expected);
  });

  const identities = await fileIdentities(first.vault);
  const again = await build(first.input, first.vault);
  assert.deepEqual(ofType(again.events, "file_started"), []);
  assert.equal(linked(again).relinked, 0);
  assert.equal(linked(again).mapsWritten, 0);
  assert.deepEqual(await snapshotVault(first.vault, { maps: true }), expected);
  assert.deepEqual(await fileIdentities(first.vault), identities);
});

Deno.test("every note has valid frontmatter in the standard key order and sections in order", async () => {
  const { vault, notes } = await sharedVault();
  const files = await snapshotVault(vault);
  const noteOfPath = new Map([...notes].map(([source, note]) => [note, source]));
  for (const [path, text] of sourceNotes(files)) {
    const source = noteOfPath.get(path);
    assert.ok(source, `${path} is the note of no input`);
    const { data, body, error } = parseFrontmatter(text);
    assert.ok(data, `${path}: ${error}`);

    // YAML 1.1 readers (Obsidian's among them) must read the same values as YAML 1.2.
    const block = /^---\n([\s\S]*?)\n---\n/.exec(text)![1];
    assert.deepEqual(parse(block, { version: "1.1" }), data, `${path}: read differently by 1.1`);

    const keys = Object.keys(data);
    for (const key of REQUIRED_KEYS) assert.ok(keys.includes(key), `${path}: no ${key}`);
    const standard = keys.filter((k) => STANDARD_KEYS.includes(k));
    assert.deepEqual(standard, STANDARD_KEYS.filter((k) => keys.includes(k)), path);
    assert.deepEqual(keys.slice(0, standard.length), standard, `${path}: extra keys first`);

    assert.equal(typeof data.title, "string", path);
    if ("aliases" in data) assert.ok(isStringList(data.aliases), `${path}: aliases`);
    assert.equal(data.source, source, path);
    assert.equal(data.type, TYPE_OF_EXTENSION[source.slice(source.lastIndexOf(".") + 1)], path);
    if (data.type === "subtitles") assert.match(String(data.duration), /^\d\d:\d\d:\d\d$/, path);
    assert.ok(isStringList(data.tags) && data.tags.length > 0, `${path}: tags`);
    for (const tag of data.tags) assert.ok(isObsidianTag(tag), `${path}: bad tag "${tag}"`);
    assert.ok(isStringList(data.people), `${path}: people`);
    for (const key of ["organizations", "places"]) {
      if (key in data) assert.ok(isStringList(data[key]), `${path}: ${key}`);
    }
    assert.ok(isStringList(data.related), `${path}: related`);
    // Shown as the note's title, which its file is named after.
    for (const link of data.related) {
      const [, target, shown] = /^\[\[Sources\/([^|\]]+)\|([^|\]]+)\]\]$/.exec(link) ?? [];
      assert.ok(target && sanitizeNoteName(shown) === target, `${path}: related ${link}`);
    }
    assert.match(String(data.source_hash), /^[0-9a-f]{64}$/, path);
    assert.ok(Number.isInteger(data.source_bytes) && Number.isInteger(data.words), path);

    // The title heading, then the sections in order; the full text may bring its own headings.
    assert.ok(body.startsWith(`\n# ${String(data.title).replace(/\s+/g, " ").trim()}\n`), path);
    // Organizations and Places only when the note names any.
    const sections = NOTE_SECTIONS.flatMap((s) =>
      s !== "People"
        ? [s]
        : [s, ...(isStringList(data.organizations) ? ["Organizations"] : [])].concat(
          isStringList(data.places) ? ["Places"] : [],
        )
    );
    const headings = [...body.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    const last = data.type === "subtitles" ? "Transcript" : "Full text";
    assert.deepEqual(headings.slice(0, sections.length + 1), [...sections, last], path);

    // The Related section lists what the property lists, in the same order.
    const section = /^## Related\n\n([\s\S]*?)\n\n## /m.exec(body)![1];
    const expected = data.related.length === 0
      ? "_None._"
      : data.related.map((l) => `- ${l}`).join("\n");
    assert.equal(section, expected, `${path}: Related section`);
  }
});

Deno.test("no wikilink in the vault dangles, and maps link what the notes say", async () => {
  const { vault, notes } = await sharedVault();
  const files = await snapshotVault(vault, { maps: true });
  assert.deepEqual(danglingLinks(files), []);
  // The transcripts' key points link to their paragraphs, so block links were checked too.
  const blockLinks = sourceNotes(files).flatMap(([, text]) =>
    wikilinks(text).filter((l) => l.subpath.startsWith("^"))
  );
  assert.ok(blockLinks.length >= 4, "the transcripts have key points with times");

  // Home links every map, and the notes in no topic map; every note is reachable from it.
  const maps = [...files.keys()].filter((p) => p.startsWith("Maps/")).sort();
  const home = files.get("Home.md")!;
  const homeLinks = mapLinks(home);
  assert.deepEqual(homeLinks.filter((l) => l.startsWith("Maps/")).sort(), maps);
  const alone = homeLinks.filter((l) => l.startsWith("Sources/"));

  // At least one topic, of two notes or more, with a name that is no everyday word on its own;
  // the beekeeping notes are one topic, and every note is in a topic or listed on Home.
  const topics = topicMaps(files);
  assert.ok(topics.length >= 1, "no topic map");
  const mapped = new Set<string>();
  for (const [path, text] of topics) {
    const members = mapLinks(text);
    assert.ok(members.length >= 2, `${path}: a topic of fewer than two notes`);
    assert.ok(!isGenericWord(path.slice("Maps/".length, -".md".length)), path);
    for (const member of members) mapped.add(member);
  }
  const beeNotes = Object.keys(BEES).map((source) => notes.get(source)!);
  assert.ok(
    topics.some(([, text]) => beeNotes.every((b) => mapLinks(text).includes(b))),
    "the beekeeping notes are no topic",
  );
  for (const [path] of sourceNotes(files)) {
    assert.ok(
      mapped.has(path) !== alone.includes(path),
      `${path}: in a map and on Home, or neither`,
    );
  }

  // The beekeeping notes are related to each other.
  const bees = Object.keys(BEES).map((source) => notes.get(source)!);
  for (const note of bees) {
    const related = relatedOf(files.get(note)!);
    for (const other of bees.filter((b) => b !== note)) {
      assert.ok(related.includes(wikilink(other)), `${note} does not list ${other} as related`);
    }
  }

  // Maria Keller, in two of them, is listed once in People with both notes; and everyone in
  // People is named in the notes that the map links them to.
  const people = generatedPart(files.get("Maps/People.md")!)!;
  const keller = people.split("\n").filter((line) => line.includes("Maria Keller"));
  assert.equal(keller.length, 1, people);
  assert.deepEqual(
    wikilinks(keller[0]).map((l) => `${l.target}.md`).sort(),
    [notes.get("bees/swarming.txt")!, notes.get("bees/winter.md")!].sort(),
  );
  for (const line of people.split("\n").filter((l) => l.startsWith("- "))) {
    const name = /^- \*\*(.+?)\*\*: /.exec(line)![1].replace(/\\(.)/g, "$1");
    for (const link of wikilinks(line)) {
      const named = properties(files.get(`${link.target}.md`)!).people as string[];
      assert.ok(
        named.some((n) => n.toLowerCase() === name.toLowerCase()),
        `${link.target} does not name ${name}`,
      );
    }
  }
});

Deno.test("a map gives each note a whole first sentence of its summary as context", async () => {
  const { vault } = await sharedVault();
  const files = await snapshotVault(vault, { maps: true });
  const fragments: string[] = [];
  for (const [path, text] of [...files].filter(([p]) => p.startsWith("Maps/"))) {
    if (path === "Maps/People.md") continue;
    for (const { link, context } of mapEntries(text)) {
      // "Dr." alone is not a sentence: an abbreviation must not end the context line.
      if (context.split(/\s+/).length < 3) fragments.push(`${path}: ${link}: "${context}"`);
    }
  }
  assert.deepEqual(fragments, []);
});

Deno.test("text the user writes around a map's generated part survives every rebuild", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    const vault = join(root, "vault");
    await writeCorpus(input);
    const first = await build(input, vault);
    const beeNotes = new Set(Object.keys(BEES).map((source) => notesOf(first).get(source)!));
    const isBeeMap = ([, text]: [string, string], bees: Set<string>) => {
      const links = mapLinks(text);
      return links.length > 0 && links.every((l) => bees.has(l));
    };
    const beeMaps = topicMaps(await snapshotVault(vault, { maps: true }))
      .filter((m) => isBeeMap(m, beeNotes))
      .sort((a, b) => mapLinks(b[1]).length - mapLinks(a[1]).length || (a[0] < b[0] ? -1 : 1));
    assert.ok(beeMaps.length >= 1, "the beekeeping notes make no topic");

    // The user writes before and after the markers of Home and of the largest beekeeping map.
    const edited = beeMaps[0][0];
    const userText = new Map<string, [string, string]>();
    for (const path of ["Home.md", edited]) userText.set(path, await writeAround(vault, path));

    // A new note on the same topic: the maps are rebuilt around the user's text.
    await writeText(join(input, NEW_BEE.path), NEW_BEE.text);
    const second = await build(input, vault);
    const newNote = notesOf(second).get(NEW_BEE.path)!;
    assert.ok(newNote);
    let files = await snapshotVault(vault, { maps: true });
    for (const [path, mine] of userText) {
      assert.deepEqual(userParts(files.get(path)!), mine, `${path}: the user's text changed`);
    }
    assert.ok(mapLinks(files.get(edited)!).includes(newNote), `${edited} misses the new note`);
    assert.ok(mapLinks(files.get("Home.md")!).includes(edited));
    assert.deepEqual(danglingLinks(files), []);

    // The beekeeping inputs go: their maps go too, except one the user wrote in, which stays
    // without links: edited before the last rebuild, and again just now.
    beeNotes.add(newNote);
    const vanishing = topicMaps(files).filter((m) => isBeeMap(m, beeNotes)).map(([p]) => p);
    assert.ok(vanishing.includes(edited), vanishing.join(", "));
    userText.set(edited, await writeAround(vault, edited));
    await Deno.remove(join(input, dirname(NEW_BEE.path)), { recursive: true });
    const third = await build(input, vault);
    assert.deepEqual(
      ofType(third.events, "file_removed").map((e) => e.path).sort(),
      [...Object.keys(BEES), NEW_BEE.path].sort(),
    );
    files = await snapshotVault(vault, { maps: true });
    const userMaps = [edited];
    const notRemoved = vanishing.filter((p) => !userMaps.includes(p) && files.has(p));
    assert.deepEqual(notRemoved, [], "maps of vanished topics were not removed");
    assert.deepEqual(userParts(files.get("Home.md")!), userText.get("Home.md"));
    const homeLinks = mapLinks(files.get("Home.md")!);
    for (const path of vanishing) assert.ok(!homeLinks.includes(path), `Home links ${path}`);
    assert.deepEqual(danglingLinks(files), []);
    assert.deepEqual(
      userMaps.filter((p) => !files.has(p)),
      [],
      "maps with the user's text in them were removed",
    );
    for (const path of userMaps) {
      assert.deepEqual(userParts(files.get(path)!), userText.get(path), path);
      assert.deepEqual(mapLinks(files.get(path)!), [], `${path} still links notes`);
    }
  });
});

Deno.test("adding an unrelated input rewrites only the notes and maps whose text changes", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    const vault = join(root, "vault");
    await writeCorpus(input);
    await build(input, vault);
    const before = await snapshotVault(vault, { maps: true });
    const identitiesBefore = await fileIdentities(vault);

    await addGold(input, UNRELATED);
    const run = await build(input, vault);
    assert.deepEqual(ofType(run.events, "file_started").map((e) => e.path), [UNRELATED]);
    const newNote = notesOf(run).get(UNRELATED)!;
    const after = await snapshotVault(vault, { maps: true });
    const identities = await fileIdentities(vault);

    // Whatever kept its text kept its file.
    for (const [path, text] of before) {
      if (after.get(path) === text) {
        assert.equal(identities.get(path), identitiesBefore.get(path), `${path} was rewritten`);
      }
    }
    // A note is rewritten exactly when its related notes changed.
    let unchanged = 0;
    let relinked = 0;
    for (const [path, text] of sourceNotes(before)) {
      const same = JSON.stringify(relatedOf(text)) === JSON.stringify(relatedOf(after.get(path)!));
      if (same) {
        unchanged++;
        assert.equal(after.get(path), text, `${path} changed with the same related notes`);
      } else relinked++;
    }
    assert.ok(unchanged > 0, "every note got new related notes");
    if (relatedOf(after.get(newNote)!).length > 0) relinked++;
    assert.equal(linked(run).relinked, relinked);

    const mapPaths = new Set(
      [...before.keys(), ...after.keys()].filter((p) => p === "Home.md" || p.startsWith("Maps/")),
    );
    const mapsChanged = [...mapPaths].filter((p) => before.get(p) !== after.get(p)).length;
    assert.equal(linked(run).mapsWritten, mapsChanged);
    assert.deepEqual(danglingLinks(after), []);
  });
});

Deno.test("one more sentence in one input rewrites that note and no other", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    const vault = join(root, "vault");
    await writeCorpus(input);
    await build(input, vault);
    const before = await snapshotVault(vault);
    const identitiesBefore = await fileIdentities(vault);

    // A sentence on the note's own subject, with words the other notes use too: the vault's
    // weights move, and no other note's related notes may move with them.
    const path = join(input, "bees/swarming.txt");
    await Deno.writeTextFile(
      path,
      `${await Deno.readTextFile(path)}\nA swarm that settles on a branch near the apiary can be ` +
        "shaken into an empty hive with a frame of brood, and the colony usually stays.\n",
    );
    const run = await build(input, vault);
    assert.deepEqual(ofType(run.events, "file_started").map((e) => e.path), ["bees/swarming.txt"]);
    const edited = notesOf(run).get("bees/swarming.txt")!;
    const after = await snapshotVault(vault);
    const identities = await fileIdentities(vault);
    const rewritten = [...before.keys()].filter((p) =>
      p !== edited && identities.get(p) !== identitiesBefore.get(p)
    );
    assert.deepEqual(rewritten, []);
    assert.notEqual(after.get(edited), before.get(edited));
    assert.equal(linked(run).relinked, 0);
  });
});

Deno.test("a title made from a file name writes the person it names, who is among the note's people", async () => {
  await withTempDir(async (root) => {
    const input = join(root, "input");
    const vault = join(root, "vault");
    // As archives name addresses: year, speaker, party letter; the text never names its speaker.
    await writeText(
      join(input, "1862_abraham_lincoln_r.txt"),
      "Fellow-citizens of the Senate and House of Representatives: since your last annual " +
        "assembling another year of health and bountiful harvests has passed. The Secretary " +
        "of the Treasury reports on the public debt, and General Sherman reports on the army.",
    );
    const run = await build(input, vault);
    assert.equal(notesOf(run).get("1862_abraham_lincoln_r.txt"), "Sources/1862 Abraham Lincoln.md");
    const text = await Deno.readTextFile(join(vault, "Sources/1862 Abraham Lincoln.md"));
    const people = parseFrontmatter(text).data!.people as string[];
    assert.equal(people[0], "Abraham Lincoln");
    const index = await Deno.readTextFile(join(vault, "Maps/People.md"));
    assert.match(index, /\*\*Abraham Lincoln\*\*: \[\[Sources\/1862 Abraham Lincoln\|/u);
  });
});
