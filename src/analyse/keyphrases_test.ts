import assert from "node:assert/strict";
import {
  type Keyphrase,
  type KeyphraseContext,
  labelPhrases,
  rankKeyphrases,
  tagsFor,
  toTag,
} from "./keyphrases.ts";
import type { Phrase } from "./language.ts";
import { stem, terms } from "./terms.ts";

/** A noun phrase as the language pass reports it: lower-cased words, an offset. */
const phrase = (text: string, start = 0, person = false, adjective = false): Phrase => ({
  text,
  start,
  words: text.toLowerCase().split(" "),
  person,
  adjective,
});

/** A phrase said twice, as a term must be to count. */
const twice = (text: string) => [phrase(text, 0), phrase(text, 9)];

/** Term counts as the analysis makes them: each stem of the phrases, counted. */
function countsOf(phrases: Phrase[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of phrases) {
    for (const w of p.words) counts.set(stem(w), (counts.get(stem(w)) ?? 0) + 1);
  }
  return counts;
}

const rank = (phrases: Phrase[], title = "", limit = 10) =>
  rankKeyphrases(phrases, {
    termCounts: countsOf(phrases),
    title,
    textLength: 1000,
    limit,
  });

const texts = (phrases: Phrase[], title = "", limit = 10) =>
  rank(phrases, title, limit).map((k) => k.text);

/** The keyphrases of `phrases`, said in `text`, which the ranking reads around them. */
const textsIn = (text: string, phrases: Phrase[]) =>
  rankKeyphrases(phrases, {
    termCounts: countsOf(phrases),
    title: "",
    textLength: text.length,
    limit: 10,
    text,
  }).map((k) => k.text);

const key = (text: string): Keyphrase => ({ text, key: text.split(" ").map(stem).join(" ") });

/** What Obsidian takes as a tag: letters, digits, _, - and /, no empty part, not all digits. */
const OBSIDIAN_TAG = /^[\p{L}\p{M}\p{N}_-]+(?:\/[\p{L}\p{M}\p{N}_-]+)*$/u;

Deno.test("rankKeyphrases() takes no path the text writes only as code", () => {
  // Python's distutils: "include `test/test*.py` (standard files)".
  const text = "Include `spare/spare*.lamp` and GNU/Linux lamps. Include `spare/spare*.lamp` " +
    "and harbour lamps on GNU/Linux.";
  const phrases = [...twice("spare/spare"), ...twice("gnu/linux"), ...twice("harbour lamps")];
  const ranked = rankKeyphrases(phrases, {
    termCounts: countsOf(phrases),
    title: "",
    textLength: text.length,
    limit: 10,
    text,
    code: "spare/spare*.lamp\nspare/spare*.lamp",
  }).map((k) => k.text);
  assert.deepEqual(ranked.toSorted(), ["gnu/linux", "harbour lamps"]);
});

Deno.test("rankKeyphrases() takes no phrase that names one thing twice", () => {
  // Python's distutils: "include pat1 pat2 ...", "recursive-include dir pat1 pat2 ...".
  const phrases = [
    ...twice("pat1 pat2"),
    ...twice("dir pat1 pat2"),
    ...twice("wick wick"),
    ...twice("harbour lamps"),
  ];
  assert.deepEqual(texts(phrases), ["harbour lamps"]);
});

Deno.test("rankKeyphrases() finds nothing in no phrases", () => {
  assert.deepEqual(
    rankKeyphrases([], { termCounts: new Map(), title: "", textLength: 0, limit: 10 }),
    [],
  );
});

Deno.test("rankKeyphrases() identifies a phrase by the stems of its words", () => {
  assert.deepEqual(rank([phrase("analytical engines")]), [
    { text: "analytical engines", key: "analyt engin" },
  ]);
});

Deno.test("rankKeyphrases() shows the form of a phrase the text uses most", () => {
  // Words too rare in everyday English to count as generic (see commonness.ts).
  const phrases = [phrase("turbine"), phrase("turbines", 10), phrase("turbines", 20)];
  assert.deepEqual(rank(phrases), [{ text: "turbines", key: "turbin" }]);
  // On a tie, the form that sorts first.
  assert.deepEqual(texts([phrase("turbines"), phrase("turbine", 10)]), ["turbine"]);
});

Deno.test("rankKeyphrases() ranks a phrase the text uses more often higher", () => {
  const phrases = [phrase("boiler"), phrase("piston", 1), phrase("piston", 2), phrase("piston", 3)];
  assert.deepEqual(texts(phrases), ["piston", "boiler"]);
});

Deno.test("rankKeyphrases() ranks a phrase the title uses higher", () => {
  // Equally rare words (neither in SUBTLEX-US's first 30,000), so only the title tells them apart.
  const phrases = [phrase("apiary"), phrase("varroa")];
  assert.deepEqual(texts(phrases), ["apiary", "varroa"]);
  assert.deepEqual(texts(phrases, "varroa"), ["varroa", "apiary"]);
});

Deno.test("rankKeyphrases() ranks a phrase used early in the text higher", () => {
  assert.deepEqual(texts([phrase("beta", 900), phrase("zeta", 0)]), ["zeta", "beta"]);
});

Deno.test("rankKeyphrases() breaks ties by key, whatever the order of the phrases", () => {
  // Words no everyday list has, so that nothing but the key tells them apart.
  const phrases = [phrase("zint blorp"), phrase("frap blorp"), phrase("glim blorp")];
  const sorted = ["frap blorp", "glim blorp", "zint blorp"];
  assert.deepEqual(texts(phrases), sorted);
  assert.deepEqual(texts(phrases.toReversed()), sorted);
});

Deno.test("rankKeyphrases() keeps at most `limit` phrases, the best ones", () => {
  const phrases = [phrase("boiler"), phrase("piston", 1), phrase("piston", 2), phrase("crank")];
  assert.deepEqual(texts(phrases, "", 1), ["piston"]);
  assert.deepEqual(texts(phrases, "", 2), ["piston", "boiler"]);
});

Deno.test("rankKeyphrases() gives no phrases for a limit of 0", () => {
  assert.deepEqual(rank([phrase("boiler"), phrase("piston")], "", 0), []);
});

Deno.test("rankKeyphrases() leaves out the names of people", () => {
  assert.deepEqual(texts([phrase("ada lovelace", 0, true), phrase("turbine", 5)]), ["turbine"]);
});

Deno.test("rankKeyphrases() keeps an opening adjective only when the text repeats the pair", () => {
  assert.deepEqual(texts([phrase("strong apiary", 0, false, true)]), ["apiary"]);
  const twice = [phrase("varroa mites", 0, false, true), phrase("varroa mites", 50, false, true)];
  assert.deepEqual(texts(twice), ["varroa mites"]);
  assert.deepEqual(texts([phrase("varroa", 0, false, true)]), ["varroa"]);
  // The pair said twice, once alone and once in a longer phrase.
  const longer = [
    phrase("balanced budget amendment", 0, false, true),
    phrase("balanced budget", 50, false, true),
  ];
  assert.ok(texts(longer).includes("balanced budget"));
});

