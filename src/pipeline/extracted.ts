/**
 * @module
 * What every format's extractor returns, and the helpers they share. The errors they throw
 * (InputError, InputChangedError) are in src/common/errors.ts.
 */
import { fileStem } from "../markdown/note_name.ts";
import type { PropertyValue, SourceLink } from "../protocol/messages.ts";
import { CONTAINERS, folderTitle, keepingFolder, ownedBy, readableStem } from "./readable_name.ts";

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
 * Whether a declared title is one a tool fills in when its author gave none ("Untitled
 * document", "Slide 1", SQLite's `mingw.html`'s "No Title", Sphinx's "<no title>"): the text's
 * own heading says more.
 */
export function placeholderTitle(title: string): boolean {
  return PLACEHOLDER.test(title.replace(/\s+/gu, " ").trim().replace(/^[<[(](.*)[>\])]$/u, "$1"));
}

const PLACEHOLDER =
  /^(?:untitled|untitled[\s-]*\d+|untitled document|document\d*|doc\d*|presentation\d*|book\d*|title|no title|none|null|unknown|anonymous|slide\s*\d+|page\s*\d+)$/i;

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
  return stem ? ownedBy(folder, stem) : folder;
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

/** Names of a kind of text, not of what it is about; a space stands for any separator. */
const KINDS = "faqs?|frequently asked questions|read ?me|news|changes|change ?log|release notes|" +
  "todo|authors|credits|thanks|install(?:ation|ing)?|copying|licen[cs]e|introduction|overview|" +
  "index|contents|table of contents|documentation|users?'? (?:guide|manual)|manual|tutorial|" +
  "getting started|quick ?start|howto|bugs|known bugs|history|hacking|contributing";

/**
 * A title that names only the kind of text it is ("FAQ", "Frequently Asked Questions", "README",
 * "Release Notes"): which project's the vault cannot tell, and two such inputs are "FAQ" and
 * "FAQ (2)".
 */
const KIND_ONLY = new RegExp(`^(?:the )?(?:${KINDS.replaceAll(" ", "\\s+")})$`, "iu");
/** Such a kind written in a file's name: "libxslt-FAQ", "zlib_release-notes". */
const KIND_IN_NAME = new RegExp(
  `(?<![^-_.\\s])(?:${KINDS.replaceAll(" ", "[-_.\\s]*")})(?![^-_.\\s])`,
  "giu",
);

/** A file name's numbering of a book's parts: "ch01-00", "chapter_3", "part2", "sec-4.1". */
const NUMBERING =
  /^(?:ch(?:ap(?:ter)?)?|part|sec(?:t(?:ion)?)?|app(?:endix)?|unit|lesson|usr)?[-_.\s]*\d+(?:[-_.\s]+\d+)*$/iu;

/**
 * A title that says only what kind of text it is, with what the file's name or folder says it is
 * of, as a fallback title puts folder and name: "man-db – Frequently Asked Questions" for
 * "man-db/FAQ", "libxslt – FAQ" for "libxslt-FAQ.html"; other titles as they are.
 */
export function ownedTitle(title: string, fileName: string): string {
  if (!KIND_ONLY.test(title.trim())) return title;
  const parts = fileName.split(/[/\\]/u);
  // The file's own name less the kind ("libxslt" of "libxslt-FAQ"), else its nearest folder
  // that is more than a place to keep files ("libxslt1-dev" of "libxslt1-dev/html/FAQ.html").
  const stem = fileStem(parts.at(-1)!).replace(/\.(?:txt|md|html?)$/iu, "");
  const rest = stem.replace(KIND_IN_NAME, " ").replace(/^[-_.\s]+|[-_.\s]+$/gu, "");
  // A chapter's number is no one's name: "ch00-00" of the Rust book's "ch00-00-introduction";
  // nor is the kind cut short: "intro" of Python's "c-api/intro.html", titled "Introduction".
  const short = title.trim().toLowerCase().startsWith(rest.toLowerCase());
  const owner = /\p{L}/u.test(rest) && !NUMBERING.test(rest) && !short ? rest : parts.slice(0, -1)
    .filter((f) => f !== "" && f !== "." && f !== ".." && !CONTAINERS.has(f.toLowerCase()))
    .at(-1) ?? "";
  return owner === "" ? title : ownedBy(owner, title);
}
