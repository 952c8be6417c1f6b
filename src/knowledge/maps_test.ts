import assert from "node:assert/strict";
import { buildMaps, contextLine, type MapNote, type MapTopic } from "./maps.ts";
import { HOME_NOTE, MAPS_DIR } from "../vault/layout.ts";

const note = (path: string, context = "", people: string[] = []): MapNote => ({
  path,
  title: path.slice(path.lastIndexOf("/") + 1, -3),
  context,
  people,
});

const NOTES = [
  note("Sources/Engines.md", "Steam drove the mills.", ["Ada Lovelace", "Charles Babbage"]),
  note("Sources/Old/Rail.md", "", ["charles babbage"]),
  note("Sources/Bread.md", "Flour got dear."),
];

const topic = (
  name: string,
  members: string[],
  phrases: string[] = [],
  folder = "",
): MapTopic => ({
  name,
  members,
  phrases,
  folder,
});

const TOPICS = [
  topic("Steam engines", ["Sources/Old/Rail.md", "Sources/Engines.md"], ["steam engines", "mills"]),
  topic("Machine learning", ["Sources/Old/Rail.md"], [], "ml"),
];

Deno.test("buildMaps() puts Home first, then the topics by name, then People", () => {
  assert.equal(HOME_NOTE, "Home.md");
  assert.equal(MAPS_DIR, "Maps");
  assert.deepEqual(buildMaps(NOTES, TOPICS, ["Sources/Bread.md"]).map((m) => m.path), [
    "Home.md",
    "Maps/Machine learning.md",
    "Maps/Steam engines.md",
    "Maps/People.md",
  ]);
});

Deno.test("buildMaps() links every map from Home and the notes in no topic directly", () => {
  const home = buildMaps(NOTES, TOPICS, ["Sources/Bread.md"])[0];
  assert.equal(home.title, "Home");
  assert.equal(
    home.generated,
    [
      "## Topics",
      "",
      "- [[Maps/Machine learning|Machine learning]] (1 note)",
      "- [[Maps/Steam engines|Steam engines]] (2 notes)",
      "",
      "## Notes on subjects of their own",
      "",
      "- [[Sources/Bread|Bread]]: Flour got dear.",
      "",
      "## People",
      "",
      "- [[Maps/People|People]] (2 people)",
    ].join("\n"),
  );
});

Deno.test("buildMaps() lists a topic's notes by name with their line of context", () => {
  const maps = buildMaps(NOTES, TOPICS);
  assert.deepEqual(maps[2], {
    path: "Maps/Steam engines.md",
    title: "Steam engines",
    generated: [
      "Notes about steam engines:",
      "",
      "- [[Sources/Engines|Engines]]: Steam drove the mills.",
      "- [[Sources/Old/Rail|Rail]]",
    ].join("\n"),
  });
  assert.match(maps[1].generated, /^Notes from the folder `ml`:/);
  // A map with notes from elsewhere too says so.
  const mixed = buildMaps(NOTES, [{ ...TOPICS[1], elsewhere: 1 }]);
  assert.match(mixed[1].generated, /^Notes \(most from the folder `ml`\):/);
  // One described by a phrase, all of whose notes are from the folder, says no "most".
  const whole = buildMaps(NOTES, [{ ...TOPICS[1], phrases: ["neural networks"] }]);
  assert.match(whole[1].generated, /^Notes about neural networks \(from the folder `ml`\):/);
});

Deno.test("buildMaps() says what kind of thing a map's notes are each about, and lists their openers", () => {
  const notes = [
    {
      ...note("Sources/DNS.md", "DNS maps names to addresses."),
      summary: ["A DNS server serves zones."],
    },
    {
      ...note("Sources/NFS.md", "NFS shares files."),
      summary: ["The NFS server exports folders."],
    },
  ];
  const servers = {
    ...topic("Servers", notes.map((n) => n.path), ["DNS server", "NFS server"]),
    kind: "servers",
  };
  assert.equal(
    buildMaps(notes, [servers])[1].generated,
    [
      "Notes about servers (DNS server, NFS server):",
      "",
      "- [[Sources/DNS|DNS]]: DNS maps names to addresses.",
      "- [[Sources/NFS|NFS]]: NFS shares files.",
    ].join("\n"),
  );
});