Deno.test("rankKeyphrases() counts a pair said again in the same words after it once", () => {
  const text = "First, by a steady trimming of the harbour lamps we keep the quay. " +
    "Second, by a steady trimming of the harbour lamps we keep the boats. " +
    "The varroa mites came in May. We burned the varroa mites in June.";
  const at = (said: string, from = 0) => phrase(said, text.indexOf(said, from), false, true);
  const phrases = [
    at("steady trimming"),
    at("steady trimming", 20),
    at("varroa mites"),
    at("varroa mites", text.indexOf("mites") + 5),
  ];
  const found = textsIn(text, phrases);
  assert.ok(found.includes("varroa mites") && !found.includes("steady trimming"), `${found}`);
});

Deno.test("rankKeyphrases() takes no phrase ending in 'version' the text says before a number", () => {
  const text = "Lampwick version 2.2 trims wicks. Since Lampwick version 2.4 the wick keeper " +
    "lights lamps. The wick keeper needs lampwick version 3.0 or later. The protocol version " +
    "is told at the start. Each protocol version adds lamps.";
  const at = (said: string, from = 0) => phrase(said, text.indexOf(said, from));
  const phrases = [
    at("Lampwick version"),
    at("Lampwick version", 30),
    at("lampwick version"),
    at("wick keeper"),
    at("wick keeper", 80),
    at("protocol version"),
    at("protocol version", text.indexOf("Each")),
  ];
  const found = textsIn(text, phrases);
  assert.ok(!found.some((f) => f.startsWith("lampwick")), `${found}`);
  assert.ok(found.includes("wick keeper") && found.includes("protocol version"), `${found}`);
});

Deno.test("rankKeyphrases() trims words that carry no meaning from the ends of a phrase", () => {
  assert.deepEqual(texts([phrase("the very analytical engine")]), ["analytical engine"]);
  assert.deepEqual(texts([phrase("bank of england")]), ["bank of england"]);
  assert.deepEqual(texts([phrase("the other one")]), []);
});

Deno.test("rankKeyphrases() drops possessives", () => {
  assert.deepEqual(rank([phrase("babbage's engine")]), [{
    text: "babbage engine",
    key: "babbag engin",
  }]);
});

Deno.test("rankKeyphrases() leaves out phrases of more than three words", () => {
  assert.deepEqual(texts([phrase("big old steam engine"), phrase("steam engine")]), [
    "steam engine",
  ]);
});

Deno.test("rankKeyphrases() leaves out words that do not start with a letter or hold symbols", () => {
  const phrases = [
    phrase("model 3 engine"),
    phrase("c++ code"),
    phrase("a.b test"),
    phrase("x2 turbine"),
  ];
  assert.deepEqual(texts(phrases), ["x2 turbine"]);
  // A number at either end is trimmed like any word without meaning.
  assert.deepEqual(texts([phrase("2024 tariff")]), ["tariff"]);
  assert.deepEqual(texts([phrase("well-known engine")]), ["well-known engine"]);
});

Deno.test("toTag() writes a phrase in lower case with words joined by hyphens", () => {
  assert.equal(toTag("Machine Learning"), "machine-learning");
  assert.equal(toTag("  steam   engine "), "steam-engine");
  assert.equal(toTag("machine_learning"), "machine-learning");
  assert.equal(toTag("--well--known--"), "well-known");
  // A slash would nest the tag in Obsidian.
  assert.equal(toTag("debian gnu/linux"), "debian-gnu-linux");
});

Deno.test("toTag() keeps accents and letters outside ASCII", () => {
  assert.equal(toTag("Ünïcödé Straße"), "ünïcödé-straße");
  assert.equal(toTag("東京 タワー"), "東京-タワー");
  assert.equal(toTag("e\u0301te\u0301"), "\u00e9t\u00e9");
});

Deno.test("toTag() drops characters a tag cannot hold", () => {
  assert.equal(toTag("#hash"), "hash");
  assert.equal(toTag("a/b"), "a-b");
  assert.equal(toTag("rock'n'roll"), "rocknroll");
  assert.equal(toTag("x\u200By"), "xy");
});

Deno.test("toTag() spells out what a tag cannot hold where the name needs it", () => {
  assert.equal(toTag("C++"), "cpp");
  assert.equal(toTag("C/C++ header files"), "c-cpp-header-files");
  assert.equal(toTag("C#"), "csharp");
  assert.equal(toTag("MANIFEST.in"), "manifest-in");
  assert.equal(toTag("os.path module"), "os-path-module");
  assert.equal(toTag("U.S. policy"), "us-policy");
  assert.equal(toTag("X.org server"), "xorg-server");
});

Deno.test("toTag() gives no tag for a phrase without a letter", () => {
  for (const phrase of ["2024", "3.14", "-", "", "   ", "😀", "#", "٣٤", "1-2"]) {
    assert.equal(toTag(phrase), undefined, phrase);
  }
});

Deno.test("toTag() keeps digits next to letters", () => {
  assert.equal(toTag("1st place"), "1st-place");
  assert.equal(toTag("Windows 95"), "windows-95");
});

Deno.test("toTag() shortens a long phrase to 60 characters without a trailing hyphen", () => {
  assert.equal(toTag("x".repeat(100)), "x".repeat(60));
  assert.equal(toTag("a ".repeat(40)), "a-".repeat(29) + "a");
  assert.equal(toTag("x".repeat(59) + " yz"), "x".repeat(59));
});

Deno.test("toTag() never splits a character when it shortens a long phrase", () => {
  // "𝒜" takes two UTF-16 code units: the 60th unit is the first half of one.
  const tag = toTag("a" + "𝒜".repeat(40))!;
  assert.ok(tag.isWellFormed(), JSON.stringify(tag));
});

Deno.test("toTag() gives a valid Obsidian tag or none for any text", () => {
  const inputs = [
    "C#",
    "half—price",
    "½ price",
    "Ａｂｃ",
    "\u202Eevil\u202C override",
    "tab\tand\nnewline",
    "a / b / c",
    "___",
    "x-",
    "[[link]]",
    "%% comment %%",
    "émoji 😀 here",
  ];
  for (const input of inputs) {
    const tag = toTag(input);
    if (tag === undefined) continue;
    assert.match(tag, OBSIDIAN_TAG, input);
    assert.match(tag, /\p{L}/u, input);
    assert.doesNotMatch(tag, /^-|-$|--/, input);
  }
});

Deno.test("tagsFor() makes a tag of each keyphrase, in order", () => {
  assert.deepEqual(tagsFor([key("steam"), key("machine learning"), key("boiler")]), [
    "steam",
    "machine-learning",
    "boiler",
  ]);
  assert.deepEqual(tagsFor([]), []);
});

