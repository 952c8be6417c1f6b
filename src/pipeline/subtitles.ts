/**
 * @module
 * Subtitle and caption files (SubRip `.srt`, WebVTT `.vtt`) as transcripts: cues parsed by the
 * W3C's reference WebVTT parser, cleaned of markup, given speakers where the file names them
 * clearly, rolling captions folded, and rendered by {@link renderTranscript}.
 */
// webvtt-parser, not `subtitle`: importing `subtitle` reads NODE_ENV (and its stream
// dependencies READABLE_STREAM), which the extractor sandbox refuses; it also throws on WebVTT
// cue identifiers and STYLE blocks. TODO: move both specifiers to the import map.
// @ts-types="@types/webvtt-parser"
import webvtt from "webvtt-parser";
import { characterEntities } from "character-entities";
import { cleanTitle, countWords, type Extracted } from "./extracted.ts";
import { decodeText } from "./decode.ts";
import { renderTranscript, stamp } from "../markdown/transcript.ts";
import type { Segment } from "../protocol/messages.ts";
import { InputError } from "../common/errors.ts";

export type SubtitleFormat = "srt" | "vtt";

type Parsed = ReturnType<InstanceType<typeof webvtt.WebVTTParser>["parse"]>;
type ParsedCue = Parsed["cues"][number];
type TreeNode = ParsedCue["tree"]["children"][number];

// The full HTML table of named character references. The parser's own default table has keys
// without ";" (so "&amp;" came out as "&;") and only eight names; "&copy;" stayed literal.
const ENTITIES: Record<`&${string}`, string> = {};
for (const [name, value] of Object.entries(characterEntities)) ENTITIES[`&${name};`] = value;
// Without the ";", as old files write them, only the commonest few.
for (const name of ["amp", "lt", "gt", "quot", "apos", "nbsp"]) {
  ENTITIES[`&${name}`] = characterEntities[name];
}
const parser = new webvtt.WebVTTParser(ENTITIES);

/** About how much text the parser gets at a time. */
const CHUNK_CHARS = 64 * 1024;
/** Cues closer than this (end to start) count as one rolling caption. */
const ROLL_GAP_MS = 1_000;
/** Roll-up captions show two or three lines; more than this is no roll-up. */
const ROLL_LINES = 4;

/**
 * Extracts a transcript note from an `.srt` or `.vtt` file. The format comes from the content:
 * text that starts with `WEBVTT` is WebVTT, anything else SubRip.
 * @throws {InputError} when the bytes are not text, hold no cue, or only empty cues
 */
export function extractSubtitles(bytes: Uint8Array, fileName: string): Extracted {
  // WebVTT replaces a NUL with U+FFFD rather than refusing the file (its parsing rules say so).
  const vtt = /^(?:\uFEFF)?WEBVTT/.test(new TextDecoder().decode(bytes.subarray(0, 16)));
  const text = decodeText(bytes, { nul: vtt ? "replace" : "refuse" });
  const format: SubtitleFormat = text.startsWith("WEBVTT") ? "vtt" : "srt";
  const read = readCues(text, format);
  if (read.cues.length === 0) throw new InputError(noCues(format, read.problem));
  const segments = toSegments(read.cues);
  const body = renderTranscript(segments);
  if (body === "") {
    throw new InputError(`no subtitle text found: all ${read.cues.length} cues are empty`);
  }
  const endMs = read.cues.reduce((max, cue) => Math.max(max, cue.endMs), 0);
  return {
    title: cleanTitle(format === "vtt" ? vttTitle(text) : undefined, fileName),
    type: "subtitles",
    body,
    wordCount: countWords(segments.map((s) => s.text).join("\n")),
    properties: { duration: stamp(endMs).slice(1, -1), cues: read.cues.length },
  };
}

/**
 * Parses subtitle text into transcript segments, sorted by start time. Markup is removed, VTT
 * voices and clear speaker labels become `speaker`, and rolling captions (a cue that repeats
 * the lines of the one before it) are folded into one. Unreadable cues are skipped, so text
 * without any readable cue gives `[]`.
 *
 * Speaker labels are read only at the start of a cue line, after an optional dialogue dash:
 * - `<v Name>` voice spans (WebVTT), always;
 * - `NAME:` in upper case: 1 to 4 words of capitals, digits and `.'&#-`, at least two letters;
 * - `[Name]` before text on the same line: 1 to 3 words that each start with a capital, none a
 *   sound description (`[Music]`, `[Laughs]`, anything ending in "ing"), and for several words
 *   the last not ending in "s" (`[Door Slams]`);
 * - `Name Surname:` in ordinary case (Zoom and Teams exports), only when at least half of the
 *   cues, and at least two, open with such a label.
 * A dash without a label starts a new turn and stays in the text as "- ".
 */
