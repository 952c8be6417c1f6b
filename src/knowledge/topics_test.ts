import assert from "node:assert/strict";
import { type NoteFeatures, similarityGraph } from "./similarity.ts";
import { clusterTopics, joinRelated, relatedParts, type Topic, topicLimit } from "./topics.ts";

const STEMS: Record<string, string[]> = {
  bees: ["hive", "queen", "honey", "swarm", "varroa", "brood", "comb", "apiari"],
  rail: ["locomot", "track", "signal", "timet", "station", "gaug", "carriag", "viaduct"],
  bread: ["flour", "dough", "yeast", "oven", "crust", "sourdough", "knead", "loaf"],
  tea: ["leaf", "steep", "oolong", "kettl", "infus", "teapot", "matcha", "tannin"],
};
/** The subjects of {@link vault}; tea is for notes a test adds. */
const SUBJECTS = ["bees", "rail", "bread"];

/** A note on `subject`: most of its stems, counted by a fixed rule. */
function note(key: string, subject: string, n: number): NoteFeatures {
  const stems = STEMS[subject].filter((_, k) => (n + k) % 4 !== 0);
  return {
    key,
    terms: stems.map((t, k) => [t, 1 + ((n * 3 + k) % 4)] as [string, number]),
    keyphrases: [],
  };
}

function vault(): NoteFeatures[] {
  const notes: NoteFeatures[] = [];
  for (const subject of SUBJECTS) {
    for (let n = 0; n < 5; n++) notes.push(note(`${subject}/${n}.md`, subject, n));
  }
  return notes;
}

/** As the app has them: a note at the top is in no folder. */
const topFolder = (key: string) => key.includes("/") ? key.split("/")[0] : "";
const noFolders = () => "";

Deno.test("topicLimit() allows 8 topics for a small vault, growing to 60", () => {
  assert.equal(topicLimit(0), 8);
  assert.equal(topicLimit(100), 20);
  assert.equal(topicLimit(100_000), 60);
});

Deno.test("clusterTopics() finds no topics among no notes", () => {
  assert.deepEqual(clusterTopics(similarityGraph([]), noFolders), { topics: [], alone: [] });
});

Deno.test("clusterTopics() groups notes by what they are about, without folders", () => {
  const { topics, alone } = clusterTopics(similarityGraph(vault()), noFolders);
  assert.deepEqual(alone, []);
  assert.deepEqual(
    topics.map((t) => t.members.map(topFolder)),
    [Array(5).fill("bees"), Array(5).fill("bread"), Array(5).fill("rail")],
  );
  assert.ok(topics.every((t) => t.folder === ""));
});

Deno.test("clusterTopics() gives the same topics for the notes in any order", () => {
  const notes = vault();
  const one = clusterTopics(similarityGraph(notes), topFolder);
  const shuffled = [...notes].sort((
    a,
    b,
  ) => (a.key.split("").reverse() < b.key.split("").reverse() ? -1 : 1));
  assert.deepEqual(clusterTopics(similarityGraph(shuffled), topFolder), one);
  assert.deepEqual(clusterTopics(similarityGraph([...notes].reverse()), topFolder), one);
});

Deno.test("clusterTopics() takes a folder whose notes belong together as a topic of its own", () => {
  // A course folder: three lectures that share little vocabulary with each other, each a bit
  // like one of the subjects, belong together because the user keeps them together.
  const notes = vault();
  notes.push(
    { ...note("course/l1.md", "bees", 1), terms: [["hive", 3], ["queen", 2], ["lectur", 1]] },
    { ...note("course/l2.md", "rail", 2), terms: [["track", 3], ["signal", 2], ["lectur", 1]] },
    { ...note("course/l3.md", "bread", 3), terms: [["oven", 3], ["flour", 2], ["lectur", 1]] },
  );
  const { topics } = clusterTopics(similarityGraph(notes), topFolder);
  const course = topics.find((t) => t.members.some((m) => m.startsWith("course/")))!;
  assert.deepEqual(course.members, ["course/l1.md", "course/l2.md", "course/l3.md"]);
  assert.equal(course.folder, "course");
  // Without the folder hint, the lectures go with their subjects or stay alone.
  const flat = clusterTopics(similarityGraph(notes), noFolders);
  assert.ok(
    !flat.topics.some((t) => t.members.filter((m) => m.startsWith("course/")).length === 3),
  );
});

