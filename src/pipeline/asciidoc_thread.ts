/**
 * @module
 * Entry of the thread that reads one AsciiDoc text (see text_file.ts): the text comes in
 * `workerData`, its Markdown goes back in one message.
 */
import { parentPort, workerData } from "node:worker_threads";
import { asciidocToMarkdown } from "./asciidoc.ts";

try {
  parentPort!.postMessage({ ok: asciidocToMarkdown((workerData as { text: string }).text) });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
