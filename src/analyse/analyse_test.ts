import assert from "node:assert/strict";
import { NO_ANALYSIS } from "../../tests/support/drafts.ts";
import { Analysis } from "../protocol/messages.ts";
import { timeBoxed } from "../sandbox/time_box.ts";
import {
  analyse,
  type Analysed,
  hyphensAsDashes,
  linkKeyPoints,
  pickSummary,
  shorten,
  warmUp,
} from "./analyse.ts";
import { stemWeight } from "./commonness.ts";
import { keyPointCount, summaryLength, type Unit } from "./summarise.ts";

/** A page of prose, about 420 words, naming people, organisations and places. */
const ADA = `Ada Lovelace was an English mathematician who worked with Charles Babbage on the \
Analytical Engine. Babbage designed the engine in London during the 1830s, and Lovelace wrote \
the first published program for it.

The Analytical Engine was a mechanical general-purpose computer. It had a mill for arithmetic \
and a store for numbers, much like the processor and memory of a modern computer. Punched cards, \
borrowed from the Jacquard loom, carried both the instructions and the data. Lovelace understood \
that the engine could manipulate symbols as well as numbers, and she guessed that it might one \
day compose music.

In 1843 Lovelace translated an article by the Italian engineer Luigi Menabrea, who had attended \
a lecture Babbage gave in Turin. Her notes on the translation were three times longer than the \
article itself. Note G described an algorithm for computing Bernoulli numbers with the engine, \
step by step, with a table of the operations and the variables they changed.

The Royal Society and the British Association for the Advancement of Science followed the work \
with interest. Babbage never finished building the Analytical Engine, because the government \
stopped funding it after years of delays and disputes with his engineer. Only a small trial \
piece of the mill was assembled before he died. His son later built part of the machine from \
the surviving drawings.

Lovelace died in 1852, at the age of thirty-six, and her notes were largely forgotten for a \
century. Historians still argue about how much of the program was her own work and how much \
came from Babbage, but her letters show that she corrected his figures and pushed the ideas \
further than he had.

Alan Turing read the notes in the 1940s and answered what he called Lady Lovelace's objection: \
the claim that a machine can only do what we order it to do. Today Lovelace is remembered as a \
pioneer of computing. Ada Lovelace Day celebrates women in science every October, and the \
programming language Ada is named after her. In 1991 the Science Museum in London finished a \
working difference engine from Babbage's plans, showing that his designs would have worked with \
the tools of his time.

The story of the engine is also a story about funding, patience and collaboration. Babbage was \
a brilliant but difficult inventor who quarrelled with the government, with his engineer and \
with the scientific societies. Lovelace, by contrast, explained the machine to readers who had \
never seen it, and her notes remain the clearest account of what the Analytical Engine was \
meant to do.`;

const SUBJECTS = [
  "The tide gauge",
  "Our harbour wall",
  "The salt marsh",
  "Each storm surge",
  "The river mouth",
  "The sea level record",
  "The flood barrier",
  "That mud flat",
  "The lifeboat crew",
  "The survey boat",
  "The old pier",
  "The dune system",
  "The pumping station",
];
const VERBS = [
  "showed",
  "changed",
  "protected",
  "measured",
  "flooded",
  "shifted",
  "damaged",
  "recorded",
  "slowed",
  "raised",
  "exposed",
];
const OBJECTS = [
  "the northern channel",
  "twelve new moorings",
  "the fishing village",
  "the winter sediment",
  "three coastal farms",
  "the lighthouse footings",
  "the shingle spit",
  "a wide reed bed",
  "the ferry landing",
  "the tidal creek",
];
const WHEN = [
  "last spring",
  "during the autumn gales",
  "after the big storm",
  "over ten years",
  "every single winter",
  "before the new survey",
  "in the early records",
];

/** The n-th sentence of the transcript: no two alike (13, 11, 10 and 7 share no factor). */
const line = (n: number) =>
  `${SUBJECTS[n % 13]} ${VERBS[n % 11]} ${OBJECTS[n % 10]} ${WHEN[n % 7]}.`;