Deno.test("buildMaps() lists a folder's notes first and the notes that joined from elsewhere apart", () => {
  const notes = [
    { ...NOTES[0], folder: "" },
    { ...NOTES[1], folder: "ml" },
    { ...NOTES[2], folder: "ml/old" },
  ];
  const maps = buildMaps(notes, [
    { ...topic("Machine learning", notes.map((n) => n.path), [], "ml"), elsewhere: 1 },
  ]);
  assert.equal(
    maps[1].generated,
    [
      "Notes from the folder `ml`:",
      "",
      "- [[Sources/Bread|Bread]]: Flour got dear.",
      "- [[Sources/Old/Rail|Rail]]",
      "",
      "Close to these, from elsewhere:",
      "",
      "- [[Sources/Engines|Engines]]: Steam drove the mills.",
    ].join("\n"),
  );
});

Deno.test("buildMaps() says on Home what a map is about where its name does not", () => {
  const topics = [topic("Lamps", ["Sources/Engines.md"], ["harbour lamps", "wick trimming"])];
  const home = buildMaps(NOTES, topics)[0].generated;
  assert.match(home, /^- \[\[Maps\/Lamps\|Lamps\]\] \(1 note\): harbour lamps, wick trimming$/m);
});

Deno.test("buildMaps() orders a course's lectures by number, not as text", () => {
  const notes = ["Lecture 10", "Lecture 2", "Lecture 1"].map((t) => note(`Sources/${t}.md`));
  const map = buildMaps(notes, [topic("Course", notes.map((n) => n.path))])[1];
  assert.deepEqual(
    map.generated.split("\n").slice(2),
    ["Lecture 1", "Lecture 2", "Lecture 10"].map((t) => `- [[Sources/${t}|${t}]]`),
  );
});

Deno.test("buildMaps() escapes Markdown in a note's context line", () => {
  const notes = [note("Sources/A.md", "Use *stars*, #hash and [[links]] `here`.")];
  const map = buildMaps(notes, [topic("X y", ["Sources/A.md"])])[1];
  assert.equal(
    map.generated,
    "Notes about x y:\n\n- [[Sources/A|A]]: Use \\*stars\\*, \\#hash and \\[\\[links\\]\\] \\`here\\`.",
  );
});

Deno.test("buildMaps() lists each person once, in name order, with the notes naming them", () => {
  const notes = [
    note("Sources/B.md", "", ["Zoe Quinn", "Ada Lovelace"]),
    note("Sources/A.md", "", ["ada lovelace", "Bob Stone"]),
    note("Sources/C.md", "", ["Ada Lovelace"]),
  ];
  const people = buildMaps(notes, []).at(-1)!;
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
  const notes = [note("Sources/A.md", "", ["Ana *Star* Lopez"])];
  const people = buildMaps(notes, []).at(-1)!;
  assert.equal(people.generated, "- **Ana \\*Star\\* Lopez**: [[Sources/A|A]]");
});

Deno.test("buildMaps() makes no People map and no People section when nobody is named", () => {
  const notes = [note("Sources/A.md"), note("Sources/B.md")];
  const maps = buildMaps(notes, [], ["Sources/B.md", "Sources/A.md"]);
  assert.deepEqual(maps.map((m) => m.path), ["Home.md"]);
  assert.equal(
    maps[0].generated,
    "## Topics\n\n_No topics yet._\n\n## Notes on subjects of their own\n\n" +
      "- [[Sources/A|A]]\n- [[Sources/B|B]]",
  );
});

Deno.test("buildMaps() gives an empty vault a Home that says so", () => {
  assert.deepEqual(buildMaps([], []), [
    { path: "Home.md", title: "Home", generated: "## Topics\n\n_No notes yet._" },
  ]);
});

