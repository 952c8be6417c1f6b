/**
 * @module
 * Links between the notes of one batch. A worker writes a link to another input (or to a place
 * in its own page) as `[label](gleaner-link:N)` with the target in the draft's `links`; only main
 * knows note names, so it turns them here into Obsidian links: `[[Sources/Note#Heading|label]]`
 * to a note of the batch, `[[#Heading|label]]` inside the note, the bare label when the target
 * has no note (not in the batch, not done yet, failed).
 */
import { LINK_SCHEME, type NoteDraft } from "../protocol/messages.ts";
import type { JobStore } from "../store/job_store.ts";

/** What a link to an input leads to: its note, and the headings its anchors name. */
export interface LinkTarget {
  /** Vault path of the note ("Sources/Name.md"). */
  path: string;
  anchors: Record<string, string>;
}

/** Finds the note of an input (path relative to the input folder), if it has one. */
export type FindTarget = (source: string) => LinkTarget | undefined;

// The label may hold escaped brackets ("\]"); an index past the table is left as it is.
const PLACEHOLDER = new RegExp(
  `\\[((?:\\\\.|[^\\\\\\]\\n]){0,2000})\\]\\(${LINK_SCHEME}(\\d{1,9})\\)`,
  "g",
);

/**
 * The body with every link placeholder replaced. `source` is the draft's own input path, so
 * links into the same page become heading links within the note.
 */
export function resolveLinks(
  draft: Pick<NoteDraft, "body" | "links" | "anchors">,
  source: string,
  find: FindTarget,
): string {
  const links = draft.links ?? [];
  if (links.length === 0) return draft.body;
  return draft.body.replace(PLACEHOLDER, (whole, label: string, n: string) => {
    const link = links[Number(n)];
    if (!link) return whole;
    const alias = aliasOf(label);
    const pipe = link.inTable ? "\\|" : "|";
    if (link.path === source) {
      const heading = headingAt(draft.anchors, link.fragment);
      return heading ? `[[#${headingRef(heading)}${pipe}${alias}]]` : label;
    }
    const target = find(link.path);
    if (!target) return label;
    const name = target.path.replace(/\.md$/, "");
    const heading = headingAt(target.anchors, link.fragment);
    const sub = heading ? `#${headingRef(heading)}` : "";
    return `[[${name}${sub}${pipe}${alias}]]`;
  });
}

/**
 * The heading an anchor leads to. Only the table's own keys: a link to "#constructor" or
 * "#toString" found the object's prototype's functions, and the note could not be written.
 */
function headingAt(anchors: Record<string, string> | undefined, fragment: string | undefined) {
  if (!anchors || !fragment || !Object.hasOwn(anchors, fragment)) return undefined;
  const heading = anchors[fragment];
  return typeof heading === "string" ? heading : undefined;
}

/** A Markdown label as a wikilink's alias: escapes undone, what would end the link gone. */
function aliasOf(label: string): string {
  return label.replace(/\\([!-/:-@[-`{-~])/g, "$1").replace(/[[\]|]/g, " ")
    .replace(/\s+/g, " ").trim();
}

/**
 * A heading as a link names it: Obsidian cannot match `#`, `|`, `^`, `:`, `%` or brackets in a
 * link's heading part, and its own links leave them out the same way.
 */
function headingRef(heading: string): string {
  return heading.replace(/[#|^:%[\]\\]/g, " ").replace(/\s+/g, " ").trim();
}

/**
 * Finds link targets in the job store: the notes of done files, looked up once each. Inputs of
 * several jobs that share a vault are told apart by nothing but their relative path; the first
 * one found wins.
 */
export function targetsInStore(store: JobStore): FindTarget {
  const cache = new Map<string, LinkTarget | undefined>();
  return (source) => {
    if (!cache.has(source)) cache.set(source, store.linkTarget(source));
    return cache.get(source);
  };
}
