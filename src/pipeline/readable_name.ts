/**
 * @module
 * File and folder names as a reader would write them: `revert-a-faulty-merge` is "Revert a
 * faulty merge", `philosophy-185-heidegger` is "Philosophy 185 Heidegger". Names that already
 * read as text (spaces, capitals of their own) are kept as their author wrote them.
 */

/** Words kept in lower case inside a title-cased name (not at its start). */
const SMALL = new Set([
  "a",
  "an",
  "and",
  "as",
  "at",
  "by",
  "for",
  "from",
  "in",
  "into",
  "of",
  "on",
  "or",
  "the",
  "to",
  "vs",
  "with",
]);

/**
 * Folder names that say where files are kept or what format they are in, not what they are
 * about: such a folder is named together with its parent ("git/howto" is "Git howto").
 */
export const CONTAINERS = new Set([
  "articles",
  "audio",
  "books",
  "doc",
  "docs",
  "documents",
  "downloads",
  "files",
  "howto",
  "howtos",
  "html",
  "inbox",
  "markdown",
  "md",
  "manuals",
  "media",
  "misc",
  "notes",
  "other",
  "papers",
  "pdf",
  "pdfs",
  "readmes",
  "reports",
  "slides",
  "src",
  "technical",
  "text",
  "texts",
  "txt",
  "video",
  "videos",
]);

/** How much of a text {@link casedLikeText} reads for the spelling of a title's words. */
const SPELLING_SAMPLE = 200_000;

/**
 * A title made from a file name, each of its lower-case words spelled as the text spells it when
 * the text always or nearly always writes it with capitals: "Lecture 04 heidegger" becomes
 * "Lecture 04 Heidegger" and "Intro to nasa" "Intro to NASA" when the text says so. A file name
 * cannot tell a name from a word; the text can.
 */
export function casedLikeText(title: string, text: string): string {
  const sample = text.slice(0, SPELLING_SAMPLE);
  return title.replace(/\p{L}[\p{L}\p{M}]*/gu, (word) => {
    if (word.length < 2 || word !== word.toLowerCase() || SMALL.has(word)) return word;
    return textSpelling(word, sample) ?? word;
  });
}

/**
 * The capitalised spelling `text` gives `word` when it uses one at least twice and at least five
 * times as often as the word in lower case; a sentence's first word does not count.
 */