Deno.test("clusterTopics() names a topic's folder when it spans one parent's subfolders", () => {
  const notes = vault().map((n) => ({ ...n, key: n.key.replace(/^rail\/([0-2])/, "rail/old/$1") }));
  const { topics } = clusterTopics(
    similarityGraph(notes),
    (key) => key.slice(0, key.lastIndexOf("/")),
  );
  const rail = topics.find((t) => t.members.some((m) => m.startsWith("rail/")))!;
  assert.equal(rail.folder, "rail");
});

Deno.test("clusterTopics() leaves a note on a subject of its own out of every topic", () => {
  const notes = vault();
  notes.push({ key: "stars.md", terms: [["quasar", 3], ["pulsar", 1]], keyphrases: [] });
  const { topics, alone } = clusterTopics(similarityGraph(notes), noFolders);
  assert.deepEqual(alone, ["stars.md"]);
  assert.equal(topics.length, 3);
});

Deno.test("clusterTopics() keeps a note that shares next to nothing with any out of topics", () => {
  const notes = vault();
  // One faint word in common with the bread notes: Louvain alone would put it with them.
  notes.push({
    key: "stars.md",
    terms: [["quasar", 40], ["pulsar", 40], ["nebula", 40], ["loaf", 1]],
    keyphrases: [],
  });
  const { topics, alone } = clusterTopics(similarityGraph(notes), noFolders);
  assert.deepEqual(alone, ["stars.md"]);
  assert.equal(topics.length, 3);
});

Deno.test("clusterTopics() puts a note close to one topic into it, though alone it is no topic", () => {
  const notes = vault();
  // Shares a few stems with the bread notes and nothing else.
  notes.push({
    key: "zz-pizza.md",
    terms: [["dough", 2], ["oven", 2], ["yeast", 1], ["tomato", 3]],
    keyphrases: [],
  });
  const { topics, alone } = clusterTopics(similarityGraph(notes), noFolders);
  assert.deepEqual(alone, []);
  assert.ok(topics.find((t) => t.members.includes("zz-pizza.md"))!.members.includes("bread/0.md"));
  // With folders, the bread topic is still the "bread" folder's, and counts the note from
  // elsewhere.
  const bread = clusterTopics(similarityGraph(notes), topFolder).topics
    .find((t) => t.members.includes("zz-pizza.md"))!;
  assert.equal(bread.folder, "bread");
  assert.equal(bread.elsewhere, 1);
  const bees = clusterTopics(similarityGraph(notes), topFolder).topics
    .find((t) => t.members.includes("bees/0.md"))!;
  assert.equal(bees.elsewhere, undefined);
});

Deno.test("clusterTopics() keeps a folder whole that its notes' subjects would scatter", () => {
  // The top holds five notes on each of three subjects; the folder "mixed" two on each.
  const notes = vault().map((n) => ({ ...n, key: n.key.replace("/", "-") }));
  for (const subject of SUBJECTS) {
    for (const n of [5, 6]) notes.push(note(`mixed/${subject}-${n}.md`, subject, n));
  }
  const { topics } = clusterTopics(similarityGraph(notes), topFolder);
  const mixed = topics.find((t) => t.folder === "mixed");
  assert.deepEqual(
    mixed?.members,
    notes.filter((n) => n.key.startsWith("mixed/")).map((n) => n.key).sort(),
  );
  // Without folders, each goes with its subject.
  const apart = clusterTopics(similarityGraph(notes), noFolders).topics;
  assert.ok(
    apart.find((t) => t.members.includes("mixed/bees-5.md"))!.members.includes("bees-0.md"),
  );
});

Deno.test("clusterTopics() keeps a folder of two notes on two subjects as a topic", () => {
  // systemd's porting notes and its translators' notes: the user's folder, not pip's map.
  const notes = vault().map((n) => ({ ...n, key: n.key.replace("/", "-") }));
  notes.push(note("pair/bees-5.md", "bees", 5), note("pair/rail-5.md", "rail", 5));
  const { topics } = clusterTopics(similarityGraph(notes), topFolder);
  assert.deepEqual(
    topics.find((t) => t.folder === "pair")?.members,
    ["pair/bees-5.md", "pair/rail-5.md"],
  );
  // Not a folder that only keeps files: "papers" says nothing of a subject.
  const kept = notes.map((n) => ({ ...n, key: n.key.replace("pair/", "papers/") }));
  assert.ok(!clusterTopics(similarityGraph(kept), topFolder).topics.some((t) => t.folder));
});

