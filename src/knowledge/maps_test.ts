import assert from "node:assert/strict";
import { buildMaps, contextLine, type MapNote } from "./maps.ts";
import { HOME_NOTE, MAPS_DIR } from "../vault/layout.ts";
import type { Topics } from "./topics.ts";

const note = (id: number, path: string, context = "", people: string[] = []): MapNote => ({
  id,
  path,
  context,
  people,
});

const NOTES = [
  note(1, "Sources/Engines.md", "Steam drove the mills.", ["Ada Lovelace", "Charles Babbage"]),
  note(2, "Sources/Old/Rail.md", "", ["charles babbage"]),
  note(3, "Sources/Bread.md", "Flour got dear."),
];

const TOPICS: Topics = {
  topics: [{ tag: "engine", members: [1, 2] }, { tag: "machine-learning", members: [2] }],
  other: [3],
};

const paths = (topics: Topics, notes: MapNote[] = NOTES) =>
  buildMaps(notes, topics).map((m) => m.path);

Deno.test("buildMaps() puts Home first, then the topics, Other notes and People", () => {
  assert.equal(HOME_NOTE, "Home.md");
  assert.equal(MAPS_DIR, "Maps");
  assert.deepEqual(paths(TOPICS), [
    "Home.md",
    "Maps/Engine.md",
    "Maps/Machine learning.md",
    "Maps/Other notes.md",
    "Maps/People.md",
  ]);
});

Deno.test("buildMaps() links every map from Home with the number of its entries", () => {
  const home = buildMaps(NOTES, TOPICS)[0];
  assert.equal(home.title, "Home");
  assert.equal(
    home.generated,
    [
      "## Topics",
      "",
      "- [[Maps/Engine|Engine]] (2 notes)",
      "- [[Maps/Machine learning|Machine learning]] (1 note)",
      "- [[Maps/Other notes|Other notes]] (1 note)",
      "",
      "## People",
      "",
      "- [[Maps/People|People]] (2 people)",
    ].join("\n"),
  );
});

Deno.test("buildMaps() lists a topic's notes as wikilinks with their line of context", () => {
  const engine = buildMaps(NOTES, TOPICS)[1];
  assert.deepEqual(engine, {
    path: "Maps/Engine.md",
    title: "Engine",
    generated: [
      "Notes tagged #engine:",
      "",
      "- [[Sources/Engines|Engines]]: Steam drove the mills.",
      "- [[Sources/Old/Rail|Rail]]",
    ].join("\n"),
  });
});

Deno.test("buildMaps() lists the notes in no topic under Other notes", () => {
  const other = buildMaps(NOTES, TOPICS).find((m) => m.title === "Other notes");
  assert.deepEqual(other, {
    path: "Maps/Other notes.md",
    title: "Other notes",
    generated: "Notes in no topic yet:\n\n- [[Sources/Bread|Bread]]: Flour got dear.",
  });
});

Deno.test("buildMaps() makes no Other notes map when every note is in a topic", () => {
  assert.deepEqual(paths({ topics: TOPICS.topics, other: [] }), [
    "Home.md",
    "Maps/Engine.md",
    "Maps/Machine learning.md",
    "Maps/People.md",
  ]);
});

Deno.test("buildMaps() escapes Markdown in a note's context line", () => {
  const notes = [note(1, "Sources/A.md", "Use *stars*, #hash and [[links]] `here`.")];
  const map = buildMaps(notes, { topics: [{ tag: "x", members: [1] }], other: [] })[1];
  assert.equal(
    map.generated,
    "Notes tagged #x:\n\n- [[Sources/A|A]]: Use \\*stars\\*, \\#hash and \\[\\[links\\]\\] \\`here\\`.",
  );
});

Deno.test("buildMaps() lists each person once, in name order, with the notes naming them", () => {
  const notes = [
    note(1, "Sources/B.md", "", ["Zoe Quinn", "Ada Lovelace"]),
    note(2, "Sources/A.md", "", ["ada lovelace", "Bob Stone"]),
    note(3, "Sources/C.md", "", ["Ada Lovelace"]),
  ];
  const people = buildMaps(notes, { topics: [], other: [] }).at(-1)!;
  assert.deepEqual(people, {
    path: "Maps/People.md",
    title: "People",
    generated: [
      "- **Ada Lovelace**: [[Sources/B|B]], [[Sources/A|A]], [[Sources/C|C]]",
      "- **Bob Stone**: [[Sources/A|A]]",
      "- **Zoe Quinn**: [[Sources/B|B]]",
    ].join("\n"),
  });
});

Deno.test("buildMaps() escapes Markdown in people's names", () => {
  const notes = [note(1, "Sources/A.md", "", ["Ana *Star* Lopez"])];
  const people = buildMaps(notes, { topics: [], other: [] }).at(-1)!;
  assert.equal(people.generated, "- **Ana \\*Star\\* Lopez**: [[Sources/A|A]]");
});

