import assert from "node:assert/strict";
import {
  byOwnPhrases,
  isGenericWord,
  nameTopics,
  type PhraseNote,
  sharedPhraseParts,
  withoutStrangers,
} from "./topic_names.ts";
import type { Topic } from "./topics.ts";

const note = (key: string, keyphrases: string[], tags: string[] = []): PhraseNote => ({
  key,
  keyphrases,
  tags,
});

/** Two topics: notes on git merges and notes on SQLite locking; "file" is everywhere. */
const NOTES = [
  note("a", ["file", "faulty merge", "merge commit", "revert"], ["git"]),
  note("b", ["file", "merge commits", "topic branch", "git"]),
  note("c", ["file", "merge commit", "rebase", "git"]),
  note("d", ["file", "rollback journal", "database file", "locking"]),
  note("e", ["file", "rollback journal", "write-ahead log", "locking"]),
  note("f", ["files", "write-ahead log", "rollback journal", "checkpoint"]),
];
const TOPICS: Topic[] = [
  { members: ["a", "b", "c"], folder: "" },
  { members: ["d", "e", "f"], folder: "" },
];

/** Twelve notes on other things than any topic here: the rest of a vault. */
const STRANGERS = Array.from(
  { length: 12 },
  (_, i) => note(`Sources/o${i}.md`, [`harbour crane ${i}`]),
);

Deno.test("isGenericWord() tells an everyday word from a term of a field", () => {
  assert.equal(isGenericWord("File"), true);
  assert.equal(isGenericWord("time"), true);
  assert.equal(isGenericWord("Socket"), false);
  // A compound of everyday words is one too (SQLite's "Built-in" map); not one with a term.
  assert.equal(isGenericWord("Built-in"), true);
  assert.equal(isGenericWord("Socket-based"), false);
  assert.equal(isGenericWord("MS-windows"), false);
  assert.equal(isGenericWord("Merge commit"), false);
});

Deno.test("nameTopics() names a topic by the phrase that sets its notes apart", () => {
  const { named } = nameTopics(TOPICS, NOTES);
  assert.equal(named[0].name, "Merge commit");
  assert.equal(named[1].name, "Rollback journal");
  assert.deepEqual(named[1].phrases.slice(0, 2), ["rollback journal", "write-ahead log"]);
});

Deno.test("nameTopics() never names a map by one generic English word: such notes are no topic", () => {
  // Every phrase the notes share is an everyday word: nothing names them, and no folder does.
  const notes = [note("x", ["file", "time", "world"]), note("y", ["file", "time", "world"])];
  const { named, unnamed } = nameTopics([{ members: ["x", "y"], folder: "" }], notes);
  assert.deepEqual(named, []);
  assert.deepEqual(unnamed, [{ members: ["x", "y"], folder: "" }]);
});

Deno.test("nameTopics() spells a proper name in a map's name as its notes write it", () => {
  const notes = ["a", "b", "c", "d"].map((key) => ({
    key,
    keyphrases: ["united nations", "security council"],
    tags: [],
    names: ["United Nations"],
  }));
  const others = ["e", "f"].map((key) => note(key, ["bees"]));
  const { named: [topic] } = nameTopics([{ members: ["a", "b", "c", "d"], folder: "" }], [
    ...notes,
    ...others,
  ]);
  assert.equal(topic.name, "United Nations");
});

Deno.test("nameTopics() names a topic that is one folder's notes after the folder", () => {
  const { named: [topic] } = nameTopics([{
    members: ["a", "b", "c"],
    folder: "courses/philosophy-185-heidegger",
  }], NOTES);
  assert.equal(topic.name, "Philosophy 185 Heidegger");
});

Deno.test("nameTopics() spells a folder's name as the notes in it spell its words", () => {
  const notes = [
    note("Sources/Atomic Commit In SQLite.md", []),
    note("Sources/Query planning.md", []),
  ];
  const { named: [topic] } = nameTopics([{
    members: notes.map((n) => n.key),
    folder: "docs/sqlite",
  }], notes);
  assert.equal(topic.name, "SQLite");
  // A name with a dot in it spells the folder that leaves the dot out.
  const node = [note("Sources/Building Node.js.md", []), note("Sources/Net.md", [])];
  const { named: [nodeTopic] } = nameTopics(
    [{ members: node.map((n) => n.key), folder: "nodejs" }],
    node,
  );
  assert.equal(nodeTopic.name, "Node.js");
});

Deno.test("nameTopics() never takes People or Home, nor a name twice", () => {
  const notes = [
    note("p1", ["people", "famous people"]),
    note("p2", ["people", "famous people"]),
    note("q1", ["famous people", "people"]),
    note("q2", ["famous people", "people"]),
  ];
  const { named } = nameTopics(
    [{ members: ["p1", "p2"], folder: "" }, { members: ["q1", "q2"], folder: "" }],
    notes,
    ["Home", "People"],
  );
  const names = named.map((t) => t.name.toLowerCase());
  assert.ok(!names.includes("people") && !names.includes("home"), names.join(", "));
  // Two groups of one subject are one map of it, not two of one name.
  assert.deepEqual(named.map((t) => [t.name, t.members.length]), [["Famous people", 4]]);
});

Deno.test("nameTopics() is the same for the same topics whatever the order of the notes", () => {
  assert.deepEqual(nameTopics(TOPICS, [...NOTES].reverse()), nameTopics(TOPICS, NOTES));
});

Deno.test("nameTopics() names notes by a word their phrases share when no phrase is common", () => {
  const notes = [
    note("p1", ["python lists", "sorting"]),
    note("p2", ["python version", "annotations"]),
    note("p3", ["python string literals", "regular expressions"]),
  ];
  const { named } = nameTopics([{ members: ["p1", "p2", "p3"], folder: "" }], notes);
  assert.equal(named[0].name, "Python");
});

Deno.test("nameTopics() names no topic by an everyday word its notes only have before others", () => {
  // "economic" says what kind of growth, policy or aid: no subject the three share.
  const notes = [
    note("s1", ["economic growth", "farm prices"]),
    note("s2", ["economic policy", "school lunches"]),
    note("s3", ["economic aid", "space flight"]),
  ];
  const { named, unnamed } = nameTopics([{ members: ["s1", "s2", "s3"], folder: "" }], notes);
  assert.deepEqual(named, []);
  assert.equal(unnamed.length, 1);
  // A note that has the word as a thing of its own makes it one, spelled as that note has it
  // ("Generics" of the Rust book, not "Generic" of "generic types").
  const thing = [...notes, note("s4", ["economics", "budget"])];
  const topic = { members: ["s1", "s2", "s3", "s4"], folder: "" };
  assert.equal(nameTopics([topic], thing).named[0]?.name, "Economics");
});