const clock = (s: number) =>
  [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((n) => String(n).padStart(2, "0"))
    .join(":");

/** A podcast transcript: paragraphs of three sentences, 20 s apart, two speakers taking turns. */
function transcript(paragraphs: number): string {
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const said = [0, 1, 2].map((s) => line(p * 3 + s)).join(" ");
    out.push(`[${clock(p * 20)}] **${p % 2 === 0 ? "Ana Lopez" : "Bob Stone"}:** ${said}`);
  }
  return out.join("\n\n");
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

const run = (body: string, title = "Notes"): Analysed =>
  analyse({ title, body, wordCount: wordCount(body) });

/** The sentences of a text or summary, stamps and speaker labels left out. */
const sentencesOf = (text: string): string[] =>
  text.split("\n\n")
    .map((p) => p.replace(/^\[[\d:]+\] \*\*[^*]+:\*\* /, "").replace(/\n/g, " "))
    .flatMap((p) => p.split(/(?<=[.!?])\s+/))
    .filter((s) => s !== "");

/** Where each sentence stands in the text; fails on a sentence the text does not have. */
function positions(sentences: string[], text: string): number[] {
  const all = sentencesOf(text);
  return sentences.map((s) => {
    const at = all.indexOf(s);
    assert.ok(at >= 0, `not in the text: ${s}`);
    return at;
  });
}

const increasing = (ns: number[]) => ns.every((n, i) => i === 0 || n > ns[i - 1]);

/** What Obsidian takes as a tag: letters, digits, _, - and /, no empty part, not all digits. */
function assertValidTag(tag: string) {
  assert.match(tag, /^[\p{L}\p{M}\p{N}_-]+(?:\/[\p{L}\p{M}\p{N}_-]+)*$/u, tag);
  assert.match(tag, /\p{L}/u, tag);
}

const EMPTY = NO_ANALYSIS;

const LONG = transcript(100);

/** Everyday facts of a harbour, around which a test sets the sentences it is about. */
const LAMPS = "harbour lamp oil for every harbour lamp keeper of the harbour lamps";
const FACTS = "Gulls fly over the quay. Boats sail out at dawn. Fish are sold on the quay. " +
  `Nets dry in the sun. The ${LAMPS} burns all night. Keepers trim the ${LAMPS} at dusk.`;

Deno.test("analyse() summarises a page in one paragraph of three sentences", () => {
  const { analysis } = run(ADA, "Ada Lovelace and the Analytical Engine");
  assert.equal(summaryLength(wordCount(ADA)), 3);
  assert.equal(analysis.summary.length, 1);
  assert.equal(sentencesOf(analysis.summary[0]).length, 3);
});

Deno.test("analyse() summarises a long transcript in several paragraphs", () => {
  const { analysis } = run(LONG, "Coastal change");
  const sentences = sentencesOf(analysis.summary.join("\n\n"));
  assert.ok(analysis.summary.length >= 2, `${analysis.summary.length}`);
  assert.equal(sentences.length, summaryLength(wordCount(LONG)));
  assert.ok(sentences.length > 3);
});

Deno.test("analyse() writes a longer summary for a longer text", () => {
  const lengths = [10, 40, 160].map((n) =>
    sentencesOf(run(transcript(n)).analysis.summary.join("\n\n")).length
  );
  assert.ok(lengths[0] < lengths[1] && lengths[1] < lengths[2], `${lengths}`);
});

Deno.test("analyse() takes the summary's sentences from the text, in its order, each once", () => {
  for (const body of [ADA, LONG]) {
    const { analysis } = run(body);
    const at = positions(sentencesOf(analysis.summary.join("\n\n")), body);
    assert.ok(increasing(at), `${at}`);
  }
});

Deno.test("analyse() gives 3 to 10 key points, from the text, in its order", () => {
  const page = run(ADA).analysis.keyPoints;
  assert.equal(page.length, keyPointCount(wordCount(ADA)));
  assert.equal(page.length, 3);
  const long = run(LONG).analysis.keyPoints;
  assert.equal(long.length, 10);
  for (const [body, points] of [[ADA, page], [LONG, long]] as const) {
    assert.ok(increasing(positions(points.map((p) => p.text), body)));
  }
});

Deno.test("analyse() gives fewer key points only when the text has fewer sentences", () => {
  // A written text's key points never say its summary again: one sentence is the summary alone.
  assert.equal(run("The engine ran on steam from a coal boiler.").analysis.keyPoints.length, 0);
  const two = "The engine ran on steam from a coal boiler. The mill turned wheat into fine flour.";
  assert.deepEqual(run(two).analysis.keyPoints.map((p) => p.text), [
    "The mill turned wheat into fine flour.",
  ]);
});

Deno.test("analyse() takes no sentence without a verb for a key point or the summary", () => {
  const body = [
    "The mill turned wheat into fine flour for the whole valley.",
    "The maximum weight of grain per sack of the mill's standard measure.",
    "The miller kept the millstones dressed and the sluice gates clear of weed.",
    "Farmers brought their harvest to the mill in carts every autumn.",
  ].join(" ");
  const { analysis } = run(body);
  const said = [...analysis.summary, ...analysis.keyPoints.map((p) => p.text)].join(" ");
  assert.doesNotMatch(said, /maximum weight/);
  assert.match(said, /millstones/);
});

Deno.test("analyse() takes no phrase with a relative clause and no clause of its own", () => {
  const body = [
    "The mill turned wheat into fine flour for the whole valley.",
    "The mill's main millstone, which turned the wheat of the whole valley into flour.",
    "The miller kept the millstones dressed and the sluice gates clear of weed.",
    "Farmers brought their harvest to the mill in carts every autumn, which pleased the miller.",
  ].join(" ");
  const { analysis } = run(body);
  const said = [...analysis.summary, ...analysis.keyPoints.map((p) => p.text)].join(" ");
  assert.doesNotMatch(said, /main millstone/);
  assert.match(said, /pleased the miller/);
});

Deno.test("analyse() takes no key point that names a thing told before", () => {
  const body = [
    "The harbour lamp burns whale oil through the night for the fishing fleet.",
    "Keepers trim the harbour lamp wick at dusk and at dawn.",
    "A special brass key opens the harbour lamp cabinet.",
    "Lighting the harbour lamp with this key does not change the lamp's oil flow.",
    "The fishing fleet returns to the harbour before the lamp is put out.",
    "Storms break the harbour lamp glass twice a year.",
    "This lamp guide allows keepers to trim lamps by solving these two issues with the lamp.",
    "The lamp oil is stored in the harbour cellar in barrels.",
  ].join(" ");
  const { analysis } = run(body, "Harbour lamp");
  const points = analysis.keyPoints.map((p) => p.text).join(" ");
  assert.doesNotMatch(points, /this key|these two issues/);
  assert.match(points, /brass key/);
});

Deno.test("analyse() takes no thing described by a relative clause alone", () => {
  const body = [
    "The mill turned wheat into fine flour for the whole valley.",
    "A wooden mill wheel that turns the upper millstone of the valley mill.",
    "The miller kept the millstones dressed and the sluice gates clear of weed.",
    "The sluice that feeds the wheel was rebuilt by the miller's sons in spring.",
  ].join(" ");
  const { analysis } = run(body, "Mill wheel");
  const said = [...analysis.summary, ...analysis.keyPoints.map((p) => p.text)].join(" ");
  assert.doesNotMatch(said, /wooden mill wheel/);
  assert.match(said, /was rebuilt/);
});

Deno.test("analyse() takes no clause that 'what' opens with no verb after it", () => {
  const body = [
    "The mill turned wheat into fine flour for the whole valley.",
    "What the miller will record as the weight of each sack of the valley's wheat.",
    "The miller kept the millstones dressed and the sluice gates clear of weed.",
    "What the farmers of the valley wanted most was a fair price for their wheat.",
  ].join(" ");
  const { analysis } = run(body);
  const said = [...analysis.summary, ...analysis.keyPoints.map((p) => p.text)].join(" ");
  assert.doesNotMatch(said, /will record/);
  assert.match(said, /fair price/);
});

Deno.test("analyse() takes two capitals for a state only where an address writes them", () => {
  const veterans = "We reformed the VA health care system last year. The VA hired more nurses " +
    "in Texas and Virginia, and VA clinics opened in Ohio.";
  assert.ok(!run(veterans).analysis.places.includes("VA"), run(veterans).analysis.places.join());
  const address = "The clinic moved to Richmond, VA last spring. Its staff came from Ohio.";
  assert.ok(run(address).analysis.places.includes("VA"), run(address).analysis.places.join());
});

Deno.test("analyse() takes no piece of a sentence of another language for the summary", () => {
  const body = [
    "La descripción del modelo consiste en un conjunto de sentencias y bloques de datos.",
    "Las expresiones numéricas calculan los valores de los parámetros del modelo.",
    "donde los índices del modelo son números enteros y los conjuntos son finitos.",
    "Los nombres simbólicos identifican los objetos del modelo y sus conjuntos de datos.",
    "Para cada objeto del modelo el usuario escribe una sentencia con su nombre.",
  ].join("\n\n");
  const { analysis } = run(body, "Lenguaje de modelado");
  const said = [...analysis.summary, ...analysis.keyPoints.map((p) => p.text)].join(" ");
  assert.doesNotMatch(said, /donde los índices/);
  assert.ok(!analysis.places.includes("Para"), analysis.places.join(", "));
  assert.ok(
    !analysis.tags.some((t) => /^(?:los|las|la|del)-|-(?:del|de)$/u.test(t)),
    analysis.tags.join(" "),
  );
});

Deno.test("analyse() gives no key point twice, even when the text repeats a line", () => {
  const chorus = "Carry the lantern down to the harbour and wait for the boats to come home.";
  const verses = [
    "The fishermen sailed out at dawn while the town was still asleep.",
    "Their wives stood on the cliffs and watched the grey water for hours.",
    "A storm came in from the west and the sky turned black by noon.",
    "The lifeboat crew pulled three men from the sea near the lighthouse.",
    "By evening every boat was safe inside the harbour wall again.",
    "The church bell rang out across the bay when the last boat landed.",
  ];
  const song = verses.map((v) => `${v} ${chorus}`).join("\n\n");
  const { summary, keyPoints } = run(song).analysis;
  const said = [...sentencesOf(summary.join("\n\n")), ...keyPoints.map((p) => p.text)];
  assert.deepEqual(said, [...new Set(said)]);
});

Deno.test("analyse() puts no sentence in the summary twice, even when the text repeats one", () => {
  const body = [
    "The harbour wall was rebuilt after the great storm of 1953.",
    "Engineers raised the wall by two metres and added a wave return.",
    ...Array(150).fill("The council promised to review the sea defences every five years."),
  ].join(" ");
  const summary = sentencesOf(run(body).analysis.summary.join("\n\n"));
  assert.deepEqual(summary, [...new Set(summary)]);
});

Deno.test("analyse() links a transcript's key points to their time and paragraph", () => {
  const { analysis } = run(LONG);
  const paragraphs = LONG.split("\n\n");
  for (const point of analysis.keyPoints) {
    assert.notEqual(point.startMs, undefined, point.text);
    assert.match(point.anchor ?? "", /^[A-Za-z0-9-]+$/);
    const paragraph = paragraphs.find((p) => p.includes(point.text))!;
    assert.ok(paragraph.startsWith(`[${clock(point.startMs! / 1000)}]`), paragraph);
  }
  const anchors = analysis.keyPoints.map((p) => p.anchor);
  assert.equal(new Set(anchors).size, anchors.length);
});

Deno.test("analyse() appends a block id to exactly the paragraphs key points link to", () => {
  const { analysis, body } = run(LONG);
  const before = LONG.split("\n\n");
  const after = body.split("\n\n");
  assert.equal(after.length, before.length);
  const linked = new Map(
    analysis.keyPoints.map((p) => [before.findIndex((b) => b.includes(p.text)), p.anchor]),
  );
  after.forEach((paragraph, i) => {
    const anchor = linked.get(i);
    assert.equal(paragraph, anchor ? `${before[i]} ^${anchor}` : before[i]);
  });
});

Deno.test("analyse() gives paragraphs stamped with the same time different block ids", () => {
  const body = [
    "[00:00:05] **Ana Lopez:** The tide gauge showed the northern channel last spring.",
    "[00:00:05] **Bob Stone:** Our harbour wall changed twelve new moorings in autumn.",
    "[00:00:05] **Ana Lopez:** The salt marsh protected the fishing village after the storm.",
  ].join("\n\n");
  const { analysis, body: anchored } = run(body);
  assert.deepEqual(analysis.keyPoints.map((p) => p.anchor), [
    "t-000005",
    "t-000005-2",
    "t-000005-3",
  ]);
  assert.deepEqual(anchored.split("\n\n").map((p) => p.slice(p.lastIndexOf(" ") + 1)), [
    "^t-000005",
    "^t-000005-2",
    "^t-000005-3",
  ]);
});

Deno.test("analyse() gives turns that share a paragraph a time but no block id", () => {
  const body = [
    "[00:00:01] Ana Lopez: The tide gauge showed the northern channel last spring.",
    "[00:00:09] Bob Stone: Our harbour wall changed twelve new moorings in autumn.",
    "[00:00:15] Ana Lopez: The salt marsh protected the fishing village after the storm.",
  ].join("\n");
  const analysed = run(body);
  assert.deepEqual(analysed.analysis.keyPoints.map((p) => [p.startMs, p.anchor]), [
    [1000, undefined],
    [9000, undefined],
    [15000, undefined],
  ]);
  assert.equal(analysed.body, body);
});

Deno.test("analyse() keeps unpunctuated transcript paragraphs apart", () => {
  const said = [0, 1, 2, 3].map((n) => line(n).slice(0, -1).toLowerCase());
  const body = said.map((s, i) => `[00:00:0${2 * i}] ${s}`).join("\n\n");
  const { keyPoints } = run(body).analysis;
  assert.equal(keyPoints.length, 3);
  for (const point of keyPoints) {
    const at = said.indexOf(point.text);
    assert.ok(at >= 0, point.text);
    assert.equal(point.startMs, 2000 * at);
  }
});

Deno.test("analyse() cuts run-on speech into pieces of at most 60 words", () => {
  const said = Array.from({ length: 40 }, (_, n) => line(n).slice(0, -1)).join(" ");
  const { summary, keyPoints } = run(`[00:00:01] ${said}`).analysis;
  assert.ok(wordCount(said) > 200);
  assert.ok(keyPoints.length >= 3);
  for (const point of keyPoints) {
    assert.ok(wordCount(point.text) <= 60, point.text);
    assert.ok(said.includes(point.text));
    assert.equal(point.startMs, 1000);
  }
  assert.ok(summary.join(" ").length < said.length);
});

Deno.test("analyse() gives a text without stamps key points without times", () => {
  const { analysis, body } = run(ADA);
  for (const point of analysis.keyPoints) assert.deepEqual(Object.keys(point), ["text"]);
  assert.equal(body, ADA);
});

Deno.test("analyse() shortens a very long key point to one line", () => {
  // Long in characters, not in words: fewer than 60 words are no run-on speech to cut up.
  const sentence = "The engine ran " + "extraordinarily ".repeat(30) + "smoothly all day.";
  const { analysis } = run(
    `This note describes the pier and the engine that ran all day. ${sentence} The pier stood ` +
      "firm against the winter gales.",
  );
  const long = analysis.keyPoints.find((p) => p.text.startsWith("The engine"))!;
  assert.ok(long.text.length <= 241, `${long.text.length}`);
  assert.ok(long.text.endsWith("…"));
});

Deno.test("analyse() makes only valid Obsidian tags", () => {
  const messy = [
    "# C++ and C# in 2024",
    "",
    "The café's crème brûlée won the #1 prize at the Straße festival in Zürich.",
    "Machine learning, machine-learning and machine_learning are one idea; so are 3D printers.",
    "Rock'n'roll fans sang «Ça ira» and ¿qué tal? at the Łódź fair with 東京 visitors.",
  ].join("\n");
  for (const body of [ADA, LONG, messy]) {
    const { tags, keyphrases } = run(body).analysis;
    assert.ok(tags.length > 0 && tags.length <= keyphrases.length && keyphrases.length <= 10);
    for (const tag of tags) assertValidTag(tag);
    assert.equal(new Set(tags).size, tags.length);
  }
});

Deno.test("analyse() nests a tag only under a tag it also gives", () => {
  for (const body of [ADA, LONG]) {
    const { tags } = run(body).analysis;
    for (const tag of tags.filter((t) => t.includes("/"))) {
      assert.ok(tags.includes(tag.slice(0, tag.indexOf("/"))), tag);
    }
  }
});

Deno.test("analyse() lists no one named only in an example's code spans", () => {
  const body = [
    "A lookahead assertion matches without consuming the string. For example, " +
    "`Isaac (?=Asimov)` will match `'Isaac '` only if it is followed by `'Asimov'`.",
    "To send `name=Guy Steele, Jr.` in a query, quote it first. The module was written by " +
    "Fredrik Lundh, who also wrote `sre` with Fredrik Lundh's tests.",
  ].join("\n\n");
  const { people } = run(body).analysis;
  assert.ok(!people.some((p) => /Isaac|Steele|Asimov/u.test(p)), `${people}`);
  // Said in prose as well as in code, a name is the text's.
  assert.ok(people.includes("Fredrik Lundh"), `${people}`);
});

Deno.test("analyse() lists no organisation the text also writes as a term in small letters", () => {
  const body = [
    "A possessive quantifier works like an _atomic group_: the engine keeps no stack points. " +
    "Since there are no stack points saved in the Atomic Group, the match fails at once.",
    "The Python Software Foundation holds the copyright of the module.",
  ].join("\n\n");
  const { organizations } = run(body).analysis;
  assert.ok(!organizations.includes("Atomic Group"), `${organizations}`);
  assert.ok(organizations.includes("Python Software Foundation"), `${organizations}`);
});

Deno.test("analyse() finds the people named, a surname alone counted for the full name", () => {
  const { people } = run(ADA).analysis;
  assert.ok(people.includes("Ada Lovelace"), `${people}`);
  assert.ok(people.includes("Charles Babbage"), `${people}`);
  for (const part of ["Lovelace", "Babbage", "Ada", "Charles"]) {
    assert.ok(!people.includes(part), `${part} in ${people}`);
  }
  assert.ok(people.indexOf("Ada Lovelace") < people.indexOf("Charles Babbage"));
});

Deno.test("analyse() finds the organisations and places named", () => {
  const { organizations, places } = run(ADA).analysis;
  assert.ok(organizations.includes("Royal Society"), `${organizations}`);
  assert.ok(places.includes("London"), `${places}`);
});

Deno.test("analyse() counts speakers with a full name as people", () => {
  const body = [
    "[00:00:01] **Dev Raman:** Welcome back to the show about museum conservation work.",
    "[00:00:09] **Kim:** Thanks for having me on the show today to talk about paintings.",
  ].join("\n\n");
  const { people } = run(body).analysis;
  assert.ok(people.includes("Dev Raman"), `${people}`);
  assert.ok(!people.includes("Kim"), `${people}`);
  const { people: podcast } = run(LONG).analysis;
  assert.ok(podcast.includes("Ana Lopez") && podcast.includes("Bob Stone"), `${podcast}`);
});

Deno.test("analyse() leaves the people it names out of the keyphrases", () => {
  const { people, keyphrases } = run(ADA).analysis;
  const names = new Set(people.flatMap((p) => [p, ...p.split(" ")]).map((n) => n.toLowerCase()));
  assert.deepEqual(keyphrases.filter((k) => names.has(k)), []);
});

Deno.test("analyse() keeps the stems that say most: frequent here, rare in everyday English", () => {
  const { terms } = run(LONG).analysis;
  assert.equal(terms.length, 64);
  const said = ([term, count]: [string, number]) => count * Math.sqrt(stemWeight(term));
  for (let i = 1; i < terms.length; i++) {
    assert.ok(said(terms[i - 1]) >= said(terms[i]), `${terms[i - 1]} before ${terms[i]}`);
  }
  // "year" is said three times, "turbine" twice: the rarer word comes first.
  const few = run("The year began. That year a turbine failed. A year later the turbine ran.")
    .analysis.terms.map(([term]) => term);
  assert.ok(few.indexOf("turbin") < few.indexOf("year"), few.join(" "));
});

Deno.test("analyse() gives the same analysis for the same input", () => {
  for (const body of [ADA, LONG]) assert.deepEqual(run(body), run(body));
});

Deno.test("analyse() finds nothing in a body without prose, without throwing", () => {
  const bodies = [
    "",
    "  \n\n\t",
    "```ts\nconst engine = new Engine();\n```\n\n    indented code\n\n<div>markup</div>",
    "# Only\n\n## Headings",
    "---\n\n***",
    "[00:00:01]\n[00:00:02]",
  ];
  for (const body of bodies) {
    assert.deepEqual(run(body), { analysis: EMPTY, body }, JSON.stringify(body));
  }
});

Deno.test("analyse() copes with hostile input", () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let garbage = "";
  while (garbage.length < 20_000) {
    const code = 1 + Math.floor(random() * 0xfffe);
    // Lone surrogates are no text a decoder would hand over.
    if (code < 0xd800 || code > 0xdfff) garbage += String.fromCharCode(code);
  }
  const bodies = [
    ">".repeat(2000) + " deep quote about engines and mills",
    "engine mill boiler ".repeat(1000),
    "The mill ground flour. ".repeat(2000),
    "😀 🎉 👨‍👩‍👧 are emoji. 🚀🚀🚀 The rocket 🚀 launched from Cape Canaveral with Ana Lopez.",
    "هذا نص عربي طويل عن المحركات. שלום עולם, זה טקסט בעברית. \u202Eevil override\u202C text.",
    "東京は日本の首都です。大阪は大きな都市です。",
    garbage,
    "[".repeat(5000) + "]".repeat(5000),
    "*".repeat(5000) + "a" + "_".repeat(5000),
    "[00:00:01] x\n".repeat(3000),
    "- a\n".repeat(2000),
    "Ana Lopez:".repeat(1000),
  ];
  for (const body of bodies) {
    const analysed = run(body, "Hostile 😀 \u202E");
    Analysis.parse(analysed.analysis);
    for (const tag of analysed.analysis.tags) assertValidTag(tag);
    assert.equal(typeof analysed.body, "string");
  }
});