Deno.test("joinRelated() puts notes into the topic holding their related notes, or none", () => {
  const notes = vault();
  notes.push(
    { key: "zz-pizza.md", terms: [["dough", 2], ["oven", 2], ["yeast", 1]], keyphrases: [] },
    { key: "zz-tax.md", terms: [["ledger", 2], ["audit", 2]], keyphrases: [] },
  );
  const graph = similarityGraph(notes);
  const topics = ["bees", "bread"].map((subject) => ({
    members: notes.filter((n) => n.key.startsWith(`${subject}/`)).map((n) => n.key),
    folder: "",
  }));
  const { topics: joined, alone } = joinRelated(
    graph,
    topics,
    ["zz-pizza.md", "zz-tax.md"],
    topFolder,
  );
  assert.deepEqual(joined[0].members, topics[0].members);
  assert.deepEqual(joined[1].members, [...topics[1].members, "zz-pizza.md"]);
  assert.deepEqual(alone, ["zz-tax.md"]);
  // A topic of a folder counts the note that joined it from elsewhere.
  const ofFolders: Topic[] = topics.map((t, k) => ({ ...t, folder: k === 0 ? "bees" : "bread" }));
  const counted = joinRelated(graph, ofFolders, ["zz-pizza.md"], topFolder).topics;
  assert.equal(counted[0].elsewhere, undefined);
  assert.equal(counted[1].elsewhere, 1);
});

Deno.test("clusterTopics() leaves a folder's one note out of a topic it is not related to", () => {
  const notes = vault();
  // As faint a likeness to the bread notes as the pizza note above, but put in a folder of its
  // own by the user: no part of the bread topic.
  notes.push({
    key: "pizza/margherita.md",
    terms: [["dough", 2], ["oven", 2], ["yeast", 1], ["tomato", 3]],
    keyphrases: [],
  });
  const { topics, alone } = clusterTopics(similarityGraph(notes), topFolder);
  assert.deepEqual(alone, ["pizza/margherita.md"]);
  assert.ok(topics.every((t) => !t.members.includes("pizza/margherita.md")));
});

Deno.test("clusterTopics() keeps a note from elsewhere related to one note out of a topic", () => {
  // Libtasn1's manual, in "papers", and the Unicode HOWTO among Python's: one likeness only.
  const notes = vault();
  const extra: [string, [string, number][]][] = [
    ["bread/rye.md", [["rye", 4], ["caraway", 4], ["millstone", 3], ["flour", 2], ["dough", 2]]],
    ["papers/seeds.md", [["rye", 4], ["caraway", 4], ["millstone", 3], ["seed", 2]]],
  ];
  for (const [key, terms] of extra) notes.push({ key, terms, keyphrases: [] });
  const graph = similarityGraph(notes);
  const { topics, alone } = clusterTopics(graph, topFolder);
  assert.ok(alone.includes("papers/seeds.md"), JSON.stringify(topics));
  assert.ok(topics.find((t) => t.folder === "bread")?.members.includes("bread/rye.md"));
});

Deno.test("clusterTopics() keeps two folders it finds alike as a topic each", () => {
  const notes = vault();
  for (let n = 0; n < 3; n++) notes.push(note(`pastry/${n}.md`, "bread", n + 5));
  const graph = similarityGraph(notes);
  // Without folders, the pastry notes are bread notes.
  const flat = clusterTopics(graph, noFolders).topics;
  assert.ok(
    flat.some((t) => t.members.includes("bread/0.md") && t.members.includes("pastry/0.md")),
  );
  const { topics } = clusterTopics(graph, topFolder);
  assert.deepEqual(
    topics.map((t) => [t.folder, t.members.length]).sort(),
    [["bees", 5], ["bread", 5], ["pastry", 3], ["rail", 5]],
  );
});

