/**
 * @module
 * What every format's extractor returns, and the helpers they share. The errors they throw
 * (InputError, InputChangedError) are in src/common/errors.ts.
 */
import { fileStem } from "../markdown/note_name.ts";
import type { PropertyValue, SourceLink } from "../protocol/messages.ts";
import { folderTitle, keepingFolder, readableStem } from "./readable_name.ts";

/** What one input contributes to its note. */
export interface Extracted {
  title: string;
  /** The source kind written to the note's `type`: "text", "markdown", "html", "pdf"... */
  type: string;
  /** Markdown body of the note. */
  body: string;
  wordCount: number;
  /** Extra frontmatter, in this order after the standard keys (pages, duration, engine...). */
  properties?: Record<string, PropertyValue>;
  /** Tags the source gives itself (a Markdown file's frontmatter), put before gleaner's own. */
  tags?: string[];
  /** Targets of the body's `gleaner-link:N` placeholders (see SourceLink in the protocol). */
  links?: SourceLink[];
  /** Element ids that lead to a heading, and that heading's text. */
  anchors?: Record<string, string>;
}

// A fixed locale, so the count does not change with the machine running gleaner.
const words = new Intl.Segmenter("en", { granularity: "word" });

export function countWords(text: string): number {
  let count = 0;
  for (const segment of words.segment(text)) if (segment.isWordLike) count++;
  return count;
}

/** A title cleaned for a note: whitespace collapsed; {@link fallbackTitle} when nothing is left. */
export function cleanTitle(title: string | undefined | null, fileName: string): string {
  const cleaned = (title ?? "").replace(/\s+/gu, " ").trim().slice(0, 1000);
  return cleaned || fallbackTitle(fileName);
}

/**
 * The title of an input that declares none: its folder's name and its file stem together
 * ("Philosophy 185 Heidegger – Lecture 01"), so that "Lecture 01" of two courses do not become
 * "Lecture 01" and "Lecture 01 (2)"; the stem alone for a file at the top of the input folder.
 * Both read as a title: "revert-a-faulty-merge" is "Revert a faulty merge", and a folder that
 * only holds files ("git/howto") is named with its parent ("Git howto").
 */
export function fallbackTitle(fileName: string): string {
  const parts = fileName.split(/[/\\]/);
  // "classes.rst.txt", as Sphinx ships its sources: the inner extension is no part of the name.
  const bare = fileStem(fileName).replace(
    /(?<=[^.])\.(?:rst|md|markdown|txt|html?|adoc|org|tex)$/iu,
    "",
  );
  const stem = readableStem(bare.replace(/\s+/gu, " ").trim().slice(0, 500));
  const folders = parts.slice(0, -1);
  const folder = folderTitle(folders).slice(0, 500);
  const telling = stem.split(" ").length >= 2;
  if (folder === "" || dated(stem, folder) || telling && keepingFolder(folders)) {
    return stem || "Untitled";
  }
  return stem ? `${folder} – ${stem}` : folder;
}

/**
 * A stem that holds a year its folder already names, as archives file by decade or year
 * ("1990s/1991_george_bush_r", "2024/2024-05-03 standup"): the folder adds nothing.
 */
function dated(stem: string, folder: string): boolean {
  const period = /^(\d{3})(\d)(s?)$/u.exec(folder);
  if (!period) return false;
  const [, decade, digit, plural] = period;
  const year = plural ? `${decade}\\d` : `${decade}${digit}`;
  return new RegExp(`(?<!\\d)${year}(?!\\d)`, "u").test(stem);
}