Deno.test("analyse() gets through 200,000 words without letters in a row", () => {
  // An HTML page of "&nbsp;&amp;" gives this: it took compromise minutes as one sentence. The
  // time box's limit is about 100 times what it takes now, there only so a regression fails
  // instead of hanging.
  const body = "&\u00a0".repeat(200_000) + "\n\nThe bridge was surveyed in spring by Ada Lind.";
  const analysed = timeBoxed(() => run(body), 60_000);
  assert.ok(analysed.analysis.summary.join(" ").includes("The bridge was surveyed"));
});

Deno.test("analyse() gets through a word of 500,000 letters", () => {
  // wink's tokenizer is quadratic in a word's length: unbroken, this took hours. As above, the
  // time box only makes a regression fail instead of hanging.
  const body = "x".repeat(500_000) + "\n\nThe bridge was surveyed in spring by Ada Lind.";
  const analysed = timeBoxed(() => run(body), 60_000);
  assert.ok(analysed.analysis.summary.join(" ").includes("The bridge was surveyed"));
});

Deno.test("warmUp() runs without changing what analyse() gives", () => {
  const before = run(ADA);
  warmUp();
  assert.deepEqual(run(ADA), before);
});

Deno.test("linkKeyPoints() ties each point to the sentence it is closest to", () => {
  const body = transcript(6);
  const { keyPoints, body: anchored } = linkKeyPoints(body, [
    "The dune system showed twelve new moorings",
    "The salt marsh protected the fishing village",
  ]);
  assert.deepEqual(keyPoints, [
    { text: "The dune system showed twelve new moorings", startMs: 60_000, anchor: "t-000100" },
    { text: "The salt marsh protected the fishing village", startMs: 0, anchor: "t-000000" },
  ]);
  const paragraphs = anchored.split("\n\n");
  assert.ok(paragraphs[0].endsWith(" ^t-000000"));
  assert.ok(paragraphs[3].endsWith(" ^t-000100"));
  assert.equal(anchored.replace(/ \^t-\d+/g, ""), body);
});

Deno.test("linkKeyPoints() leaves a point that shares no words with the text unlinked", () => {
  const body = transcript(3);
  assert.deepEqual(linkKeyPoints(body, ["Quasars are bright"]), {
    keyPoints: [{ text: "Quasars are bright" }],
    body,
  });
  assert.deepEqual(linkKeyPoints(body, []), { keyPoints: [], body });
});

Deno.test("linkKeyPoints() gives points in a text without stamps no time", () => {
  const body = "Plain text about the salt marsh. And more about the pier.";
  assert.deepEqual(linkKeyPoints(body, ["salt marsh"]), {
    keyPoints: [{ text: "salt marsh" }],
    body,
  });
});

Deno.test("linkKeyPoints() shortens a long point to one line", () => {
  const [point] = linkKeyPoints("", ["word ".repeat(100)]).keyPoints;
  assert.ok(point.text.length <= 241 && point.text.endsWith("…"), point.text);
});

Deno.test("shorten() cuts a long key point between words, never inside one", () => {
  const long = "A sentence about sorting lists, " + "with words ".repeat(30) + "and an end.";
  const cut = shorten(long);
  assert.ok(cut.endsWith("…") && cut.length <= 241);
  assert.ok(long.startsWith(cut.slice(0, -1)));
  assert.equal(long[cut.length - 1], " ", "the cut falls on a space");
  const url = "See " + "x".repeat(300) + " for more words here.";
  assert.equal(shorten(url), "See " + "x".repeat(300) + "…");
});

Deno.test("hyphensAsDashes() reads a hyphen beside a word that makes no compound as a dash", () => {
  assert.equal(
    hyphensAsDashes("the seat of Hammarskjold-or Red China, together-not as rivals"),
    "the seat of Hammarskjold—or Red China, together—not as rivals",
  );
  // Compounds stay, chains too, and "and", "a", "to" beside a hyphen in a text that does not
  // write its dashes as hyphens.
  const compounds = "a state-of-the-art, up-to-date, rock-and-roll not-for-profit a-frame " +
    "with built-in and add-on parts";
  assert.equal(hyphensAsDashes(compounds), compounds);
});

Deno.test("hyphensAsDashes() reads more hyphens as dashes where the text writes dashes so", () => {
  assert.equal(
    hyphensAsDashes(
      "We-I mean you-or they. The Congress-a program for the sixties-and more, and state-of-the-art.",
    ),
    "We—I mean you—or they. The Congress—a program for the sixties—and more, and state-of-the-art.",
  );
  assert.equal(
    hyphensAsDashes(
      "We-I mean you-or they-and the Congress-a program. Nations at war-Britain and our " +
        "neighbors-profits, an anti-American arms-control self-Portrait of Indo-China. From " +
        "Kennedy to Reagan-rejected, an Anti-war rally.",
    ),
    "We—I mean you—or they—and the Congress—a program. Nations at war—Britain and our " +
      "neighbors—profits, an anti-American arms—control self-Portrait of Indo-China. From " +
      "Kennedy to Reagan—rejected, an Anti-war rally.",
  );
  // The same hyphens in a text with no sure dash are compounds' or the author's.
  assert.equal(
    hyphensAsDashes("The Congress-a program for the sixties-and more."),
    "The Congress-a program for the sixties-and more.",
  );
  // After a name, a part no dictionary has is the name's own.
  assert.equal(
    hyphensAsDashes("We-I mean you-or they-and Chiang Kai-shek. From Kennedy to Reagan-rejected."),
    "We—I mean you—or they—and Chiang Kai-shek. From Kennedy to Reagan—rejected.",
  );
  // A title to be keeps its hyphen too, and so does a compound with "in" or "on".
  assert.equal(
    hyphensAsDashes("We-I mean you-or they-and I did President-elect Marsh a built-in add-on."),
    "We—I mean you—or they—and I did President-elect Marsh a built-in add-on.",
  );
});

Deno.test("analyse() puts the sentence in which the author says what they propose in the summary", () => {
  const harbour = [
    "The harbour of Lindholm has served the fishing fleet for two hundred years.",
    "Its quays were built of granite brought from the northern quarries by barge.",
    "The fleet grew each decade, and the quays grew with it along the shore.",
    "Storms in the winter of the great flood broke the eastern quay in two places.",
    "The harbour master counted forty boats lost and many nets gone with the tide.",
    "Repairs since then have been made piece by piece, as money allowed each year.",
    "The fishing fleet now lands its catch at the western quay, which is crowded.",
    "Merchants complain that the crowded quay slows the trade of fish to the towns.",
    "I propose that the council rebuild the eastern quay in stone before next winter.",
    "The old granite is still sound where the sea has not reached the foundations.",
    "Children still fish from the western quay on summer evenings after school.",
    "The lighthouse keeper records every boat that passes the harbour mouth at night.",
  ].join(" ");
  // The author's proposal, and the ways a guide or a reference says what it is for.
  const proposal =
    "I propose that the council rebuild the eastern quay in stone before next winter.";
  for (
    const purpose of [
      proposal,
      "This guide is intended to help the council rebuild the eastern quay before winter.",
      "This document is an introductory tutorial on the harbour quays and the fishing fleet.",
      "The harbour module provides the fishing fleet with quays and moorings.",
    ]
  ) {
    const text = harbour.replace(proposal, purpose);
    const summary = sentencesOf(run(text, "The harbour").analysis.summary.join("\n\n"));
    assert.ok(summary.includes(purpose), summary.join(" | "));
  }
});

Deno.test("analyse() takes no surname of a person it names for an organisation", () => {
  const body = "The routine solves the problem with the Ford-Fulkerson algorithm. Ford gave it " +
    "in a book. The algorithm is based on the following book: L. R. Ford, Jr., and D. R. " +
    "Fulkerson, Flows in Networks. The routine returns zero when it finds a solution.";
  const { people, organizations } = run(body).analysis;
  assert.ok(people.includes("L. R. Ford"), `${people}`);
  assert.ok(!organizations.includes("Ford"), `${organizations}`);
});

Deno.test("analyse() takes no piece of a long written sentence for the summary or a key point", () => {
  // 64 words: read in three pieces, the last opening on a rare word in lower case, as "crumble
  // but grow stronger" did in a State of the Union address.
  const fill = ["harbour", "towns", "and", "coast", "ships", "with"];
  const tokens = Array.from({ length: 64 }, (_, i) => fill[i % fill.length]);
  tokens[0] = "The";
  tokens[44] = "crumble";
  tokens[63] = "harbour.";
  const body = [
    "Bread is baked in the town bakery each morning before six.",
    tokens.join(" "),
    "Rain fell on the hills for most of April this year.",
    "The mayor opened a new school near the old market hall.",
    "Cats sleep by the fire in the inn when the nights are cold.",
  ].join(" ");
  const { summary, keyPoints } = run(body, "Harbour towns").analysis;
  for (const text of [...sentencesOf(summary.join("\n\n")), ...keyPoints.map((k) => k.text)]) {
    assert.ok(!text.includes("crumble") && !text.startsWith("The towns"), text);
  }
});

Deno.test("analyse() takes no summary sentence or key point from the references or thanks", () => {
  const cited = "Tides of the Moon: How the Moon Pulls the Tides of the Sea Twice a Day. " +
    "Harbour Press, 1999.";
  const body = "## 1 Tides\n\nThe moon pulls the sea, and the tides follow it twice a day. " +
    "A harbour master reads the tides from a table printed each year. Sailors leave on the ebb " +
    "and come home on the flood, when the water is deep enough.\n\n## 7 Acknowledgments\n\n" +
    "We thank the harbour master of the port for the tides of the moon and the sea.\n\n" +
    `## References\n\n[1] A. Fisher. ${cited}`;
  const { analysis } = run(body, "Tides of the Moon");
  for (const sentence of [...analysis.summary, ...analysis.keyPoints.map((p) => p.text)]) {
    assert.doesNotMatch(sentence, /Harbour Press|We thank/, sentence);
  }
});

Deno.test("analyse() takes no summary sentence or key point from what is yet to be done", () => {
  const body = "## 1 Tides\n\nThe moon pulls the sea, and the tides follow it twice a day. " +
    "A harbour master reads the tides from a table printed each year. Sailors leave on the ebb " +
    "and come home on the flood, when the water is deep enough.\n\n## 2.5 Future work\n\n" +
    "- Add tables of the tides for the harbours of the moon and the sea each year.\n\n" +
    "## TODO\n\n- Print the tide tables of the moon for every harbour master and sailor.";
  const { analysis } = run(body, "Tides of the Moon");
  for (const sentence of [...analysis.summary, ...analysis.keyPoints.map((p) => p.text)]) {
    assert.doesNotMatch(sentence, /^(?:Add|Print) /, sentence);
  }
});