Deno.test("nameTopics() names no topic by a phrase most of the vault's notes carry", () => {
  // 24 notes that all carry "python module"; seven of each topic of 12 carry its own term.
  // By its cover alone "python module" would name both (it did before the vault was weighed).
  const notes = Array.from({ length: 24 }, (_, i) =>
    note(`n${i}`, [
      "python module",
      ...(i % 12 < 7 ? [i < 12 ? "event loop" : "string formatting"] : []),
    ]));
  const topics = [
    { members: notes.slice(0, 12).map((n) => n.key), folder: "" },
    { members: notes.slice(12).map((n) => n.key), folder: "" },
  ];
  const { named } = nameTopics(topics, notes);
  assert.deepEqual(named.map((t) => t.name), ["Event loop", "String formatting"]);
});

Deno.test("nameTopics() names a topic of four notes or more only by a phrase more than half have", () => {
  // Five addresses: two speak of rural America, three of the American people.
  const notes = [
    note("a1", ["rural america", "american people"]),
    note("a2", ["rural communities", "american people"]),
    note("a3", ["american people", "tax reform"]),
    note("a4", ["health care"]),
    note("a5", ["social security"]),
    note("b1", ["space program"]),
  ];
  const topic = { members: ["a1", "a2", "a3", "a4", "a5"], folder: "" };
  assert.equal(nameTopics([topic], notes).named[0]?.name, "American people");
  // Without a phrase half of them have, no name speaks for them.
  const fewer = notes.map((n) => ({
    ...n,
    keyphrases: n.keyphrases.filter((p) => !/people/.test(p)),
  }));
  assert.deepEqual(nameTopics([topic], fewer).named, []);
  // Of three notes, two may name it.
  const three = { members: ["a1", "a2", "a4"], folder: "" };
  assert.equal(nameTopics([three], fewer).named[0]?.name, "Rural");
  // Three of six FAQs carry "utf-8": no more than half, no name.
  const faqs = Array.from({ length: 6 }, (_, i) => note(`f${i}`, i < 3 ? ["utf-8"] : []));
  const six = { members: faqs.map((n) => n.key), folder: "" };
  assert.deepEqual(nameTopics([six], [...faqs, ...notes]).named, []);
});

Deno.test("nameTopics() names a topic by a phrase most of its notes have before one half have", () => {
  // "High school diploma", said in two addresses of four, is rarer in the vault than "health
  // care", said in three, but names less of what the map holds.
  const notes = [
    note("a1", ["health care", "high school diploma"]),
    note("a2", ["health care", "high school diploma"]),
    note("a3", ["health care", "tax relief"]),
    note("a4", ["economic growth"]),
    ...["b1", "b2", "b3"].map((key) => note(key, ["health care", "space program"])),
    ...["c1", "c2", "c3", "c4", "c5"].map((key) => note(key, ["space program"])),
  ];
  const topic = { members: ["a1", "a2", "a3", "a4"], folder: "" };
  const [named] = nameTopics([topic], notes).named;
  assert.equal(named.name, "Health care");
  assert.deepEqual(named.phrases, ["health care"]);
});

Deno.test("nameTopics() names a topic by a phrase its notes' titles say before one they do not", () => {
  // "bytes object" is said in two of three pages, as often as "archive", which two titles say.
  const notes = [
    note("Sources/lampzip — Work with LAMP archives.md", ["bytes object", "archive"]),
    note("Sources/lamptar — Read and write lamp archive files.md", ["bytes object", "archive"]),
    note("Sources/lampgz — Support for lampgz files.md", ["compression level"]),
    ...["c1", "c2", "c3", "c4"].map((key) => note(key, ["wick trimming"])),
  ];
  const topic = { members: notes.slice(0, 3).map((n) => n.key), folder: "" };
  assert.equal(nameTopics([topic], notes).named[0].name, "Archive");
});

Deno.test("nameTopics() names a topic by a phrase its summaries say before one only its tags have", () => {
  // All four addresses carry the tag "fiscal year", three "united nations", which a summary (a
  // map's line quotes it) says; "farm income", said too, is one address's only.
  const notes = [
    { ...note("a1", ["fiscal year", "united nations"]), summary: "The United Nations met." },
    { ...note("a2", ["fiscal year", "united nations"]), summary: "We paid the United Nations." },
    { ...note("a3", ["fiscal year", "united nations"]), summary: "Taxes must fall." },
    { ...note("a4", ["fiscal year", "farm income"]), summary: "Farm income rose." },
    ...["b1", "b2", "b3", "b4", "b5"].map((key) => note(key, ["space program"])),
  ];
  const topic = { members: ["a1", "a2", "a3", "a4"], folder: "" };
  assert.equal(nameTopics([topic], notes).named[0].name, "United Nations");
});

Deno.test("nameTopics() spells a name's words as the notes' titles and summaries do", () => {
  const notes = ["Sources/Query Planning.md", "Sources/Indexes.md", "Sources/Joins.md"].map((
    key,
  ) => ({
    ...note(key, ["sql queries", "query planner"]),
    summary: "How SQL queries are planned; sql in general.",
  }));
  const { named } = nameTopics([{ members: notes.map((n) => n.key), folder: "" }], notes);
  assert.equal(named[0].name, "SQL queries");
});

Deno.test("nameTopics() keeps a name its makers write in small letters as they write it", () => {
  const notes = [
    "Sources/Porting lampd To New Harbours.md",
    "Sources/Known Variables.md",
    "Sources/Notes for Keepers.md",
  ].map((key) => ({
    ...note(key, ["lampd components"], ["lampd"]),
    summary: "A number of lampd components read $LAMPD_OIL. lampd trims wicks.",
  }));
  const { named } = nameTopics([{ members: notes.map((n) => n.key), folder: "" }], notes);
  assert.equal(named[0].name, "lampd components");
  // One capital anywhere, and the map's name opens with one.
  const capitalised = notes.map((n) => ({ ...n, summary: `${n.summary} Lampd is old.` }));
  assert.equal(
    nameTopics([{ members: notes.map((n) => n.key), folder: "" }], capitalised).named[0].name,
    "Lampd components",
  );
  // A compound of English words written small is no name: "Command-line option".
  const compound = notes.map((n) => ({
    ...n,
    keyphrases: ["command-line option"],
    tags: [],
    summary: "Each command-line option trims wicks. A command-line option lights lamps.",
  }));
  assert.equal(
    nameTopics([{ members: notes.map((n) => n.key), folder: "" }], compound).named[0].name,
    "Command-line option",
  );
  // A word no list has, small only in the middle of sentences, is a word: "Mutable reference".
  const midSentence = notes.map((n) => ({
    ...n,
    keyphrases: ["mutable reference"],
    tags: [],
    summary: "Each wick takes a mutable reference. Keepers pass a mutable reference to lamps.",
  }));
  assert.equal(
    nameTopics([{ members: notes.map((n) => n.key), folder: "" }], midSentence).named[0].name,
    "Mutable reference",
  );
});