Deno.test("contextLine() takes the first sentence of the summary's first paragraph", () => {
  assert.equal(
    contextLine(["Steam drove the mills. Then came rail.", "Later."]),
    "Steam drove the mills.",
  );
  assert.equal(contextLine(["Did steam win? Yes."]), "Did steam win?");
  assert.equal(contextLine(["It worked! Mostly."]), "It worked!");
  // A macro's name ends no sentence: "println!" of Rust.
  assert.equal(
    contextLine(["The keeper uses the trim! macro, thus getting a shorter wick. Later."]),
    "The keeper uses the trim! macro, thus getting a shorter wick.",
  );
  // A sentence quoting questions ends after its last quote.
  const asked = "Answers 6 questions, such as “How are wicks trimmed?” and “Why do lamps smoke?”.";
  assert.equal(contextLine([`${asked} Steam drove the mills.`]), asked);
});

Deno.test("contextLine() leaves out the cross-reference a sentence ends with", () => {
  assert.equal(
    contextLine([
      "The harbour has good lamps for night work, see Section 5.9, “How are lamps lit?”.",
    ]),
    "The harbour has good lamps for night work.",
  );
  assert.equal(
    contextLine(["Wicks are kept on a dry shelf of the store (see Section 12.1, “Stores”)."]),
    "Wicks are kept on a dry shelf of the store.",
  );
});

Deno.test("contextLine() takes the text's own first line for what it is", () => {
  assert.equal(
    contextLine(["These are the harbour lamp tools. Send bug reports to lamps@example.org."], "", {
      topic: ["bug report"],
    }),
    "These are the harbour lamp tools.",
  );
  // Not a "this" that leans on what came before it.
  assert.equal(
    contextLine(["This is why lamps burn oil. Steam drove the mills of the harbour town."]),
    "Steam drove the mills of the harbour town.",
  );
});

Deno.test("contextLine() takes a name for named only as it is written, with its capitals", () => {
  const summary = [
    "The harbour lamps burn whale oil through the night. A strong and united nation keeps " +
    "its lamps lit through every storm.",
  ];
  assert.equal(
    contextLine(summary, "", { topic: ["United Nations"] }),
    "The harbour lamps burn whale oil through the night.",
  );
  assert.equal(
    contextLine([`${summary[0]} The United Nations keeps lamps lit too.`], "", {
      topic: ["United Nations"],
    }),
    "The United Nations keeps lamps lit too.",
  );
});

Deno.test("contextLine() takes no line about a thing named before it", () => {
  assert.equal(
    contextLine([
      "Most lamp keepers are unaware of this implementation detail, and never name it. " +
      "The harbour lamps burn whale oil through the night.",
    ]),
    "The harbour lamps burn whale oil through the night.",
  );
});

Deno.test("contextLine() keeps a summary with one sentence whole", () => {
  assert.equal(contextLine(["Steam drove the mills."]), "Steam drove the mills.");
  assert.equal(contextLine(["no full stop at all"]), "no full stop at all");
});

Deno.test("contextLine() keeps the main clause of a long opener, without its asides", () => {
  const opener = "The harbour lamp problem (HLP) is a version of the lighting problem, where " +
    "each lamp (1.1) is trimmed in the keeper's order, that means that " +
    "every wick is cut before dusk, ".repeat(4) + "and lit at night.";
  assert.equal(
    contextLine([`${opener} One may note that lamp (1.2) is lit.`]),
    "The harbour lamp problem is a version of the lighting problem, where each lamp is trimmed " +
      "in the keeper's order.",
  );
});