Deno.test("analyse() reads nothing of a licence a manual appends: no names, tags or sentences", () => {
  const body = "## 1 Lamps\n\nHarbour lamps burn whale oil, and the keepers trim their wicks at " +
    "dusk. Ada Lovelace inspected the lamps of the quay in 1840.\n\n" +
    "## Appendix A GNU General Public License\n\nThe licence applies to the lamps.\n\n" +
    "### How to apply these terms\n\nTy Coon, President of Vice, signed this " +
    "disclaimer of copyright interest in the program, for the invariant sections and the " +
    "invariant sections again.\n\n## 2 Wicks\n\nJohn Smeaton trimmed the wicks of the quay.";
  const { analysis } = run(body, "Lamps");
  assert.deepEqual(analysis.people, ["Ada Lovelace", "John Smeaton"]);
  assert.ok(!analysis.tags.some((t) => t.includes("invariant")), analysis.tags.join(" "));
  assert.ok(
    ![...analysis.summary, ...analysis.keyPoints.map((p) => p.text)].some((s) =>
      s.includes("Ty Coon")
    ),
  );
});

Deno.test("analyse() takes no placeholder of cryptography's examples for a person", () => {
  const body = "Alice and Bob share a secret. Alice says hello to Bob, and Bob says hello to " +
    "Alice. Whitfield Diffie and Martin Hellman described the exchange in 1976.";
  assert.deepEqual(run(body, "Keys").analysis.people, ["Whitfield Diffie", "Martin Hellman"]);
  // Alice without Bob is someone.
  const letter = "Suppose Alice wants to send a message to Bob. Alice encrypts it with the " +
    "public key of Bob, and Bob decrypts it. Whitfield Diffie and Martin Hellman described it.";
  assert.ok(run(letter, "Keys").analysis.people.includes("Alice"));
});

Deno.test("analyse() takes no section the text refers to for a person", () => {
  const body = "## 6.2 Wickcut Trimmers\n\nA trimmer cuts the wick before the lamp is lit. " +
    "See Section 6.2 [Wickcut Trimmers], page 10. Keepers use Wickcut Trimmers at dusk, as " +
    "Ilse Brandvold showed.\n\n## 6.3 Ada Lovelace\n\nAda Lovelace kept the north lamp. " +
    "Ada Lovelace trimmed its wick each night. See Section 6.3 [Ada Lovelace].\n\n### Osamu " +
    "Aoki\n\nCopyright 2015 Osamu Aoki.";
  const { people } = run(body, "The Lamp Manual").analysis;
  assert.ok(!people.includes("Wickcut Trimmers"), `${people}`);
  // A person whose section it is, or who heads a title page, is a person still.
  assert.ok(people.includes("Ada Lovelace"), `${people}`);
  assert.ok(people.includes("Osamu Aoki"), `${people}`);
});

Deno.test("analyse() takes no firm named after one of the people for a person", () => {
  const body = "We would like to thank Marta Lindqvist, who trimmed the sample lamps. Thank you " +
    "to Anthony Baldwin (of Baldwin Linguas) who translated several chapters for us. Anthony " +
    "Baldwin also read the proofs, with Ilse Brandvold.";
  const { people } = run(body, "Acknowledgements").analysis;
  assert.ok(people.includes("Anthony Baldwin"), `${people}`);
  assert.ok(!people.includes("Baldwin Linguas"), `${people}`);
});

Deno.test("analyse() summarises a reference page by its prose, not by the entries' first lines", () => {
  const entry = (name: string, what: string) =>
    `\`lamp.${name}(wick)\`\n\nReturn the ${what} of the harbour lamp wick.\n\n`;
  const body = "The lamp module gives keepers the tools to tend harbour lamps through the " +
    "night.\n\n" + entry("trim", "length") + entry("soak", "oil") + entry("light", "flame") +
    entry("snuff", "smoke") + "Every harbour lamp wick in the module is a lamp wick of cotton.";
  const { analysis } = run(body, "lamp");
  const picked = [...analysis.summary, ...analysis.keyPoints.map((p) => p.text)].join(" ");
  assert.doesNotMatch(picked, /Return the/, picked);
  assert.match(analysis.summary[0], /^The lamp module gives keepers/);
});

Deno.test("analyse() takes no condition on an entry's parameter for a summary or key point", () => {
  const entry = (name: string, what: string) =>
    `## lamp.${name}(wick, timeout)\n\nThe lamp module can ${name} the ${what} of a harbour ` +
    "lamp wick on the evening round of the quay.\n\nIf `timeout` is greater than 0, the " +
    `keeper stops to ${name} the harbour lamp wick after that many seconds of the round.\n\n`;
  const body = entry("trim", "length") + entry("soak", "oil") + entry("light", "flame");
  const { analysis } = run(body, "lamp");
  const picked = [...analysis.summary, ...analysis.keyPoints.map((p) => p.text)].join(" ");
  assert.doesNotMatch(picked, /If timeout/, picked);
  assert.match(picked, /The lamp module can/, picked);
});

Deno.test("analyse() opens a page of entries alone with the entry that says what its subject is", () => {
  const entry = (name: string, what: string) =>
    `\`int Lamp_${name}(LampObject *p)\`\n\nReturn the ${what} of the harbour lamp p, as ` +
    "the keeper last measured it on the evening round of the quay.\n\n";
  const body = "`type LampObject`\n\nThis subtype of `PyObject` represents a harbour lamp " +
    "object.\n\n" + entry("Trim", "wick length") + entry("Soak", "oil level") +
    entry("Light", "flame height") + entry("Snuff", "smoke colour") +
    entry("Glass", "glass colour") + entry("Hook", "hook height");
  const { analysis } = run(body, "Lamp Objects");
  assert.match(analysis.summary[0], /^This subtype of PyObject represents a harbour lamp object\./);
});

Deno.test("analyse() takes no lone name the text also writes in small letters for a person", () => {
  const body = "Release 2.2 was called Sid. Sid shipped in 2000, and Sid was loved. Ian " +
    "Murdock founded the project.\n\n```\ndeb http://archive.example.org sid main\n" +
    "deb http://archive.example.org sid contrib\nsid\n```";
  assert.deepEqual(run(body, "Releases").analysis.people, ["Ian Murdock"]);
  // A name written as a word less often than as a name stays.
  const named = "Lincoln spoke at Gettysburg. Lincoln freed the slaves, and Lincoln was shot. " +
    "The lincoln penny and a lincoln car.";
  assert.deepEqual(run(named, "Speeches").analysis.people, ["Lincoln"]);
  // Capitalised only where a sentence or a heading opens, and once in small letters: a word.
  const word = "Macros write code, which is known as _metaprogramming_.\n\n## Macros for General " +
    "Metaprogramming\n\nMetaprogramming is useful. See Macros for General Metaprogramming. " +
    "Ian Murdock wrote macros.";
  assert.deepEqual(run(word, "Macros").analysis.people, ["Ian Murdock"]);
  // A heading's gerund before a product's name; a first name with the same ending stays.
  const gerund = "Uninstalling Vim\n\nIn the unlikely event you want to uninstall Vim " +
    "completely, this is how you do it. Uninstalling Vim is simple. Irving Locker wrote it, " +
    "with Lyn Gibson and Wenling Chestnut.";
  assert.deepEqual(run(gerund, "Installing").analysis.people.toSorted(), [
    "Irving Locker",
    "Lyn Gibson",
    "Wenling Chestnut",
  ]);
});

Deno.test("analyse() takes no compound's end or work's title for a person", () => {
  const body = "The MS-Windows Vim reads Unix files, and the MS-Windows Vim is fast. " +
    "Ann Smith-Jones wrote it.";
  assert.deepEqual(run(body, "Menus").analysis.people, ["Ann Smith-Jones"]);
  const docBase = "Document: gentoo\nTitle: Gentoo Manual\nAuthor: Emil Brink\nAbstract: This " +
    "manual describes what Gentoo is, and how it can be used.\nSection: File Management";
  assert.deepEqual(run(docBase, "doc-base").analysis.people, ["Emil Brink"]);
  // A reference list's book and publisher.
  const references = "Leslie Lamport. Lamps: A Trimming System. Addison Wesley, 1994. See also " +
    "Ann Smith, The Lampwick Companion, Addison Wesley, 1994.";
  const { analysis } = run(references, "References");
  assert.deepEqual(analysis.people, ["Leslie Lamport", "Ann Smith"]);
  assert.deepEqual(analysis.organizations, ["Addison Wesley"]);
});

Deno.test("analyse() takes no name the text writes as the name of a thing for a person", () => {
  const body = "Fix a build failure with the Darwin linker. Colin Watson fixed the pager. " +
    "Add a test for the Darwin loader.";
  assert.deepEqual(run(body, "News").analysis.people, ["Colin Watson"]);
  const named = "Darwin sailed on the Beagle. Charles Darwin wrote the book. The Darwin archive " +
    "keeps his letters.";
  assert.deepEqual(run(named, "Voyages").analysis.people, ["Charles Darwin"]);
  // A language by its versions: "Ada 2022".
  const language = "Ada 2022 support is complete. Ada programs build faster. Colin Watson wrote " +
    "the strict Ada 2022 checks. The Ada front end is new.";
  assert.deepEqual(run(language, "News").analysis.people, ["Colin Watson"]);
  // Nor a name of two words whose first, no first name, is the thing's ("Postfix Milter").
  const product = "The Lampwick Walter implementation trims wicks. Configure the Lampwick mail " +
    "system first. Lampwick 2.7 adds a client. The Lampwick queue is small. Colin Watson " +
    "wrote the code.";
  assert.deepEqual(run(product, "Filters").analysis.people, ["Colin Watson"]);
  const chip = "Pick the lamp variant. # Lampwick Walter 3XX series. Colin Watson wrote the " +
    "code, and Colin Watson tested it.";
  assert.deepEqual(run(chip, "Lamps").analysis.people, ["Colin Watson"]);
  // A title says the name is the person's too ("President Kennedy").
  const titled = "This is the first cut since the Kennedy tax cuts. During the years of " +
    "President Kennedy, defense was half the budget.";
  assert.deepEqual(run(titled, "Budget").analysis.people, ["Kennedy"]);
  // And beside the word in small letters ("we begin").
  const talks = "We begin again. Both President Sadat and Prime Minister Begin remain " +
    "committed. Talks begin soon, and the talks begin in Cairo.";
  assert.deepEqual(run(talks, "Talks").analysis.people, ["Sadat", "Begin"]);
});

Deno.test("analyse() names the copyright holder a page's footer gave as a property", () => {
  const body = "Sockets are used nearly everywhere. This page explains how they work. " +
    "Gordon McMillan wrote the first version of it, and the rest of the text explains why.";
  const input = { title: "Sockets", body, wordCount: wordCount(body) };
  const owned = analyse({ ...input, properties: { copyright: "Python Software Foundation" } });
  assert.deepEqual(owned.analysis.organizations, ["Python Software Foundation"]);
  assert.deepEqual(owned.analysis.people, ["Gordon McMillan"]);
  assert.deepEqual(analyse(input).analysis.organizations, []);
});

Deno.test("analyse() tags a note first with the program it keeps naming, not with its people", () => {
  const body = Array.from(
    { length: 6 },
    (_, i) =>
      `The keepers of harbour ${i} trust Quillmark with their tide tables, and Ada Lovelace ` +
      `checks what Quillmark prints.`,
  ).join(" ");
  const { tags } = run(body, "Tide tables").analysis;
  assert.equal(tags[0], "quillmark", tags.join(" "));
  assert.ok(!tags.some((t) => t.includes("lovelace")), tags.join(" "));
});

Deno.test("analyse() opens a written summary with a sentence that stands alone", () => {
  const lamps =
    "every harbour lamp of the harbour burning with harbour lamp oil for harbour lamp " +
    "keepers";
  const rest = "Gulls fly. Boats sail out at dawn. Fish are sold on the quay. Nets dry in the sun.";
  for (const opener of [`That oil keeps ${lamps}.`, `Together, they keep ${lamps}.`]) {
    const { summary } = run(`Keepers came. ${opener} ${rest}`, "Harbour lamps").analysis;
    assert.ok(!summary[0].startsWith(opener.slice(0, 8)), summary[0]);
  }
});

Deno.test("analyse() takes no sentence that runs on past a code block into the next paragraph", () => {
  const body = "Keepers trim the harbour lamps each evening with the lamp tool. To trim every " +
    "harbour lamp at once, keepers run\n\n```\n$ lamp trim --all\n```\n\nwhich trims every " +
    "harbour lamp wick and logs each harbour lamp in the harbour book.\n\nThe harbour master " +
    "reads the harbour book of the lamps each week.";
  const { analysis } = run(body, "Harbour lamps");
  const picked = [...analysis.summary, ...analysis.keyPoints.map((p) => p.text)].join(" ");
  assert.doesNotMatch(picked, /keepers run which/, picked);
});

