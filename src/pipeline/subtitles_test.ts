import assert from "node:assert/strict";
import { extractSubtitles, parseSubtitles } from "./subtitles.ts";
import { InputError } from "../common/errors.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) =>
  Deno.readFile(new URL(`../../tests/fixtures/subtitles/${name}`, import.meta.url));

function assertInputError(fn: () => unknown, message: RegExp) {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof InputError, `expected an InputError: got ${error}`);
    assert.match(error.message, message);
    assert.ok(!error.message.endsWith("."), "message ends with a period");
    return true;
  });
}

/** "00:01:02,003" for SRT or "00:01:02.003" for VTT. */
function timing(ms: number, separator: "," | "."): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const s = Math.floor(ms / 1000);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}` +
    `${separator}${pad(ms % 1000, 3)}`;
}

/** A SubRip file of cues given as [startMs, endMs, text]. */
function srt(cues: [number, number, string][]): string {
  return cues.map(([start, end, text], i) =>
    `${i + 1}\n${timing(start, ",")} --> ${timing(end, ",")}\n${text}\n`
  ).join("\n");
}

/** A WebVTT file of cues given as [startMs, endMs, text]. */
function vtt(cues: [number, number, string][]): string {
  return "WEBVTT\n\n" +
    cues.map(([start, end, text]) => `${timing(start, ".")} --> ${timing(end, ".")}\n${text}\n`)
      .join("\n");
}

const texts = (text: string, format: "srt" | "vtt") =>
  parseSubtitles(text, format).map((s) => s.text);

Deno.test("extractSubtitles() reads an interview with two voices", async () => {
  assert.deepEqual(extractSubtitles(await fixture("interview.vtt"), "talks/interview.vtt"), {
    title: "Gardening with Dr. Ruth Stone",
    type: "subtitles",
    body: [
      "[00:00:01] **Maya Chen:** Welcome back to the show. Today I'm talking with a soil " +
      "scientist. Ruth, what should a beginner not do?",
      "[00:00:07] **Ruth Stone:** Don't dig everything up & start over. Feed the soil, not the " +
      "plant.",
      "[00:01:30] **Maya Chen:** Thanks, Ruth.",
      "[00:01:30] **Ruth Stone:** My pleasure.",
    ].join("\n\n"),
    wordCount: 35,
    properties: { duration: "00:01:33", cues: 5 },
  });
});

Deno.test("extractSubtitles() reads a SubRip drama with italics, dashes and labels", async () => {
  assert.deepEqual(extractSubtitles(await fixture("drama.srt"), "drama.srt"), {
    title: "Drama",
    type: "subtitles",
    body: [
      "[00:00:01] Previously on Harbour Lights... - Where were you last night? - Out.",
      "[00:00:06] **CAPTAIN REYES:** Nobody leaves the harbour tonight.",
      "[00:00:09] **Narrator:** The storm arrived at midnight.",
      "[00:00:12] [THUNDER RUMBLES]",
      "[00:00:20] **MARA:** I <3 this town.",
      "[00:00:20] - So do I.",
    ].join("\n\n"),
    wordCount: 29,
    properties: { duration: "00:00:23", cues: 6 },
  });
});

Deno.test("extractSubtitles() folds rolling captions into one paragraph", async () => {
  const result = extractSubtitles(await fixture("rolling.vtt"), "rolling.vtt");
  assert.equal(
    result.body,
    "[00:00:00] so today we're going to build a raised bed from old pallets",
  );
  assert.deepEqual(result.properties, { duration: "00:00:08", cues: 6 });
  assert.equal(result.title, "Rolling");
});

Deno.test("extractSubtitles() takes the format from the content, not the name", () => {
  const subrip = srt([[1000, 2000, "Hello"]]);
  assert.equal(extractSubtitles(utf8(subrip), "named.vtt").body, "[00:00:01] Hello");
  const webvtt = "WEBVTT - Real title\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Hello\n";
  const asSrt = extractSubtitles(utf8(webvtt), "named.srt");
  assert.equal(asSrt.title, "Real title");
  assert.equal(asSrt.body, "[00:00:01] **Ann:** Hello");
  // After a BOM, and in UTF-16 with CRLF line endings, it is still WebVTT.
  const bom = extractSubtitles(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(webvtt)]), "b.srt");
  assert.equal(bom.title, "Real title");
  const crlf = webvtt.replaceAll("\n", "\r\n");
  const utf16 = new Uint8Array(2 + crlf.length * 2);
  utf16.set([0xff, 0xfe]);
  for (let i = 0; i < crlf.length; i++) utf16[2 + i * 2] = crlf.charCodeAt(i);
  assert.equal(extractSubtitles(utf16, "wide.vtt").body, "[00:00:01] **Ann:** Hello");
});

Deno.test("extractSubtitles() rejects text without any cue", () => {
  const cases: [string, RegExp][] = [
    ["Dear diary,\ntoday nothing happened.\n", /first problem is at line 2: Cue identifier/],
    ["WEBVTT\n\nNOTE only a comment\n", /"00:00:01\.000 --> 00:00:04\.000"; the file has none$/],
    ["", /"00:00:01,000 --> 00:00:04,000"; the file has none$/],
    ["1\n00:00:01:000 --> 00:00:02:000\nHi\n", /at line 2: No decimal separator/],
  ];
  for (const [text, detail] of cases) {
    assertInputError(() => extractSubtitles(utf8(text), "x.srt"), /^no subtitle cues found: /);
    assertInputError(() => extractSubtitles(utf8(text), "x.srt"), detail);
  }
});

Deno.test("extractSubtitles() reads a windows-1252 SubRip file", () => {
  const bytes = new Uint8Array([
    ...utf8("1\r\n00:00:01,000 --> 00:00:02,000\r\nCaf"),
    0xe9,
    ...utf8(" au lait, "),
    0x93,
    ...utf8("tr"),
    0xe8,
    ...utf8("s bien"),
    0x94,
    ...utf8("\r\n"),
  ]);
  assert.match(extractSubtitles(bytes, "x.srt").body, /Café au lait, “très bien”/);
});

Deno.test("extractSubtitles() rejects garbage bytes", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  assertInputError(() => extractSubtitles(png, "x.srt"), /^binary content, not text: /);
  let seed = 42; // a fixed pseudo-random sequence, the same on every run
  const noise = Uint8Array.from({ length: 4096 }, () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed >>> 24;
  });
  assert.throws(() => extractSubtitles(noise, "x.vtt"), InputError);
});

Deno.test("extractSubtitles() rejects cues that hold no text", () => {
  const text = srt([[1000, 2000, "<i></i>"], [3000, 4000, "{\\an8}"]]);
  assertInputError(
    () => extractSubtitles(utf8(text), "x.srt"),
    /^no subtitle text found: all 2 cues are empty$/,
  );
});

Deno.test("extractSubtitles() rejects markup nested too deep for the parser", () => {
  const text = vtt([[1000, 2000, "<b>".repeat(100_000) + "deep"]]);
  assertInputError(() => extractSubtitles(utf8(text), "x.vtt"), /^unreadable subtitles: /);
});

Deno.test("extractSubtitles() takes the title from the WebVTT header", () => {
  const cue = "\n\n00:00:01.000 --> 00:00:02.000\nHi\n";
  const cases: [string, string][] = [
    ["WEBVTT - Episode 12: Soil", "Episode 12: Soil"],
    ["WEBVTT\tTabbed   title", "Tabbed title"],
    ["WEBVTT - Ignored\nKind: captions\nTitle: From metadata", "From metadata"],
    ["WEBVTT\ntitle = Lower case key", "Lower case key"],
    ["WEBVTT", "Dir – Stem"],
    ["WEBVTT FILE", "Dir – Stem"],
    ["WEBVTT Kind: captions", "Dir – Stem"],
    ["WEBVTT\nKind: captions\nLanguage: en", "Dir – Stem"],
    ["WEBVTT -", "Dir – Stem"],
  ];
  for (const [header, title] of cases) {
    assert.equal(extractSubtitles(utf8(header + cue), "dir/Stem.vtt").title, title, header);
  }
  // A title line after the header is cue text, not a title.
  const late = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nTitle: not this\n";
  assert.equal(extractSubtitles(utf8(late), "Stem.vtt").title, "Stem");
});

Deno.test("extractSubtitles() names a SubRip note after its file", () => {
  const text = srt([[0, 1000, "Title: not a header"]]);
  assert.equal(extractSubtitles(utf8(text), "C:\\subs\\My Film.srt").title, "Subs – My Film");
  // Two courses' first lectures do not collide into "Lecture 01" and "Lecture 01 (2)".
  const text2 = "1\n00:00:01,000 --> 00:00:02,000\nHello\n";
  assert.equal(
    extractSubtitles(utf8(text2), "Philosophy 185 Heidegger/Lecture 01.srt").title,
    "Philosophy 185 Heidegger – Lecture 01",
  );
});

Deno.test("extractSubtitles() reports the latest cue end and the file's cue count", () => {
  const text = srt([
    [0, 4_000_000, "long"],
    [5000, 6000, "same"],
    [6000, 7000, "same"],
    [8000, 9000, "<i> </i>"],
  ]);
  const result = extractSubtitles(utf8(text), "x.srt");
  assert.deepEqual(result.properties, { duration: "01:06:40", cues: 4 });
  assert.equal(result.wordCount, 2);
});

Deno.test("extractSubtitles() gives the same result every time", async () => {
  const bytes = await fixture("drama.srt");
  assert.deepEqual(extractSubtitles(bytes, "d.srt"), extractSubtitles(bytes.slice(), "d.srt"));
});

Deno.test("parseSubtitles() removes markup and decodes character references", () => {
  const text = srt([
    [1000, 2000, '<u>a</u> <font face="x">b</font> {\\an8}{\\i1}c{\\i0} &amp; &lt;d&gt; &#39;e'],
    [3000, 4000, "  <b>spread\nover</b>   lines  "],
  ]);
  assert.deepEqual(texts(text, "srt"), ["a b c & <d> 'e", "spread over lines"]);
  const web = vtt([[
    1000,
    2000,
    "<ruby>漢<rt>kan</rt></ruby>字 <c.yellow>x</c> <lang en>y</lang> <00:00:01.500>z",
  ]]);
  assert.deepEqual(texts(web, "vtt"), ["漢字 x y z"]);
});

Deno.test("parseSubtitles() keeps a < that opens no tag in SubRip text", () => {
  assert.deepEqual(texts(srt([[0, 1000, "I <3 you, 1 < 2 << 3"]]), "srt"), [
    "I <3 you, 1 < 2 << 3",
  ]);
});

Deno.test("parseSubtitles() takes speakers from WebVTT voice tags", () => {
  const text = vtt([
    [1000, 2000, "<v.loud Ann  Lee>Hi</v>"],
    [3000, 4000, "<v Ann Lee>One\n<v Bob>Two\nstill Bob"],
    [5000, 6000, "<v>No name"],
  ]);
  assert.deepEqual(parseSubtitles(text, "vtt"), [
    { startMs: 1000, endMs: 2000, text: "Hi", speaker: "Ann Lee" },
    { startMs: 3000, endMs: 4000, text: "One", speaker: "Ann Lee" },
    { startMs: 3000, endMs: 4000, text: "Two still Bob", speaker: "Bob" },
    { startMs: 5000, endMs: 6000, text: "No name" },
  ]);
});

Deno.test("parseSubtitles() takes only clear labels as speakers", () => {
  const cases: [string, string | undefined, string][] = [
    ["JOHN: We leave now.", "JOHN", "We leave now."],
    ["DR. O'NEIL-SMITH: Sit.", "DR. O'NEIL-SMITH", "Sit."],
    ["MAN #2: Over here!", "MAN #2", "Over here!"],
    ["ÉLODIE: Non.", "ÉLODIE", "Non."],
    ["[Narrator] Long ago...", "Narrator", "Long ago..."],
    ["[Ann Lee]: Yes.", "Ann Lee", "Yes."],
    ["- JOHN: Go!", "JOHN", "Go!"],
    ["A: one letter is no name", undefined, "A: one letter is no name"],
    ["Note: mixed case is not a label here", undefined, "Note: mixed case is not a label here"],
    ["AT 10:30 WE MEET", undefined, "AT 10:30 WE MEET"],
    [
      "ONE TWO THREE FOUR FIVE: too many words",
      undefined,
      "ONE TWO THREE FOUR FIVE: too many words",
    ],
    ["[Music] la la", undefined, "[Music] la la"],
    ["[Laughs] Sure.", undefined, "[Laughs] Sure."],
    ["[Crowd Cheering] Go!", undefined, "[Crowd Cheering] Go!"],
    ["[Door Slams] Who?", undefined, "[Door Slams] Who?"],
    ["[in Spanish] Hola", undefined, "[in Spanish] Hola"],
    ["[Narrator]", undefined, "[Narrator]"],
    ["so JOHN: not at the start", undefined, "so JOHN: not at the start"],
  ];
  for (const [line, speaker, text] of cases) {
    const [segment] = parseSubtitles(srt([[0, 1000, line]]), "srt");
    assert.deepEqual(
      segment,
      { startMs: 0, endMs: 1000, text, ...(speaker ? { speaker } : {}) },
      line,
    );
  }
});

Deno.test("parseSubtitles() reads a label alone on its line as the speaker of the next", () => {
  assert.deepEqual(parseSubtitles(srt([[0, 1000, "JOHN:\nWe leave now."]]), "srt"), [
    { startMs: 0, endMs: 1000, text: "We leave now.", speaker: "JOHN" },
  ]);
});

Deno.test("parseSubtitles() splits dialogue at dashes and keeps each dash", () => {
  assert.deepEqual(parseSubtitles(srt([[0, 2000, "-Ready?\n- MAYA: Yes.\nLet's go."]]), "srt"), [
    { startMs: 0, endMs: 2000, text: "- Ready?" },
    { startMs: 0, endMs: 2000, text: "Yes. Let's go.", speaker: "MAYA" },
  ]);
  // A minus sign before a number is no dialogue dash.
  assert.deepEqual(texts(srt([[0, 1000, "-5 degrees tonight"]]), "srt"), ["-5 degrees tonight"]);
  assert.deepEqual(texts(srt([[0, 1000, "Go?\n- 5 minutes."]]), "srt"), ["Go?", "- 5 minutes."]);
});

Deno.test("parseSubtitles() reads ordinary-case labels only when most cues have one", () => {
  const zoom = vtt([
    [0, 2000, "Maya Chen: Can you hear me?"],
    [2000, 4000, "Ruth Stone: Loud and clear."],
    [4000, 6000, "Maya Chen: Great: let's start."],
    [6000, 8000, "and this line has no label"],
  ]);
  assert.deepEqual(parseSubtitles(zoom, "vtt").map((s) => [s.speaker, s.text]), [
    ["Maya Chen", "Can you hear me?"],
    ["Ruth Stone", "Loud and clear."],
    ["Maya Chen", "Great: let's start."],
    [undefined, "and this line has no label"],
  ]);
  const prose = srt([
    [0, 1000, "Remember: be kind."],
    [2000, 3000, "Then we ate."],
    [4000, 5000, "Ok."],
  ]);
  assert.ok(parseSubtitles(prose, "srt").every((s) => s.speaker === undefined));
});

Deno.test("parseSubtitles() sorts out-of-order cues by start time", () => {
  const text = srt([[5000, 6000, "third"], [1000, 9000, "first"], [1000, 2000, "second"]]);
  assert.deepEqual(texts(text, "srt"), ["first", "second", "third"]);
});

Deno.test("parseSubtitles() merges consecutive cues with the same text", () => {
  const text = srt([
    [0, 1000, "Yes!"],
    [1000, 2000, "Yes!"],
    [2500, 3000, "<i>Yes!</i>"],
    [3000, 4000, "No."],
  ]);
  assert.deepEqual(parseSubtitles(text, "srt"), [
    { startMs: 0, endMs: 3000, text: "Yes!" },
    { startMs: 3000, endMs: 4000, text: "No." },
  ]);
  // The same words after a pause are said again.
  const again = srt([[0, 1000, "Again"], [2500, 3000, "Again"]]);
  assert.deepEqual(texts(again, "srt"), ["Again", "Again"]);
});

Deno.test("parseSubtitles() drops the lines a roll-up caption repeats from the cue before", () => {
  const text = vtt([
    [0, 2000, "one"],
    [2000, 4000, "one\ntwo"],
    [4000, 6000, "one\ntwo\nthree"],
    [6000, 8000, "three\nfour"],
  ]);
  assert.deepEqual(texts(text, "vtt"), ["one", "two", "three", "four"]);
  assert.deepEqual(parseSubtitles(text, "vtt")[1], { startMs: 2000, endMs: 4000, text: "two" });
});

Deno.test("parseSubtitles() reads WebVTT cue ids, comments, styles and regions", () => {
  const text = "WEBVTT\n\nREGION\nid:r1 width:40%\n\nSTYLE\n::cue { color: red }\n\n" +
    "NOTE\nA comment\n\nintro-1\n00:00:01.000 --> 00:00:02.000 region:r1 align:left\nHello\n\n" +
    "NOTE between cues\n\n42\n00:01.500 --> 00:02.500\nWorld\n";
  assert.deepEqual(parseSubtitles(text, "vtt"), [
    { startMs: 1000, endMs: 2000, text: "Hello" },
    { startMs: 1500, endMs: 2500, text: "World" },
  ]);
});

Deno.test("parseSubtitles() copes with common SubRip quirks", () => {
  const text = [
    "00:00:01,000 --> 00:00:02,000", // no cue number
    "no number",
    "   ", // a blank line with spaces
    "2",
    "00:00:03.5 --> 00:00:04.25", // dots, short fractions
    "dots",
    "3", // no blank line before the next cue number
    "0:00:05,1234  -->  0:00:06,000   X1:100 X2:200", // one-digit hours, long fraction, coordinates
    "odd timing",
  ].join("\r\n");
  assert.deepEqual(parseSubtitles(text, "srt"), [
    { startMs: 1000, endMs: 2000, text: "no number" },
    { startMs: 3500, endMs: 4250, text: "dots" },
    { startMs: 5123, endMs: 6000, text: "odd timing" },
  ]);
});

Deno.test("parseSubtitles() keeps times past 99 hours and skips negative ones", () => {
  const text = "1\n123:04:05,678 --> 123:04:06,000\nlate\n\n" +
    "2\n-00:00:01,000 --> 00:00:02,000\nbefore zero\n\n" +
    "3\n00:00:05,000 --> 00:00:03,000\nends before it starts\n\n" +
    `4\n${"9".repeat(400)}:00:00,000 --> ${"9".repeat(400)}:00:01,000\nabsurd\n`;
  assert.deepEqual(parseSubtitles(text, "srt"), [
    { startMs: 5000, endMs: 5000, text: "ends before it starts" },
    { startMs: 443_045_678, endMs: 443_046_000, text: "late" },
    { startMs: Number.MAX_SAFE_INTEGER, endMs: Number.MAX_SAFE_INTEGER, text: "absurd" },
  ]);
  const result = extractSubtitles(utf8(text), "x.srt");
  assert.match(
    result.body,
    /^\[00:00:05\] ends before it starts\n\n\[123:04:05\] late\n\n\[\d+:\d\d:\d\d\] absurd$/,
  );
});

Deno.test("parseSubtitles() decodes every named character reference, ASS breaks, and drops zero-length cues", () => {
  const text =
    "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n&copy; 2024 &notin; set&hellip; A&amp;B\n\n" +
    "00:00:03.000 --> 00:00:03.000\nnever shown\n\n" +
    "00:00:04.000 --> 00:00:05.000\nfirst line\\Nsecond\\hline\n";
  assert.deepEqual(parseSubtitles(text, "vtt").map((s) => s.text), [
    "© 2024 ∉ set… A&B",
    "first line second line",
  ]);
});

Deno.test("extractSubtitles() reads a WebVTT NUL as U+FFFD, as the specification says", () => {
  const bytes = utf8("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nbroken\0byte here\n");
  assert.match(extractSubtitles(bytes, "x.vtt").body, /broken\uFFFDbyte here/);
  // SubRip has no such rule: a NUL still means binary.
  const srt = utf8("1\n00:00:01,000 --> 00:00:02,000\nbroken\0byte\n");
  assertInputError(() => extractSubtitles(srt, "x.srt"), /^binary content, not text: /);
});

Deno.test("parseSubtitles() gives nothing for text without cues", () => {
  assert.deepEqual(parseSubtitles("", "srt"), []);
  assert.deepEqual(parseSubtitles("WEBVTT\n", "vtt"), []);
  assert.deepEqual(parseSubtitles("-->\n".repeat(1000), "srt"), []);
});

Deno.test("extractSubtitles() reads 200,000 SubRip cues", () => {
  const cues: [number, number, string][] = Array.from({ length: 200_000 }, (_, i) => [
    i * 1500,
    i * 1500 + 1200,
    `${i % 50 === 0 ? "- " : ""}<i>Line</i> ${i}\nand more`,
  ]);
  const result = extractSubtitles(utf8(srt(cues)), "big.srt");
  assert.deepEqual(result.properties, { duration: "83:19:59", cues: 200_000 });
  assert.equal(result.wordCount, 800_000);
  assert.ok(result.body.startsWith("[00:00:00] - Line 0 and more Line 1 and more"));
  assert.ok(result.body.endsWith(" Line 199999 and more"));
});

Deno.test("extractSubtitles() reads 200,000 WebVTT cues with voices", () => {
  const cues: [number, number, string][] = Array.from({ length: 200_000 }, (_, i) => [
    i * 1500,
    i * 1500 + 1200,
    `<v Speaker ${i % 3}>Line ${i}</v>`,
  ]);
  const result = extractSubtitles(utf8(vtt(cues)), "big.vtt");
  assert.deepEqual(result.properties, { duration: "83:19:59", cues: 200_000 });
  const paragraphs = result.body.split("\n\n");
  assert.equal(paragraphs.length, 200_000);
  assert.equal(paragraphs.at(-1), "[83:19:58] **Speaker 1:** Line 199999");
});
