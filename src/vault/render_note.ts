/**
 * @module
 * The text of a note: YAML frontmatter written by the `yaml` library, a title heading, the
 * sections of the analysis and the full text. Rendering is deterministic, so an unchanged input yields byte-identical notes and the
 * writer can skip them.
 */
import { stringify } from "yaml";
import { STANDARD_KEYS } from "../markdown/frontmatter.ts";
import { fileStem, wikilink } from "../markdown/note_name.ts";
import { escapeMarkdown, escapeMarkdownBlock, stamp } from "../markdown/transcript.ts";
import { nestHeadings } from "../markdown/heading_levels.ts";
import type { Claim, KeyPoint, NoteDraft } from "../protocol/messages.ts";
import { type FindTarget, resolveLinks } from "./source_links.ts";

/** Facts about a note that come from the run rather than from the pipeline. */
export interface NoteMeta {
  /** Path of the input relative to the input folder, with "/" separators. */
  source: string;
  /** Notes about similar things, as vault paths ("Sources/Name.md"). */
  related?: string[];
  /** Finds the notes of other inputs the body links to; without it such links are their text. */
  findTarget?: FindTarget;
  /** The title of a note by its vault path, to show on the links to it. */
  titleOf?: (path: string) => string | undefined;
}

/** Kinds whose text is a transcript rather than a document. */
const TIMED = new Set(["audio", "video", "subtitles"]);

/**
 * Renders the full Markdown text of a note, LF line endings, ending in one newline: frontmatter,
 * then Summary, Key points, (Claims,) People, (Organizations, Places,) Related and the full text
 * or transcript.
 */
export function renderNote(draft: NoteDraft, meta: NoteMeta): string {
  const { analysis } = draft;
  const related = meta.related ?? [];
  const link = (path: string) => wikilink(path, meta.titleOf?.(path));
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
    related: related.map(link),
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
  // "Using Box<T> to Point to Data on the Heap": the title as text, not as markup ("<T>" would be
  // an HTML tag, "__init__" bold).
  const heading = escapeMarkdown(draft.title.replace(/\s+/gu, " ").trim());
  const sections = [
    section("Summary", analysis.summary.map(escapeMarkdownBlock).join("\n\n")),
    section("Key points", analysis.keyPoints.map(keyPoint).join("\n")),
    ...(analysis.claims ? [section("Claims", analysis.claims.map(claim).join("\n"))] : []),
    section("People", list(analysis.people)),
    // Named the way the properties are, and only when there are any: a "People" heading over
    // nothing but "Places: Greenwich" promised people it did not have.
    ...(analysis.organizations.length > 0
      ? [section("Organizations", list(analysis.organizations))]
      : []),
    ...(analysis.places.length > 0 ? [section("Places", list(analysis.places))] : []),
    section("Related", related.map((path) => `- ${link(path)}`).join("\n")),
    section(
      TIMED.has(draft.type) ? "Transcript" : "Full text",
      nestHeadings(normalizeBody(resolveLinks(draft, meta.source, meta.findTarget ?? noTarget))),
    ),
  ];
  const warning = caveat(draft);
  return `---\n${yaml}---\n\n# ${heading}\n\n${warning ? `${warning}\n\n` : ""}${
    sections.join("\n\n")
  }\n`;
}

/**
 * What a reader must know before trusting the note, as a callout under its title: a transcript
 * by PocketSphinx (the `engine` property names the program) gets about four words in ten wrong,
 * and its summary and names are no better.
 */
function caveat(draft: NoteDraft): string | undefined {
  if (draft.properties?.engine !== "pocketsphinx_continuous") return undefined;
  return [
    "> [!warning] Rough transcript",
    "> PocketSphinx made this transcript and gets about four words in ten wrong, so the summary, " +
    "key points and names below come from a rough text. For a usable one, install whisper.cpp's " +
    "`whisper-cli`, run `gleaner models pull base.en` and run gleaner on this folder again: it " +
    "transcribes the recording anew.",
  ].join("\n");
}

/**
 * File names every project uses for its own copy: as an alias, "README" would catch every
 * `[[README]]` the user links in their vault.
 */
const CONVENTIONAL_STEM =
  /^(?:readme|index|license|licence|copying|changelog|changes|news|history|security|contributing|building|install|authors|credits|notice|todo|faq|main)$/iu;

/**
 * The source's own aliases (a Markdown file's frontmatter), then the file stem, unless it adds
 * nothing to the title: the title in other case ("zlib"), or one of its words ("errors" for "8.
 * Errors and Exceptions"), which would only crowd every `[[` completion.
 */
function aliasesOf(own: unknown, stem: string, title: string): { aliases?: string[] } {
  const aliases = Array.isArray(own) ? own.filter((a) => typeof a === "string") : [];
  const titleWords = new Set(title.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const adds = stem.toLowerCase() !== title.toLowerCase() &&
    !(/^\p{Ll}+$/u.test(stem) && titleWords.has(stem));
  if (stem !== "" && adds && !CONVENTIONAL_STEM.test(stem)) aliases.push(stem);
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
  const text = escapeMarkdownBlock(point.text);
  if (point.startMs === undefined) return `- ${text}`;
  const time = stamp(point.startMs).slice(1, -1);
  return point.anchor ? `- [[#^${point.anchor}|${time}]] ${text}` : `- ${time} ${text}`;
}

function claim(c: Claim): string {
  return `- ${escapeMarkdownBlock(c.claim)}\n  > ${escapeMarkdownBlock(c.evidence)}`;
}

function list(names: string[]): string {
  return names.map((name) => `- ${escapeMarkdownBlock(name)}`).join("\n");
}

function normalizeBody(body: string): string {
  return body
    .replace(/\r\n?/g, "\n")
    // Leading blank lines only: indentation on the first line can be an indented code block.
    .replace(/^(?:[ \t]*\n)+/, "")
    .trimEnd();
}