Deno.test("analyse() ends a sentence without a stop at the next heading", () => {
  const body =
    "### lampwick(7) Manual Page\n\n#### NAME\n\nlampwick - Frequently asked questions " +
    "about using lamps\n\n#### SYNOPSIS\n\nlampwick\n\n#### DESCRIPTION\n\nThe examples in this " +
    "FAQ assume a harbour lamp with a brass burner, and a keeper, A U Thor, who trims it.\n\n" +
    "#### Wicks\n\nWhat should I put in `lamp.name`?\n\nYou should put the lamp's own name, " +
    "generally the name of its harbour.";
  const { summary } = run(body, "lampwick(7)").analysis;
  assert.match(summary[0], /^lampwick - Frequently asked questions about using lamps\. /u);
});

Deno.test("analyse() takes no key point of a written text that leans on the sentence before", () => {
  const things =
    "gulls ferries nets quays tides sails anchors ropes buoys cranes piers docks masts " +
    "oars crabs boats";
  const facts = things.split(" ").map((w, i) => `The town counts ${i + 2} ${w} on the waterfront.`);
  ["On the other hand,", "This means", "Moreover,", "If so,", "However,", "In such cases"].forEach((
    opener,
    k,
  ) =>
    facts.splice(
      3 + k * 4,
      0,
      `${opener} harbour lamps of the harbour burn harbour lamp oil ${k} times in harbour lamps.`,
    )
  );
  // ...nor one that names things the sentences before named.
  facts.push("The keepers of harbour lamps must trim those wicks with harbour lamp oil.");
  const { keyPoints } = run(facts.join(" "), "Harbour lamps").analysis;
  for (const point of keyPoints) assert.match(point.text, /^The town counts/, point.text);
});

Deno.test("analyse() takes no question, announcement or joined sentence for a written key point", () => {
  const things = ["gulls", "boats", "nets", "keepers", "lamps", "storms", "tides", "ropes"];
  const body = things.flatMap((t, i) => [
    `The harbour ${t} of Porthmellin were counted by the ${things[(i + 1) % 8]} warden in ${
      1850 + i
    }.`,
    i % 3 === 0
      ? `Why did the harbour ${t} of Porthmellin fail the winter warden's count?`
      : `Each harbour ${t} needs care from the ${things[(i + 2) % 8]} crew at dusk.`,
  ]).join(" ");
  const { keyPoints } = run(body, "Harbour of Porthmellin").analysis;
  assert.ok(keyPoints.length > 0);
  for (const point of keyPoints) assert.ok(!point.text.endsWith("?"), point.text);
  // Nor a speaker's announcement of what comes next.
  const turns = body.replaceAll("Why did the", "I now turn to the").replaceAll(
    "fail the winter warden's count?",
    "and the winter warden's count.",
  );
  for (const point of run(turns, "Harbour of Porthmellin").analysis.keyPoints) {
    assert.ok(!point.text.startsWith("I now turn"), point.text);
  }
  // Nor a sentence that opens joined to the one before.
  const joined = body.replaceAll("Why did the", "But as for the").replaceAll(
    "fail the winter warden's count?",
    "they failed the winter warden's count.",
  );
  for (const point of run(joined, "Harbour of Porthmellin").analysis.keyPoints) {
    assert.ok(!point.text.startsWith("But"), point.text);
  }
});

Deno.test("analyse() summarises a page that is all table by its lines, not its rows or footer", () => {
  const body = [
    "| Date | Lamp |",
    "| ---- | ---- |",
    "| 1850-01-01 | Porthmellin |",
    "| 1851-06-01 | Porthleven |",
    "",
    "Two lamps over one year.",
    "",
    "This page last modified on 2022-12-28 14:21:19 UTC.",
  ].join("\n");
  const { summary } = run(body, "History of the lamps").analysis;
  assert.deepEqual(summary, ["Two lamps over one year."]);
  // Nor by where it points to read on, nor by a lead whose clause its example ends.
  const page = [
    "All the wicks can be trimmed using [Lampwick](x):",
    "",
    "```\n$ lampwick trim\n```",
    "",
    "If a wick smokes you may need to trim it again using:",
    "",
    "```\n$ lampwick trim --again\n```",
    "",
    "That's all! Go to the next section.",
    "",
    "### See also:",
    "",
    "[Wicks](y) and [oil](z)",
  ].join("\n");
  const wicks = run(page, "Wicks").analysis;
  assert.deepEqual(wicks.summary, ["All the wicks can be trimmed using Lampwick."]);
  assert.deepEqual(wicks.keyPoints.map((k) => k.text), []);
});

Deno.test("analyse() opens no written summary with an instruction to the reader", () => {
  const lamps = "harbour lamp oil for every harbour lamp keeper of the harbour lamps";
  const rest = "Gulls fly. Boats sail out at dawn. Fish are sold on the quay. Nets dry in the sun.";
  const body = `Keepers came. Please read the ${lamps} guide first. ${rest}`;
  const { summary } = run(body, "Harbour lamps").analysis;
  assert.ok(!summary[0].startsWith("Please read"), summary[0]);
});

Deno.test("analyse() opens a written summary with the text's own line for what it is", () => {
  const body = `Keepers came in the spring. Lampwick is a tool for trimming wicks. ${FACTS}`;
  const { summary } = run(body, "Lampwick").analysis;
  assert.ok(summary[0].startsWith("Lampwick is a tool"), summary[0]);
  // Not one whose "this" is in the sentence before.
  const leaning = run(
    `Keepers came in the spring. The Lampwick tool is designed to permit this. ${body}`,
    "Lampwick",
  ).analysis.summary[0];
  assert.ok(leaning.startsWith("Lampwick is a tool"), leaning);
  // A manual page's NAME line, which has no full stop, opens it as a sentence.
  const page =
    `### NAME\n\nlampwick - Trim the wicks of harbour lamps\n\n### DESCRIPTION\n\n${FACTS}`;
  const named = run(page, "lampwick(1)").analysis.summary[0];
  assert.ok(named.startsWith("lampwick - Trim the wicks of harbour lamps. "), named);
});

Deno.test("analyse() opens no written summary with a sentence leaning on the one before", () => {
  const lamps = "harbour lamp oil for every harbour lamp keeper of the harbour lamps";
  const facts = "Gulls fly over the quay. Boats sail out at dawn. Fish are sold on the quay. " +
    "Nets dry in the sun. Ropes hang on the wall. ";
  const body = `The board met in the hall. And that lamp programme needs the ${lamps} before ` +
    `the winter. ${facts.repeat(3)}The keepers ask the board for ${lamps} this winter. ` +
    `${facts.repeat(3)}The board buys ${lamps} in bulk each spring. ${facts}`;
  const { summary } = run(body, "Harbour report").analysis;
  assert.ok(!summary[0].startsWith("And that"), summary[0]);
  assert.match(summary.join(" "), /The keepers ask the board/);
  // Nor one naming a thing told of before it.
  const told = body.replace("And that lamp programme needs", "We know what lay behind this great");
  const opening = run(told, "Harbour report").analysis.summary[0];
  assert.ok(!opening.startsWith("We know what lay"), opening);
});

Deno.test("analyse() opens a summary with the text's first line saying what it is", () => {
  const summary = run(`These are the harbour lamp tools. ${FACTS}`, "README").analysis.summary[0];
  assert.ok(summary.startsWith("These are the harbour lamp tools."), summary);
  // After its copyright notice, too.
  const notice = "Copyright (C) 1989-2018 Harbour Board, Inc.\n\nCopying and distribution of " +
    "this file, with or without modification, are permitted in any medium.\n\n";
  const opener = run(`${notice}This is the harbour lamp toolkit. ${FACTS}`, "README").analysis
    .summary[0];
  assert.ok(opener.startsWith("This is the harbour lamp toolkit."), opener);
});

Deno.test("analyse() opens no summary with a line that speaks for one later section", () => {
  const section = (heading: string) => `## ${heading}\n\n${FACTS}\n\n`;
  const later = `${section("Overview")}${section("Wicks")}## Oil\n\n` +
    `This section shows a typical scenario where a keeper buys ${LAMPS} in bulk. ${FACTS}`;
  const summary = run(later, "Harbour lamp hints").analysis.summary[0];
  assert.ok(!summary.startsWith("This section"), summary);
  // Under the first heading, the section may be all the text is.
  const first = `## Overview\n\nThis section shows how a keeper buys ${LAMPS} in bulk. ${FACTS}`;
  const opened = run(first, "Harbour lamp hints").analysis.summary[0];
  assert.ok(opened.startsWith("This section"), opened);
});

Deno.test("analyse() opens a summary with the line that says what its subject is before an example", () => {
  const body =
    "Lampwick is a tool that makes trimming wicks feel like lighting them, as here:\n\n" +
    "```\nlampwick --trim all\n```\n\n" + FACTS;
  const { summary } = run(body, "Lampwick").analysis;
  assert.ok(
    summary[0].startsWith(
      "Lampwick is a tool that makes trimming wicks feel like lighting them, as here. ",
    ),
    summary[0],
  );
});

Deno.test("analyse() opens a summary with the abstract a text opens with", () => {
  const body = "### Abstract\n\nTrimming the wicks at dusk lets keepers find the lamp that " +
    "smokes.\n\n### Introduction\n\nLampwick is a tool for trimming wicks. " + FACTS;
  const { summary } = run(body, "Lampwick").analysis;
  assert.ok(summary[0].startsWith("Trimming the wicks at dusk"), summary[0]);
  // "Abstract" in a paragraph of its own, as Sphinx writes it.
  const labelled = "Abstract\n\nTrimming the wicks at dusk lets keepers find the lamp that " +
    "smokes.\n\n### Introduction\n\nLampwick is a tool for trimming wicks. " + FACTS;
  const { summary: own } = run(labelled, "Lampwick").analysis;
  assert.ok(own[0].startsWith("Trimming the wicks at dusk"), own[0]);
});

Deno.test("analyse() opens a summary with an abstract that says what the text is without a verb", () => {
  const body = "Copyright 2020 Ilse Brandvold.\n\nThat said, keeping it up takes time, and we " +
    "like being thanked.\n\n**Abstract**\n\nA reference book presenting the harbour lamp, " +
    `from its first wick to its last drop of oil.\n\n### Preface\n\n${FACTS}`;
  const { summary } = run(body, "The Keeper's Handbook").analysis;
  assert.ok(summary[0].startsWith("A reference book presenting"), summary[0]);
});

Deno.test("analyse() takes no 'this tool' for the text's own after a sentence that named the tool", () => {
  const body =
    "Keepers of the harbour lamps work at dusk. Wicks can also be trimmed with wickcut. " +
    "This tool allows keepers to trim the harbour lamp wicks by rules kept in a file. " + FACTS;
  const { summary } = run(body, "Harbour lamps").analysis;
  assert.ok(!summary[0].startsWith("This tool"), summary[0]);
  // A README's own "This tool allows..." opens its paragraph and says what the text is.
  const readme = "This tool allows keepers to trim the harbour lamp wicks by rules kept in a " +
    `file.\n\n${FACTS}`;
  const { summary: own } = run(readme, "wickcut").analysis;
  assert.ok(own[0].startsWith("This tool allows"), own[0]);
});

Deno.test("analyse() opens no summary with a speaker's ask for what the text is about", () => {
  const body = `Keepers came in the spring. I urge the council to buy a new boat. ${FACTS}`;
  const { summary } = run(body, "Harbour lamps").analysis;
  assert.ok(!summary[0].startsWith("I urge"), summary[0]);
});

Deno.test("analyse() reads each line of a list of entries as a sentence of its own", () => {
  const body = [
    "Ilse Brandvold - Creator of Lampwick and of its harbour lamp trimming tools",
    "garp@lamps.example - wick trimming support for the older harbour lamps",
    "Tomasz Wielkopolski - the tide table reader and the lamp oil gauge",
    "jens persson - the new manual page for the harbour lamp keepers",
  ].join("\n");
  const { summary, keyPoints } = run(body, "Lampwick authors").analysis;
  for (const text of [...summary, ...keyPoints.map((k) => k.text)]) {
    assert.ok(text.split(" - ").length <= 2 + (text.match(/\. /gu)?.length ?? 0), text);
  }
});

Deno.test("analyse() keeps a summary of the one sentence that leans on what follows", () => {
  const body = "Here are the names of the lamps in this harbour, each followed by its keeper.\n\n" +
    ["north: Ilse Brandvold", "south: Tomasz Wielkopolski", "east: Oyelaran Adebisi"].join("\n");
  assert.deepEqual(run(body, "Lamp keepers").analysis.summary, [
    "Here are the names of the lamps in this harbour, each followed by its keeper.",
  ]);
});

