import assert from "node:assert/strict";
import {
  MAX_NAME_BYTES,
  MAX_NAME_LENGTH,
  nameKey,
  sanitizeNoteName,
  suffixedName,
  wikilink,
} from "./note_name.ts";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const graphemeList = (s: string) => [...graphemes.segment(s)].map((g) => g.segment);

/** What every sanitised name must satisfy, whatever the title. */
function assertSafe(name: string) {
  assert.notEqual(name, "");
  assert.ok(!/[*"\\/<>:|?#^[\]]/.test(name), `forbidden character in ${JSON.stringify(name)}`);
  // deno-lint-ignore no-control-regex
  assert.ok(!/[\u0000-\u001f\u007f-\u009f]/.test(name), `control character in ${name}`);
  assert.ok(!/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(name), `bidi control in ${name}`);
  assert.ok(name.length <= MAX_NAME_LENGTH, `too long: ${name.length}`);
  assert.ok(!/^[\s.]|[\s.]$/.test(name), `spaces or dots at an end of ${JSON.stringify(name)}`);
  assert.equal(name, name.normalize("NFC"));
}

Deno.test("sanitizeNoteName() keeps an ordinary title as it is", () => {
  assert.equal(sanitizeNoteName("Meeting notes 2024"), "Meeting notes 2024");
  assert.equal(sanitizeNoteName("Ünïcödé ok — fine"), "Ünïcödé ok — fine");
});

Deno.test("sanitizeNoteName() drops a forbidden character before a closing quote", () => {
  assert.equal(sanitizeNoteName("“Why trim wicks?” FAQ"), "“Why trim wicks” FAQ");
  assert.equal(sanitizeNoteName("Lamps (why?)"), "Lamps (why)");
  assert.equal(sanitizeNoteName("Why? Because"), "Why Because");
});

Deno.test("sanitizeNoteName() keeps a mark that names something in its full-width form", () => {
  // Rust by Example's pages on the `?` operator, and languages' names.
  assert.equal(sanitizeNoteName("?"), "？");
  assert.equal(sanitizeNoteName("Unpacking options with ?"), "Unpacking options with ？");
  assert.equal(sanitizeNoteName("C# and F# for lamp keepers"), "C＃ and F＃ for lamp keepers");
  assert.equal(sanitizeNoteName("The | operator"), "The ｜ operator");
  // A question's mark, and one inside a word, still go.
  assert.equal(sanitizeNoteName("Why trim wicks?"), "Why trim wicks");
  assert.equal(sanitizeNoteName("issue#12"), "issue 12");
});

Deno.test("sanitizeNoteName() turns newlines, tabs and runs of spaces into one space", () => {
  assert.equal(sanitizeNoteName("first\nsecond\r\n\tthird   fourth"), "first second third fourth");
});

Deno.test("sanitizeNoteName() replaces every forbidden character with a space", () => {
  assert.equal(sanitizeNoteName('a*b"c\\d/e<f>g:h|i?j#k^l[m]n'), "a b c d e f g h i j k l m n");
  assert.equal(sanitizeNoteName("Time:10:30"), "Time 10 30");
  assert.equal(sanitizeNoteName("[[Link]]"), "Link");
});

Deno.test("sanitizeNoteName() sets a subtitle after a colon off with a dash", () => {
  assert.equal(sanitizeNoteName("Modules: ECMAScript modules"), "Modules - ECMAScript modules");
  assert.equal(sanitizeNoteName("Lamps (2024): a review"), "Lamps (2024) - a review");
});

Deno.test("sanitizeNoteName() shows a generic type's parameters in angle quotes", () => {
  assert.equal(
    sanitizeNoteName("Rc<T>, the Reference Counted Smart Pointer"),
    "Rc‹T›, the Reference Counted Smart Pointer",
  );
  assert.equal(sanitizeNoteName("HashMap<K, V> and a <b> tag"), "HashMap‹K, V› and a b tag");
});

Deno.test("sanitizeNoteName() gives Untitled for titles with nothing usable", () => {
  for (const title of ["", "   ", ".", "..", "...", "*:?/\\<>|", "[]#^", "\n\t\u0000", ". . ."]) {
    assert.equal(sanitizeNoteName(title), "Untitled", JSON.stringify(title));
  }
});

Deno.test("sanitizeNoteName() cannot produce a path that climbs out of the vault", () => {
  const name = sanitizeNoteName("../../etc/passwd");
  assertSafe(name);
  assert.equal(name, "etc passwd");
  assert.equal(sanitizeNoteName("..\\..\\Windows\\win.ini"), "Windows win.ini");
});

Deno.test("sanitizeNoteName() removes a leading dot so the note is not hidden", () => {
  assert.equal(sanitizeNoteName(".bashrc"), "bashrc");
  assert.equal(sanitizeNoteName("  ..hidden  "), "hidden");
});

Deno.test("sanitizeNoteName() removes trailing dots and spaces that Windows would drop", () => {
  assert.equal(sanitizeNoteName("The end... "), "The end");
  assert.equal(sanitizeNoteName("v1.2"), "v1.2");
});

Deno.test("sanitizeNoteName() keeps emoji and joined emoji sequences", () => {
  assert.equal(sanitizeNoteName("Family 👨‍👩‍👧 trip 🇫🇷"), "Family 👨‍👩‍👧 trip 🇫🇷");
});

Deno.test("sanitizeNoteName() strips bidi controls such as the right-to-left override", () => {
  const name = sanitizeNoteName("invoice\u202Etxt.exe");
  assertSafe(name);
  assert.equal(name, "invoice txt.exe");
  assert.equal(sanitizeNoteName("\u2066a\u2069\u200Fb\u200E"), "a b");
});

Deno.test("sanitizeNoteName() strips C1 control characters", () => {
  assert.equal(sanitizeNoteName("a\u0085b\u009Fc\u007Fd"), "a b c d");
});

Deno.test("sanitizeNoteName() composes decomposed letters (NFC)", () => {
  assert.equal(sanitizeNoteName("Cafe\u0301"), "Caf\u00e9");
});

Deno.test("sanitizeNoteName() suffixes Windows device names with an underscore", () => {
  assert.equal(sanitizeNoteName("CON"), "CON_");
  assert.equal(sanitizeNoteName("con"), "con_");
  assert.equal(sanitizeNoteName("nul.txt"), "nul_.txt");
  assert.equal(sanitizeNoteName("Aux.tar.gz"), "Aux_.tar.gz");
  assert.equal(sanitizeNoteName("COM1"), "COM1_");
  assert.equal(sanitizeNoteName("lpt9.log"), "lpt9_.log");
  assert.equal(sanitizeNoteName("PRN ."), "PRN_");
  assert.equal(sanitizeNoteName("CON:"), "CON_");
});

Deno.test("sanitizeNoteName() leaves names that only start like a device name alone", () => {
  for (const title of ["CONTENT", "Console", "COM10", "LPT0", "nullable", "aux notes", "COM"]) {
    assert.equal(sanitizeNoteName(title), title);
  }
});

Deno.test("sanitizeNoteName() cuts a long title to the limit", () => {
  const name = sanitizeNoteName("word ".repeat(100));
  assertSafe(name);
  assert.ok(name.length >= MAX_NAME_LENGTH - 1);
  assert.ok(name.startsWith("word word"));
});

Deno.test("sanitizeNoteName() never splits a combining mark from its letter when cutting", () => {
  // 99 plain letters, then "e" + combining acute at 99..100: the pair must go as a whole.
  const title = "a".repeat(99) + "e\u0301" + "z".repeat(200);
  const name = sanitizeNoteName(title.normalize("NFD"));
  assertSafe(name);
  // NFC composes the pair into one code unit, so it fits.
  assert.equal(name, "a".repeat(99) + "\u00e9");

  // A letter with two marks has no composed form and is three code units long.
  const stacked = "q\u0307\u0323";
  const cut = sanitizeNoteName("a".repeat(98) + stacked + "z".repeat(200));
  assertSafe(cut);
  assert.equal(cut, "a".repeat(98));
});

Deno.test("sanitizeNoteName() never splits an emoji sequence when cutting", () => {
  const family = "👨‍👩‍👧‍👦"; // 11 code units
  const title = "x".repeat(95) + family + "y".repeat(300);
  const name = sanitizeNoteName(title);
  assertSafe(name);
  assert.equal(name, "x".repeat(95));
  for (const g of graphemeList(name)) assert.ok(title.includes(g));

  const flags = sanitizeNoteName("🇫🇷".repeat(200));
  assertSafe(flags);
  assert.equal(flags, "🇫🇷".repeat(25));
});

Deno.test("sanitizeNoteName() handles 300-character titles mixing marks and emoji", () => {
  const unit = "e\u0301\u0302 😀 Zalgo\u0336\u0336 ";
  const title = unit.repeat(Math.ceil(300 / unit.length));
  const name = sanitizeNoteName(title);
  assertSafe(name);
  // Every grapheme of the result is a whole grapheme of the (normalised) input.
  const inputGraphemes = new Set(graphemeList(title.normalize("NFC")));
  for (const g of graphemeList(name)) assert.ok(inputGraphemes.has(g), JSON.stringify(g));
});

Deno.test("sanitizeNoteName() keeps part of a single grapheme longer than the limit", () => {
  const name = sanitizeNoteName("a" + "\u0301".repeat(300));
  assertSafe(name);
  assert.ok(name.startsWith("\u00e1"));
});

// No clock here: a pattern that backtracks quadratically would take hours on this title, which
// no run can miss, while a time limit fails on a busy machine.
Deno.test("sanitizeNoteName() trims a huge title of dots and spaces in linear time", () => {
  const name = sanitizeNoteName(". ".repeat(200_000) + "x" + " .".repeat(200_000));
  assert.equal(name, "x");
});

Deno.test("sanitizeNoteName() is idempotent", () => {
  for (const title of ["CON", "nul.txt", "../x", "a".repeat(300), " .hidden. ", "a: b"]) {
    const once = sanitizeNoteName(title);
    assert.equal(sanitizeNoteName(once), once);
  }
});

Deno.test("nameKey() treats NFC and NFD spellings in any case as the same name", () => {
  assert.equal(nameKey("Caf\u00e9"), nameKey("CAFE\u0301"));
  assert.equal(nameKey("Notes"), nameKey("NOTES"));
  assert.notEqual(nameKey("Notes"), nameKey("Notes 2"));
});

Deno.test("suffixedName() adds a number from the second candidate on", () => {
  assert.equal(suffixedName("Notes", 1), "Notes");
  assert.equal(suffixedName("Notes", 2), "Notes (2)");
  assert.equal(suffixedName("Notes", 12), "Notes (12)");
});

Deno.test("suffixedName() rejects a count that is not a positive integer", () => {
  assert.throws(() => suffixedName("Notes", 0), RangeError);
  assert.throws(() => suffixedName("Notes", 1.5), RangeError);
});

Deno.test("sanitizeNoteName() keeps a name within 200 UTF-8 bytes, so its file name fits", () => {
  const name = sanitizeNoteName(`names – ${"長".repeat(120)}`);
  assert.ok(new TextEncoder().encode(name).length <= MAX_NAME_BYTES, name);
  assert.ok(name.startsWith("names – 長長"));
  assert.ok(new TextEncoder().encode(`${name} (99).md`).length <= 255);
  assert.equal(sanitizeNoteName("short name"), "short name");
});

Deno.test("wikilink() shows the title its note is named after, else the file's name", () => {
  assert.equal(wikilink("Sources/Notes.md"), "[[Sources/Notes|Notes]]");
  assert.equal(
    wikilink("Sources/Modules - ECMAScript modules.md", "Modules: ECMAScript modules"),
    "[[Sources/Modules - ECMAScript modules|Modules: ECMAScript modules]]",
  );
  // Two notes of one title stay apart, and a title a link cannot show is not shown.
  assert.equal(wikilink("Sources/Intro (2).md", "Intro"), "[[Sources/Intro (2)|Intro (2)]]");
  assert.equal(wikilink("Sources/A B.md", "A|B"), "[[Sources/A B|A B]]");
});