export function parseSubtitles(text: string, format: SubtitleFormat): Segment[] {
  return toSegments(readCues(text, format).cues);
}

/** One cue as read: its times and its text in runs of one line and one voice each. */
interface Cue {
  startMs: number;
  endMs: number;
  runs: Run[];
}

interface Run {
  text: string;
  voice?: string;
  /** The run opens a line of the cue, where a speaker label may stand. */
  lineStart: boolean;
}

function readCues(text: string, format: SubtitleFormat): { cues: Cue[]; problem?: string } {
  const input = (text.startsWith("\uFEFF") ? text.slice(1) : text).replace(/\r\n?/g, "\n");
  const srt = format === "srt" ? srtAsVtt(input) : undefined;
  const source = srt ? srt.text : input;
  const cues: Cue[] = [];
  let first: { line: number; message: string } | undefined;
  // Fed to the parser in pieces cut at blank lines, which always end a WebVTT block, and each
  // piece's cues made compact at once: holding the parser's objects for a whole long file
  // keeps the garbage collector busy for longer than the parsing itself.
  let pos = 0;
  let line = 1; // of `source`, at `pos`
  while (pos < source.length) {
    let end = source.indexOf("\n\n", pos + CHUNK_CHARS);
    if (end === -1) end = source.length;
    const added = pos === 0 ? 0 : 2;
    const parsed = parseChunk((added ? "WEBVTT\n\n" : "") + source.slice(pos, end));
    for (const cue of parsed.cues) {
      // A cue that ends as it starts is never shown: a converter's leftover. One that ends
      // before it starts is more likely a typo in its end, and is kept.
      if (cue.endTime === cue.startTime && Number.isFinite(cue.startTime)) continue;
      const startMs = toMs(cue.startTime);
      const endMs = Math.max(startMs, toMs(cue.endTime));
      cues.push({ startMs, endMs, runs: runsOf(cue.tree.children) });
    }
    if (!first) {
      const error = parsed.errors.find((e) => !/signature/i.test(e.message));
      if (error) first = { line: line + error.line - 1 - added, message: error.message };
      for (
        let i = source.indexOf("\n", pos);
        i !== -1 && i < end + 2;
        i = source.indexOf("\n", i + 1)
      ) {
        line++;
      }
    }
    pos = end + 2;
  }
  // Stable: cues that start together keep the parser's order (the longer one first).
  cues.sort((a, b) => a.startMs - b.startMs);
  const at = first && (srt ? srt.origin[first.line - 1] : first.line);
  const problem = first && `${at ? `line ${at}: ` : ""}${first.message.replace(/\.$/, "")}`;
  return { cues, problem };
}

function parseChunk(text: string): Parsed {
  try {
    return parser.parse(text, "metadata");
  } catch (error) {
    // Markup nested thousands deep overflows the parser's recursion.
    throw new InputError(`unreadable subtitles: the parser failed with ${describe(error)}`, {
      cause: error,
    });
  }
}

function noCues(format: SubtitleFormat, problem: string | undefined): string {
  const sample = format === "srt"
    ? "00:00:01,000 --> 00:00:04,000"
    : "00:00:01.000 --> 00:00:04.000";
  const detail = problem ? `the first problem is at ${problem}` : "the file has none";
  return `no subtitle cues found: expected timing lines like "${sample}"; ${detail}`;
}

/**
 * SubRip is WebVTT's ancestor: once its timing lines use "." before milliseconds (padded to
 * three digits) and the header is added, the WebVTT parser reads it as media-captions does.
 * Also repaired: whitespace-only separator lines, a missing blank line before a cue number, and
 * a "<" that opens no tag ("I <3 you"), which WebVTT would swallow. `origin` maps each output
 * line (0-based) to its line in the input (1-based), for error messages.
 */
function srtAsVtt(text: string): { text: string; origin: number[] } {
  const out = ["WEBVTT", ""];
  const origin = [0, 0];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.trim() === "") {
      line = "";
    } else if (line.includes("-->")) {
      line = line.replace(
        /(\d)[,.](\d+)/g,
        (_, d, f: string) => `${d}.${f.padEnd(3, "0").slice(0, 3)}`,
      );
      const last = out.length - 1;
      if (/^\s*\d+\s*$/.test(out[last]) && out[last - 1] !== "") {
        out.splice(last, 0, "");
        origin.splice(last, 0, origin[last]);
      }
    } else {
      line = line.replace(/<(?![A-Za-z/])/g, "&lt;");
    }
    out.push(line);
    origin.push(i + 1);
  }
  return { text: out.join("\n"), origin };
}

function toMs(seconds: number): number {
  if (Number.isNaN(seconds)) return 0;
  // Absurd hours (hostile files) are clamped so every later sum stays an exact integer.
  return Math.min(Math.max(Math.round(seconds * 1000), 0), Number.MAX_SAFE_INTEGER);
}

