/**
 * @module
 * A plain text file as a note's text: AsciiDoc (Git's howtos and design notes, `.adoc` files)
 * read by Asciidoctor.js in a thread of its own, anything else as Markdown (text.ts). Read as
 * Markdown, AsciiDoc's "~~~~" title underlines opened code fences, its "----" listings ran into
 * prose and its "# gpg:" lines became headings.
 */
import { Worker as NodeWorker } from "node:worker_threads";
import { InputError } from "../common/errors.ts";
import { decodeText } from "./decode.ts";
import { countWords, type Extracted, fallbackTitle } from "./extracted.ts";
import { readText } from "./text.ts";

/** File name endings that say AsciiDoc outright. */
const ASCIIDOC_EXTENSIONS = /\.(?:adoc|asciidoc)$/iu;

/** The heap the AsciiDoc thread may use. */
const HEAP_MB = 512;

/**
 * Whether a plain text is written in AsciiDoc: it says so in its header ("Content-type:
 * text/asciidoc"), or it uses what only AsciiDoc writes: a title underlined with "~", "^" or "+",
 * a macro ("link:howto/x.html[this howto]", "include::x[]", "[[[1]]]", an address with its
 * text after it: "https://lore.kernel.org/git[archive]"), or an anchor on a line of its own
 * ("[[summary]]").
 */
export function isAsciiDoc(text: string): boolean {
  return /^Content-type:[ \t]*text\/asciidoc/imu.test(text) || UNDERLINE.test(text) ||
    MACRO.test(text);
}

/**
 * A line of text that starts a block, then a line of at least four "~", "^" or "+" (the same
 * character). Under the second line of a paragraph it is no title to AsciiDoc either: Valgrind's
 * plain-text FAQ underlines "Valgrind FAQ / Release 3.19.0 11 Apr 2022" with "~", and read as
 * AsciiDoc its rules of dashes fenced each answer as a listing.
 */
const UNDERLINE = /(?:^|\n[ \t]*\n)[^\s][^\n]*\n(?:~{4,}|\^{4,}|\+{4,})[ \t]*(?:\n|$)/u;
const MACRO =
  /\b(?:link|include|image)::?[^\s[\]]+\[[^\]\n]*\]|^\[\[\[[^\]\n]+\]\]\]|\bhttps?:\/\/[^\s[\]()]+\[[^\]\n]+\]|^\[\[[\w-]+\]\][ \t]*$/mu;

/** Runs CPU work under the stage's time budget (a stage's `timeBoxed`). */
type Cpu = <T>(fn: () => T) => T;

/**
 * A text file (`.txt`, a README, `.adoc`...) as a note's text. Decoding, telling AsciiDoc apart
 * and reading a plain text run through `cpu`; AsciiDoc's own thread is bounded, as any await
 * of a stage is, by the host's time budget and stall watch.
 */
export async function extractTextFile(
  bytes: Uint8Array,
  fileName: string,
  cpu: Cpu = (fn) => fn(),
): Promise<Extracted> {
  const text = cpu(() => decodeText(bytes));
  const asciidoc = cpu(() =>
    text.trim() !== "" && (ASCIIDOC_EXTENSIONS.test(fileName) || isAsciiDoc(text))
  );
  if (!asciidoc) return cpu(() => readText(text, fileName));
  const doc = await readAsciiDoc(text);
  const body = doc.body.trimEnd();
  // AsciiDoc's document title is the author's own, unlike a plain text's first line.
  return {
    title: doc.title ?? fallbackTitle(fileName),
    type: "text",
    body,
    wordCount: countWords(body),
  };
}

/** Reads an AsciiDoc text in a thread of its own, which ends with it. */
function readAsciiDoc(text: string): Promise<{ title?: string; body: string }> {
  const thread = new NodeWorker(new URL("./asciidoc_thread.ts", import.meta.url), {
    workerData: { text },
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
  });
  return new Promise<{ title?: string; body: string }>((resolve, reject) => {
    thread.once("message", (m: { ok?: { title?: string; body: string }; error?: string }) => {
      if (m.ok) resolve(m.ok);
      else reject(new InputError(`cannot read this AsciiDoc: ${m.error}`));
    });
    thread.once("error", (error) => reject(error));
    thread.once("exit", (code) => reject(new Error(`the AsciiDoc thread stopped (exit ${code})`)));
  }).finally(() => thread.terminate());
}
