/**
 * @module
 * Timed text as a note body: the segments that subtitles and speech engines produce, rendered
 * as Markdown paragraphs that each open with a `[hh:mm:ss]` stamp ({@link stamp}, which key
 * points use too), and {@link escapeMarkdown}, which every part that writes a source's text into
 * a note uses so that it cannot read as markup.
 */
import type { Segment } from "../protocol/messages.ts";

/** Segments closer than this (end to start) may share a paragraph. */
const JOIN_GAP_MS = 2_000;
/** A paragraph spans at most this much time, from its first start to its last end. */
const PARAGRAPH_MS = 60_000;

/**
 * Formats a time as `[hh:mm:ss]`, rounded down to the second. Hours grow past two digits
 * (`[123:04:05]`); a negative time reads as `[00:00:00]`.
 * @throws {RangeError} when `ms` is not a finite number
 */
export function stamp(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`not a time in milliseconds: ${ms}`);
  // Clamped so that hours stay an integer String() prints without an exponent.
  const total = Math.floor(Math.min(Math.max(ms, 0), Number.MAX_SAFE_INTEGER) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor(total / 60) % 60;
  const seconds = total % 60;
  return `[${pad(hours)}:${pad(minutes)}:${pad(seconds)}]`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * Renders segments, in the order given, as Markdown paragraphs `[hh:mm:ss] **Speaker:** text`
 * separated by blank lines (the speaker part only when there is one). A segment joins the
 * paragraph before it when both have the same speaker (or both none), it starts at most 2 s
 * after the paragraph's end and not before its start, and the paragraph still spans at most
 * 60 s; the paragraph keeps its first stamp. Segments without text are skipped; none give "".
 */
export function renderTranscript(segments: Segment[]): string {
  const paragraphs: string[] = [];
  let open: { speaker?: string; startMs: number; endMs: number; texts: string[] } | undefined;
  const close = () => {
    if (!open) return;
    const who = open.speaker === undefined ? "" : `**${escapeMarkdown(open.speaker)}:** `;
    paragraphs.push(`${stamp(open.startMs)} ${who}${escapeMarkdown(open.texts.join(" "))}`);
  };
  for (const segment of segments) {
    const text = oneLine(segment.text);
    if (text === "") continue;
    const speaker = segment.speaker === undefined
      ? undefined
      : oneLine(segment.speaker) || undefined;
    const joins = open !== undefined && open.speaker === speaker &&
      segment.startMs >= open.startMs && segment.startMs - open.endMs <= JOIN_GAP_MS &&
      segment.endMs - open.startMs <= PARAGRAPH_MS;
    if (open && joins) {
      open.texts.push(text);
      open.endMs = Math.max(open.endMs, segment.endMs);
    } else {
      close();
      open = { speaker, startMs: segment.startMs, endMs: segment.endMs, texts: [text] };
    }
  }
  close();
  return paragraphs.join("\n\n");
}

function oneLine(s: string): string {
  return s.replace(/\s+/gu, " ").trim();
}

/**
 * Backslash-escapes what Markdown or Obsidian would read as markup in spoken text: emphasis,
 * code, math, block ids, HTML tags, `#tags`, links and wikilinks, and the doubled `==`, `~~`
 * and `%%` of highlights, strikethrough and comments. Only where markup could start, so that
 * "[Music]" or "I <3 it" stay readable in the Markdown source too.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\`*_$^]/g, "\\$&")
    .replace(/<(?=[A-Za-z/!?])/g, "\\<")
    .replace(/#(?=[^\s#])/g, "\\#")
    .replace(/\[(?=[[^])|\](?=[\]([])|(?<=\[)\[|(?<=\])\]/g, "\\$&")
    .replace(/([=~%])(?=\1)/g, "\\$1");
}

/**
 * {@link escapeMarkdown} for a text that starts a paragraph or a list item, where it must not
 * open a block either: a heading, a quote, a list item or a table row (a key point "# This file
 * was generated" was a heading in Obsidian's outline).
 */
export function escapeMarkdownBlock(s: string): string {
  return escapeMarkdown(s)
    .replace(/^(\s*)(#|>|[-+](?=\s|$)|\|)/, "$1\\$2")
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}