/**
 * Flattens a cue's markup tree into runs of text, split at line breaks and where the voice
 * changes. Tags drop away, ruby annotations (`<rt>`) and inline timestamps are skipped.
 * Iterative: a hostile file may nest tags thousands deep.
 */
function runsOf(children: TreeNode[]): Run[] {
  const runs: Run[] = [];
  let run: Run | undefined;
  let lineStart = true;
  const stack: { nodes: TreeNode[]; next: number; voice?: string }[] = [{
    nodes: children,
    next: 0,
  }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next >= frame.nodes.length) {
      stack.pop();
      continue;
    }
    const node = frame.nodes[frame.next++];
    if (node.type === "object") {
      // Ruby text sits inside <ruby>, which the tree's top-level node type does not list.
      if ((node.name as string) === "rt") continue;
      const voice = node.name === "v" ? oneLine(node.value ?? "") || frame.voice : frame.voice;
      stack.push({ nodes: node.children as TreeNode[], next: 0, voice });
    } else if (node.type === "text") {
      const parts = node.value.split("\n");
      for (let i = 0; i < parts.length; i++) {
        if (i > 0) {
          run = undefined;
          lineStart = true;
        }
        const part = parts[i];
        if (part === "") continue;
        if (!run || (run.voice !== frame.voice && part.trim() !== "")) {
          run = { text: "", voice: frame.voice, lineStart };
          runs.push(run);
          lineStart = false;
        }
        run.text += part;
      }
    }
  }
  const cleaned: Run[] = [];
  for (const r of runs) {
    // ASS override blocks such as {\an8} or {\i1}, left in SubRip files by converters, and
    // its line break (\N, \n) and hard space (\h).
    const text = oneLine(
      r.text.replace(/\{\\[^{}]*\}/g, "").replace(/\\[Nn]/g, " ").replaceAll("\\h", "\u00A0"),
    );
    if (text !== "") cleaned.push({ ...r, text });
  }
  return cleaned;
}

/** Folds rolling captions, finds speakers and splits cues into turns. */
function toSegments(cues: Cue[]): Segment[] {
  const kept: { cue: Cue; runs: Run[]; screen: string[] }[] = [];
  for (const cue of cues) {
    const screen = cue.runs.map(runKey);
    if (screen.length === 0) continue;
    const prev = kept.at(-1);
    let skip = 0;
    if (prev && cue.startMs - prev.cue.endMs <= ROLL_GAP_MS) {
      skip = repeatedLines(prev.screen, screen);
      if (skip === screen.length) {
        // Nothing new on screen: the caption stays up longer.
        prev.cue.endMs = Math.max(prev.cue.endMs, cue.endMs);
        prev.screen = screen;
        continue;
      }
    }
    kept.push({ cue: { ...cue }, runs: cue.runs.slice(skip), screen });
  }

  const titled = titleCaseLabels(kept.map((k) => k.runs));
  const segments: Segment[] = [];
  for (const { cue, runs } of kept) {
    for (const turn of turnsOf(runs, titled)) {
      if (turn.parts.length === 0) continue;
      const segment: Segment = {
        startMs: cue.startMs,
        endMs: cue.endMs,
        text: turn.parts.join(" "),
      };
      if (turn.speaker !== undefined) segment.speaker = turn.speaker;
      segments.push(segment);
    }
  }
  return segments;
}

function runKey(run: Run): string {
  return `${run.voice ?? ""}\u0000${run.text}`;
}

/**
 * How many leading lines of `next` repeat the last lines of `prev`: all of them when the two
 * are equal, else at most {@link ROLL_LINES} (which bounds the work on hostile cues).
 */
function repeatedLines(prev: string[], next: string[]): number {
  if (prev.length === next.length && prev.every((line, i) => line === next[i])) return next.length;
  for (let k = Math.min(prev.length, next.length, ROLL_LINES); k > 0; k--) {
    let same = true;
    for (let i = 0; i < k && same; i++) same = prev[prev.length - k + i] === next[i];
    if (same) return k;
  }
  return 0;
}

interface Turn {
  speaker?: string;
  voiced: boolean;
  parts: string[];
}

function turnsOf(runs: Run[], titled: boolean): Turn[] {
  const turns: Turn[] = [];
  let turn: Turn | undefined;
  for (const run of runs) {
    if (run.voice !== undefined) {
      if (!turn || !turn.voiced || turn.speaker !== run.voice) {
        turn = { speaker: run.voice, voiced: true, parts: [] };
        turns.push(turn);
      }
      turn.parts.push(run.text);
      continue;
    }
    const line = run.lineStart ? splitLabel(run.text, titled) : undefined;
    if (!turn || turn.voiced || line?.turn) {
      turn = { speaker: line?.speaker, voiced: false, parts: [] };
      turns.push(turn);
    }
    const text = line ? line.text : run.text;
    if (text !== "") turn.parts.push(text);
  }
  return turns;
}