Deno.test("contextLine() cuts a long opener at its apposition, and takes no line on where to write", () => {
  const opener =
    "Lampwick is the harbour board's Bourne Again Lamp, a complete implementation of " +
    "the lighting standard, but also with wick trimming, oil control on quays that support it, " +
    "glass-like features such as flame colour and brass shades, and a slew of other features.";
  const write = "The discussion list lamp-bugs@harbour.org often tells of new lamps and wicks.";
  assert.equal(
    contextLine([`${opener} ${write}`]),
    "Lampwick is the harbour board's Bourne Again Lamp.",
  );
  assert.equal(
    contextLine([`${write} To subscribe, send a mail to the keepers with the word lamp in it.`]),
    "The discussion list lamp-bugs@harbour.org often tells of new lamps and wicks.",
  );
  assert.equal(
    contextLine([`${write} Keepers trim the harbour lamps before the fleet returns at dusk.`]),
    "Keepers trim the harbour lamps before the fleet returns at dusk.",
  );
  // A mailing list may be what a note is about.
  const about = "The lamp concept was made popular by the keepers' mailing list manager.";
  assert.equal(contextLine([`${about} Keepers trim the lamps before the fleet returns.`]), about);
});

Deno.test("contextLine() cuts no aside from a subject whose verb comes after it", () => {
  const opener =
    "The meeting of the lamp keepers from the northern isles at Colerain, in the county " +
    "of Down, which had for a principal object the purchase of a parcel of their shore by that " +
    "county, broke up without its being accomplished, the keepers having been told before " +
    "their departure to make no sale of any kind.";
  const line = contextLine([`${opener} The harbour board met twice that year to hear them.`]);
  assert.equal(line, "The harbour board met twice that year to hear them.");
});

Deno.test("contextLine() takes a long opener whole but for its asides in brackets", () => {
  const opener = "Lampwick is a library that reads Harbour Lamp Notation (HLN, as the lighthouse " +
    "board of 1898 specified it, with the amendments of 1911 and 1923) tables and writes " +
    "Standard Wick Rules (SWR, as per the board's second rulebook and its four later " +
    "supplements) records.";
  assert.equal(
    contextLine([`${opener} It is small.`]),
    "Lampwick is a library that reads Harbour Lamp Notation tables and writes Standard Wick " +
      "Rules records.",
  );
});

Deno.test("contextLine() takes the main clause of a long sentence saying what the note is for", () => {
  const purpose = "This document strives to highlight the principal differences between Lampwick " +
    "and other harbour lamps, as an aid to keepers that are moving their quays to or from " +
    "Lampwick or who are trying to build a quay that works across many harbour lamps at once.";
  assert.equal(
    contextLine([`${purpose} Some keepers say that Lampwick is weakly trimmed by design.`], "", {
      topic: ["Lampwick"],
    }),
    "This document strives to highlight the principal differences between Lampwick and other " +
      "harbour lamps.",
  ); // Not at the "but" of a "not only" left without it.
  const pair = "This section documents the particular wick trimmer implemented by the lamp " +
    "package for handling harbour lamps of every make, which not only provides trimmed wicks " +
    "for various lamp types, but also provides an extension mechanism for keepers to add their " +
    "own custom wick types.";
  assert.equal(
    contextLine([pair], "", { topic: ["lamp package"] }),
    "This section documents the particular wick trimmer implemented by the lamp package for " +
      "handling harbour lamps of every make.",
  );
});

Deno.test("contextLine() takes no order or item of a to-do list", () => {
  assert.equal(
    contextLine([
      "Add functions for a C code file generation of the lamp tables. Lampwick is a library " +
      "that reads the tables of harbour lamps.",
    ]),
    "Lampwick is a library that reads the tables of harbour lamps.",
  );
  assert.equal(
    contextLine([
      "definitions: return the pointer to the structure created from the lamp file. Lampwick " +
      "is a library that reads the tables of harbour lamps.",
    ]),
    "Lampwick is a library that reads the tables of harbour lamps.",
  );
});

Deno.test("contextLine() takes no sentence that points back at things named before", () => {
  assert.equal(
    contextLine([
      "Lampwick reads the tables of harbour lamps from their keepers' logs. This API allows " +
      "safely reading a lamp's table by solving these two issues at once.",
    ], "Lampwick"),
    "Lampwick reads the tables of harbour lamps from their keepers' logs.",
  );
});

Deno.test("contextLine() is empty for an empty summary", () => {
  assert.equal(contextLine([]), "");
  assert.equal(contextLine([""]), "");
});

