/**
 * @module
 * AsciiDoc as Markdown: read by Asciidoctor.js (npm `@asciidoctor/core`, the reference
 * implementation compiled to JavaScript) into HTML, then written as Markdown like any page.
 * Loaded only in its own thread (asciidoc_thread.ts): the Opal runtime it is built on adds to
 * JavaScript's built-in prototypes, which slowed the analysis of every later file in a thread by
 * two fifths (gold-speeches, 0.52 to 0.30 MB/s).
 */
import "./asciidoc_home.ts";
import Asciidoctor from "@asciidoctor/core";
import { htmlToMarkdown } from "./html.ts";

const processor = Asciidoctor();
// A document's reading depends on nothing but the document: Opal's ENV, through which
// Asciidoctor.js reads SOURCE_DATE_EPOCH for its date attributes, is empty here (a stage worker
// may not read the environment, and the dates are set below).
const opal = (globalThis as { Opal?: { ENV: Record<string, unknown>; nil: unknown } }).Opal;
if (opal) {
  opal.ENV["$key?"] = () => false;
  opal.ENV["$[]"] = () => opal.nil;
}
/** Date attributes fixed, so that the same text makes the same note on any day. */
const DATES = {
  localdate: "",
  localtime: "",
  localyear: "",
  docdate: "",
  doctime: "",
  docyear: "",
};

/** A header of fields a mail or a howto opens with ("Content-type:", "Abstract:"...). */
const HEADER = /^(?:[A-Za-z][\w-]*:[ \t][^\n]*(?:\n[ \t]+[^\n]*)*\n)+(?=\n)/u;

/**
 * An AsciiDoc text as Markdown, and its document title when it has one ("Fighting regressions
 * with git bisect"). Read in Asciidoctor's secure mode: no file is included, no attribute read from
 * the environment. A header of fields before the text is kept as the paragraph it is.
 */
export function asciidocToMarkdown(text: string): { title?: string; body: string } {
  const header = HEADER.exec(text)?.[0] ?? "";
  const document = processor.load(text.slice(header.length), {
    safe: "secure",
    attributes: { ...DATES, "attribute-missing": "skip", "showtitle": false },
  });
  const title = document.getDocumentTitle({ sanitize: true });
  const body = htmlToMarkdown(String(document.convert()));
  const fields = header === "" ? "" : `${header.trimEnd()}\n\n`;
  return {
    ...(typeof title === "string" && title.trim() !== "" ? { title: title.trim() } : {}),
    body: fields + body,
  };
}
