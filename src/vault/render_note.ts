/**
 * @module
 * The text of a note: YAML frontmatter written by the `yaml` library, a title heading, the
 * sections of the analysis and the full text. Rendering is deterministic, so an unchanged input yields byte-identical notes and the
 * writer can skip them.
 */
import { parse, stringify } from "yaml";
import { fileStem } from "../pipeline/extracted.ts";
import { escapeMarkdown, stamp } from "../pipeline/transcript.ts";
import type { Analysis, Claim, KeyPoint, NoteDraft } from "../protocol/messages.ts";
import { type FindTarget, resolveLinks } from "./source_links.ts";

/** Facts about a note that come from the run rather than from the pipeline. */
export interface NoteMeta {
  /** Path of the input relative to the input folder, with "/" separators. */
  source: string;
  /** Notes about similar things, as vault paths ("Sources/Name.md"). */
  related?: string[];
  /** Finds the notes of other inputs the body links to; without it such links are their text. */
  findTarget?: FindTarget;
}

/** Result of {@link parseFrontmatter}. */
export interface Frontmatter {
  /** The properties, or null when there is no block or it is not a YAML mapping. */
  data: Record<string, unknown> | null;
  /** The text after the block (the whole text when there is no usable block). */
  body: string;
  /** Why the block was rejected, when it was. */
  error?: string;
}

/** Keys the note's own fields fill; the source's properties never replace them. */
export const STANDARD_KEYS: ReadonlySet<string> = new Set([
  "title",
  "aliases",
  "type",
  "source",
  "duration",
  "tags",
  "people",
  "organizations",
  "places",
  "related",
  "source_hash",
  "source_bytes",
  "words",
]);

/** Kinds whose text is a transcript rather than a document. */
const TIMED = new Set(["audio", "video", "subtitles"]);

/**
 * Renders the full Markdown text of a note, LF line endings, ending in one newline: frontmatter,
 * then Summary, Key points, (Claims,) People, Related and the full text or transcript.
 */
export function renderNote(draft: NoteDraft, meta: NoteMeta): string {
  const { analysis } = draft;
  const related = meta.related ?? [];
  const stem = fileStem(meta.source);
  const extra = draft.properties ?? {};
  // Built in this order on purpose: stringify keeps insertion order, and the order is part of
  // the byte-identical output.
  const properties = {
    title: draft.title,
    ...aliasesOf(extra.aliases, stem, draft.title),
    type: draft.type,
    source: meta.source,
    ...(extra.duration !== undefined ? { duration: extra.duration } : {}),
    tags: analysis.tags,
    people: analysis.people,
    ...(analysis.organizations.length > 0 ? { organizations: analysis.organizations } : {}),
    ...(analysis.places.length > 0 ? { places: analysis.places } : {}),
    // Obsidian reads a quoted wikilink in a property as a link.
    related: related.map((path) => wikilink(path)),
    source_hash: draft.sourceHash,
    source_bytes: draft.sourceBytes,
    words: draft.wordCount,
    // Source-specific keys come after the standard ones and never replace them.
    ...Object.fromEntries(Object.entries(extra).filter(([key]) => !STANDARD_KEYS.has(key))),
  };
  const yaml = stringify(properties, {
    // Every string value double-quoted: Obsidian and other YAML 1.1 readers turn plain
    // 2024-01-01 into a date and yes/no into booleans, which the library's 1.2 rules leave bare.
    defaultStringType: "QUOTE_DOUBLE",
    defaultKeyType: "PLAIN",
    // No folding: a long title stays on one line, as Obsidian's property editor writes it.
    lineWidth: 0,
  });
  const heading = draft.title.replace(/\s+/gu, " ").trim();
  const sections = [
    section("Summary", analysis.summary.map(escapeMarkdown).join("\n\n")),
    section("Key points", analysis.keyPoints.map(keyPoint).join("\n")),
    ...(analysis.claims ? [section("Claims", analysis.claims.map(claim).join("\n"))] : []),
    section("People", people(analysis)),
    section("Related", related.map((path) => `- ${wikilink(path)}`).join("\n")),
    section(
      TIMED.has(draft.type) ? "Transcript" : "Full text",
      normalizeBody(resolveLinks(draft, meta.source, meta.findTarget ?? noTarget)),
    ),
  ];
  return `---\n${yaml}---\n\n# ${heading}\n\n${sections.join("\n\n")}\n`;
}

