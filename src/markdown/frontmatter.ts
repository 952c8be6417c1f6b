/**
 * @module
 * A note's YAML frontmatter as gleaner reads it: the block split from the body by the `yaml`
 * library's core schema, and the keys that the note's own fields fill. Used by the extractors
 * (a Markdown source's own properties), the vault (reading notes back) and merge.
 */
import { parse } from "yaml";

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