Deno.test("tagsFor() nests a phrase under its last word when that word is a keyphrase", () => {
  assert.deepEqual(tagsFor([key("linux kernel"), key("kernel")]), [
    "kernel/linux-kernel",
    "kernel",
  ]);
  // The parent is the single keyphrase as the text shows it.
  assert.deepEqual(tagsFor([key("kernels"), key("linux kernel")]), [
    "kernels",
    "kernels/linux-kernel",
  ]);
  // An everyday word is no topic to gather others under.
  assert.deepEqual(tagsFor([key("debian system"), key("system")]), ["debian-system", "system"]);
  // Not a hyphenated word: "git-reset" is no kind of reset.
  const command = { text: "git-reset", key: "git reset" };
  assert.deepEqual(tagsFor([command, key("reset")]), ["git-reset", "reset"]);
  // Nor the page's own subject, the text writing it in two words: "git reset" of "git-reset(1)".
  assert.deepEqual(tagsFor([key("git reset"), key("reset")], [], "git-reset(1)"), [
    "git-reset",
    "reset",
  ]);
  // Nor a name the text gives: the comedians are no kind of the language.
  assert.deepEqual(tagsFor([key("python"), key("monty python")], [], "", ["Monty Python"]), [
    "python",
    "monty-python",
  ]);
});

Deno.test("tagsFor() puts the text's subjects first, each tag once", () => {
  assert.deepEqual(tagsFor([key("write-ahead log"), key("sqlite")], ["sqlite", "wal"]), [
    "sqlite",
    "wal",
    "write-ahead-log",
  ]);
});

Deno.test("tagsFor() does not nest a phrase whose last word is no keyphrase of its own", () => {
  assert.deepEqual(tagsFor([key("analytical engine")]), ["analytical-engine"]);
  assert.deepEqual(tagsFor([key("steam engine"), key("steam")]), ["steam-engine", "steam"]);
  assert.deepEqual(tagsFor([key("analytical engine"), key("difference engine")]), [
    "analytical-engine",
    "difference-engine",
  ]);
});

Deno.test("tagsFor() gives each tag once", () => {
  assert.deepEqual(tagsFor([key("machine learning"), key("machine-learning")]), [
    "machine-learning",
  ]);
});

Deno.test("tagsFor() skips a keyphrase that makes no tag", () => {
  assert.deepEqual(tagsFor([{ text: "2024", key: "2024" }, key("engine")]), ["engine"]);
});

Deno.test("rankKeyphrases() never keeps a generic English word on its own", () => {
  const phrases = ["file", "file", "value", "changes", "socket", "file format"].map((t, i) =>
    phrase(t, i)
  );
  assert.deepEqual(texts(phrases), ["file format", "socket"]);
  // A plural is as everyday as its singular: "tasks" (SUBTLEX-US ranks "task" 3,673rd, "tasks"
  // 13,147th), "goals"; not "sockets".
  const plurals = ["tasks", "tasks", "goals", "sockets"].map((t, i) => phrase(t, i));
  assert.deepEqual(texts(plurals), ["sockets"]);
});

Deno.test("rankKeyphrases() ranks rare words above everyday ones used as often", () => {
  // "window" (rank 857 in SUBTLEX-US) and "iterator" (absent) in the same phrase shape.
  const phrases = [phrase("main window"), phrase("lazy iterator", 5)];
  assert.deepEqual(texts(phrases), ["lazy iterator", "main window"]);
});

Deno.test("rankKeyphrases() trims a possessive determiner from a phrase", () => {
  assert.deepEqual(texts([phrase("its annotations")]), ["annotations"]);
});

Deno.test("rankKeyphrases() keeps a generic word that the title names", () => {
  const phrases = [phrase("honey"), phrase("honey", 5), phrase("varroa", 9)];
  assert.deepEqual(texts(phrases), ["varroa"]);
  assert.deepEqual(texts(phrases, "Honey"), ["honey", "varroa"]);
});

Deno.test("rankKeyphrases() takes no verb alone, whatever the tagger called it", () => {
  const phrases = ["reverting", "reverting", "reverting", "side branch", "side branch"].map((t) =>
    phrase(t)
  );
  assert.deepEqual(texts(phrases), ["side branch"]);
});

Deno.test("rankKeyphrases() takes no hyphenated verb alone", () => {
  const phrases = ["re-written", "re-written", "pre-commit", "pre-commit", "side branch"].map((t) =>
    phrase(t)
  );
  assert.deepEqual(texts(phrases).toSorted(), ["pre-commit", "side branch"]);
});

Deno.test("rankKeyphrases() keeps no word that is a preposition in a verb's form", () => {
  const found = texts([
    phrase("web applications using", 0),
    phrase("web applications using", 5),
    phrase("using x509 certificate", 10),
    phrase("using x509 certificate", 15),
    phrase("document using keys", 20),
    phrase("document using keys", 25),
  ]);
  assert.deepEqual(found.toSorted(), ["web applications", "x509 certificate"]);
});

Deno.test("rankKeyphrases() keeps at most three one-word keyphrases", () => {
  const singles = ["iterator", "generator", "coroutine", "lambda"].flatMap((w) => [
    phrase(w),
    phrase(w),
  ]);
  const found = texts([...singles, phrase("functional programming")]);
  assert.equal(found.filter((k) => !k.includes(" ")).length, 3);
  assert.ok(found.includes("functional programming"));
});

Deno.test("rankKeyphrases() takes a two-letter word only as the text writes it in capitals", () => {
  const found = texts([
    phrase("IP addresses"),
    phrase("IP addresses"),
    phrase("gt graph"),
    phrase("gt graph"),
  ]);
  assert.deepEqual(found, ["ip addresses"]);
});

Deno.test("rankKeyphrases() takes three content words only when said twice or written as a name", () => {
  assert.deepEqual(texts([phrase("magma forces rock")]), []);
  const twice = [phrase("silesia compression corpus"), phrase("silesia compression corpus", 9)];
  assert.deepEqual(texts(twice), ["silesia compression corpus"]);
  assert.deepEqual(texts([phrase("bank of england")]), ["bank of england"]);
  // A name of three words is one, said once or more.
  assert.deepEqual(texts([phrase("Family Savings Plan")]), ["family savings plan"]);
});

Deno.test("rankKeyphrases() drops an adjective that says nothing of the topic", () => {
  const phrases = [phrase("new iterator", 0, false, true), phrase("new iterator", 9, false, true)];
  assert.deepEqual(texts(phrases), ["iterator"]);
  // How many: "a single coroutine" is about coroutines.
  const single = [
    phrase("single coroutine", 0, false, true),
    phrase("single coroutine", 9, false, true),
  ];
  assert.deepEqual(texts(single), ["coroutine"]);
});

/** Keyphrases of phrases with the counts, title and headings a test gives. */
const rankWith = (phrases: Phrase[], context: Partial<KeyphraseContext>) =>
  rankKeyphrases(phrases, {
    termCounts: countsOf(phrases),
    title: "",
    textLength: 1000,
    limit: 10,
    ...context,
  }).map((k) => k.text);

Deno.test("rankKeyphrases() counts a hyphenated word as the text uses its parts", () => {
  // The text's term counts split "super-journal" into "super" and "journal", as words() does.
  const phrases = [
    ...Array.from({ length: 4 }, (_, i) => phrase("super-journal", i)),
    phrase("bloom filter", 10),
    phrase("bloom filter", 11),
  ];
  const termCounts = new Map([["super", 4], ["journal", 4], ["bloom", 2], ["filter", 2]]);
  assert.deepEqual(rankWith(phrases, { termCounts }), ["super-journal", "bloom filter"]);
});