Deno.test("nameTopics() spells no name after the words of a mail or web address", () => {
  const notes = ["Sources/Bash.md", "Sources/Coreutils.md", "Sources/Make.md"].map((key) => ({
    ...note(key, ["bug report"], ["gnu"]),
    summary: "These are GNU tools. Send bug reports to bug-tools@gnu.org, see https://gnu.org/x " +
      "and gnu.org.",
  }));
  const { named } = nameTopics([{ members: notes.map((n) => n.key), folder: "" }], notes);
  assert.equal(named[0].name, "GNU");
});

Deno.test("nameTopics() capitalises a word the summaries capitalise inside their sentences", () => {
  const notes = ["Sources/A.md", "Sources/B.md", "Sources/C.md"].map((key) => ({
    ...note(key, ["american farms", "crop rotation"]),
    summary: "Rotation keeps American farms fertile. American growers plant clover.",
  }));
  const { named } = nameTopics([{ members: notes.map((n) => n.key), folder: "" }], notes);
  assert.equal(named[0].name, "American farms");
  assert.deepEqual(named[0].phrases.slice(0, 1), ["American farms"]);
  // A word written in lower case inside a sentence keeps it: "Crop rotation", not "Crop Rotation".
  assert.ok(named[0].phrases.includes("crop rotation"));
  // A word the summaries mostly capitalise is capitalised, one in small letters beside it or not.
  const once = notes.map((n, i) =>
    i === 0 ? { ...n, summary: `${n.summary} Few american farms fail.` } : n
  );
  const mostly = nameTopics([{ members: notes.map((n) => n.key), folder: "" }], once);
  assert.equal(mostly.named[0].phrases[0], "American farms");
  const often = notes.map((n) => ({ ...n, summary: `${n.summary} Few american farms fail.` }));
  const mixed = nameTopics([{ members: notes.map((n) => n.key), folder: "" }], often);
  assert.equal(mixed.named[0].phrases[0], "american farms");
});

Deno.test("nameTopics() names notes after the name their titles share, not a person's", () => {
  const notes = [
    note("Sources/The Debian Harbour Lamp Collection setup.md", ["lamp version"]),
    note("Sources/The Debian Harbour Lamp Collection Setup (2).md", ["lamp version"]),
    note("Sources/Reporting Bugs in the Harbour Lamp Collection.md", ["bug report"]),
  ];
  const { named } = nameTopics([{ members: notes.map((n) => n.key), folder: "" }], notes);
  assert.equal(named[0].name, "Harbour Lamp Collection");
  const addresses = ["1946", "1947", "1948"].map((year) => ({
    ...note(`Sources/Addresses – ${year} Harry S Truman D.md`, ["price controls"]),
    names: year === "1946" ? ["Harry S Truman"] : [],
  }));
  const speeches = nameTopics([{ members: addresses.map((n) => n.key), folder: "" }], addresses);
  assert.equal(speeches.named[0].name, "Price controls");
  // Nor one the texts do not name: "D." is an initial.
  const unnamed = addresses.map((n) => ({
    ...n,
    key: n.key.replace("Harry S Truman D", "Dwight D. Eisenhower"),
    names: [],
  }));
  assert.equal(
    nameTopics([{ members: unnamed.map((n) => n.key), folder: "" }], unnamed).named[0].name,
    "Price controls",
  );
});

Deno.test("nameTopics() takes no word that links others into a name the titles share", () => {
  const notes = [
    note("Sources/Appropriate Uses For Harbour Lamps.md", ["zip archive"]),
    note("Sources/Command Line Shell For Harbour Lamps.md", ["zip archive"]),
    note("Sources/Lamps As An Application File Format.md", ["file format"]),
  ];
  const { named } = nameTopics([{ members: notes.map((n) => n.key), folder: "" }], notes);
  assert.equal(named[0].name, "Harbour Lamps");
});

Deno.test("nameTopics() names a series of notes after the start their titles share", () => {
  const notes = ["2.0", "2.1", "3.0", "3.1"].map((v, i) =>
    note(`Sources/What’s New ${i === 3 ? "In" : "in"} Python ${v}.md`, ["changes"])
  );
  const { named } = nameTopics([{ members: notes.map((n) => n.key), folder: "" }], notes);
  assert.equal(named[0].name, "What’s New in Python");
  // Nor the word before the numbers: "Wickham Gazette, Issue 34, June 2021".
  const issues = ["34, June 2021", "35, November 2021", "36, June 2022"].map((n) =>
    note(`Sources/Wickham Gazette, Issue ${n}.md`, ["changes"])
  );
  const { named: news } = nameTopics([{ members: issues.map((n) => n.key), folder: "" }], issues);
  assert.equal(news[0].name, "Wickham Gazette");
  // One title twice, beside another, is no series; nor is a start that leaves a bracket open.
  const twice = [
    "Sources/lampwick (Version 2 series).md",
    "Sources/lampwick (Version 2 series) (2).md",
    "Sources/Harbour codes.md",
  ].map((key) => note(key, ["harbour lamps"]));
  const { named: apart } = nameTopics([{ members: twice.map((n) => n.key), folder: "" }], twice);
  assert.equal(apart[0].name, "Harbour lamps");
  // Titles that start with the same everyday words are written alike, not about one subject.
  const howtos = ["revert a faulty merge", "use the subtree merge", "rebase a merge"].map((t) =>
    note(`Sources/How to ${t}.md`, ["merge commit"])
  );
  const { named: how } = nameTopics([{ members: howtos.map((n) => n.key), folder: "" }], howtos);
  assert.equal(how[0].name, "Merge commit");
  // Nor is the kind of text they are, the words that lead on to their subjects left out.
  const faqs = ["lamps", "wicks", "harbour lights"].map((t) =>
    note(`Sources/Frequently Asked Questions about ${t}.md`, ["colza oil"])
  );
  const { named: asked } = nameTopics([{ members: faqs.map((n) => n.key), folder: "" }], faqs);
  assert.equal(asked[0].name, "Colza oil");
});

