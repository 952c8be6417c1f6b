/**
 * @module
 * What an input really is, judged by its content first and its name second: a PDF named
 * `.txt` is read as a PDF, and a picture named `.md` is refused with a clear reason.
 */
// file-type 19, not newer: from 20 on it loads `debug`, which reads every environment variable,
// and the sandbox may read none but two.
import { fileTypeFromBuffer, type FileTypeResult } from "file-type";
import { InputError } from "../common/errors.ts";

export type Kind =
  | "text"
  | "markdown"
  | "html"
  | "pdf"
  | "docx"
  | "epub"
  | "subtitles"
  | "audio"
  | "video";

export const EXTENSIONS: Record<string, Kind> = {
  ".txt": "text",
  ".adoc": "text",
  ".asciidoc": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".pdf": "pdf",
  ".docx": "docx",
  ".epub": "epub",
  ".srt": "subtitles",
  ".vtt": "subtitles",
  ".mp3": "audio",
  ".wav": "audio",
  ".m4a": "audio",
  ".flac": "audio",
  ".ogg": "audio",
  ".opus": "audio",
  ".mp4": "video",
  ".mkv": "video",
  ".webm": "video",
  ".mov": "video",
};

/**
 * Endings after a document's name that make it no plain text: compressed or binary ("NEWS.gz"),
 * or a program or data ("install.sh", "history.json", "changes.diff").
 */
const NOT_QUALIFIERS = [
  "gz|bz2|xz|zst|lz|lzma|z|zip|tar|tgz|7z|deb|rpm|png|jpe?g|gif|ico|bin|so|o|a|exe|dll",
  "sh|bash|zsh|bat|cmd|ps1|py|pl|rb|js|mjs|ts|php|c|h|cc|cpp|hpp|go|rs|java|lua|el|vim",
  "json|xml|ya?ml|toml|ini|cfg|conf|csv|tsv|sql|db|log|lock|diff|patch|in|am|ac|m4|mk|css",
].join("|");

/**
 * Plain-text documents named by convention without an extension of a format ("README", "NEWS",
 * "ChangeLog", also after a prefix, "gzip-NEWS", and before a qualifier, "README.Debian",
 * "README.source"): every package's documentation folder holds them. Not a compressed or
 * binary one ("NEWS.gz"). A name whose extension is a format's is read by its extension.
 */
export const DOCUMENT_NAME = new RegExp(
  "(?:^|[-_.])(?:readme|news|changes|changelog|authors|thanks|todo|install|hacking|bugs|faq|" +
    `history|contributing)(?:\\.(?!(?:${NOT_QUALIFIERS})$)[a-z][a-z0-9]{0,15})*$`,
  "i",
);

/** The kind a file's name says it is: by its extension, else by a document's conventional name. */
function kindOfName(fileName: string): Kind | undefined {
  const known = EXTENSIONS[extensionOf(fileName)];
  if (known) return known;
  return DOCUMENT_NAME.test(fileName.slice(fileName.lastIndexOf("/") + 1)) ? "text" : undefined;
}

/**
 * Whether a file's name says it is a recording, before its content is read: main sends it to a
 * media sandbox, and gives it no byte limit (its duration is checked instead).
 */
export function isRecordingName(path: string): boolean {
  const kind = EXTENSIONS[extensionOf(path)];
  return kind === "audio" || kind === "video";
}

export interface Detected {
  kind: Kind;
  /** Set when the content contradicts the name, to tell the user. */
  mismatch?: string;
  /** For recordings: the container the content is in, by its signature (file-type's `ext`). */
  container?: string;
}

/** Decides how to read `bytes`; throws InputError for content gleaner cannot use. */
export async function detectKind(bytes: Uint8Array, fileName: string): Promise<Detected> {
  const ext = extensionOf(fileName);
  const named = kindOfName(fileName);
  const found = await fileTypeFromBuffer(bytes).catch(() => undefined);
  // file-type knows an EPUB by its `mimetype` entry stored first; a book zipped without that
  // order is still one, and the EPUB reader says what is wrong if it is not.
  const sniffed = named === "epub" && found?.ext === "zip" ? "epub" : sniffBinary(found);
  const kind = sniffed ?? sniffText(bytes) ?? textKindFromName(named, ext);
  const mismatch = named && named !== kind && !compatible(named, kind)
    ? `named ${ext} but the content is ${describe(kind)}`
    : undefined;
  const media = (kind === "audio" || kind === "video") && found ? { container: found.ext } : {};
  return { kind, ...(mismatch ? { mismatch } : {}), ...media };
}

/** A signature cut short (truncated file) is no verdict: the name and the reader decide. */
function sniffBinary(found: FileTypeResult | undefined): Kind | undefined {
  if (!found) return undefined;
  if (found.ext === "vtt") return "subtitles";
  if (found.ext === "pdf") return "pdf";
  if (found.ext === "docx") return "docx";
  if (found.ext === "epub") return "epub";
  if (found.mime.startsWith("audio/")) return "audio";
  if (found.mime.startsWith("video/")) return "video";
  // Containers that hold sound as often as pictures: ffmpeg decides what is in them.
  if (["ogg", "webm", "mkv", "mp4", "mov", "m4a", "opus"].includes(found.ext)) return "video";
  if (found.ext === "xml") return undefined; // text; judged below
  throw new InputError(`the content is ${found.mime} (.${found.ext}), not a supported document`);
}

/** Text formats that announce themselves in their first bytes. */
function sniffText(bytes: Uint8Array): Kind | undefined {
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, "").trimStart();
  if (/^WEBVTT(?:[ \t\n]|$)/.test(head)) return "subtitles";
  if (/^\d+[ \t]*\r?\n\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->/.test(head)) return "subtitles";
  if (/^(?:<!doctype html|<html[\s>])/i.test(head)) return "html";
  return undefined;
}

function textKindFromName(named: Kind | undefined, ext: string): Kind {
  if (named === undefined) {
    throw new InputError(`unsupported file type ${ext || "(no extension)"}`);
  }
  if (["pdf", "docx", "epub", "audio", "video"].includes(named)) {
    throw new InputError(`named ${ext} but the content is not ${describe(named)}`);
  }
  return named;
}

/** Kinds that may stand for each other without a warning. */
function compatible(named: Kind, kind: Kind): boolean {
  const media = ["audio", "video"];
  if (media.includes(named) && media.includes(kind)) return true;
  return (named === "markdown" || named === "text") && (kind === "markdown" || kind === "text");
}

function describe(kind: Kind): string {
  return {
    text: "plain text",
    markdown: "Markdown",
    html: "an HTML page",
    pdf: "a PDF",
    docx: "a Word document",
    epub: "an EPUB book",
    subtitles: "subtitles",
    audio: "audio",
    video: "video",
  }[kind];
}

function extensionOf(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot).toLowerCase();
}