Deno.test("rankKeyphrases() takes spellings with a hyphen or a space as one phrase", () => {
  const phrases = [
    phrase("key-functions"),
    phrase("key function", 5),
    phrase("key functions", 9),
    phrase("key functions", 12),
  ];
  // One phrase, shown as the text writes it most.
  assert.deepEqual(texts(phrases), ["key functions"]);
  assert.equal(rank(phrases)[0].key, "kei function");
});

Deno.test("rankKeyphrases() ranks a phrase a heading names above one it does not", () => {
  const phrases = [phrase("bloom filter"), phrase("hash table", 1)];
  assert.deepEqual(rankWith(phrases, {}), ["bloom filter", "hash table"]);
  assert.deepEqual(rankWith(phrases, { headings: ["Hash Tables"] }), [
    "hash table",
    "bloom filter",
  ]);
});

Deno.test("rankKeyphrases() takes a heading's phrase the sentences use, even if the tagger missed it", () => {
  // The tagger read "file" in "application file format" as a verb: no noun phrase holds it.
  const phrases = [phrase("application", 0), phrase("format", 20), phrase("bloom filter", 40)];
  const sentenceTerms = [
    terms("An application file format keeps a document."),
    terms("Each application file format is a choice."),
  ];
  const found = rankWith(phrases, {
    sentenceTerms,
    headings: ["What Is An Application File Format?", "Executive Summary"],
  });
  assert.equal(found[0], "application file format");
  // "Executive Summary" labels the page: no sentence says it.
  assert.ok(!found.includes("executive summary"), found.join(" | "));
});

Deno.test("rankKeyphrases() takes no piece of a long heading's phrase the body only says in it", () => {
  const phrases = [phrase("harbour", 0), phrase("wick", 20)];
  const sentenceTerms = [
    terms("A recursive harbour lamp expression lights the quay."),
    terms("Each recursive harbour lamp expression has a wick."),
    terms("A harbour lamp expression is plain."),
  ];
  const found = rankWith(phrases, {
    sentenceTerms,
    headings: ["Recursive Harbour Lamp Expressions"],
  });
  assert.ok(found.includes("harbour lamp expressions"), found.join(" | "));
  assert.ok(!found.includes("recursive harbour lamp"), found.join(" | "));
  assert.ok(!found.includes("lamp expressions"), found.join(" | "));
});

Deno.test("rankKeyphrases() takes no phrase with a name in camel case the code gives", () => {
  const phrases = [
    ...Array.from({ length: 3 }, (_, i) => phrase("xGeom callback", i)),
    ...Array.from({ length: 2 }, (_, i) => phrase("wick trimmer", 10 + i)),
  ];
  assert.ok(rankWith(phrases, {}).includes("xgeom callback"));
  const found = rankWith(phrases, { identifiers: new Set(["xgeom"]) });
  assert.deepEqual(found, ["wick trimmer"]);
});

Deno.test("labelPhrases() splits a heading into its noun phrases", () => {
  assert.deepEqual(labelPhrases("Static Analysis and Continuous Integration"), [
    ["static", "analysis"],
    ["continuous", "integration"],
  ]);
  assert.deepEqual(labelPhrases("Users, Groups, UIDs"), [["users"], ["groups"], ["uids"]]);
  assert.deepEqual(labelPhrases("Python’s Unicode Support"), [["python", "unicode", "support"]]);
  assert.deepEqual(labelPhrases("Running Lampwick behind a firewall"), [["lampwick"], [
    "firewall",
  ]]);
  assert.deepEqual(labelPhrases("Web applications using Gunicorn and uWSGI"), [
    ["web", "applications"],
    ["gunicorn"],
    ["uwsgi"],
  ]);
  // A heading that tells the reader to do something with a name opens with its verb.
  assert.deepEqual(labelPhrases("Use Lampwick on Windows"), [["lampwick"], ["windows"]]);
  assert.deepEqual(labelPhrases("Use cases"), [["use", "cases"]]);
  // A name with a dot inside it is no phrase's piece ("js project" of "Node.js Project").
  assert.deepEqual(labelPhrases("Lampwick.js Project Governance"), [["project", "governance"]]);
});

Deno.test("labelPhrases() finds the verb of a clause that a question word opens", () => {
  assert.deepEqual(labelPhrases("How WAL Works"), [["wal"]]);
  assert.deepEqual(labelPhrases("Why Functional Programming Matters"), [[
    "functional",
    "programming",
  ]]);
  assert.deepEqual(labelPhrases("How Harbour Lamps Work"), [["harbour", "lamps"]]);
  assert.deepEqual(labelPhrases("How Lampwick Stores Wicks"), [["lampwick"], ["wicks"]]);
  assert.deepEqual(labelPhrases("How the Harbour Master Chooses Lamps"), [
    ["harbour", "master"],
    ["lamps"],
  ]);
  assert.deepEqual(labelPhrases("Situations Where Lampwick Works Well"), [
    ["situations"],
    ["lampwick"],
  ]);
  // A plural at the end of a heading with no such clause is a noun.
  assert.deepEqual(labelPhrases("How to Write Unit Tests"), [["unit", "tests"]]);
});

Deno.test("labelPhrases() leaves out the verbs and question words of a heading", () => {
  assert.deepEqual(labelPhrases("Creating Network Objects"), [["network", "objects"]]);
  assert.deepEqual(labelPhrases("When Sockets Die"), [["sockets"]]);
  assert.deepEqual(labelPhrases("Why the build fails"), [["build"]]);
  assert.deepEqual(labelPhrases("Can I use Lampwick GNU/Linux on a boat?"), [
    ["lampwick", "gnu/linux"],
    ["boat"],
  ]);
  assert.deepEqual(labelPhrases("How to convert lamp values to harbour types"), [
    ["lamp", "values"],
    ["harbour", "types"],
  ]);
  assert.deepEqual(labelPhrases("What tools does Lampwick provide to trim harbour lamps?"), [
    ["tools"],
    ["lampwick"],
    ["harbour", "lamps"],
  ]);
  assert.deepEqual(labelPhrases("Manually Un-Stringizing Annotations"), [[
    "un-stringizing",
    "annotations",
  ]]);
});

Deno.test("rankKeyphrases() lets the phrase's own use outweigh its words' use", () => {
  // Words no everyday list has. "zorb" is the text's most used word, but "zorb wibble" is said
  // once and "frimp quaddle" twice.
  const phrases = [phrase("zorb wibble"), phrase("frimp quaddle", 1), phrase("frimp quaddle", 2)];
  const termCounts = new Map([["zorb", 40], ["wibbl", 1], ["frimp", 2], ["quaddl", 2]]);
  assert.deepEqual(rankWith(phrases, { termCounts }), ["frimp quaddle", "zorb wibble"]);
});