Deno.test("nameTopics() names a topic after the phrase in small letters its titles share", () => {
  const notes = [
    "wickplib — WICK harbour client",
    "lamplib — LAMP3 harbour client",
    "oillib — OIL harbour client",
    "glasslib — Glass panes",
  ]
    .map((t) => note(`Sources/${t}.md`, ["timeout parameter"]));
  const { named } = nameTopics([{ members: notes.map((n) => n.key), folder: "" }], notes);
  assert.equal(named[0].name, "Harbour client");
  // Not words that say how: "new features" of three titles.
  const news = ["Lamp 2.0", "Lamp 2.1", "Lamp 3.0"].map((v) =>
    note(`Sources/${v} — new features.md`, ["timeout parameter"])
  );
  const { named: howNamed } = nameTopics([{ members: news.map((n) => n.key), folder: "" }], news);
  assert.equal(howNamed[0].name, "Timeout parameter");
});

Deno.test("nameTopics() names a folder after its notes' titles when its name runs them together", () => {
  const notes = ["2.0", "2.1", "3.0"].map((v) => ({
    ...note(`Sources/What’s New in Python ${v}.md`, ["changes"]),
    folder: "whatsnew",
  }));
  const topic = { members: notes.map((n) => n.key), folder: "whatsnew" };
  assert.equal(nameTopics([topic], notes).named[0].name, "What’s New in Python");
  // A folder named with one word of the titles is the owner's name for them.
  const python = notes.map((n) => ({ ...n, folder: "python" }));
  assert.equal(nameTopics([{ ...topic, folder: "python" }], python).named[0].name, "Python");
  // One that abbreviates their words is written as they write them.
  const relnotes = ["v2.0", "2.30", "v2.39"].map((v) => ({
    ...note(`Sources/Lampwick ${v} Release Notes.md`, ["changes"]),
    folder: "lampwick-relnotes",
  }));
  const released = { members: relnotes.map((n) => n.key), folder: "lampwick-relnotes" };
  assert.equal(nameTopics([released], relnotes).named[0].name, "Lampwick Release Notes");
});

Deno.test("nameTopics() names no map after how projects are run", () => {
  // The READMEs of four programs all name their mailing list and their licence's holder.
  const notes = ["git", "wget", "mpfr", "zstd"].map((p) =>
    note(`Sources/${p} README.md`, ["mailing list", "free software foundation", `${p} source`])
  );
  const { named, unnamed } = nameTopics([{ members: notes.map((n) => n.key), folder: "" }], notes);
  assert.deepEqual([named, unnamed.length], [[], 1]);
});

Deno.test("nameTopics() tells two maps of one name apart by the folder of their notes", () => {
  const notes = [
    ...["a", "b", "c"].map((k) => ({ ...note(k, ["merge commit"]), folder: "git/howto" })),
    ...["d", "e", "f"].map((k) => ({ ...note(k, ["merge commit"]), folder: "git/technical" })),
  ];
  const { named } = nameTopics([
    { members: ["a", "b", "c"], folder: "" },
    { members: ["d", "e", "f"], folder: "" },
  ], notes);
  // The folder's own name first, as a map named after a folder is.
  assert.deepEqual(named.map((t) => t.name), ["Merge commit", "Git technical"]);
  // Two folders whose names are everyday words ("using", "reference"): the name their notes
  // share, then, taken, the folder's own.
  const generic = [
    ...["a", "b", "c"].map((k) => ({ ...note(k, ["python"]), folder: "using" })),
    ...["d", "e", "f"].map((k) => ({ ...note(k, ["python"]), folder: "reference" })),
  ];
  const two = nameTopics([
    { members: ["a", "b", "c"], folder: "using" },
    { members: ["d", "e", "f"], folder: "reference" },
  ], generic);
  assert.deepEqual(two.named.map((t) => t.name), ["Python", "Reference"]);
});

Deno.test("nameTopics() names a folder that only keeps files by what its notes share, if they do", () => {
  const inFolder = (folder: string) => (n: PhraseNote) => ({ ...n, folder });
  // "pdfs" says how the files are kept; the notes' phrase says what they are about.
  const shared = nameTopics([{ ...TOPICS[1], folder: "pdfs" }], NOTES.map(inFolder("pdfs")));
  assert.equal(shared.named[0].name, "Rollback journal");
  // Notes that share no phrase with half of them keep the folder's name.
  const apart = [
    note("g", ["harbour lamp", "wick"]),
    note("h", ["harbour lamp", "tide table"]),
    note("i", ["tide table", "quay"]),
    note("j", ["ferry timetable", "quay"]),
    note("k", ["ferry timetable", "gull"]),
  ].map(inFolder("markdown"));
  const topic = { members: ["g", "h", "i", "j", "k"], folder: "markdown" };
  const named = nameTopics([topic], apart).named[0];
  assert.equal(named.name, "Markdown");
  // Nor does a phrase two notes in five have describe them, nor one two in four have.
  assert.deepEqual(named.phrases, []);
  const python = [
    note("p", ["nested scopes", "weak references"]),
    note("q", ["nested scopes", "descriptors"]),
    note("r", ["url schemes", "descriptors"]),
    note("s", ["regular expressions", "weak references"]),
  ].map(inFolder("python"));
  const half = nameTopics([{ members: ["p", "q", "r", "s"], folder: "python" }], python);
  assert.equal(half.named[0].name, "Python");
  assert.deepEqual(half.named[0].phrases, []);
  // An everyday word is the name its owner gave such a folder, where half the notes share a
  // phrase and half do not.
  const papers = [
    note("l", ["dimacs format", "wick"]),
    note("m", ["dimacs format", "tide table"]),
    note("n", ["crc computation", "quay"]),
    note("o", ["font configuration", "gull"]),
  ].map(inFolder("papers"));
  const grabBag = nameTopics([{ members: ["l", "m", "n", "o"], folder: "papers" }], papers);
  assert.equal(grabBag.named[0].name, "Papers");
  assert.deepEqual(grabBag.named[0].phrases, []);
});

Deno.test("nameTopics() names no map after the head word its notes' phrases share", () => {
  // Three kinds of format in three unrelated manuals: no subject "Format" in common.
  const notes = [
    note("p", ["file format", "lamp oil"]),
    note("q", ["dimacs format", "flow problem"]),
    note("r", ["compressed file format", "wick trimming"]),
  ].map((n) => ({ ...n, folder: "pdfs" }));
  const { named } = nameTopics([{ members: ["p", "q", "r"], folder: "pdfs" }], notes);
  assert.equal(named[0].name, "PDFs");
  // A word that modifies their phrases is their subject: "python lists", "python version".
  const python = [note("s", ["python lists"]), note("t", ["python version"])]
    .map((n) => ({ ...n, folder: "pdfs" }));
  assert.equal(
    nameTopics([{ members: ["s", "t"], folder: "pdfs" }], python).named[0].name,
    "Python",
  );
});