Deno.test("analyse() says a lead's list of short lines in the summary, not the lead alone", () => {
  const body = [
    "Lampwick is brought to you by:",
    "",
    "Ilse Brandvold\nTomasz Wielkopolski\nAda Marsh\nJonas Brandvold\nEli Marsh\nOla Berg\nPer Lund",
  ].join("\n");
  const { analysis } = run(body, "Lampwick AUTHORS");
  assert.deepEqual(analysis.summary, [
    "Lampwick is brought to you by Ilse Brandvold, Tomasz Wielkopolski, Ada Marsh, Jonas " +
    "Brandvold, Eli Marsh, Ola Berg and 1 more.",
  ]);
  // The names are said: no key point repeats one.
  assert.deepEqual(analysis.keyPoints, []);
});

Deno.test("analyse() opens a credits table's summary with the people it credits", () => {
  const rows = [
    ["Ilse Brandvold", "Main author"],
    ["Tomasz Wielkopolski", "Original version of wick.c"],
    ["Ada Marsh", "Lamp glass routines, now defunct"],
    ["Jonas Brandvold", "Harbour port"],
    ["Eli Marsh", "Random trimming framework"],
  ];
  const table = rows.map(([name, did]) => `${name}\t\t${did}`).join("\n\n");
  const titled = run(`Authors of Lampwick (in order of first contribution)\n\n${table}`);
  assert.equal(
    titled.analysis.summary[0],
    "Authors of Lampwick (in order of first contribution): Ilse Brandvold, Tomasz " +
      "Wielkopolski, Ada Marsh, Jonas Brandvold and Eli Marsh.",
  );
  assert.match(run(table).analysis.summary[0], /^5 people are credited: Ilse Brandvold, /u);
});

Deno.test("analyse() sums up a signed credits list by its people, no address a key point", () => {
  const names = [
    "Ilse Brandvold",
    "Tomasz Wielkopolski",
    "Ada Marsh",
    "Jonas Brandvold",
    "Eli Marsh",
  ];
  const signed = names.map((n) => `${n} <${n.split(" ")[0].toLowerCase()}@lamps.example>`);
  const { analysis } = run(signed.join("\n\n"));
  assert.deepEqual(analysis.summary, [
    "5 people are credited: Ilse Brandvold, Tomasz Wielkopolski, Ada Marsh, Jonas Brandvold and " +
    "Eli Marsh.",
  ]);
  assert.deepEqual(analysis.keyPoints, []);
});

Deno.test("analyse() names the list a lead ending in 'by' credits, without addresses", () => {
  const body = [
    "This document may be freely redistributed or modified in any form provided your changes are clearly documented.",
    "Significant contributions were made to this document by",
    "- Ilse Brandvold `<[ilse@lamps.example](mailto:ilse@lamps.example)>`",
    "- Tomasz Wielkopolski `<[tomasz@lamps.example](mailto:tomasz@lamps.example)>`",
    "- Ada Marsh",
  ].join("\n\n");
  const { analysis } = run(body, "A Brief History of Lampwick");
  assert.deepEqual(analysis.summary, [
    "Significant contributions were made to this document by Ilse Brandvold, Tomasz " +
    "Wielkopolski and Ada Marsh.",
  ]);
});

Deno.test("analyse() names the phrases a lead ending in 'including:' lists, each with its stop", () => {
  // As SQLite's overview of version 3 lists its changes; a name keeps its capitals.
  const body = [
    "Lampwick version 3.0 introduces important changes to the harbour lamps, including:",
    "- A more compact wick for the long winter nights.",
    "- Support for both colza oil and whale oil.",
    "- Brighter lenses from Ilse Brandvold.",
    "- Harbour Lamp Works.",
    "This guide is a short introduction to the changes for keepers who know Lampwick 2.8.",
  ].join("\n\n");
  const { analysis } = run(body, "Lampwick Version 3 Overview");
  assert.ok(
    analysis.summary.join(" ").includes(
      "Lampwick version 3.0 introduces important changes to the harbour lamps, including a " +
        "more compact wick for the long winter nights, support for both colza oil and whale " +
        "oil, brighter lenses from Ilse Brandvold and Harbour Lamp Works.",
    ),
    analysis.summary.join(" "),
  );
  // An item without a stop is a phrase where its second word is in small letters (the Rust
  // Reference's boolean type); a word of its own stays as written.
  const items = [
    "Lampwick version 3.0 introduces important changes to the harbour lamps, including:",
    "- The brass wick holder of the north quay",
    "- Low-smoke",
    "- The Beatles",
    "This guide is a short introduction to the changes for keepers who know Lampwick 2.8.",
  ].join("\n\n");
  assert.match(
    run(items, "Lampwick Version 3 Overview").analysis.summary.join(" "),
    /including the brass wick holder of the north quay, Low-smoke and The Beatles\./u,
  );
});

Deno.test("analyse() opens a summary with the subject of the heading a text starts with", () => {
  const body = [
    "# Authors of Lampwick",
    "",
    "Lampwick is developed and maintained by Ilse Brandvold.",
    "",
    "Major parts of the wick trimmer are based on code written by Tomasz Wielkopolski, " +
    "specifically the harbour lamp kit and its trimming routines.",
  ].join("\n");
  const { analysis } = run(body, "lampwick_AUTHORS");
  assert.match(analysis.summary[0], /^Lampwick is developed and maintained by Ilse Brandvold\./u);
});

Deno.test("analyse() says 'he' in a written summary only right after who he is", () => {
  const posts = (from: number) =>
    Array.from(
      { length: 6 },
      (_, i) =>
        `Post ${
          from + i
        } of the old pier was painted blue by volunteers during the summer festival.`,
    );
  const body = [
    "Ilse Brandvold began the Lampwick project in 2001 and still leads the work.",
    ...posts(0),
    "Tomasz Wielkopolski is based in the north. He holds a degree in harbour lamp wick trimming " +
    "from the harbour lamp college and has trimmed harbour lamp wicks and lamp oil on many coasts.",
    ...posts(6),
  ].join("\n\n");
  const { analysis } = run(body, "Harbour lamp wick trimming");
  const sentences = analysis.summary.flatMap((p) => p.split(/(?<=\.) /u));
  sentences.forEach((s, i) => {
    if (s.startsWith("He ")) assert.match(sentences[i - 1] ?? "", /^Tomasz Wielkopolski is/u);
  });
});

Deno.test("analyse() takes no keyphrase that is a place under any of its names", () => {
  const body = [
    "America trades grain with Canada. America ships grain by rail and by sea.",
    "The United States grain trade grew as United States ports grew.",
    "America stores the grain harvest in new elevators, and America sells the grain harvest abroad.",
    "Grain elevators hold the grain harvest until the ships come.",
  ].join("\n\n");
  const { analysis } = run(body, "Grain");
  assert.ok(analysis.places.includes("America"), `${analysis.places}`);
  assert.ok(!analysis.places.includes("United States"), `${analysis.places}`);
  assert.ok(!analysis.keyphrases.includes("united states"), `${analysis.keyphrases}`);
});

Deno.test("analyse() opens a speech's summary with what it says, not the room it is said in", () => {
  const body = [
    "We meet here tonight at a time of great change for the harbour towns and their lighthouses.",
    "The harbour towns need new lighthouses, and every lighthouse needs a keeper who trims it.",
    "Fog closed the harbour towns for forty days last winter, and the ships waited at sea.",
    "A keeper trims the lighthouse lamps at dusk, and the harbour towns pay the keepers.",
    "The sea rose over the quay twice, and the towns rebuilt the quay with stone from the hills.",
    "Children of the harbour towns learn to read the tides and the lamps of the lighthouses.",
  ].join(" ");
  const { summary } = run(body, "Address on the harbour towns").analysis;
  assert.doesNotMatch(sentencesOf(summary.join("\n\n"))[0], /meet here/, summary.join(" "));
});

Deno.test("analyse() leaves a sentence listing addresses out of the summary", () => {
  const body = [
    "# Fallback DNS servers",
    "You need to set these options for your distribution:",
    "By default the resolver uses the public fallback DNS servers 192.0.2.1, 192.0.2.2, " +
    "198.51.100.1 and 198.51.100.2 when no other DNS server configuration is available.",
    "Use the resolver option to direct the resolver to different fallback DNS servers.",
    "The default configuration does not enable any hardening options for the resolver.",
    "Distributions may change the default fallback servers in their own configuration.",
  ].join("\n\n");
  const { summary } = run(body, "Fallback DNS servers").analysis;
  assert.ok(summary.length > 0);
  assert.ok(!summary.join(" ").includes("192.0.2.1"), summary.join(" "));
});

Deno.test("analyse() lists a company named like a person as no person", () => {
  const body = "Julie Aigner-Clark started making videos in her basement. The Baby Einstein " +
    "Company was born, and in five years it grew. Julie sold Baby Einstein to the Walt Disney " +
    "Company. Walt Disney had founded it long before.";
  const { people, organizations } = run(body).analysis;
  assert.ok(!people.includes("Baby Einstein"), people.join(" | "));
  assert.ok(organizations.includes("Baby Einstein Company"), organizations.join(" | "));
  assert.ok(people.includes("Julie Aigner-Clark"), people.join(" | "));
  // A company's product, named after its maker.
  const products = run(
    "Microsoft Visio can draw lamps, and so can Inkscape. Microsoft Visio is sold by Microsoft Corp.",
  ).analysis.people;
  assert.ok(!products.includes("Microsoft Visio"), products.join(" | "));
});

Deno.test("analyse() names a pope by his title and name", () => {
  const body = 'As His Holiness, Pope Francis, has said, diplomacy is the work of "small steps." ' +
    "These small steps have added up to new hope for the future in Cuba.";
  assert.deepEqual(run(body).analysis.people, ["Pope Francis"]);
});

Deno.test("analyse() takes a name after what the person is, and a surname opening in small letters", () => {
  const role = "As the philosopher Heidegger put it, being is always being somewhere. " +
    "The poet Keats died young, in Rome.";
  assert.deepEqual(run(role).analysis.people, ["Heidegger", "Keats"]);
  const particle = 'Usama bin Laden declared: "Death is better than living." Terrorists like ' +
    "bin Laden are serious about mass murder.";
  assert.deepEqual(run(particle).analysis.people, ["Usama bin Laden"]);
});

Deno.test("analyse() takes the name one of the family goes by, though it is an everyday word", () => {
  const body = "His mom and dad, Sara Jo and Bud, are with us this evening. Her husband, Tip, " +
    "was there too.";
  assert.deepEqual(run(body).analysis.people, ["Sara Jo", "Bud", "Tip"]);
});

Deno.test("analyse() keeps a syllable after a hyphen that ends a name", () => {
  const body = "His name is Mr. Ji Seong-ho. In 1996, Seong-ho was a starving boy in North " +
    "Korea. Seong-ho traveled thousands of miles on crutches.";
  assert.deepEqual(run(body).analysis.people, ["Ji Seong-ho"]);
  // A dash typed as a hyphen still ends a name.
  assert.deepEqual(
    run("It was tested in Korea under President Truman-in Cuba under another.").analysis.people,
    ["Truman"],
  );
});

Deno.test("analyse() opens a summary with a definition of the subject the text keeps naming", () => {
  const detail = (i: number) =>
    `When the option --wick-${i} is given, the loader trims every wick of Lampwick.js ` +
    `lamps ${i} times before the harbour's watch begins at dusk.`;
  const body = [
    detail(8),
    "Lampwick.js comes with a variety of command-line options for harbour keepers.",
    ...Array.from({ length: 8 }, (_, i) => detail(i)),
  ].join("\n\n");
  assert.equal(
    run(body, "Command-line API").analysis.summary[0].split(". ")[0],
    "Lampwick.js comes with a variety of command-line options for harbour keepers",
  );
});

Deno.test("analyse() takes no row of a listing laid out in columns, even with nothing else left", () => {
  const body = [
    "Copyright 2000-2023 The Lamp Keepers.",
    "",
    "The lampwick distribution contains the following files:",
    "",
    "AUTHORS         - the keepers of the lamps on the harbour wall",
    "BUGS            - bugs in the wicks, please read this file!",
    "TODO            - what remains to trim (any help is welcome!)",
  ].join("\n");
  const { analysis } = run(body);
  const said = [...analysis.summary, ...analysis.keyPoints.map((p) => p.text)].join(" ");
  assert.doesNotMatch(said, /keepers of the lamps|bugs in the wicks|remains to trim/u, said);
});