Deno.test("clusterTopics() keeps a whole folder of two notes as a topic of its own", () => {
  const notes = vault();
  for (let n = 0; n < 2; n++) notes.push(note(`pastry/${n}.md`, "bread", n + 5));
  const { topics } = clusterTopics(similarityGraph(notes), topFolder);
  assert.deepEqual(
    topics.map((t) => [t.folder, t.members.length]).sort(),
    [["bees", 5], ["bread", 5], ["pastry", 2], ["rail", 5]],
  );
});

Deno.test("clusterTopics() keeps a folder whole that would break into crumbs", () => {
  const subjects = ["bees", "bees", "rail", "rail", "bread", "bread"];
  const crumbs = subjects.map((subject, n) => note(`talks/${n}.md`, subject, n));
  const { topics } = clusterTopics(similarityGraph(crumbs), topFolder);
  assert.deepEqual(topics.map((t) => [t.folder, t.members.length]), [["talks", 6]]);
  // A folder that keeps files of several subjects, each with more notes than a crumb, stays in
  // parts.
  const docs = vault().map((n) => ({ ...n, key: `docs/${n.key.replace("/", "-")}` }));
  assert.equal(clusterTopics(similarityGraph(docs), topFolder).topics.length, 3);
});

Deno.test("clusterTopics() keeps a folder one map can list whole, whatever parts it has", () => {
  const course = vault().map((n) => ({ ...n, key: `course/${n.key.replace("/", "-")}` }));
  const { topics } = clusterTopics(similarityGraph(course), topFolder);
  assert.deepEqual(topics.map((t) => [t.folder, t.members.length]), [["course", 15]]);
});

Deno.test("relatedParts() parts a group of several subjects, the notes of small parts apart", () => {
  const tea = note("tea/0.md", "tea", 0);
  const notes = [...vault(), tea, note("tea/1.md", "tea", 1)];
  const graph = similarityGraph(notes);
  const { parts, rest } = relatedParts(graph, [graph.keys]);
  // Two notes each the other's closest are a part too.
  assert.deepEqual(
    parts.map((t) => t.members.map(topFolder)),
    [Array(5).fill("bees"), Array(5).fill("bread"), Array(5).fill("rail"), ["tea", "tea"]],
  );
  assert.ok(parts.every((t) => t.folder === ""));
  assert.deepEqual(rest, []);
  // A note alone is not.
  const lone = similarityGraph([...vault(), tea]);
  assert.deepEqual(relatedParts(lone, [lone.keys]).rest, ["tea/0.md"]);
});

Deno.test("clusterTopics() keeps a whole folder a topic of its own among as many notes from the top", () => {
  // Python's four "What's New" pages and four pages at the top Louvain put with them.
  const notes = vault();
  for (let n = 0; n < 4; n++) notes.push(note(`tea/${n}.md`, "tea", n));
  for (let n = 4; n < 8; n++) notes.push(note(`tea-${n}.md`, "tea", n));
  const { topics } = clusterTopics(similarityGraph(notes), topFolder);
  const tea = topics.find((t) => t.members.includes("tea/0.md"));
  assert.deepEqual(tea, {
    members: ["tea/0.md", "tea/1.md", "tea/2.md", "tea/3.md"],
    folder: "tea",
  });
});

Deno.test("clusterTopics() takes a folder's note that went with notes elsewhere to its folder's topic", () => {
  // Python's general FAQ went with READMEs at the top, its five sibling FAQs to a map of theirs.
  const notes = vault();
  for (let n = 0; n < 5; n++) notes.push(note(`tea-${n}.md`, "tea", n));
  notes.push(note("bees/tea.md", "tea", 5));
  const { topics } = clusterTopics(similarityGraph(notes), topFolder);
  const bees = topics.find((t) => t.folder === "bees");
  assert.ok(bees?.members.includes("bees/tea.md"), JSON.stringify(topics));
  // A note of a folder that only keeps files stays where its subject is.
  const kept = vault().map((n) => n.key.startsWith("bees/") ? { ...n, key: `docs/${n.key}` } : n);
  kept.push(note("docs/tea.md", "tea", 5));
  for (let n = 0; n < 5; n++) kept.push(note(`tea-${n}.md`, "tea", n));
  const docs = clusterTopics(similarityGraph(kept), (key) => key.split("/").slice(0, -1)[0] ?? "");
  assert.ok(
    docs.topics.some((t) => t.members.includes("docs/tea.md") && t.members.includes("tea-0.md")),
    JSON.stringify(docs.topics),
  );
});