function textSpelling(word: string, text: string): string | undefined {
  const at = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${word}(?![\\p{L}\\p{N}\\p{M}])`, "giu");
  const spellings = new Map<string, number>();
  let lower = 0;
  for (const match of text.matchAll(at)) {
    if (
      /(?:^|[.!?]\s+|\n[\s#>*+-]*)$/u.test(text.slice(Math.max(0, match.index - 8), match.index))
    ) {
      continue;
    }
    const found = match[0];
    if (found === word) lower++;
    else spellings.set(found, (spellings.get(found) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const entry of spellings) if (!best || entry[1] > best[1]) best = entry;
  return best && best[1] >= 2 && best[1] >= 5 * lower ? best[0] : undefined;
}

/** A file stem in sentence case: "revert-a-faulty-merge" -> "Revert a faulty merge". */
export function readableStem(stem: string): string {
  return readable(stem, "sentence");
}

/** A folder name in title case: "philosophy-185-heidegger" -> "Philosophy 185 Heidegger". */
export function readableFolder(name: string): string {
  return readable(name, "title");
}

/**
 * The name of a file's folder, with its parent when the folder is only a container
 * ("git/howto" -> "Git howto"); "" for a file at the top. `folders` are the path's folders.
 */
export function folderTitle(folders: string[]): string {
  const parts = namedFolders(folders);
  if (parts.length === 0) return "";
  const last = parts[parts.length - 1];
  if (parts.length >= 2 && CONTAINERS.has(last.toLowerCase())) {
    return `${readableFolder(parts[parts.length - 2])} ${readable(last, "lower")}`.trim();
  }
  return readableFolder(last);
}

/**
 * Whether the folders are one that says only where files are kept ("misc", "docs"): it tells
 * apart files whose names say little ("Docs – Letter"), but before a name that says what the
 * file is ("httplib2 README") it is noise.
 */
export function keepingFolder(folders: string[]): boolean {
  const parts = namedFolders(folders);
  return parts.length === 1 && CONTAINERS.has(parts[0].toLowerCase());
}

function namedFolders(folders: string[]): string[] {
  return folders.map((f) => f.replace(/\s+/gu, " ").trim())
    .filter((f) => f !== "" && f !== "." && f !== ".." && !/^\p{L}:$/u.test(f));
}

function readable(name: string, mode: "sentence" | "title" | "lower"): string {
  const trimmed = name.replace(/\s+/gu, " ").trim();
  // Written by hand (spaces and capitals of its own): the author's spelling stands.
  if (/ /.test(trimmed) && /\p{Lu}/u.test(trimmed) && !/[_]/.test(trimmed)) return trimmed;
  const all = trimmed.replace(/(?<=\p{L})[-_.]+(?=\p{L})|[-_]+/gu, " ").replace(/\s+/gu, " ")
    .trim().split(" ").filter((w) => w !== "");
  // "sense_and_sensibility_01_austen_64kb": how the file was encoded is no part of its name.
  const words = all.some((w) => !ENCODING.test(w)) ? all.filter((w) => !ENCODING.test(w)) : all;
  if (words.length === 0) return trimmed;
  // A name in capitals throughout ("CODING_STYLE") shouts; only its short words are acronyms.
  const shouting = words.length >= 2 && words.every((w) => !/\p{Ll}/u.test(w));
  return words.map((word, i) => {
    if (shouting ? word.length <= 4 && /\p{Lu}/u.test(word) : keepsCase(word)) return word;
    // "appendix-b", "1972_richard_nixon_r": a letter that ends a name is a label, a capital.
    if (i > 0 && i === words.length - 1 && /^\p{L}$/u.test(word)) return word.toUpperCase();
    const lower = word.toLowerCase();
    // "debian-faq", "pdfs": acronyms a folder's name writes in lower case.
    if (ACRONYMS.has(lower)) return lower.toUpperCase();
    if (/s$/u.test(lower) && ACRONYMS.has(lower.slice(0, -1))) {
      return `${lower.slice(0, -1).toUpperCase()}s`;
    }
    if (mode === "lower") return lower;
    if (i === 0 || (mode === "title" && !SMALL.has(lower) && !CONTAINERS.has(lower))) {
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    }
    return lower;
  }).join(" ");
}

/** Acronyms of computing that names write in lower case, none of them an English word. */
const ACRONYMS = new Set(
  ("faq api pdf html css sql url cli gui ui os ocr usb cpu gpu xml json yaml csv tcp http https " +
    "dns ssh ssl tls vpn rss svg png jpg gif mp3 mp4 dvd nlp llm").split(" "),
);

/** Words of a media file's name that say how it was encoded: "64kb", "128kbps", "720p", "x264". */
const ENCODING = /^(?:\d{2,4}k(?:b|bps|bit)?|\d{3,4}p|[xh]26[45]|hevc|webrip|hdtv|bluray)$/iu;

/** Acronyms ("HTTP", "README"), words with capitals inside ("GitHub", "iPhone") and numbers. */
function keepsCase(word: string): boolean {
  return /^\p{Lu}{2,}\d*s?$/u.test(word) || /^\p{L}+\p{Lu}/u.test(word) || !/\p{L}/u.test(word);
}

/**
 * A title with the name of what it is of before it, as a title too plain to stand alone is
 * given one ("man-db – Frequently Asked Questions", "start – Getting started").
 */
export function ownedBy(owner: string, title: string): string {
  return `${owner}${OWNER_MARK}${title}`;
}

/** A title without the owner {@link ownedBy} put before it: "Getting started". */
export function withoutOwner(title: string): string {
  const at = title.indexOf(OWNER_MARK);
  return at > 0 && at <= MAX_OWNER ? title.slice(at + OWNER_MARK.length) : title;
}

const OWNER_MARK = " – ";
/** Longest owner looked for before a title. */
const MAX_OWNER = 60;