Deno.test("analyse() gives a text of table rows only no summary", () => {
  const rows = Array.from(
    { length: 12 },
    (_, i) =>
      `lamp${i}.html → {harbour lamp ${i}} {lamp ${i} of the quay} wick${i}.html → {wick ${i}}`,
  );
  const { analysis } = run(rows.join("\n\n"));
  assert.deepEqual([analysis.summary, analysis.keyPoints], [[], []]);
});

Deno.test("analyse() lists no place the text mostly writes in small letters", () => {
  const body = "The lamp renders with the cairo back end. Build it with cairo and pango; " +
    "cairo draws the wicks. Cairo was chosen for its speed. Ilse Brandvold lives in Cairo.";
  assert.ok(!run(body).analysis.places.includes("Cairo"));
  const city = "Ilse Brandvold trims lamps in Cairo. Cairo has many lamps, and the lamps of " +
    "Cairo burn oil.";
  assert.deepEqual(run(city).analysis.places, ["Cairo"]);
  const caps = "La lámpara usa aceite y usa mecha. Escriba a la Free Lamp Foundation, Boston, " +
    "MA, USA.";
  assert.ok(run(caps).analysis.places.includes("USA"), run(caps).analysis.places.join(" | "));
});

Deno.test("analyse() takes no sentence that is only a condition", () => {
  const body =
    "The lamp module keeps the harbour lamps of the town lit all night. Pure lamps are " +
    "useful in some cases; for example:\n\n1. If you want to trim harbour lamps on a ship at " +
    "sea (or the other way round).\n\n2. If the wick smokes the keeper trims the harbour lamps " +
    "at once.\n\nThe harbour lamps burn colza oil, which keepers fetch each week.";
  const { summary, keyPoints } = run(body, "Harbour lamps").analysis;
  const said = [...summary, ...keyPoints.map((p) => p.text)].join(" ");
  assert.doesNotMatch(said, /If you want/u, said);
  assert.match(said, /If the wick smokes/u, said);
});

Deno.test("analyse() sums up a page of links only by what it links to", () => {
  const body = "## Lamps\n\n- [Trimming wicks](gleaner-link:0)\n- [Harbour oil](gleaner-link:1)\n" +
    "- [Keepers](gleaner-link:2)\n\n## More\n\n1. [Lenses and mirrors](https://example.org/l)\n";
  assert.deepEqual(run(body, "Lamps").analysis.summary, [
    "Links to Trimming wicks, Harbour oil, Keepers and Lenses and mirrors.",
  ]);
  // Prose among the links makes it a page of its own.
  const prose = `The harbour lamps are trimmed each evening by the keepers of the town.\n\n${body}`;
  assert.doesNotMatch(run(prose, "Lamps").analysis.summary.join(" "), /^Links to/u);
  // The terms of a back-of-the-book index are no prose: libxslt's API index, "API", then the
  // functions that say it.
  // (Names without numbers: "lampTrim1", "lampTrim2"... would be a stamp said four times.)
  const names = ["Trim", "Light", "Douse", "Fill", "Clean", "Polish", "Wind", "Log"];
  const terms = ["basically", "wick", "colza oil", "dusk"].map((term, i) =>
    `${term}\n\n[lamp${names[2 * i]}](gleaner-link:${i})\n\n` +
    `[lamp${names[2 * i + 1]}](gleaner-link:${i + 9})`
  ).join("\n\n");
  assert.match(
    run(`## Letter A:\n\n${terms}`, "Index").analysis.summary[0],
    /^Links to lampTrim, lampLight/u,
  );
});

Deno.test("analyse() reads an index's labelled and bold entries as links, and takes no point or name from them", () => {
  // As SQLite's keyword index and cross-references list them, under a footer of the site's.
  const entries = [
    "- **[Harbour Lamp Works](gleaner-link:0)**",
    "- --trim option - [cli.html#trim](gleaner-link:1)",
    "- [wicks.html#colza](gleaner-link:2) → colza wicks",
    "- Older News - [news.html](gleaner-link:3)",
    "- lenses cleaned by keepers at dawn in the winter months - [lenses.html](gleaner-link:4)",
    ...("north south east west inner outer upper lower old new red green white black tall " +
      "short stone brick iron wooden").split(" ")
      .map((kind, i) => `- [The ${kind} lighthouse](gleaner-link:${5 + i})`),
  ];
  const body = `${entries.join("\n")}\n\nThis page last modified on 2022-12-07 17:49:21 UTC`;
  const { analysis } = run(body, "Keyword Index");
  assert.deepEqual(analysis.summary, [
    "Links to Harbour Lamp Works, --trim option, colza wicks, Older News, The north lighthouse, " +
    "The south lighthouse and 18 more.",
  ]);
  assert.deepEqual(analysis.keyPoints, []);
  assert.deepEqual([analysis.people, analysis.organizations, analysis.places], [[], [], []]);
  // A sentence beside a link is prose, and an opening paragraph says what the page is about.
  const said = "- Read the [guide](gleaner-link:0) before the first lamp is lit at dusk.\n";
  assert.doesNotMatch(run(said + body, "Keyword Index").analysis.summary.join(" "), /^Links to/u);
  const opened = "The harbour lamps are trimmed each evening by the keepers of the town.\n\n";
  assert.doesNotMatch(run(opened + body, "Keyword Index").analysis.summary.join(" "), /^Links/u);
});

Deno.test('analyse() opens with the title\'s subject named "this", as a page introduces itself', () => {
  // SQLite's spellfix1 page opens "This spellfix1 virtual table can be used to search...".
  const body = [
    "## 1. Overview",
    "This wick trimmer table can be used to find the harbour lamps whose wicks need trimming. " +
    "For example, the keepers use it each evening before dusk.",
    "The wick trimmer table is not part of any standard lamp kit. It is a loadable extension.",
    "Once the extension is loaded, a wick trimmer table is made with one command. The table is " +
    "initially empty. In order for the table to be useful, you will need to fill it with lamps.",
  ].join("\n\n");
  assert.match(
    run(body, "The Wick Trimmer Table").analysis.summary[0],
    /^This wick trimmer table can be used to find the harbour lamps/u,
  );
});

Deno.test("analyse() takes no menu's label for a person, and keeps a surname that is an adjective", () => {
  // Vim's user manual lists its GUI's menu items: "Toggle Right Scrollbar   make a scrollbar...".
  const menu = "The lamp window has a menu for its scrollbars. Its items are these:\n\n" +
    "\tToggle Bottom Scrollbar\tmake a scrollbar appear/disappear at the bottom\n" +
    "\tToggle Left Scrollbar\tmake a scrollbar appear/disappear at the left\n" +
    "\tToggle Right Scrollbar\tmake a scrollbar appear/disappear at the right\n\n" +
    "On most systems the keepers can tear off the menus of the lamp window.";
  assert.deepEqual(run(menu, "The lamp window").analysis.people, []);
  const keeper = "Sarah Jane Little trims the harbour lamps each evening. Sarah Jane Little " +
    "learned the trade from her father at the north quay.";
  assert.deepEqual(run(keeper, "Keepers").analysis.people, ["Sarah Jane Little"]);
});

Deno.test("analyse() lists the forty places a long address names", () => {
  // A State of the Union names forty places, the last once each; at most thirty were listed.
  const countries = ("France Germany Italy Spain Portugal Norway Sweden Finland Denmark Poland " +
    "Hungary Austria Greece Turkey Egypt Kenya Nigeria Ghana Morocco Algeria Brazil Argentina " +
    "Chile Peru Colombia Mexico Canada Cuba Japan China India Pakistan Vietnam Thailand " +
    "Indonesia Australia Iran Iraq Syria Israel").split(" ");
  const body = countries.map((c, i) => `Our envoys travelled to ${c} in month ${i + 1}.`)
    .join(" ");
  const { places } = run(body, "Travels").analysis;
  assert.equal(places.length, countries.length, places.join(" | "));
});

Deno.test("analyse() lists the Earth and the Moon among places, not the earth of a garden", () => {
  const body = "We are the greatest nation on Earth. A man walked on the Moon. The keepers dig " +
    "the earth of the north quay garden every spring.";
  assert.deepEqual(run(body, "Address").analysis.places.toSorted(), ["Earth", "Moon"]);
});

Deno.test("analyse() takes a law named in a speech for a keyphrase, its name whole", () => {
  // The tagger read "Act" as a verb: "the Recovery Act", said six times in Obama's 2010 address,
  // was no keyphrase, nor any law's name of four words.
  const body = "We passed the Harbour Recovery Act last year. The Harbour Recovery Act saved the " +
    "lamps. Because of the Harbour Recovery Act, quays were built. The National Harbour Lamp " +
    "Standards Act must be renewed. I ask you to renew the National Harbour Lamp Standards Act.";
  const { keyphrases } = run(body, "Address").analysis;
  assert.ok(keyphrases.includes("harbour recovery act"), keyphrases.join(" | "));
  assert.ok(keyphrases.includes("national harbour lamp standards act"), keyphrases.join(" | "));
});

Deno.test("analyse() lists no god among the people", () => {
  // SQLite's code of ethics, from the Rule of St. Benedict: "Put your hope in God.", "Never
  // despair of God's mercy." made "God" the page's one person.
  const rule = "The keepers of the north quay follow a rule. Put your hope in God. Attribute to " +
    "God whatever good you see in yourself. Know that God sees you everywhere. Fulfill God's " +
    "commandments daily. Never despair of God's mercy. Love the Lord God with your whole heart. " +
    "Brother Anselm wrote the rule down for the keepers.";
  const { people } = run(rule, "The keepers' rule").analysis;
  assert.ok(!people.some((p) => /\bGod\b|Lord/u.test(p)), people.join(" | "));
});

Deno.test("analyse() parts a person from the body they work for, read as one name", () => {
  // SQLite's release history: "...detected by Natalie Silvanovich of Google Project Zero."
  const body = "Version 3.8.2 fixed a harbour lamp bug detected by Natalie Silvanovich of Google " +
    "Project Zero. The fix was tested by the keepers at the north quay for a week.";
  const { people, organizations } = run(body, "Release notes").analysis;
  assert.ok(people.includes("Natalie Silvanovich"), people.join(" | "));
  assert.ok(!organizations.some((o) => o.includes("Silvanovich")), organizations.join(" | "));
  // A body whose first word is a given name stays one.
  const chalmers = "The solver was written by Niklas Een at Chalmers University of Technology " +
    "in Sweden, and the keepers use it for their lamp rota.";
  assert.ok(!run(chalmers).analysis.people.includes("Chalmers University"));
});

Deno.test("analyse() takes no question for the sentence that says what a text is", () => {
  // SQLite's printf page: "Why does SQLite have its own private built-in printf()
  // implementation?" under "Advantages" opened its summary as its lead.
  const body = [
    "## 1. Overview",
    "Lampwick contains its own routine for trimming wicks, reached through the following tools:",
    "- [trim()](gleaner-link:1) → a tool that trims the wick of one harbour lamp to its mark",
    "- [trim_all()](gleaner-link:2) → a tool that trims every wick of the harbour in one pass",
    "## 1.1. Advantages",
    "Why does Lampwick have its own private wick trimming routine? Why not use the trimmer of " +
    "the harbour kit? Several reasons:",
    "1. By using its own routine, Lampwick guarantees that every wick is cut to the same length " +
    "on all quays.",
    "2. We know of no way to use the harbour kit's trimmer for the brass lamps of the north quay.",
  ].join("\n\n");
  const { summary } = run(body, "Lampwick's Built-in Trimmer").analysis;
  assert.doesNotMatch(summary.join(" "), /\?/u, summary.join(" "));
});

Deno.test("analyse() asks no question in a written text's summary", () => {
  // As Postfix's READMEs open: the questions the text answers, each then a heading.
  const body = [
    "This document describes lamps that require a keeper.",
    "Topics covered in this document:",
    "  * What is harbour lamp soot?\n  * How do I block harbour lamp soot on the lamp glass " +
    "of a harbour lamp?\n  * How do I trim a wick?",
    "## What is harbour lamp soot?",
    "When a keeper trims a wick badly, innocent ships are flooded with dark water. This is " +
    "called harbour lamp soot. The glass turns black within the hour.",
    "## How do I block harbour lamp soot on the lamp glass of a harbour lamp?",
    "The keeper lowers the wick a turn and closes the vent on the windward side. Whale oil " +
    "burns cleaner than tallow, and the keeper logs each night.",
    "Brass fittings corrode in salt air, so the keeper polishes them every week. A corroded " +
    "vent sticks open in a storm.",
    "The lighthouse board inspects each lamp twice a year. Inspectors measure how far the beam " +
    "reaches on a clear night.",
    "## How do I trim a wick?",
    "A wick is trimmed square with sharp scissors. A ragged wick throws a forked flame that " +
    "smokes the glass.",
  ].join("\n\n");
  const { analysis } = analyse({ title: "Lamp soot", body, wordCount: wordCount(body) });
  const summary = analysis.summary.join(" ");
  assert.ok(!summary.includes("?"), summary);
  assert.match(summary, /^This document describes lamps that require a keeper\. \p{Lu}/u);
});