Deno.test("nameTopics() makes one map of two groups whose only subject is the same", () => {
  // "git" in every note; each other phrase in two notes of five, too few to name a map.
  const notes = [
    ...["a", "b", "c", "d", "e"].map((k, i) => note(k, ["git", i < 2 ? "packed objects" : k])),
    ...["f", "g", "h", "i", "j"].map((k, i) => note(k, ["git", i < 2 ? "topic branches" : k])),
  ];
  const groups = [
    { members: ["a", "b", "c", "d", "e"], folder: "" },
    { members: ["f", "g", "h", "i", "j"], folder: "" },
  ];
  const { named } = nameTopics(groups, notes);
  assert.deepEqual(named.map((t) => [t.name, t.members.length]), [["Git", 10]]);
  // Nor "Git (2)" where no other phrase is left.
  const bare = ["a", "b", "c", "d", "e", "f"].map((k) => note(k, ["git"]));
  const twice = nameTopics([
    { members: ["a", "b", "c"], folder: "" },
    { members: ["d", "e", "f"], folder: "" },
  ], bare);
  assert.deepEqual(twice.named.map((t) => [t.name, t.members.length]), [["Git", 6]]);
  // Where a map of an earlier step has the name, a phrase fewer of its notes share tells the
  // second apart ("Topic branches", not "Git (2)").
  const second = nameTopics([groups[1]], notes, ["Git"]);
  assert.deepEqual(second.named.map((t) => t.name), ["Topic branches"]);
});

Deno.test("sharedPhraseParts() makes the notes left over that share a phrase or a name a part", () => {
  const notes = [
    note("p1", ["logging handlers"], ["python"]),
    note("p2", ["enum members"], ["python"]),
    { ...note("p3", ["argument parser"]), names: ["Python Software Foundation"] },
    { ...note("p4", ["socket calls"], ["python"]), names: ["Python Software Foundation"] },
    { ...note("m1", ["dimacs format"]), names: ["Andrew Makhorin"] },
    { ...note("m2", ["nombres simbólicos"]), names: ["Andrew Makhorin"] },
    { ...note("m3", ["mip solver"]), names: ["Andrew Makhorin"] },
    // "file" is an everyday word, shared by notes of no one subject.
    note("x", ["file"]),
    note("y", ["file"]),
    note("z", ["file"]),
  ];
  const { parts, rest } = sharedPhraseParts(notes.map((n) => n.key), notes, 3);
  assert.deepEqual(parts.map((p) => p.members), [["m1", "m2", "m3"], ["p1", "p2", "p4"]]);
  assert.deepEqual(rest, ["p3", "x", "y", "z"]);
  // Fewer than `least` notes make no part, and no more parts than the vault has room for.
  assert.deepEqual(sharedPhraseParts(["p1", "p2", "x"], notes, 3).parts, []);
  assert.equal(sharedPhraseParts(notes.map((n) => n.key), notes, 3, 1).parts.length, 1);
});

Deno.test("sharedPhraseParts() takes no phrase most of the vault shares", () => {
  const notes = Array.from({ length: 16 }, (_, i) => note(`n${i}`, ["harbour cranes"]));
  assert.deepEqual(sharedPhraseParts(["n0", "n1", "n2"], notes, 3).parts, []);
});

Deno.test("sharedPhraseParts() takes no phrase over half the vault has, however many notes are left", () => {
  // The vault's subject: 22 of 30 pages of one server's manual say its name, 19 are left over.
  const notes = Array.from(
    { length: 30 },
    (_, i) => note(`n${String(i).padStart(2, "0")}`, i < 22 ? ["harbour cranes"] : ["dry docks"]),
  );
  const left = notes.slice(0, 19).map((n) => n.key);
  assert.deepEqual(sharedPhraseParts(left, notes, 3).parts, []);
  // Nor does it name a topic of those notes.
  const { named } = nameTopics([{ members: left, folder: "" }], notes);
  assert.deepEqual(named.map((t) => t.name), []);
});

Deno.test("nameTopics() names no topic by words the vault's subject is made of", () => {
  // Thirty pages of one harbour's manual: each says "harbour" or "crane" somewhere, the first six
  // "harbour crane" and also "quay cranes"; no phrase is in most notes.
  const notes = Array.from({ length: 30 }, (_, i) => ({
    ...note(
      `n${String(i).padStart(2, "0")}`,
      i < 6 ? ["harbour crane", "quay cranes"] : [`dock ${i}`],
    ),
    summary: i % 2 === 0 ? "The harbour opens at dawn." : "A crane lifts boxes at the harbour.",
  }));
  const { named } = nameTopics(
    [{ members: notes.slice(0, 6).map((n) => n.key), folder: "" }],
    notes,
  );
  assert.deepEqual(named.map((t) => t.name), ["Quay cranes"]);
});

Deno.test("byOwnPhrases() moves a note that has none of its map's phrases to the map of its own", () => {
  const notes = [
    note("g1", ["merge commit"], ["git"]),
    note("g2", ["topic branch"], ["git"]),
    note("g3", ["rebase"], ["git"]),
    note("gov", ["collaborator nomination"], ["nodejs"]),
    note("n1", ["async hooks"], ["nodejs"]),
    note("n2", ["addons"], ["nodejs"]),
    note("n3", ["module loader"], ["nodejs"]),
  ];
  const topic = (members: string[], key: string) => ({
    members,
    folder: "",
    name: key,
    phrases: [key],
    phraseKeys: [key],
  });
  const [git, node] = byOwnPhrases(
    [
      topic(["g1", "g2", "g3", "gov"], "git"),
      topic(["n1", "n2", "n3"], "nodej"),
    ],
    notes,
    3,
  );
  assert.deepEqual(git.members, ["g1", "g2", "g3"]);
  assert.deepEqual(node.members, ["gov", "n1", "n2", "n3"]);
  // A map keeps its least notes, and a note stays in the map of its own folder.
  const small = byOwnPhrases(
    [
      topic(["g1", "g2", "gov"], "git"),
      topic(["n1", "n2", "n3"], "nodej"),
    ],
    notes,
    3,
  );
  assert.deepEqual(small[0].members, ["g1", "g2", "gov"]);
  const inFolder = byOwnPhrases(
    [
      { ...topic(["g1", "g2", "g3", "gov"], "git"), folder: "git" },
      topic(["n1", "n2", "n3"], "nodej"),
    ],
    notes.map((n) => ({ ...n, folder: n.key.startsWith("n") ? "" : "git" })),
    3,
  );
  assert.deepEqual(inFolder[0].members, ["g1", "g2", "g3", "gov"]);
});