Deno.test("rankKeyphrases() takes part of a heading's phrase when the text uses it on its own", () => {
  const sentenceTerms = [
    terms("The operator module functions make keys."),
    terms("Operator module functions are fast."),
    terms("The operator module has itemgetter."),
    terms("Import the operator module first."),
  ];
  const found = rankWith([phrase("itemgetter", 0)], {
    sentenceTerms,
    headings: ["Operator Module Functions"],
  });
  assert.ok(found.includes("operator module"), found.join(" | "));
  assert.ok(found.includes("operator module functions"), found.join(" | "));
  // "module functions" is said only within the whole.
  assert.ok(!found.includes("module functions"), found.join(" | "));
});

Deno.test("rankKeyphrases() leaves a heading that names a person to the People list", () => {
  const sentenceTerms = [terms("Ada Lovelace wrote the notes."), terms("Ada Lovelace did.")];
  const found = rankWith([phrase("analytical engine", 0)], {
    sentenceTerms,
    title: "Ada Lovelace",
    nameWords: new Set(["ada", "lovelace"]),
  });
  assert.deepEqual(found, ["analytical engine"]);
});

Deno.test("rankKeyphrases() lifts no single word for being a heading", () => {
  // Equally rare words, equally used: a one-word heading is a label, not a term's name.
  const phrases = [phrase("apiary"), phrase("varroa", 1)];
  assert.deepEqual(rankWith(phrases, {}), ["apiary", "varroa"]);
  assert.deepEqual(rankWith(phrases, { headings: ["Varroa"] }), ["apiary", "varroa"]);
});

Deno.test("rankKeyphrases() takes a term inside two different longer phrases", () => {
  const phrases = [
    phrase("zorb archive files"),
    phrase("zorb archive features", 20),
    phrase("frimp quaddle wibble", 40),
    phrase("frimp quaddle wibble", 60),
  ];
  const found = texts(phrases);
  assert.ok(found.includes("zorb archive"), found.join(" | "));
  // Inside one phrase only, however often, a run is a piece of that phrase.
  assert.ok(!found.includes("frimp quaddle"), found.join(" | "));
  assert.ok(!found.includes("quaddle wibble"), found.join(" | "));
});

Deno.test("rankKeyphrases() takes no run that is always beside the same word", () => {
  // "hallowmere dark" is in two phrases, but always before "skies": a piece of a name.
  const phrases = [
    phrase("hallowmere dark skies"),
    phrase("hallowmere dark skies plans", 20),
  ];
  // The text uses "hallowmere" and "dark" far more than "skies": the run would rank first.
  const termCounts = new Map([["hallowmer", 30], ["dark", 30], ["ski", 2], ["plan", 1]]);
  const found = rankWith(phrases, { termCounts });
  assert.ok(!found.includes("hallowmere dark"), found.join(" | "));
  assert.ok(found.includes("hallowmere dark skies"), found.join(" | "));
  // Whatever comes before it: "range jet" of two kinds of jet bomber. The best phrase alone,
  // before a longer one can take the place of its piece.
  const bombers = rankWith([
    phrase("B-58 Medium Range Jet Bomber"),
    phrase("B-52 Long Range Jet Bomber", 20),
  ], { termCounts: new Map([["rang", 2], ["jet", 2], ["bomber", 2]]), limit: 1 });
  assert.deepEqual(bombers, ["range jet bomber"]);
  // The end of two bodies' names is no term: "finance corporation" is any corporation's.
  const bodies = rankWith([
    phrase("the War Harbour Finance Corporation"),
    phrase("the Reconstruction Harbour Finance Corporation", 20),
  ], { termCounts: new Map([["harbour", 2], ["financ", 2], ["corpor", 2]]) });
  assert.ok(!bodies.some((k) => k.endsWith("finance corporation")), bodies.join(" | "));
});

Deno.test("rankKeyphrases() counts a phrase's uses inside longer phrases", () => {
  // "frimp quaddle" is said alone once, as often as "zorb wibble", and once more inside a
  // longer phrase: it ranks first.
  const phrases = [
    phrase("zorb wibble"),
    phrase("frimp quaddle", 10),
    phrase("frimp quaddle drong", 20),
  ];
  const termCounts = new Map([["zorb", 2], ["wibbl", 2], ["frimp", 2], ["quaddl", 2]]);
  assert.equal(rankWith(phrases, { termCounts })[0], "frimp quaddle");
});

Deno.test("rankKeyphrases() skips a phrase that repeats one already chosen", () => {
  const phrases = [
    ...Array.from({ length: 6 }, (_, i) => phrase("zorb module", i * 10)),
    phrase("python zorb module", 100),
    phrase("frimp quaddle", 300),
  ];
  assert.deepEqual(texts(phrases), ["zorb module", "frimp quaddle"]);
  // "frimp" is the text's most used word: the longer phrase ranks first, and its run after it.
  const longFirst = [
    ...Array.from({ length: 6 }, (_, i) => phrase("frimp zorb module", i * 10)),
    phrase("zorb module", 100),
  ];
  const termCounts = new Map([["frimp", 40], ["zorb", 7], ["modul", 7]]);
  assert.deepEqual(rankWith(longFirst, { termCounts }), ["frimp zorb module"]);
});

Deno.test("rankKeyphrases() keeps a word alone and its phrases", () => {
  const phrases = [
    ...Array.from({ length: 40 }, (_, i) => phrase("zorb", i * 10)),
    phrase("zorb wibble", 500),
  ];
  assert.deepEqual(texts(phrases), ["zorb", "zorb wibble"]);
  const phraseFirst = [
    ...Array.from({ length: 6 }, (_, i) => phrase("neap tides", i * 10)),
    phrase("tides", 500),
    phrase("tides", 510),
  ];
  assert.deepEqual(texts(phraseFirst), ["neap tides", "tides"]);
});

Deno.test("rankKeyphrases() takes the title's phrase even when the body does not repeat it", () => {
  const sentenceTerms = [terms("A socket is an endpoint."), terms("Each socket has a buffer.")];
  const found = rankWith([phrase("socket", 0), phrase("socket", 10)], {
    sentenceTerms,
    title: "Socket Programming HOWTO",
  });
  // "HOWTO" names the kind of document, not its topic.
  assert.equal(found[0], "socket programming");
  assert.ok(!found.some((k) => k.includes("howto")), found.join(" | "));
  // A title none of whose words the body uses is no keyphrase of it, nor is a file's name
  // with a number the body never writes.
  for (const title of ["Weekly Frimp Quaddle", "G04 zorb sockets"]) {
    assert.deepEqual(rankWith([phrase("socket", 0)], { sentenceTerms, title }), ["socket"]);
  }
  // A headline of several phrases gives only what the body says.
  const headline = rankWith([phrase("socket", 0)], {
    sentenceTerms,
    title: "Zorb recalls 84,000 socket wibbles over delayed frimps",
  });
  assert.deepEqual(headline, ["socket"]);
});

Deno.test("labelPhrases() leaves out the words that name the kind of document", () => {
  assert.deepEqual(labelPhrases("Socket Programming HOWTO"), [["socket", "programming"]]);
  assert.deepEqual(labelPhrases("An Introduction to the ipaddress Module"), [[
    "ipaddress",
    "module",
  ]]);
});