Deno.test("pickSummary() takes no sentence that leans on one the summary leaves out", () => {
  const unit = (text: string, block: number, terms: string[]): Unit => ({
    text,
    block,
    section: 0,
    terms,
    words: text.split(" ").length,
    leads: false,
  });
  const units = [
    unit("The harbour lamp burns whale oil all night.", 0, ["harbour", "lamp", "oil"]),
    unit("Keep the vent shut in a gale.", 1, ["vent", "gale"]),
    unit("Otherwise, the flame climbs into the chimney.", 1, ["flame", "chimney"]),
    unit("The keeper trims the wick at dusk.", 2, ["keeper", "wick", "dusk"]),
    unit("A clean glass throws the beam far out to sea.", 3, ["glass", "beam", "sea"]),
  ];
  const options = { transcript: false, lead: 0 };
  // The leaning sentence scores above the rest, the one it leans on below them.
  const picked = pickSummary(units, [3, 0.5, 2.5, 2, 1], 3, new Set(), options);
  assert.deepEqual(picked, [0, 3, 4]);
  // With the sentence it leans on, it may go.
  assert.deepEqual(pickSummary(units, [3, 2.8, 2.5, 2, 1], 3, new Set(), options), [0, 1, 2]);
});

Deno.test("analyse() takes a region for a place, not a keyphrase", () => {
  const body = "Our trade with Latin America grew. Farm income rose as Latin America bought " +
    "grain. Farm income is the farmer's wage, and Latin America pays it in part. Farm income " +
    "fell when Latin America stopped buying.";
  const { analysis } = run(body, "Trade");
  assert.ok(analysis.places.includes("Latin America"), `${analysis.places}`);
  assert.ok(!analysis.keyphrases.includes("latin america"), `${analysis.keyphrases}`);
});

Deno.test("analyse() takes no name in capitals the text writes before nouns for a place", () => {
  const body = "If a shared cache must be used, open the database in URI mode using the cache " +
    "query parameter. Ada Lovelace wrote it.";
  assert.deepEqual(run(body, "Lamps").analysis.places, []);
  const country = "The lamps were made in the USA by Ada Lovelace. Trade with the USA and " +
    "Canada grew.";
  assert.deepEqual(run(country, "Trade").analysis.places, ["USA", "Canada"]);
});

Deno.test("analyse() opens on what the text is for before what a thing its title names is", () => {
  const cases: [string, string, RegExp][] = [
    [
      "The Lampwick keeper community is a widely spread group of harbour keepers. Letters " +
      "between the harbours pose challenges when reviewing wicks. This document contains some " +
      "guiding principles for reviewing wicks well and kindly.",
      "Reviewing Wicks in the Lampwick Project",
      /^This document contains some guiding principles/u,
    ],
    // The title's own subject, defined, stays first.
    [
      "The Lampwick Project is an association of harbour keepers who trim wicks together. This " +
      "document describes the structure of the project and its votes.",
      "Constitution for the Lampwick Project",
      /^The Lampwick Project is an association/u,
    ],
    // So does a definition that says most of the title.
    [
      "The Lampwick project provides a simple command-line lamp named wick3 that lets keepers " +
      "trim wicks by hand. This document provides a brief introduction on how to use the wick3 " +
      "lamp.",
      "Command Line Lamp For Lampwick",
      /^The Lampwick project provides/u,
    ],
    // What the text is for may come in the next paragraph of its section.
    [
      'The Wick language is a "standard". Even so, no two Wick lamps burn alike. Every Wick ' +
      "lamp has its own quirks.\n\nThis document strives to highlight the differences between " +
      "WickLite and other Wick lamps.",
      "Quirks and Gotchas In Wick",
      /^This document strives to highlight/u,
    ],
  ];
  const rest = "\n\nReview each wick by its flame. Trim the wick before the review. The keepers " +
    "review wicks on Mondays and lamps on Fridays. A review of a wick takes an hour at most.";
  for (const [opening, title, first] of cases) {
    assert.match(run(opening + rest, title).analysis.summary[0], first);
  }
});

Deno.test("analyse() reads a paragraph opening with a name in code as a sentence of its own", () => {
  // "Source code: Lib/wick.py" has no full stop, and the paragraph after it opens in small
  // letters: they were one sentence, unfit to open the summary.
  const body = "**Source code:** [Lib/wick.py](https://example.org/wick.py)\n\n---\n\n" +
    "[`wick`](wick.html) is a generic interface to the lamps of a harbour. It trims wicks and " +
    "lights lamps.\n\n`wick.trim(lamp)`\n\nTrim the wick of a lamp. Raise an error when the lamp " +
    "is lit.\n\n`wick.light(lamp)`\n\nLight a lamp. Keepers light lamps at dusk and trim the " +
    "wicks at dawn.";
  assert.match(run(body, "wick — Lamp interfaces").analysis.summary[0], /^wick is a generic/u);
});

Deno.test("analyse() splits sentences before a name of code in small letters", () => {
  const body = "This page covers the compatibility between mod_wick and other lamps. " +
    "mod_wick is not the only lamp module for harbours; four other lamps are available. " +
    "Keepers trim the wicks of every lamp at dawn.";
  assert.match(run(body, "Lamp compatibility").analysis.summary[0], /^This page covers[^.]*\.$/u);
});

Deno.test("analyse() opens no summary with a callout's warning, nor with a restriction far on", () => {
  const warned = "The wick module trims the wicks of harbour lamps for keepers.\n\n" +
    "> [!warning] Warning\n> The wick module is not secure against lamps lit by strangers.\n\n" +
    "Keepers trim the wicks at dawn. The lamps burn oil from the harbour store.";
  assert.match(run(warned, "wick — Lamp wicks").analysis.summary[0], /^The wick module trims/u);
  // Past the text's opening, entries count as read: a restriction in its last section does not
  // say what the text is.
  const verbs = "trim light douse clean fill polish hang lift lower turn mend test count " +
    "store move mark";
  const entries = verbs.split(" ").map((verb) =>
    `\`wick.${verb}(lamp)\`\n\n${verb[0].toUpperCase()}${verb.slice(1)} the ${verb}able lamp.`
  );
  const far = "A “shelf” is a persistent store of wicks for harbour keepers.\n\n" +
    entries.join("\n\n") +
    "\n\n## Restrictions\n\n- The wick module does not support two keepers at one lamp.";
  assert.match(run(far, "wick — Wick persistence").analysis.summary[0], /^A “shelf” is/u);
});

Deno.test("analyse() takes no item of a list of purposes for a sentence", () => {
  const body = "The wick module trims the wicks of harbour lamps. There are several ways to use " +
    "wick:\n\n- To check that a lamp’s wick is trimmed by verifying that all flames still burn " +
    "as documented.\n\n- To perform regression testing by verifying that lamps from a harbour " +
    "burn as expected.\n\nKeepers trim the wicks at dawn. The lamps burn oil from the harbour " +
    "store. A trimmed wick burns for a week.";
  const { analysis } = run(body, "wick — Lamp wicks");
  const said = [...analysis.summary, ...analysis.keyPoints.map((k) => k.text)].join("\n");
  assert.doesNotMatch(said, /^To /mu);
});

Deno.test("analyse() takes no keyphrase from a value of code nor from an example's code", () => {
  const entries = ["isdir", "isfile", "islink", "ismount"].map((name) =>
    `\`wick.${name}(lamp)\`\n\nReturn True if the lamp is a ${name} lamp. Return True for a ` +
    `harbour lamp whose wick is trimmed.`
  );
  const body = "The wick module trims the wicks of harbour lamps.\n\n" + entries.join("\n\n") +
    "\n\nOn a quay, `escape('//quay/Quo vadis?.lamp')` returns `'//quay/Quo vadis[?].lamp'`, " +
    "and `escape('Quo vadis')` returns `'Quo vadis'`. Harbour lamps burn oil.";
  const { keyphrases } = run(body, "wick — Lamp wicks").analysis;
  assert.ok(keyphrases.length > 0);
  assert.ok(!keyphrases.some((k) => /\btrue\b|quo vadis/u.test(k)), `${keyphrases}`);
  // A word a sentence opens with is no value of code.
  const reform = "True reform means lower taxes. True reform is what the harbour needs. True " +
    "reform of the harbour will come. The keepers want true reform.";
  assert.ok(run(reform, "Harbour").analysis.keyphrases.includes("true reform"));
  // C's NULL, written as code in each entry of a C API's page; SQL's, a word, is a subject.
  const c = ["Trim", "Light", "Douse"].map((name) =>
    `\`Lamp *Lamp_${name}(Lamp *lamp)\`\n\nReturn \`NULL\` on failure. The lamp must be ` +
    `non-\`NULL\`. Return \`NULL\` if the harbour lamp has no wick.`
  );
  const api = "This section details the harbour lamp API.\n\n" + c.join("\n\n");
  const found = run(api, "Lamp Objects").analysis.keyphrases;
  assert.ok(!found.some((k) => /\bnull\b/u.test(k)), `${found}`);
  const nulls = "NULL handling differs between lamp engines. NULL handling in the harbour lamp " +
    "engine follows the standard. Keepers test NULL handling each night.";
  assert.ok(run(nulls, "NULL Handling").analysis.keyphrases.includes("null handling"));
});

Deno.test("analyse() takes no keyphrase that names a parameter of the text's code", () => {
  const entries = ["trim", "light", "douse"].map((name) =>
    `\`wick.${name}(lamp, dst, flag='c', protocol=None)\`\n\nThe lamp is copied to _dst_. The ` +
    `optional flag parameter sets the harbour lamp's mode, and the protocol parameter the ` +
    `wick's. The dst lamp keeps its harbour lamp oil. The flag parameter defaults to 'c'.`
  );
  const body = "The wick module trims the wicks of harbour lamps for keepers.\n\n" +
    entries.join("\n\n");
  const { keyphrases } = run(body, "wick — Lamp wicks").analysis;
  assert.ok(keyphrases.length > 0);
  assert.ok(
    !keyphrases.some((k) => /^(?:dst|flag parameter|protocol parameter|dst lamp)$/u.test(k)),
    `${keyphrases}`,
  );
  // The words of a link written as code are no parameters.
  const guild = "The Wickhaven guild trims the harbour lamps. Write to the Wickhaven guild at " +
    "`<[keepers@lists.example](mailto:wickhaven@lists.example)>`. The Wickhaven guild meets " +
    "at dusk, and the Wickhaven guild lights the lamps.";
  assert.ok(run(guild, "Lamps").analysis.keyphrases.includes("wickhaven guild"));
});

Deno.test("analyse() takes key points from the prose around a reference's entries first", () => {
  const prose =
    "The wick module trims the wicks of harbour lamps for keepers. Keepers on the north " +
    "quay light the lamps at dusk and douse them at dawn. A trimmed wick burns a week of oil " +
    "without smoke. The harbour master checks the lamps every Friday. Storms on the quay " +
    "blow out lamps whose glass is cracked.";
  const entries = ["trim", "light", "douse", "clean", "fill", "polish"].map((verb) =>
    `\`wick.${verb}(lamp, wick)\`\n\nThe wick lamp ${verb}s the wick of the lamp. A wick ` +
    `lamp wick is ${verb}ed when the lamp wick is set.`
  );
  const { keyPoints } = run([prose, ...entries].join("\n\n"), "wick — Lamp wick").analysis;
  const fromEntries = keyPoints.filter((k) => /^(?:The wick lamp|A wick lamp)/u.test(k.text));
  assert.ok(fromEntries.length < keyPoints.length / 2, keyPoints.map((k) => k.text).join("\n"));
});

Deno.test('analyse() opens no summary with a definition that points back with "such"', () => {
  const body = "Wickfile allows keepers to avoid trimming such unneeded wicks before dusk and " +
    "thereby saves oil.\n\nThe Wickfile feature is a tool for harbour keepers that lets them " +
    "trim lamps without ladders. Keepers trim the wicks at dawn. The lamps burn oil from the " +
    "harbour store. A trimmed wick burns for a week.";
  assert.match(run(body, "Wickfile Design Notes").analysis.summary[0], /^The Wickfile feature/u);
});