Deno.test("nameTopics() names notes that share no phrase by the word of a body they all give", () => {
  const howto = (key: string, phrase: string, summary: string, body: string): PhraseNote => ({
    ...note(key, [phrase]),
    names: [body],
    bodies: [body],
    summary,
  });
  const notes = [
    howto("a", "argument parser", "Argparse is Python's parser.", "Python Software Foundation"),
    howto("b", "enum members", "An enum in Python has members.", "Python Software Foundation"),
    howto("c", "log handlers", "Python logs through handlers.", "Python Software Foundation"),
    note("d", ["harbour lamps"]),
  ];
  const topic = { members: ["a", "b", "c"], folder: "" };
  assert.equal(nameTopics([topic], notes).named[0]?.name, "Python");
  // An everyday word names nothing: "Free" of "Free Software Foundation".
  const free = notes.map((n) => n.bodies ? { ...n, bodies: ["Free Software Foundation"] } : n);
  assert.deepEqual(nameTopics([topic], free).named, []);
  // Nor one most of the vault's other notes give: the whole vault is Python's.
  const vault = [
    ...notes.slice(0, 3),
    howto("e", "socket calls", "Python opens sockets.", "Python Software Foundation"),
    howto("f", "sort keys", "Python sorts lists.", "Python Software Foundation"),
    howto("g", "regex groups", "Python matches text.", "Python Software Foundation"),
  ];
  assert.deepEqual(nameTopics([topic], vault).named, []);
});

Deno.test("nameTopics() names a folder's notes as its owner named the folder, everyday word or not", () => {
  const chapters = ["Lexical analysis", "Data model", "Execution model", "Expressions"].map((
    t,
  ) => ({
    ...note(`Sources/reference/${t}.md`, [`${t.toLowerCase()} rules`]),
    folder: "reference",
  }));
  const reference = { members: chapters.map((n) => n.key), folder: "reference" };
  assert.equal(nameTopics([reference], chapters).named[0].name, "Reference");
  // Said on in half the titles or more: "Using Python", not "Using" nor "Using Python on".
  const guides = ["Using Python on Unix", "Using Python on Windows", "Editors and IDEs"].map((
    t,
  ) => ({
    ...note(`Sources/using/${t}.md`, [`${t.toLowerCase()} setup`]),
    folder: "using",
  }));
  const using = { members: guides.map((n) => n.key), folder: "using" };
  assert.equal(nameTopics([using], guides).named[0].name, "Using Python");
});

Deno.test("withoutStrangers() takes from a folder's map the notes from elsewhere it shares nothing with", () => {
  const notes: PhraseNote[] = [
    { ...note("t1", ["list comprehension"], ["python"]), folder: "tutorial" },
    { ...note("t2", ["keyword arguments"], ["python"]), folder: "tutorial" },
    { ...note("t3", ["exception chaining"]), folder: "tutorial" },
    { ...note("loose", ["python interpreter"]), folder: "" },
    { ...note("mathprog", ["set expression", "model description"]), folder: "" },
  ];
  const tutorial = {
    members: ["loose", "mathprog", "t1", "t2", "t3"],
    folder: "tutorial",
    name: "Tutorial",
    phrases: [],
    phraseKeys: [],
  };
  const { topics, strangers } = withoutStrangers([tutorial], notes);
  assert.deepEqual(topics[0].members, ["loose", "t1", "t2", "t3"]);
  assert.deepEqual(strangers, ["mathprog"]);
  // A map of no one folder keeps all its notes.
  const unfoldered = withoutStrangers([{ ...tutorial, folder: "" }], notes);
  assert.deepEqual(unfoldered.topics[0].members, tutorial.members);
  assert.deepEqual(unfoldered.strangers, []);
});

Deno.test("nameTopics() names dated notes that share no subject by the years they span", () => {
  const dated = (key: string, keyphrases: string[]) => note(`Sources/${key}.md`, keyphrases);
  const notes = [
    dated("1801 Ann Marsh", ["lamp oil", "whale boats"]),
    dated("1820 Tom Reed", ["pilot fees", "sea walls"]),
    dated("1844-03-02 Board Minutes", ["canal tolls", "dredging"]),
    dated("1901 Ida Cole", ["steam tugs", "coal wharves"]),
    dated("1930 Sam Hart", ["container cranes", "rail sidings"]),
    dated("1965 Eve Lund", ["radar beacons", "oil terminals"]),
  ];
  const keys = notes.map((n) => n.key);
  const { named, unnamed } = nameTopics(
    [{ members: keys.slice(0, 3), folder: "" }, { members: keys.slice(3), folder: "" }],
    notes,
  );
  assert.deepEqual(unnamed, []);
  assert.deepEqual(named.map((t) => [t.name, t.years]), [
    ["1801–1844", [1801, 1844]],
    ["1901–1965", [1901, 1965]],
  ]);
  // A year of another group between them: no stretch of time is theirs alone.
  const mixed = nameTopics(
    [{ members: [keys[0], keys[3], keys[5]], folder: "" }, {
      members: [keys[1], keys[2], keys[4]],
      folder: "",
    }],
    notes,
  );
  assert.deepEqual(mixed.named, []);
});

Deno.test("nameTopics() joins a topic whose best name a map made before has to that map", () => {
  // "lamp glass", which two of its four notes share, is no name for all four.
  const notes = [
    ...["a1", "a2", "a3", "a4", "b1", "b2"].map((key) => note(key, ["lamp oil"])),
    ...["b3", "b4"].map((key) => note(key, ["lamp oil", "lamp glass"])),
    ...["c1", "c2", "c3", "c4"].map((key) => note(key, ["tide tables"])),
  ];
  const first = nameTopics([{ members: ["a1", "a2", "a3", "a4"], folder: "" }], notes);
  assert.equal(first.named[0].name, "Lamp oil");
  const second = nameTopics(
    [{ members: ["b1", "b2", "b3", "b4"], folder: "" }],
    notes,
    ["Lamp oil"],
    first.named,
  );
  assert.deepEqual(second.named, []);
  assert.deepEqual(second.joins, [{ into: "Lamp oil", members: ["b1", "b2", "b3", "b4"] }]);
});

Deno.test("nameTopics() joins topics of one place whose best names differ only in number", () => {
  const notes = [
    ...["a1", "a2", "a3"].map((key) => note(key, ["lamp wick"])),
    ...["b1", "b2", "b3"].map((key) => note(key, ["lamp wicks"])),
    ...["c1", "c2", "c3", "c4"].map((key) => note(key, ["tide tables"])),
  ];
  const { named } = nameTopics([
    { members: ["a1", "a2", "a3"], folder: "" },
    { members: ["b1", "b2", "b3"], folder: "" },
  ], notes);
  assert.deepEqual(named.map((t) => [t.name, t.members]), [
    ["Lamp wick", ["a1", "a2", "a3", "b1", "b2", "b3"]],
  ]);
});