Deno.test("rankKeyphrases() keeps a phrase the title names around one already chosen", () => {
  const phrases = [
    ...Array.from({ length: 8 }, (_, i) => phrase("file format", i * 10)),
    phrase("application file format", 100),
    phrase("application file format", 110),
  ];
  assert.deepEqual(texts(phrases), ["file format"]);
  const found = texts(phrases, "Zorb As An Application File Format");
  assert.ok(found.includes("application file format"), found.join(" | "));
  assert.ok(found.includes("file format"), found.join(" | "));
});

Deno.test("rankKeyphrases() takes no adjective before a noun that says nothing alone", () => {
  const twice = (text: string) => [phrase(text, 0, false, true), phrase(text, 50, false, true)];
  assert.deepEqual(texts([...twice("brave people"), ...twice("spare parts")]), ["spare parts"]);
  // Praise or blame before an everyday noun is rhetoric; before a rarer one it may be a term.
  assert.deepEqual(
    texts([...twice("imperfect world"), ...twice("selfish power"), ...twice("full employment")]),
    ["full employment"],
  );
});

Deno.test("rankKeyphrases() drops an adjective of size, order or number", () => {
  const twice = (text: string) => [0, 9].map((at) => phrase(text, at, false, true));
  assert.deepEqual(texts(twice("small queries")), ["queries"]);
  assert.deepEqual(texts(twice("original database")), ["database"]);
  // A participle that only says a thing is at hand ("used iterators", "specified problem").
  assert.deepEqual(texts(twice("used iterators")), ["iterators"]);
  assert.deepEqual(texts(twice("specified bitmap")), ["bitmap"]);
  // Nor one that only praises or weighs ("the greatest war", "a tough fight").
  assert.deepEqual(texts(twice("gravest pandemic")), ["pandemic"]);
  assert.deepEqual(texts(twice("overwhelming bipartisanship")), ["bipartisanship"]);
  // Nor one that says how much a text says of it ("a few examples", "a rigorous discussion").
  assert.deepEqual(texts(twice("rigorous derivation")), ["derivation"]);
  // An adjective that classifies stays: a static analysis is a kind of analysis.
  assert.deepEqual(texts(twice("static analysis")), ["static analysis"]);
});

Deno.test("rankKeyphrases() leaves a phrase with a person's name to the People list", () => {
  const phrases = [
    phrase("Councillor Hadley"),
    phrase("Councillor Hadley", 10),
    phrase("Theremin kits", 20),
    phrase("theremin kits", 30),
    phrase("street lighting", 40),
  ];
  const found = rankWith(phrases, { nameWords: new Set(["hadley", "leon", "theremin"]) });
  assert.ok(!found.includes("councillor hadley"), found.join(" | "));
  // The text writes "theremin" as a word too: an instrument named after its inventor.
  assert.ok(found.includes("theremin kits"), found.join(" | "));
  assert.ok(found.includes("street lighting"), found.join(" | "));
});

Deno.test("rankKeyphrases() lets a named phrase take the place of a piece of it", () => {
  const phrases = [
    phrase("zorb wibble"),
    ...Array.from({ length: 3 }, (_, i) => phrase("zorb wibble frimp", 100 + i * 10)),
    ...Array.from({ length: 9 }, (_, i) => phrase("quaddle drong", 200 + i * 10)),
    phrase("quaddle drong frimp", 400),
  ];
  // "frimp" is rare in the text: the piece ranks before the named phrase.
  const termCounts = new Map([["zorb", 9], ["wibbl", 9], ["frimp", 1], ["quaddl", 9], [
    "drong",
    9,
  ]]);
  const found = rankWith(phrases, { termCounts, title: "The Zorb Wibble Frimp" });
  assert.ok(found.includes("zorb wibble frimp"), found.join(" | "));
  // Four uses, three of them in the named phrase: a piece of it.
  assert.ok(!found.includes("zorb wibble"), found.join(" | "));
  // Ten uses, one in a phrase no title names: a term of its own.
  assert.ok(found.includes("quaddle drong"), found.join(" | "));
});

Deno.test("rankKeyphrases() takes no hyphenated word said once around a function or number word", () => {
  const found = texts([
    phrase("nation-finland-has", 0),
    phrase("two-democracy", 10),
    phrase("that-america", 20),
    phrase("decorate-sort-undecorate", 30),
    phrase("utf-8 encoding", 40),
    phrase("two-thirds", 50),
    phrase("two-thirds", 60),
  ]);
  assert.deepEqual(found.sort(), ["decorate-sort-undecorate", "two-thirds", "utf-8 encoding"]);
});

Deno.test("rankKeyphrases() takes no phrase that ends in a day or a month", () => {
  const found = texts([
    phrase("congress today", 0),
    phrase("last january", 10),
    phrase("objective tonight", 15),
    phrase("tax relief", 20),
  ]);
  assert.deepEqual(found, ["tax relief"]);
});

Deno.test("rankKeyphrases() takes no phrase made of C's keywords alone or ending in one", () => {
  const found = texts([
    phrase("const char", 0),
    phrase("const char", 5),
    phrase("typedef struct", 10),
    phrase("typedef struct", 15),
    phrase("char pointer", 20),
    phrase("char pointer", 25),
    phrase("synopsis int", 30),
    phrase("synopsis int", 35),
    phrase("graph synopsis", 40),
    phrase("graph synopsis", 45),
  ]);
  assert.deepEqual(found, ["char pointer"]);
});

Deno.test("rankKeyphrases() starts and ends no term with a function word of the text's language", () => {
  const phrases = ["los datos", "los datos", "la descripción del", "la descripción del"]
    .map((text, i) => phrase(text, i * 20));
  const spanish = new Set(["los", "la", "del", "de"]);
  assert.deepEqual(rankWith(phrases, { stopwords: spanish }).toSorted(), ["datos", "descripción"]);
  assert.ok(rankWith(phrases, {}).includes("los datos"));
});

Deno.test("rankKeyphrases() takes no declaration of a parameter of a type", () => {
  const found = texts([
    ...["str filename", "int lineno", "int value", "enum members", "char pointer"].flatMap((
      text,
    ) => [phrase(text), phrase(text)]),
  ]);
  assert.deepEqual(found.toSorted(), ["char pointer", "enum members"]);
});

Deno.test("rankKeyphrases() leaves a handle made of a named person's name to the People list", () => {
  const phrases = [
    phrase("marco-ippolito", 0),
    phrase("marco-ippolito", 5),
    phrase("release keys", 10),
    phrase("release keys", 15),
  ];
  const found = rankWith(phrases, { nameWords: new Set(["marco", "ippolito"]) });
  assert.deepEqual(found, ["release keys"]);
});

Deno.test("rankKeyphrases() takes no hyphenated word said once from a text that types dashes so", () => {
  const phrases = [
    phrase("partisanship-programs", 0),
    phrase("cease-fire", 10),
    phrase("cease-fire", 20),
    phrase("housing units", 30),
    phrase("housing units", 40),
  ];
  assert.deepEqual(rankWith(phrases, { dashesAsHyphens: true }).sort(), [
    "cease-fire",
    "housing units",
  ]);
  // Where dashes are dashes, a compound said once may be a term.
  assert.ok(rankWith(phrases, {}).includes("partisanship-programs"));
});