// "- Text" or "-Text", but not "-5 degrees" (a minus sign) or "--".
const DASH = /^[-\u2013](?:[ \t]+(?=\S)|(?=[^\s\d\-\u2013]))/u;
const CAPS_WORD = String.raw`\p{Lu}[\p{Lu}\p{M}\d.'’&#-]*`;
const UPPER_LABEL = new RegExp(
  String.raw`^(${CAPS_WORD}(?:[ \t]+(?:${CAPS_WORD}|#?\d+)){0,3})[ \t]*:(?:[ \t]+(.*))?$`,
  "u",
);
const BRACKET_LABEL = /^\[([^\[\]]{1,40})\][ \t]*:?[ \t]+(\S.*)$/u;
const TITLE_LABEL =
  /^(\p{Lu}[\p{L}\p{M}.'’-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}.'’-]*){0,3}):[ \t]+(\S.*)$/u;
const SOUNDS = new Set([
  "applause",
  "background",
  "beep",
  "beeps",
  "bell",
  "cheers",
  "chuckles",
  "coughs",
  "crosstalk",
  "door",
  "footsteps",
  "gasps",
  "groans",
  "inaudible",
  "indistinct",
  "intro",
  "laughs",
  "laughter",
  "music",
  "noise",
  "outro",
  "pause",
  "phone",
  "sighs",
  "silence",
  "sound",
  "sounds",
  "static",
  "theme",
  "thunder",
  "unintelligible",
  "whispers",
]);

/**
 * Reads a speaker label (see {@link parseSubtitles} for the rules) and a dialogue dash at the
 * start of a line. `turn` says the line begins a new speaker's turn.
 */
function splitLabel(
  line: string,
  titled: boolean,
): { speaker?: string; text: string; turn: boolean } | undefined {
  const dash = DASH.exec(line);
  const rest = dash ? line.slice(dash[0].length) : line;
  const upper = UPPER_LABEL.exec(rest);
  if (upper && (upper[1].match(/\p{L}/gu)?.length ?? 0) >= 2) {
    return { speaker: oneLine(upper[1]), text: upper[2]?.trim() ?? "", turn: true };
  }
  const bracket = BRACKET_LABEL.exec(rest);
  if (bracket && isNameLike(bracket[1])) {
    return { speaker: oneLine(bracket[1]), text: bracket[2], turn: true };
  }
  const title = titled ? TITLE_LABEL.exec(rest) : null;
  if (title) return { speaker: title[1], text: title[2], turn: true };
  return dash ? { text: `- ${rest}`, turn: true } : undefined;
}

function isNameLike(label: string): boolean {
  const words = label.trim().split(/\s+/u);
  if (words.length > 3 || !/^\p{Lu}/u.test(words[0])) return false;
  for (const word of words) {
    if (!/^(?:\p{Lu}[\p{L}\p{M}.'’-]*|\d+)$/u.test(word)) return false;
    const lower = word.toLowerCase();
    if (SOUNDS.has(lower) || lower.endsWith("ing")) return false;
  }
  return words.length === 1 || !words[words.length - 1].toLowerCase().endsWith("s");
}

/** Whether ordinary-case `Name:` labels open at least half the cues, and at least two. */
function titleCaseLabels(cues: Run[][]): boolean {
  let labelled = 0;
  for (const runs of cues) {
    const first = runs[0];
    if (!first || first.voice !== undefined || !first.lineStart) continue;
    const dash = DASH.exec(first.text);
    if (TITLE_LABEL.test(dash ? first.text.slice(dash[0].length) : first.text)) labelled++;
  }
  return labelled >= 2 && labelled * 2 >= cues.length;
}

/**
 * The title in a WebVTT header: a `Title:` line, else the text after `WEBVTT` on the first
 * line ("WEBVTT - My talk"), unless that is metadata such as `Kind: captions` or "FILE".
 */
function vttTitle(text: string): string | undefined {
  const lines = text.split(/\r\n|\r|\n/, 100);
  let title: string | undefined;
  const signature = lines[0].slice("WEBVTT".length);
  if (/^[ \t]/.test(signature)) {
    const rest = signature.trim().replace(/^[-\u2013\u2014:|][ \t]*/u, "");
    if (rest !== "" && !/^[\w-]+[ \t]*[:=]/.test(rest) && !/^file$/i.test(rest)) title = rest;
  }
  for (const line of lines.slice(1)) {
    if (line.trim() === "" || line.includes("-->")) break;
    const meta = /^title[ \t]*[:=][ \t]*(\S.*)$/i.exec(line);
    if (meta) return meta[1];
  }
  return title;
}

function oneLine(s: string): string {
  return s.replace(/\s+/gu, " ").trim();
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