Deno.test("nameTopics() names notes each about one thing of a kind after the kind", () => {
  const notes = [
    note("n1", ["dns server", "zone transfer", "secondary servers"]),
    note("n2", ["dhcp server", "lease time"]),
    note("n3", ["nfs server", "export list"]),
    note("n4", ["printer queue"]),
    ...STRANGERS,
  ];
  const { named } = nameTopics([{ members: ["n1", "n2", "n3", "n4"], folder: "" }], notes);
  assert.deepEqual(
    named.map((t) => [t.name, t.kind, t.phrases]),
    [["Servers", "servers", ["dhcp server", "dns server", "nfs server"]]],
  );
  // An acronym's kind keeps its capitals: "APIs", not "Apis".
  const apis = [
    { ...note("a1", ["web apis", "event loop"]), summary: "Lamps have Web APIs." },
    note("a2", ["timer api", "delay"]),
    note("a3", ["measurement apis", "marks"]),
    ...notes.slice(3),
  ];
  assert.deepEqual(
    nameTopics([{ members: ["a1", "a2", "a3", "n4"], folder: "" }], apis).named
      .map((t) => [t.name, t.kind]),
    [["APIs", "APIs"]],
  );
  // Two things of the kind are no kind of their own, nor is an everyday word's.
  const two = notes.map((n) => n.key === "n3" ? note("n3", ["export list"]) : n);
  assert.deepEqual(nameTopics([{ members: ["n1", "n2", "n3", "n4"], folder: "" }], two).named, []);
  const files = [
    note("f1", ["log file", "rotation"]),
    note("f2", ["database file", "vacuum"]),
    note("f3", ["config file", "syntax"]),
    ...notes.slice(4),
  ];
  assert.deepEqual(nameTopics([{ members: ["f1", "f2", "f3"], folder: "" }], files).named, []);
  // Nor an act, done to things of no one kind, nor a body's name.
  const acts = [
    note("r1", ["wick reduction", "dusk"]),
    note("r2", ["oil reduction", "tides"]),
    note("r3", ["glass reduction", "gales"]),
    ...notes.slice(4),
  ];
  assert.deepEqual(nameTopics([{ members: ["r1", "r2", "r3"], folder: "" }], acts).named, []);
  const bodies = notes.map((n) =>
    n.key === "n3"
      ? { ...note("n3", ["united servers", "export list"]), bodies: ["United Servers"] }
      : n
  );
  assert.deepEqual(
    nameTopics([{ members: ["n1", "n2", "n3", "n4"], folder: "" }], bodies).named,
    [],
  );
});

Deno.test("nameTopics() names a pair, where topics have three notes, only by a word both titles say", () => {
  const notes = [
    note("Sources/threading — Thread-based parallelism.md", ["symbolic link", "thread object"]),
    note("Sources/multiprocessing — Process-based parallelism.md", ["symbolic link", "pool"]),
    note("Sources/pathlib — High-level path objects.md", ["symbolic link", "glob"]),
    note("Sources/shutil — High-level file operations.md", ["symbolic link", "copy tree"]),
    ...STRANGERS,
  ];
  const pair = (a: number, b: number) => ({ members: [notes[a].key, notes[b].key], folder: "" });
  const { named, unnamed } = nameTopics([pair(0, 1), pair(2, 3)], notes);
  assert.deepEqual(named.map((t) => [t.name, t.members.length]), [["Parallelism", 2]]);
  // Nor by what their tags share, nor by a compound of everyday words ("High-level").
  assert.deepEqual(unnamed.map((t) => t.members.length), [2]);
  // Nor by the kind of text both are.
  const readmes = [
    note("Sources/Wick README.md", ["symbolic link", "wick"]),
    note("Sources/Trim README.md", ["symbolic link", "trim"]),
    ...STRANGERS,
  ];
  const kindOnly = nameTopics([{ members: [readmes[0].key, readmes[1].key], folder: "" }], readmes);
  assert.deepEqual(kindOnly.named, []);
  // In a small vault a pair is a topic like any other.
  const small = nameTopics([pair(2, 3)], notes.slice(0, 4)).named;
  assert.deepEqual(small.map((t) => t.name), ["Symbolic link"]);
});

Deno.test("nameTopics() names notes by two words most of their titles say, before a phrase none says", () => {
  const notes = [
    note("Sources/os.path — Common pathname manipulations.md", ["symbolic link", "drive"]),
    note("Sources/glob — Unix style pathname pattern expansion.md", ["symbolic link", "wildcard"]),
    note("Sources/shutil — High-level file operations.md", ["symbolic link", "copy tree"]),
    note("Sources/tempfile — Generate temporary files and directories.md", ["symbolic link"]),
    note("Sources/pathlib — Object-oriented filesystem paths.md", ["pure path", "drive"]),
    ...STRANGERS,
  ];
  const topic = { members: notes.slice(0, 5).map((n) => n.key), folder: "" };
  const [named] = nameTopics([topic], notes).named;
  assert.equal(named.name, "Files and pathnames");
  // Named for its titles, the map claims no phrase for all its notes.
  assert.deepEqual(named.phrases, []);
  // Not where too few of the titles say either word: four of six.
  const crane = notes.map((n) =>
    n.key === "Sources/o0.md" ? { ...n, keyphrases: ["symbolic link"] } : n
  );
  const members = [...topic.members.slice(0, 4), "Sources/o0.md", "Sources/o1.md"];
  assert.equal(nameTopics([{ members, folder: "" }], crane).named[0]?.name, "Symbolic link");
  // Nor by a part of a book ("Chapter"), nor by a word most of the vault's titles say: the
  // Debian FAQ's chapters were "Chapters and debians".
  const faq = [
    "Chapter 1. Keeping your Wickhaven system",
    "Chapter 2. Getting support for Wickhaven",
    "Chapter 3. The Wickhaven archives",
    "Chapter 4. Contributing to the Wickhaven guild",
    "Chapter 5. Wickhaven and the lamp",
    "Chapter 6. Choosing a Wickhaven system",
  ].map((title) => note(`Sources/${title}.md`, ["manual pages", "oil"]));
  const chapters = nameTopics([{ members: faq.map((n) => n.key), folder: "" }], faq).named;
  assert.deepEqual(chapters.map((t) => t.name), ["Manual pages"]);
});

Deno.test("nameTopics() reads the first part of a hyphenated word as a modifier, spelled as summaries write it", () => {
  const notes = [
    {
      ...note("Sources/The zorp-file Command.md", ["zorp-file command", "wick"]),
      summary: "ZORP finds files.",
    },
    {
      ...note("Sources/The zorp-cache Command.md", ["zorp-cache policy", "oil"]),
      summary: "ZORP caches.",
    },
    { ...note("Sources/Upgrades.md", ["zorp-show-versions", "glass"]), summary: "Run zorp-get." },
    ...STRANGERS,
  ];
  const { named } = nameTopics(
    [{ members: notes.slice(0, 3).map((n) => n.key), folder: "" }],
    notes,
  );
  assert.deepEqual(named.map((t) => t.name), ["ZORP"]);
});

