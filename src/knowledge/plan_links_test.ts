import assert from "node:assert/strict";
import { type LinkSource, planLinks } from "./plan_links.ts";

const SUBJECTS: Record<string, string[]> = {
  bees: ["hive", "queen", "honey", "swarm", "varroa", "brood"],
  rail: ["locomot", "track", "signal", "timet", "station", "gaug"],
};

/** Notes on two subjects, each in its folder, and one on a subject of its own. */
function notes(): LinkSource[] {
  const out: LinkSource[] = [];
  let fileId = 1;
  for (const [subject, stems] of Object.entries(SUBJECTS)) {
    for (let n = 0; n < 4; n++) {
      out.push({
        fileId: fileId++,
        path: `Sources/${subject} ${n}.md`,
        title: `${subject} ${n}`,
        source: `${subject}/${n}.txt`,
        terms: stems.filter((_, k) => (n + k) % 3 !== 0).map((t, k) => [t, 1 + ((n + k) % 3)]),
        keyphrases: [subject === "bees" ? "honey bees" : "steam locomotives"],
        tags: [],
        people: [],
        names: [],
        summary: [`So this note is number ${n} about ${subject} and what people do with them.`],
        keyPoints: [],
      });
    }
  }
  out.push({
    fileId: fileId++,
    path: "Sources/Stars.md",
    title: "Stars",
    source: "stars.txt",
    terms: [["quasar", 2], ["pulsar", 1]],
    keyphrases: ["radio astronomy"],
    tags: [],
    people: [],
    names: [],
    summary: ["Quasars are the bright cores of distant galaxies."],
    keyPoints: [],
  });
  return out;
}

Deno.test("planLinks() gives the same links and maps whatever the order of the notes", () => {
  const one = planLinks(notes());
  const other = planLinks([...notes()].reverse());
  assert.deepEqual(other.maps, one.maps);
  assert.deepEqual([...other.related].sort((a, b) => a[0] - b[0]), [...one.related]);
});

Deno.test("planLinks() makes a map per folder of related notes and lists the lone note on Home", () => {
  const { maps } = planLinks(notes());
  assert.deepEqual(maps.map((m) => m.path), ["Home.md", "Maps/Bees.md", "Maps/Rail.md"]);
  assert.match(
    maps[0].generated,
    /## Notes on subjects of their own\n\n- \[\[Sources\/Stars\|Stars\]\]/,
  );
  // The spoken opener of each summary's sentence is trimmed.
  assert.match(maps[1].generated, /- \[\[Sources\/bees 0\|bees 0\]\]: This note is number 0/);
});

Deno.test("planLinks() makes no map of a folder for what has no folder", () => {
  const inMisc = notes().map((n) =>
    n.source.startsWith("rail/") ? n : { ...n, source: `Misc/${n.source}` }
  );
  const { maps } = planLinks(inMisc);
  assert.deepEqual(maps.map((m) => m.path), ["Home.md", "Maps/Honey bees.md", "Maps/Rail.md"]);
  assert.doesNotMatch(maps[1].generated, /folder/);
  assert.match(
    maps[0].generated,
    /## Notes on subjects of their own\n\n- \[\[Sources\/Stars\|Stars\]\]/,
  );
});

Deno.test("planLinks() keeps an unchanged note's related notes when only other notes changed", () => {
  const before = notes();
  const first = planLinks(before);
  const pathOf = new Map(before.map((n) => [n.fileId, n.path]));
  // Every list made up, to see which ones planLinks keeps.
  const previous = new Map(
    before.map((n) => [n.path, [...(first.related.get(n.fileId) ?? [])].reverse()]),
  );
  const changed = before.map((n) =>
    n.path === "Sources/Stars.md"
      ? { ...n, terms: [...n.terms, ["nebula", 1]] as [string, number][] }
      : n
  );
  const plan = planLinks(changed, { related: previous, changed: new Set(["Sources/Stars.md"]) });
  for (const [id, list] of plan.related) {
    if (pathOf.get(id) === "Sources/Stars.md") continue;
    assert.deepEqual(list, previous.get(pathOf.get(id)!), pathOf.get(id)!);
  }
});

Deno.test("planLinks() relates the notes of inputs one links to, both ways", () => {
  const all = notes();
  const bees = all.find((n) => n.source === "bees/0.txt")!;
  const rail = all.find((n) => n.source === "rail/0.txt")!;
  // One stem in common: too little to relate them by their words alone.
  bees.terms = [...bees.terms, ["station", 1]];
  assert.ok(!planLinks(all).related.get(bees.fileId)!.includes(rail.path));
  bees.linksTo = ["rail/0.txt", "gone.txt"];
  const plan = planLinks(all);
  assert.ok(plan.related.get(bees.fileId)!.includes(rail.path));
  assert.ok(plan.related.get(rail.fileId)!.includes(bees.path));
});

Deno.test("planLinks() lets the first of inputs that read the same stand for the others", () => {
  // mdBook's index.html and the first chapter's page: other bytes (the menus), the same text.
  const all = notes().map((n) => ({ ...n, sourceHash: `hash of ${n.source}` }));
  const first = all.find((n) => n.source === "bees/1.txt")!;
  const copy = {
    ...first,
    fileId: 99,
    path: "Sources/bees 1 (2).md",
    sourceHash: "other bytes",
    title: "hives – bees 1",
  };
  const plan = planLinks([...all, copy]);
  assert.deepEqual(plan.maps, planLinks(all).maps);
  assert.deepEqual(plan.related.get(copy.fileId), [first.path]);
  // Another text under the same title, the same text under another title (stubs of one form),
  // or two notes with nothing read, are notes of their own.
  const retold = { ...copy, keyPoints: ["Drones do not sting."] };
  assert.ok(JSON.stringify(planLinks([...all, retold]).maps).includes("bees 1 (2)"));
  const stub = { ...copy, title: "wasps 1" };
  assert.ok(JSON.stringify(planLinks([...all, stub]).maps).includes("bees 1 (2)"));
  const empty = { ...first, summary: [], terms: [] };
  const alsoEmpty = { ...copy, summary: [], terms: [] };
  const others = all.filter((n) => n !== first);
  const apart = planLinks([...others, empty, alsoEmpty]);
  assert.notDeepEqual(apart.related.get(alsoEmpty.fileId), [empty.path]);
});

Deno.test("planLinks() lets the first of byte-identical inputs stand for its copies", () => {
  const all = notes().map((n) => ({ ...n, sourceHash: `hash of ${n.source}` }));
  const first = all.find((n) => n.source === "bees/1.txt")!;
  // One stem in common with rail/0.txt: related only when a text links the two.
  first.terms = [...first.terms, ["station", 1]];
  const copy = {
    ...first,
    fileId: 99,
    path: "Sources/bees 1 (2).md",
    source: "more/bees-1.txt",
    linksTo: ["rail/0.txt"],
  };
  const plan = planLinks([...all, copy]);
  // The copy changes no map, nor People; the two list each other.
  assert.deepEqual(plan.maps, planLinks(all).maps);
  assert.deepEqual(plan.related.get(copy.fileId), [first.path]);
  assert.equal(plan.related.get(first.fileId)![0], copy.path);
  // A link from the copy counts as the first's.
  const rail = all.find((n) => n.source === "rail/0.txt")!;
  assert.ok(plan.related.get(rail.fileId)!.includes(first.path));
  assert.ok(!plan.related.get(rail.fileId)!.includes(copy.path));
});