Deno.test("contextLine() never cuts a sentence: it takes the shortest whole one of the first", () => {
  const long = "The engine " + "turned the wheel and ".repeat(12) + "stopped.";
  assert.equal(
    contextLine([`${long} Steam engines drove the mills of Lancashire.`]),
    "Steam engines drove the mills of Lancashire.",
  );
  assert.equal(contextLine([long]), long);
});

Deno.test("contextLine() passes over a line of code or a diagram for a sentence in words", () => {
  assert.equal(
    contextLine([
      "*+ [master^2] Replace C99 array initializers with code. Git keeps the old history.",
    ]),
    "Git keeps the old history.",
  );
});

Deno.test("contextLine() trims a spoken opener and passes over a sentence that opens with filler", () => {
  assert.equal(
    contextLine(["So the point is that Heidegger reads Aristotle against the grain here."]),
    "The point is that Heidegger reads Aristotle against the grain here.",
  );
});

Deno.test("contextLine() keeps the closing quote of a first sentence that ends in one", () => {
  assert.equal(contextLine(['She said "stop." Then she left.']), 'She said "stop."');
  assert.equal(contextLine(["(It rained.) Then it stopped."]), "(It rained.)");
  // Nor at a name's closing quote that the sentence goes on after.
  const named = 'The keepers\' "Light Up!" campaign with the harbour has lit every quay.';
  assert.equal(contextLine([named]), named);
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

Deno.test("contextLine() takes no instruction and no sentence announcing what follows", () => {
  assert.equal(
    contextLine([
      "The following list of options is taken from the lamp manual. If you are in a hurry, " +
      "skip to chapter 8. The lamp module makes it easy to trim the wicks of harbour lamps.",
    ]),
    "The lamp module makes it easy to trim the wicks of harbour lamps.",
  );
});

Deno.test("contextLine() takes a summary's opener that runs a little long over a later line", () => {
  const opener = "Lampwick is a C library that trims the wicks of harbour lamps without a keeper " +
    "on the quay and lets a town light its lamps in a nonstandard order from a schedule " +
    "it reads from a file at dusk each and every day.";
  assert.ok(opener.length > 200 && opener.length <= 240, `${opener.length}`);
  assert.equal(
    contextLine([`${opener} The lamp web page lists the supported lamp types.`]),
    opener,
  );
});

Deno.test("contextLine() takes a manual page's NAME line, however short", () => {
  assert.equal(
    contextLine(["lamp-trim - Trim lamp wicks. Wicks are useful in various lamps, to light them."]),
    "lamp-trim - Trim lamp wicks.",
  );
  // Its own command's, over a sentence that names the map's topic, says what the command the
  // title names does.
  const summary = [
    "lamp-trim - trim lamp wicks. The other wick, in the working tree, has 403 lines trimmed.",
  ];
  assert.equal(
    contextLine(summary, "lamp-trim(1)", { topic: ["working tree"] }),
    "Trim lamp wicks.",
  );
  assert.equal(contextLine(["lamptrim − Trim lamp wicks."], "lamptrim"), "Trim lamp wicks.");
  // A title that is the NAME line already says it.
  assert.equal(
    contextLine(
      ["lamptrim − Trim lamp wicks. Lamptrim is a tool that trims the wicks of harbour lamps."],
      "lamptrim — Trim lamp wicks",
    ),
    "Lamptrim is a tool that trims the wicks of harbour lamps.",
  );
});

Deno.test("contextLine() takes an opener saying what the title's subject is over one naming the topic", () => {
  const summary = [
    "The TRIM statement is an extension of the lamp language used to trim harbour lamps. " +
    "When the wick setting is changed, every lamp on the harbour connection goes out at once.",
  ];
  assert.equal(
    contextLine(summary, "TRIM statements of the lamp language", { topic: ["harbour connection"] }),
    "The TRIM statement is an extension of the lamp language used to trim harbour lamps.",
  );
});

Deno.test("contextLine() takes the sentence in which the note says what it is for", () => {
  assert.equal(
    contextLine([
      "The ls command is useful when run without any options at all. This tutorial is " +
      "intended to be a gentle introduction to argparse, the parsing module.",
    ]),
    "This tutorial is intended to be a gentle introduction to argparse, the parsing module.",
  );
});

Deno.test("contextLine() takes the opener that says what the note is for, as long as an opener", () => {
  const opener = "This document gives an overview of how the lamp keeper can be used for " +
    "lighting many harbours at once along the coast, both for the boats at the quay and for " +
    "the purpose of guiding the ships to the harbours elsewhere.";
  assert.ok(opener.length > 200 && opener.length <= 240);
  assert.equal(
    contextLine([`${opener} Each harbour connection keeps its own lamp.`], "Lamp Hosting", {
      topic: ["harbour connection"],
    }),
    opener,
  );
});

Deno.test("contextLine() takes no author's advice for what a note is about", () => {
  assert.equal(
    contextLine([
      "An Enum is a set of symbolic names bound to unique values. Because Enums are constants " +
      "we recommend using upper case names for their members.",
    ]),
    "An Enum is a set of symbolic names bound to unique values.",
  );
});

Deno.test("buildMaps() links notes by their titles", () => {
  const notes = [{
    ...note("Sources/Modules - Packages.md", "", ["Ada Lovelace"]),
    title: "Modules: Packages",
  }];
  const maps = buildMaps(notes, [topic("Modules", ["Sources/Modules - Packages.md"])]);
  const link = "[[Sources/Modules - Packages|Modules: Packages]]";
  assert.ok(maps.find((m) => m.title === "Modules")!.generated.includes(`- ${link}`));
  assert.ok(
    maps.find((m) => m.title === "People")!.generated.includes(`**Ada Lovelace**: ${link}`),
  );
});

Deno.test("contextLine() takes no purpose of a part of the note's subject for the note's", () => {
  const summary = [
    "Lampwick is a small library that trims harbour lamps at dusk and lights them at dawn. " +
    "The lampwick.tool module provides a command line interface to trim one lamp.",
  ];
  assert.equal(
    contextLine(summary, "lampwick — Harbour lamp trimming"),
    "Lampwick is a small library that trims harbour lamps at dusk and lights them at dawn.",
  );
  assert.equal(
    contextLine(summary),
    "The lampwick.tool module provides a command line interface to trim one lamp.",
  );
});

Deno.test("contextLine() takes an opener that defines the subject by its code name", () => {
  const summary = [
    "The harbour:lamp\\_wick module provides the means to trim lamps in a manner like a " +
    "keeper's. If the keeper sets no hour, a lamp wick is trimmed at dusk and at dawn.",
  ];
  assert.equal(
    contextLine(summary, "Lamp wick", { topic: ["lamp wick"] }),
    "The harbour:lamp\\_wick module provides the means to trim lamps in a manner like a keeper's.",
  );
});

Deno.test("contextLine() takes a statement over a question or a warning", () => {
  assert.equal(
    contextLine([
      "Why did the harbour lamps fail last winter? The keeper trims every lamp at dusk.",
    ]),
    "The keeper trims every lamp at dusk.",
  );
  // Nor a warning.
  assert.equal(
    contextLine([
      "A high wick will smoke your whole harbour lamp dramatically! The keeper trims every wick at dusk.",
    ]),
    "The keeper trims every wick at dusk.",
  );
});

Deno.test("contextLine() ends a sentence at 'etc.' before a capital, not before a small letter", () => {
  assert.equal(
    contextLine(["Lampwick reads harbour tables: tides(5), wicks(5), etc. Lampwick is small."]),
    "Lampwick reads harbour tables: tides(5), wicks(5), etc.",
  );
  assert.equal(
    contextLine(["Lampwick reads tides, wicks, etc. and writes the keeper's daily log."]),
    "Lampwick reads tides, wicks, etc. and writes the keeper's daily log.",
  );
});

Deno.test("contextLine() takes no blurb of one of the things a note lists for the note", () => {
  const summary = [
    "This book provides a full description of the harbour lamps of Cornwall. " +
    "Harbour lamps burnt whale oil until the keepers' strike of 1851.",
  ];
  assert.equal(
    contextLine(summary, "Books About Harbour Lamps"),
    "Harbour lamps burnt whale oil until the keepers' strike of 1851.",
  );
  assert.equal(
    contextLine(summary, "Harbour Lamps of Cornwall"),
    "This book provides a full description of the harbour lamps of Cornwall.",
  );
});

Deno.test("buildMaps() lines a note on a named topic's map with what it says of the topic", () => {
  const speech: MapNote = {
    ...note("Sources/1980.md", "Tonight freedom and peace depend on the state of our Union."),
    summary: ["Tonight freedom and peace depend on the state of our Union. We face a challenge."],
    keyPoints: [
      "The peace treaty between Egypt and Israel is a notable achievement for the Middle East.",
    ],
  };
  const lines = (topics: MapTopic[]) =>
    buildMaps([speech], topics).find((m) => m.path !== HOME_NOTE)!.generated.split("\n").at(-1);
  assert.equal(
    lines([topic("Middle East", ["Sources/1980.md"], ["peace treaty"])]),
    "- [[Sources/1980|1980]]: The peace treaty between Egypt and Israel is a notable achievement " +
      "for the Middle East.",
  );
  // A folder's map says what each note is about, whatever the folder is named.
  assert.equal(
    lines([topic("Middle East", ["Sources/1980.md"], [], "middle-east")]),
    "- [[Sources/1980|1980]]: Tonight freedom and peace depend on the state of our Union.",
  );
});

Deno.test("contextLine() takes a speech's proposal on the topic, as long as an opener may run", () => {
  const proposal = "I will send you a proposal to double the budget of the harbour lamps and to " +
    "focus its new work on the training of keepers, the trimming of wicks, the buying of oil " +
    "and the building of towers in the Middle East.";
  const summary = [
    "Americans are proving once again to be the hardest working people. " + proposal,
  ];
  assert.ok(proposal.length > 200 && proposal.length <= 240);
  assert.equal(contextLine(summary, "2004", { topic: ["Middle East"] }), proposal);
});

Deno.test("buildMaps() lists last, as such, the notes whose summary does not name the topic", () => {
  const speech = (path: string, summary: string): MapNote => ({
    ...note(path, summary),
    summary: [summary],
    keyPoints: [],
  });
  const notes = [
    speech("Sources/1934.md", "We seek the end of monopoly in trade and industry."),
    speech("Sources/1953.md", "We relied on the United Nations to keep the peace."),
  ];
  const map = buildMaps(notes, [topic("United Nations", ["Sources/1934.md", "Sources/1953.md"])])
    .find((m) => m.path !== HOME_NOTE)!.generated;
  assert.equal(
    map,
    "Notes about United Nations:\n\n- [[Sources/1953|1953]]: We relied on the United Nations to keep " +
      "the peace.\n\nClose to these, though their summaries do not name it:\n\n" +
      "- [[Sources/1934|1934]]: We seek the end of monopoly in trade and industry.",
  );
  // A note whose title names the topic is about it, whatever its summary says.
  const titled = [
    notes[1],
    {
      ...speech("Sources/Lamps.md", "Each keeper trims the wicks."),
      title: "United Nations lamps",
    },
  ];
  assert.doesNotMatch(
    buildMaps(titled, [topic("United Nations", ["Sources/1953.md", "Sources/Lamps.md"])])
      .find((m) => m.path !== HOME_NOTE)!.generated,
    /Close to these/,
  );
  // A name the summaries write in small letters is written so in the line.
  const wage = [
    speech("Sources/1949.md", "We must raise the minimum wage to 75 cents an hour."),
    speech("Sources/1952.md", "The minimum wage has helped millions."),
  ];
  assert.match(
    buildMaps(wage, [topic("Minimum wage", ["Sources/1949.md", "Sources/1952.md"])])
      .find((m) => m.path !== HOME_NOTE)!.generated,
    /^Notes about minimum wage:/,
  );
  // A folder's map lists its notes alike.
  const folder = buildMaps(notes, [
    topic("United Nations", ["Sources/1934.md", "Sources/1953.md"], [], "un"),
  ]).find((m) => m.path !== HOME_NOTE)!.generated;
  assert.doesNotMatch(folder, /Close to these/);
});

Deno.test("contextLine() takes a sentence naming the map's topic, in any form of its words", () => {
  const summary = [
    "Our nation faces a time of great challenge. We have cut the taxes of families.",
    "Our tax codes reward work and saving.",
  ];
  assert.equal(contextLine(summary), "Our nation faces a time of great challenge.");
  assert.equal(
    contextLine(summary, "", { topic: ["tax code"] }),
    "Our tax codes reward work and saving.",
  );
  // The note's own words for what it is for come first, on any map.
  assert.equal(
    contextLine(["This guide describes the tax code of 1986. Our tax code rewards work."], "", {
      topic: ["tax code"],
    }),
    "This guide describes the tax code of 1986.",
  );
});

Deno.test("contextLine() takes a FAQ's line of its questions over an answer naming the topic", () => {
  const questions = "Answers 64 questions, such as “Is there a debugger with breakpoints?”, " +
    "“Why am I getting an UnboundLocalError?” and “What is a class?”.";
  const summary = [`${questions} The pdb module is a simple console-mode debugger for Python.`];
  assert.equal(contextLine(summary, "Programming FAQ", { topic: ["Python"] }), questions);
});

Deno.test("contextLine() passes over a sentence about the occasion of a speech", () => {
  assert.equal(
    contextLine([
      "We meet here tonight at a time of great challenge for America. Seven years ago, " +
      "America was weak, and freedom everywhere was under siege.",
    ]),
    "Seven years ago, America was weak, and freedom everywhere was under siege.",
  );
  // Nor the address itself.
  assert.equal(
    contextLine([
      "For the sixth and the last time, I present to the Congress my assessment of the State " +
      "of the Union. The harbour towns need new lamps and keepers to trim them.",
    ]),
    "The harbour towns need new lamps and keepers to trim them.",
  );
});

Deno.test("contextLine() takes the author's word for what the note covers", () => {
  assert.equal(
    contextLine([
      "In this document, we explore the various techniques for sorting data using Python. " +
      "The sort is stable – if two items have the same key, their order will be preserved.",
    ]),
    "In this document, we explore the various techniques for sorting data using Python.",
  );
});

Deno.test("buildMaps() lists two people each named by a note's title apart", () => {
  const notes = [
    note("Sources/1992 George Bush.md", "", ["George Bush"]),
    note("Sources/2007 George W. Bush.md", "", ["George W. Bush"]),
    note("Sources/2008 Letters.md", "", ["George Bush"]),
  ];
  const people = buildMaps(notes, []).find((m) => m.title === "People")!.generated;
  assert.match(people, /\*\*George Bush\*\*: \[\[Sources\/1992 George Bush\|.*2008 Letters/u);
  assert.match(
    people,
    /\*\*George W\. Bush\*\*: \[\[Sources\/2007 George W\. Bush\|[^,\n]*\]\]$/mu,
  );
});

Deno.test("buildMaps() says a map of years is of notes from those years", () => {
  const notes = [
    { ...note("Sources/1801 Ann Marsh.md", "The lamps burn whale oil."), summary: ["Oil."] },
    { ...note("Sources/1820 Tom Reed.md", "The pilots want fees."), summary: ["Fees."] },
  ];
  const years = { ...topic("1801–1820", notes.map((n) => n.path)), years: [1801, 1820] };
  const map = buildMaps(notes, [years as MapTopic])[1];
  assert.equal(
    map.generated,
    "Notes from 1801 to 1820:\n\n" +
      "- [[Sources/1801 Ann Marsh|1801 Ann Marsh]]: The lamps burn whale oil.\n" +
      "- [[Sources/1820 Tom Reed|1820 Tom Reed]]: The pilots want fees.",
  );
});