Deno.test("sharedPhraseParts() takes first a phrase all its notes' titles say", () => {
  // Keys are vault paths; a note's title is its file's name.
  const notes = [
    note("Sources/wick — Lamp wicks.md", ["wick module", "keyword arguments"]),
    note("Sources/wick.config — Wick settings.md", ["wick settings", "keyword arguments"]),
    note("Sources/wick.trim — Wick trimming.md", ["wick trimming"]),
    note("Sources/csv — Rows.md", ["keyword arguments", "csv rows"]),
    note("Sources/textwrap — Lines.md", ["keyword arguments", "line widths"]),
    ...STRANGERS,
  ];
  const keys = notes.slice(0, 5).map((n) => n.key);
  const { parts } = sharedPhraseParts(keys, notes, 3);
  assert.deepEqual(parts.map((p) => p.members), [keys.slice(0, 3)]);
});

Deno.test("nameTopics() names no topic by a kind where some of its notes share a phrase", () => {
  // Three notes on the wick module, three on testing: "modules" is each one's kind, but the
  // wick notes are a subject of their own, which the vault parts by their phrase.
  const notes = [
    note("w1", ["wick module", "trim level"]),
    note("w2", ["wick settings", "config module"]),
    note("w3", ["wick handlers", "handler module"]),
    note("t1", ["test modules", "test cases"]),
    note("t2", ["mock objects", "patch decorators"]),
    note("t3", ["doctest examples", "option flags"]),
    ...STRANGERS,
  ];
  const members = ["t1", "t2", "t3", "w1", "w2", "w3"];
  assert.deepEqual(nameTopics([{ members, folder: "" }], notes).named, []);
});

Deno.test("nameTopics() names a topic by a word most of its notes and titles say", () => {
  const notes = [
    note("Sources/wick — Lamp wicks.md", ["wick messages", "wick"]),
    note("Sources/wick.config — Wick settings.md", ["wick messages", "wick"]),
    note("Sources/wick.trim — Wick trimming.md", ["wick"]),
    ...STRANGERS,
  ];
  const members = notes.slice(0, 3).map((n) => n.key);
  const { named } = nameTopics([{ members, folder: "" }], notes);
  assert.deepEqual(named.map((t) => t.name), ["Wick"]);
  // Not one their titles do not say: "Keyword", of "keyword arguments".
  const untitled = notes.map((n, i) =>
    i < 3 ? note(n.key, i < 2 ? ["keyword arguments", "keyword"] : ["keyword"]) : n
  );
  assert.deepEqual(nameTopics([{ members, folder: "" }], untitled).named.map((t) => t.name), [
    "Keyword arguments",
  ]);
});

Deno.test("nameTopics() joins notes from no one place to the folder's map their name is", () => {
  // Rust by Example: its folder `trait` and pages on traits from four other folders.
  const inFolder = ["trait/clone", "trait/derive", "trait/drop"].map((key) => ({
    ...note(key, ["trait objects", "traits"]),
    folder: "trait",
  }));
  const loose = ["generics/bounds", "conversion/from", "hello/display", "scope/lifetime"].map(
    (key) => ({ ...note(key, ["traits", key]), folder: key.split("/")[0] }),
  );
  const notes = [...inFolder, ...loose, ...STRANGERS];
  const topics: Topic[] = [
    { members: loose.map((n) => n.key), folder: "" },
    { members: inFolder.map((n) => n.key), folder: "trait" },
  ];
  for (const order of [topics, topics.toReversed()]) {
    const { named } = nameTopics(order, notes);
    assert.deepEqual(named.map((t) => [t.name, t.members.length]), [["Trait", 7]]);
  }
  // So do notes most of which are from that folder, which Louvain parted from the rest of it.
  const parted = ["trait/iter", "trait/dyn", "trait/ops", "hello/fmt"].map((key) => ({
    ...note(key, ["traits", key]),
    folder: key.split("/")[0],
  }));
  const { named } = nameTopics([
    { members: inFolder.map((n) => n.key), folder: "trait" },
    { members: parted.map((n) => n.key), folder: "" },
  ], [...inFolder, ...parted, ...STRANGERS]);
  assert.deepEqual(named.map((t) => [t.name, t.members.length]), [["Trait", 7]]);
});

Deno.test("nameTopics() names a map of a folder named for its files' form by its own page", () => {
  // libxslt's API reference, in `html`: each page of one module, none sharing a phrase.
  const members = ["wick", "oil", "glass"].map((n) => ({
    ...note(`html/${n}`, [`${n} care`, `${n} store`]),
    folder: "html",
    sources: [`html/${n}.html`],
  }));
  const own = {
    ...note("own", ["lamp manual"]),
    sources: ["html/index.html"],
    title: "Reference Manual for Lamps",
  };
  const { named } = nameTopics([{ members: members.map((m) => m.key), folder: "html" }], [
    ...members,
    own,
    ...STRANGERS,
  ]);
  assert.equal(named[0].name, "Reference Manual for Lamps");
});

Deno.test("nameTopics() names a folder's map as the folder's own page titles it", () => {
  const named = (folder: string, page: string, title: string) => {
    const members = ["wick", "oil", "glass"].map((n) => ({
      ...note(`${folder}/${n}`, [`${n} care`, "lamp keeping"]),
      folder,
      sources: [`${folder}/${n}.html`],
    }));
    const own = { ...note("own", ["lamp keeping"]), sources: [page], title };
    return nameTopics([{ members: members.map((m) => m.key), folder }], [
      ...members,
      own,
      ...STRANGERS,
    ]).named[0].name;
  };
  // Beside the folder, or in it; a plain title its folder's name was given to stand alone.
  assert.equal(named("trait", "trait.html", "Traits"), "Traits");
  assert.equal(named("start", "start/index.html", "start – Getting started"), "Getting started");
  assert.equal(
    named("keeping", "keeping/index.html", "Keeping and Trimming the Harbour Lamps"),
    "Keeping and Trimming the Harbour Lamps",
  );
  // Its words as they end: Python's `using` is "Python Setup and Usage".
  assert.equal(named("using", "using/index.html", "Lamp Setup and Usage"), "Lamp Setup and Usage");
  // Not a title that names no folder: mdBook's first chapter, a welcome, a name of code.
  assert.equal(named("rustdoc", "rustdoc/index.html", "What is rustdoc?"), "Rustdoc");
  assert.equal(named("lamps", "lamps/index.html", "Welcome to the harbour"), "Lamps");
  assert.equal(named("macros", "macros.html", "macro_rules!"), "Macros");
});