/**
 * A link to a note by its vault path ("Sources/Name.md" gives `[[Sources/Name|Name]]`): the full
 * path, so a same-named file elsewhere in the vault cannot capture it.
 */
export function wikilink(path: string): string {
  const target = path.replace(/\.md$/, "");
  return `[[${target}|${target.slice(target.lastIndexOf("/") + 1)}]]`;
}

/** The source's own aliases (a Markdown file's frontmatter), then the file stem. */
function aliasesOf(own: unknown, stem: string, title: string): { aliases?: string[] } {
  const aliases = Array.isArray(own) ? own.filter((a) => typeof a === "string") : [];
  if (stem !== "" && stem !== title) aliases.push(stem);
  const unique = [...new Set(aliases)].filter((a) => a !== title);
  return unique.length > 0 ? { aliases: unique } : {};
}

function noTarget(): undefined {
  return undefined;
}

function section(name: string, content: string): string {
  return `## ${name}\n\n${content === "" ? "_None._" : content}`;
}

function keyPoint(point: KeyPoint): string {
  const text = escapeMarkdown(point.text);
  if (point.startMs === undefined) return `- ${text}`;
  const time = stamp(point.startMs).slice(1, -1);
  return point.anchor ? `- [[#^${point.anchor}|${time}]] ${text}` : `- ${time} ${text}`;
}

function claim(c: Claim): string {
  return `- ${escapeMarkdown(c.claim)}\n  > ${escapeMarkdown(c.evidence)}`;
}

function people(analysis: Analysis): string {
  const lines = analysis.people.map((name) => `- ${escapeMarkdown(name)}`);
  const also = (label: string, names: string[]) =>
    names.length > 0 ? [`${label}: ${names.map(escapeMarkdown).join(", ")}`] : [];
  const more = [
    ...also("Organisations", analysis.organizations),
    ...also("Places", analysis.places),
  ];
  return [lines.join("\n"), more.join("\n\n")].filter((part) => part !== "").join("\n\n");
}

/**
 * Splits a leading YAML frontmatter block (between `---` and a `---` or `...` line) from the
 * rest. YAML that is invalid or not a mapping gives data null, an error and the whole text as
 * body; no block gives data null and the whole text.
 */
export function parseFrontmatter(markdown: string): Frontmatter {
  const text = markdown.startsWith("\uFEFF") ? markdown.slice(1) : markdown;
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return { data: null, body: markdown };
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(open[0].length);
  const end = close.exec(rest);
  if (!end) return { data: null, body: markdown };

  const block = rest.slice(0, end.index);
  const body = rest.slice(end.index + end[0].length);
  let value: unknown;
  try {
    // The core schema has no custom or language-specific tags (unknown tags read as plain
    // strings), aliases are capped by the library, and "error" keeps warnings off the console
    // while still throwing on errors.
    value = parse(block, { schema: "core", logLevel: "error" });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { data: null, body: markdown, error: `invalid YAML in frontmatter: ${detail}` };
  }
  // An empty block is still frontmatter, just without properties.
  if (value === null || value === undefined) return { data: {}, body };
  if (typeof value !== "object" || Array.isArray(value)) {
    // Most likely not frontmatter at all (a Markdown rule, text, another rule): keep the text.
    const found = Array.isArray(value) ? "a list" : `a ${typeof value}`;
    return {
      data: null,
      body: markdown,
      error: `frontmatter is not a YAML mapping: found ${found}`,
    };
  }
  return { data: value as Record<string, unknown>, body };
}

function normalizeBody(body: string): string {
  return body
    .replace(/\r\n?/g, "\n")
    // Leading blank lines only: indentation on the first line can be an indented code block.
    .replace(/^(?:[ \t]*\n)+/, "")
    .trimEnd();
}