Deno.test("rankKeyphrases() takes no key on the keyboard for a term", () => {
  const phrases = ["CTRL", "CTRL", "CTRL-O", "CTRL-O", "ctrl-w w", "ctrl-w w", "wick", "wick"]
    .map((t, i) => phrase(t, i * 10));
  assert.deepEqual(texts(phrases), ["wick"]);
  // A word the modifier's name opens is a term.
  const words = ["meta-analysis", "meta-analysis", "shift-reduce", "shift-reduce"]
    .map((t, i) => phrase(t, i * 10));
  assert.deepEqual(texts(words).sort(), ["meta-analysis", "shift-reduce"]);
});

Deno.test("rankKeyphrases() takes a name with its version's number for no term, an encoding for one", () => {
  const phrases = [
    "gzip-1",
    "gzip-1",
    "libffi-3",
    "libffi-3",
    "utf-8",
    "utf-8",
    "SHA-256",
    "SHA-256",
    "bzip2-0",
    "bzip2-0",
    "x86-64",
    "x86-64",
  ]
    .map((t, i) => phrase(t, i * 10));
  assert.deepEqual(texts(phrases).sort(), ["sha-256", "utf-8", "x86-64"]);
});

Deno.test("rankKeyphrases() takes a name's pronunciation in syllables for no term", () => {
  const phrases = ["miss-tash-kin", "miss-tash-kin", "pile-of-files", "pile-of-files"]
    .map((t, i) => phrase(t, i * 10));
  assert.deepEqual(texts(phrases), ["pile-of-files"]);
});

Deno.test("rankKeyphrases() reads stdint's types and a phrase ending in const as code", () => {
  const phrases = [
    phrase("const uint8", 0),
    phrase("const uint8", 5),
    phrase("lamp-const", 9),
    phrase("lamp-const", 10),
    phrase("wick trimmer", 12),
  ];
  assert.deepEqual(texts(phrases), ["wick trimmer"]);
});

Deno.test("rankKeyphrases() splits a phrase after a possessive inside it", () => {
  const phrases = [1, 2, 3].map((i) => phrase("Harbour Trust's Lampwick project", i));
  const ranked = rankWith(phrases, {});
  assert.ok(ranked.includes("harbour trust"), ranked.join(" | "));
  assert.ok(ranked.includes("lampwick project"), ranked.join(" | "));
  assert.ok(!ranked.some((k) => k.includes("trust lampwick")), ranked.join(" | "));
});

Deno.test("rankKeyphrases() takes no everyday word before a name as a term", () => {
  const twice = (text: string) => [phrase(text, 10), phrase(text, 20)];
  const found = texts([
    ...twice("official lampwickd"),
    ...twice("main wickstore"),
    phrase("wickstores", 30),
    ...twice("tax simplification"),
  ]);
  assert.ok(!found.includes("official lampwickd"), found.join(" | "));
  // A kind of thing, which the text makes plural, or a word English derived.
  assert.ok(found.includes("main wickstore"), found.join(" | "));
  assert.ok(found.includes("tax simplification"), found.join(" | "));
});

Deno.test("rankKeyphrases() takes everyday words the text says together as its term", () => {
  // "main" and "window" are also used apart; "clean" and "energy" only together.
  const phrases = [
    ...[0, 1, 2].map((i) => phrase("main window", i)),
    ...[3, 4, 5, 6, 7, 8].flatMap((i) => [phrase("main", i), phrase("window", i)]),
    ...[900, 910, 920].map((i) => phrase("clean energy", i)),
  ];
  assert.deepEqual(texts(phrases, "", 1), ["clean energy"]);
});

Deno.test("rankKeyphrases() takes no span of time from now", () => {
  const phrases = [0, 1, 2].flatMap((i) => [
    phrase("last year", i),
    phrase("past decade", i),
    phrase("last fall", i),
    phrase("this summer", i),
    // Nor one of a series of congresses or sessions.
    phrase("last Congress", i),
    phrase("Seventy-seventh Congress", i),
    phrase("77th Congress", i),
    phrase("second session", i),
    // Nor a year by what it is counted for.
    phrase("fiscal year", i),
    phrase("election years", i),
  ]);
  assert.deepEqual(texts([...phrases, phrase("tax relief", 5), phrase("tax relief", 6)]), [
    "tax relief",
  ]);
  // "Our third century" is the nation's: a subject.
  const third = [0, 1, 2].map((i) => phrase("third century", i));
  assert.deepEqual(texts(third), ["third century"]);
});

Deno.test("rankKeyphrases() takes no form of address, office or level of government", () => {
  const phrases = [0, 1, 2].flatMap((i) => [
    phrase("fellow Americans", i),
    phrase("fellow citizens", i),
    phrase("fellow countrymen", i),
    phrase("Madam Speaker", i),
    phrase("Vice President", i),
    phrase("Senate Majority Leader", i),
    phrase("Federal Government", i),
    phrase("local governments", i),
  ]);
  assert.deepEqual(texts([...phrases, phrase("farm income", 5), phrase("farm income", 6)]), [
    "farm income",
  ]);
});

Deno.test("rankKeyphrases() leaves the places named to the Places list", () => {
  const phrases = [0, 1, 2].flatMap((i) => [phrase("West Indies", i), phrase("naval bases", i)]);
  assert.deepEqual(rankWith(phrases, { places: new Set(["west indies"]) }), ["naval bases"]);
});

Deno.test("rankKeyphrases() takes no idiom of the most used words as a term", () => {
  const phrases = [
    ...[0, 1, 2].map((i) => phrase("real life", i)),
    ...[900, 910, 920].map((i) => phrase("clean energy", i)),
  ];
  assert.deepEqual(texts(phrases, "", 1), ["clean energy"]);
});

Deno.test("rankKeyphrases() takes no nation's people as a subject", () => {
  const phrases = [0, 1, 2].flatMap((i) => [
    phrase("American people", i),
    phrase("Afghan people", i),
    phrase("American workers", i),
    phrase("young Americans", i),
    phrase("North Korean", i),
    phrase("farm income", i),
  ]);
  assert.deepEqual(texts([...phrases, phrase("American industry", 5)]), [
    "farm income",
    "american industry",
  ]);
});

Deno.test("rankKeyphrases() takes a longer term in place of the piece most of its uses are in", () => {
  const phrases = [
    ...[0, 1, 2].map((i) => phrase("investment tax credit", 10 + i)),
    phrase("tax credit", 50),
    ...[0, 1, 2, 3].map((i) => phrase("zorb wibble", 100 + i)),
    ...[0, 1].map((i) => phrase("zorb wibble frimp", 200 + i)),
  ];
  const found = texts(phrases);
  // Three of the four uses of "tax credit" are in the longer term.
  assert.ok(found.includes("investment tax credit"), found.join(" | "));
  assert.ok(!found.includes("tax credit"), found.join(" | "));
  // Two of six: "zorb wibble" is a term of its own, and the longer one repeats it.
  assert.ok(found.includes("zorb wibble"), found.join(" | "));
  assert.ok(!found.includes("zorb wibble frimp"), found.join(" | "));
});