Deno.test("buildMaps() makes no People map and no People section when nobody is named", () => {
  const notes = [note(1, "Sources/A.md"), note(2, "Sources/B.md")];
  const maps = buildMaps(notes, { topics: [], other: [1, 2] });
  assert.deepEqual(maps.map((m) => m.path), ["Home.md", "Maps/Other notes.md"]);
  assert.equal(maps[0].generated, "## Topics\n\n- [[Maps/Other notes|Other notes]] (2 notes)");
});

Deno.test("buildMaps() gives an empty vault a Home that says so", () => {
  assert.deepEqual(buildMaps([], { topics: [], other: [] }), [
    { path: "Home.md", title: "Home", generated: "## Topics\n\n_No notes yet._" },
  ]);
});

Deno.test("buildMaps() renames a topic whose name is taken by Home, People or Other notes", () => {
  const topics: Topics = {
    topics: [
      { tag: "people", members: [1] },
      { tag: "other-notes", members: [1] },
      { tag: "home", members: [1] },
      { tag: "x/PEOPLE", members: [1] },
    ],
    other: [2, 3],
  };
  assert.deepEqual(paths(topics), [
    "Home.md",
    "Maps/People (2).md",
    "Maps/Other notes (2).md",
    "Maps/Home (2).md",
    "Maps/PEOPLE (3).md",
    "Maps/Other notes.md",
    "Maps/People.md",
  ]);
});

Deno.test("buildMaps() gives topics with the same name different maps", () => {
  const topics: Topics = {
    topics: [
      { tag: "engine", members: [1] },
      { tag: "machines/engine", members: [2] },
      { tag: "steam/engine", members: [3] },
    ],
    other: [],
  };
  const maps = buildMaps(NOTES, topics);
  assert.deepEqual(maps.slice(1, 4).map((m) => [m.path, m.title]), [
    ["Maps/Engine.md", "Engine"],
    ["Maps/Engine (2).md", "Engine (2)"],
    ["Maps/Engine (3).md", "Engine (3)"],
  ]);
  assert.match(maps[2].generated, /^Notes tagged #machines\/engine:/);
  assert.match(maps[0].generated, /\[\[Maps\/Engine \(3\)\|Engine \(3\)\]\] \(1 note\)/);
});

Deno.test("buildMaps() gives every map its own path, whatever the tags", () => {
  const tags = [
    "people",
    "People",
    "home",
    "other-notes",
    "a/people",
    "b/home",
    "engine",
    "c/engine",
  ];
  const topics: Topics = { topics: tags.map((tag) => ({ tag, members: [1] })), other: [2] };
  const all = paths(topics).map((p) => p.toLowerCase());
  assert.equal(new Set(all).size, all.length);
});

Deno.test("contextLine() takes the first sentence of the summary's first paragraph", () => {
  assert.equal(
    contextLine(["Steam drove the mills. Then came rail.", "Later."]),
    "Steam drove the mills.",
  );
  assert.equal(contextLine(["Did steam win? Yes."]), "Did steam win?");
  assert.equal(contextLine(["It worked! Mostly."]), "It worked!");
});

Deno.test("contextLine() keeps a summary with one sentence whole", () => {
  assert.equal(contextLine(["Steam drove the mills."]), "Steam drove the mills.");
  assert.equal(contextLine(["no full stop at all"]), "no full stop at all");
});

Deno.test("contextLine() is empty for an empty summary", () => {
  assert.equal(contextLine([]), "");
  assert.equal(contextLine([""]), "");
});

Deno.test("contextLine() cuts a long sentence at a word and marks the cut", () => {
  const sentence = "word ".repeat(60).trim() + ".";
  const line = contextLine([sentence]);
  assert.ok(line.length <= 161, `${line.length}`);
  assert.ok(line.endsWith("word…"), line);
  assert.ok(sentence.startsWith(line.slice(0, -1)));
});

Deno.test("contextLine() cuts a long sentence without spaces at 160 characters", () => {
  assert.equal(contextLine(["x".repeat(300)]), "x".repeat(160) + "…");
});

Deno.test("contextLine() keeps the closing quote of a first sentence that ends in one", () => {
  assert.equal(contextLine(['She said "stop." Then she left.']), 'She said "stop."');
  assert.equal(contextLine(["(It rained.) Then it stopped."]), "(It rained.)");
});

Deno.test("contextLine() does not end the first sentence at a title or an initialism", () => {
  assert.equal(
    contextLine(["Dr. Ana Lopez opened the meeting. Then the board voted."]),
    "Dr. Ana Lopez opened the meeting.",
  );
  assert.equal(
    contextLine(["The U.S. Navy tested the engine. It failed."]),
    "The U.S. Navy tested the engine.",
  );
});

Deno.test("contextLine() passes over a first sentence that leans on words it lacks", () => {
  assert.equal(
    contextLine([
      "You will need to know how they work first. A socket is one end of a network connection.",
    ]),
    "A socket is one end of a network connection.",
  );
  assert.equal(
    contextLine(["However, the tide turned that day. The Thames flooded the lower town in 1928."]),
    "The Thames flooded the lower town in 1928.",
  );
});