Deno.test("rankKeyphrases() takes a place with a word of praise for the place, not a region", () => {
  const phrases = [0, 1, 2].flatMap((i) => [
    phrase("strong America", i, false, true),
    phrase("free Iraq", i, false, true),
    phrase("Latin America", i, false, true),
    phrase("farm income", i),
  ]);
  assert.deepEqual(
    rankWith(phrases, { places: new Set(["america", "iraq"]) }).sort(),
    ["farm income", "latin america"],
  );
});

Deno.test("rankKeyphrases() splits a phrase where a plural in small letters runs into a name", () => {
  // "To find out what wick holders Lampwick supports, ..."
  const phrases = [phrase("wick holders Lampwick", 10), phrase("wick holders Lampwick", 300)];
  const found = texts(phrases);
  assert.ok(found.includes("wick holders"), found.join(" | "));
  assert.ok(!found.some((f) => f.includes("holders lampwick")), found.join(" | "));
});

Deno.test("rankKeyphrases() takes two phrases 'of' or 'on' links, said alone twice, as one term", () => {
  const linked = (text: string, start: number): Phrase => ({
    ...phrase(text, start),
    linked: true,
  });
  const phrases = [
    linked("balance of payments", 10),
    linked("balance of payments deficit", 200),
    linked("balance of payments", 300),
    linked("war on terror", 400),
    linked("war on terror", 500),
    linked("millions of americans", 600),
    linked("millions of americans", 700),
    linked("weapons of mass destruction programs", 800),
    linked("weapons of mass destruction programs", 900),
    linked("point of view", 950),
    // A name on where it runs.
    linked("Lampwick on hosts", 960),
    linked("Lampwick on hosts", 980),
  ];
  const found = texts(phrases);
  assert.ok(!found.some((f) => f.includes(" on hosts")), found.join(" | "));
  assert.ok(found.includes("balance of payments"), found.join(" | "));
  assert.ok(found.includes("war on terror"), found.join(" | "));
  // A quantity of something, a piece never said alone, a term said once.
  for (const junk of ["millions of americans", "weapons of mass", "point of view"]) {
    assert.ok(!found.includes(junk), found.join(" | "));
  }
});

Deno.test("rankKeyphrases() ranks first, of terms used alike, the one a sentence of purpose asks for", () => {
  const phrases = [
    phrase("harbour lamps", 100),
    phrase("savings plan", 200),
    phrase("harbour lamps", 300),
    phrase("savings plan", 400),
  ];
  const ranked = (purposeTerms: string[][]) =>
    rankKeyphrases(phrases, {
      termCounts: countsOf(phrases),
      title: "",
      textLength: 1000,
      limit: 2,
      purposeTerms,
    }).map((k) => k.text);
  assert.deepEqual(ranked([]), ["harbour lamps", "savings plan"]);
  assert.deepEqual(ranked([terms("I propose a new savings plan for every family.")]), [
    "savings plan",
    "harbour lamps",
  ]);
});

Deno.test("rankKeyphrases() takes no person the title names for a term", () => {
  const phrases = [phrase("trade partners"), phrase("trade partners", 9), phrase("Reagan", 20)];
  const found = rankKeyphrases(phrases, {
    termCounts: countsOf(phrases),
    title: "1987 Ronald Reagan R",
    textLength: 1000,
    limit: 10,
    sentenceTerms: [["reagan"], ["ronald", "reagan", "spoke"], ["trade", "partner"]],
  }).map((k) => k.text);
  assert.ok(!found.includes("ronald reagan"), found.join(" | "));
  assert.ok(found.includes("trade partners"), found.join(" | "));
});

Deno.test("rankKeyphrases() takes no term with an example's placeholder name", () => {
  assert.deepEqual(
    texts([...twice("git-foo"), ...twice("blah branches"), ...twice("subcommand name")]),
    ["subcommand name"],
  );
});

Deno.test("rankKeyphrases() takes no phrase about how a project is run, unless the title names it", () => {
  const phrases = [
    phrase("mailing list"),
    phrase("mailing list", 10),
    phrase("mailing list", 20),
    phrase("home page", 30),
    phrase("home page", 40),
    phrase("lamp wicks", 50),
  ];
  assert.deepEqual(texts(phrases), ["lamp wicks"]);
  assert.deepEqual(texts(phrases, "Mailing lists of the lamp keepers")[0], "mailing list");
  // Nor after a name: the project's home page, its FAQ.
  const named = [
    ...[0, 10].map((at) => phrase("wickly home page", at)),
    ...[20, 30].map((at) => phrase("wickly faq", at)),
    ...[40, 50].map((at) => phrase("lamp wicks", at)),
  ];
  assert.deepEqual(texts(named, "Wickly questions"), ["lamp wicks"]);
});

Deno.test("rankKeyphrases() takes no everyday word of the title that a term with it says", () => {
  const phrases = [
    phrase("option", 0),
    phrase("option", 5),
    phrase("option", 9),
    phrase("harbour lamp option", 10),
    phrase("harbour lamp option", 20),
    phrase("varroa mites", 30),
  ];
  const found = texts(phrases, "Harbour lamp options");
  assert.ok(found.includes("harbour lamp option"), found.join(", "));
  assert.ok(!found.includes("option"), found.join(", "));
  // Alone, the title's everyday word is its subject.
  assert.ok(texts(phrases.slice(0, 3), "Harbour lamp options").includes("option"));
});

Deno.test("rankKeyphrases() takes no compound that describes a thing for a term", () => {
  assert.deepEqual(
    texts([...twice("york-based"), ...twice("bug-ridden"), ...twice("lock-free queue")]),
    ["lock-free queue"],
  );
});

Deno.test("rankKeyphrases() takes no shout in capitals for a term, a heading in capitals for one", () => {
  const shout = "IT WILL UNLEASH INDESCRIBABLE HORRORS THAT SHATTER YOUR PSYCHE AND SET YOUR " +
    "MIND ADRIFT IN THE INFINITE COSMOS. THE ATLANTIC COMMUNITY\n\nThe " +
    "Atlantic community grows. HTTP SERVER NAMES ARE WRITTEN IN CAPITALS IN THIS LONG LINE.";
  const at = (text: string, from = 0) => phrase(text, shout.indexOf(text, from));
  const phrases = [
    at("INDESCRIBABLE HORRORS"),
    at("INFINITE COSMOS"),
    at("ATLANTIC COMMUNITY"),
    at("Atlantic community", 140),
    at("HTTP SERVER"),
    at("HTTP SERVER"),
  ];
  assert.deepEqual(textsIn(shout, phrases).sort(), ["atlantic community", "http server"]);
});

Deno.test("rankKeyphrases() takes no part of the book for a term", () => {
  assert.deepEqual(
    texts([
      ...twice("concurrency chapter"),
      ...twice("section documents"),
      ...twice("critical section"),
    ]),
    ["critical section"],
  );
});
