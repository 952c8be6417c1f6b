/**
 * @module
 * The knowledge figures of `deno task bench`, on the gold set in tests/fixtures/gold/ (documents
 * written for gleaner, each with a reference summary and keyphrases):
 *
 *   - ROUGE-1/2/L (F1, stemmed; js-rouge) of gleaner's summaries against the references, next
 *     to two baselines run here on the same extracted text: LEAD-3 (the first three sentences)
 *     and Debian's `ots` (Open Text Summarizer) cut to the length of gleaner's summary
 *   - keyphrase F1@10 against the reference keyphrases (stemmed, exact phrase match)
 *   - analysis throughput: MB of text per second in one thread (one worker)
 */
import { l as rougeL, n as rougeN } from "js-rouge";
import { join } from "node:path";
import { analyse } from "../src/analyse/analyse.ts";
import { readBody } from "../src/analyse/blocks.ts";
import { readLanguage } from "../src/analyse/language.ts";
import { opensWithFiller } from "../src/analyse/sentences.ts";
import { stem, words } from "../src/analyse/terms.ts";
import type { Extracted } from "../src/pipeline/extracted.ts";
import { extractHtml } from "../src/pipeline/html.ts";
import { extractSubtitles } from "../src/pipeline/subtitles.ts";
import { extractText } from "../src/pipeline/text.ts";

const GOLD = new URL("../tests/fixtures/gold/", import.meta.url);

export type Report = (name: string, value: string, target: string) => void;

interface GoldDoc {
  name: string;
  extracted: Extracted;
  summary: string;
  keyphrases: string[];
}

export async function knowledgeQuality(report: Report): Promise<void> {
  const docs = await loadGold();
  const scores = { gleaner: new Scores(), lead3: new Scores(), ots: new Scores() };
  let otsMissing = false;
  let f1 = 0;
  let spoken = 0;
  let filler = 0;
  for (const doc of docs) {
    const { analysis } = analyse(doc.extracted);
    const summary = analysis.summary.join(" ");
    if (/\.(?:srt|vtt)$/u.test(doc.name)) {
      // The share of a transcript's summary sentences that still open with "So", "And"...
      const sentences = readLanguage(summary).sentences.map((s) => s.text);
      spoken += sentences.length;
      filler += sentences.filter(opensWithFiller).length;
    }
    scores.gleaner.add(summary, doc.summary);
    const text = readBody(doc.extracted.body).blocks.map((b) => b.text).join("\n\n");
    const lead = readLanguage(text).sentences.slice(0, 3).map((s) => s.text.trim()).join(" ");
    scores.lead3.add(lead, doc.summary);
    const ots = await otsSummary(text, words(summary).length);
    if (ots === undefined) otsMissing = true;
    else scores.ots.add(ots, doc.summary);
    f1 += keyphraseF1(analysis.keyphrases.slice(0, 10), doc.keyphrases);
  }
  const row = (s: Scores) =>
    `R-1 ${s.mean("r1")}  R-2 ${s.mean("r2")}  R-L ${s.mean("rl")}  (${s.count} docs)`;
  report("summary ROUGE F1, gleaner", row(scores.gleaner), "ROUGE-2 above both baselines");
  report("summary ROUGE F1, LEAD-3", row(scores.lead3), "baseline");
  report(
    "summary ROUGE F1, ots (same length)",
    otsMissing ? "ots not installed (apt install ots)" : row(scores.ots),
    "baseline",
  );
  const best = Math.max(scores.lead3.raw("r2"), otsMissing ? 0 : scores.ots.raw("r2"));
  report(
    "ROUGE-2 gleaner / best baseline",
    `${(scores.gleaner.raw("r2") / best).toFixed(2)}x`,
    "> 1.00x",
  );
  report("keyphrase F1@10", (f1 / docs.length).toFixed(3), "higher is better");
  report(
    "transcript summary sentences opening with filler",
    `${((100 * filler) / Math.max(1, spoken)).toFixed(0)}% of ${spoken}`,
    "<= 25%",
  );

  // Throughput: the whole gold set, analysed three times over in this one thread.
  const bytes = docs.reduce((sum, d) => sum + new TextEncoder().encode(d.extracted.body).length, 0);
  analyse(docs[0].extracted); // compiled and warm
  const started = performance.now();
  for (let round = 0; round < 3; round++) for (const d of docs) analyse(d.extracted);
  const seconds = (performance.now() - started) / 1000;
  report(
    "analysis throughput, one worker",
    `${((3 * bytes) / 1e6 / seconds).toFixed(2)} MB of text/s (${docs.length} docs x3)`,
    "measured",
  );
  const long = {
    title: "All gold documents",
    body: docs.map((d) => d.extracted.body).join("\n\n"),
    wordCount: docs.reduce((sum, d) => sum + d.extracted.wordCount, 0),
  };
  const longStart = performance.now();
  analyse(long);
  const longSeconds = (performance.now() - longStart) / 1000;
  report(
    "analysis of one long text",
    `${(bytes / 1e6 / longSeconds).toFixed(2)} MB/s (${long.wordCount} words in one note)`,
    "measured",
  );
}

async function loadGold(): Promise<GoldDoc[]> {
  const dir = GOLD.pathname;
  const names = [...Deno.readDirSync(dir)].map((e) => e.name).sort();
  const docs: GoldDoc[] = [];
  for (const refName of names.filter((n) => n.endsWith(".ref.json"))) {
    const stem = refName.slice(0, -".ref.json".length);
    const docName = names.find((n) => n.startsWith(stem + ".") && n !== refName);
    if (!docName) throw new Error(`gold set: no document for ${refName}`);
    const ref = JSON.parse(await Deno.readTextFile(join(dir, refName)));
    const bytes = await Deno.readFile(join(dir, docName));
    docs.push({
      name: docName,
      extracted: extract(bytes, docName),
      summary: ref.summary,
      keyphrases: ref.keyphrases,
    });
  }
  return docs;
}

function extract(bytes: Uint8Array, name: string): Extracted {
  if (name.endsWith(".html")) return extractHtml(bytes, name);
  if (/\.(srt|vtt)$/.test(name)) return extractSubtitles(bytes, name);
  return extractText(bytes, name);
}

/** Porter-stemmed lower-case words, as ROUGE is usually run (rouge-score's use_stemmer). */
export const tokenizer = (text: string) => words(text).map(stem);

export class Scores {
  #sums = { r1: 0, r2: 0, rl: 0 };
  count = 0;

  add(candidate: string, reference: string): void {
    this.count++;
    if (candidate.trim() === "") return; // scores 0
    this.#sums.r1 += rougeN(candidate, reference, { n: 1, tokenizer });
    this.#sums.r2 += rougeN(candidate, reference, { n: 2, tokenizer });
    this.#sums.rl += rougeL(candidate, reference, { tokenizer });
  }

  raw(key: "r1" | "r2" | "rl"): number {
    return this.#sums[key] / Math.max(1, this.count);
  }

  mean(key: "r1" | "r2" | "rl"): string {
    return this.raw(key).toFixed(3);
  }
}

/** ots's summary with the word count nearest `targetWords`, or undefined without ots. */
export async function otsSummary(text: string, targetWords: number): Promise<string | undefined> {
  const file = await Deno.makeTempFile({ suffix: ".txt" });
  try {
    await Deno.writeTextFile(file, text);
    let best: { text: string; gap: number } | undefined;
    for (let ratio = 2; ratio <= 80; ratio += 2) {
      let out: Deno.CommandOutput;
      try {
        out = await new Deno.Command("ots", { args: [`--ratio=${ratio}`, file], stderr: "null" })
          .output();
      } catch (error) {
        if (error instanceof Deno.errors.NotFound) return undefined;
        throw error;
      }
      const summary = new TextDecoder().decode(out.stdout).replace(/\s+/g, " ").trim();
      const gap = Math.abs(words(summary).length - targetWords);
      if (!best || gap < best.gap) best = { text: summary, gap };
      if (words(summary).length >= targetWords) break;
    }
    return best?.text;
  } finally {
    await Deno.remove(file);
  }
}

/** F1 of predicted against reference keyphrases, each compared as its sequence of stems. */
export function keyphraseF1(predicted: string[], reference: string[]): number {
  const key = (p: string) => words(p).map(stem).join(" ");
  const wanted = new Set(reference.map(key));
  const got = new Set(predicted.map(key));
  let hits = 0;
  for (const k of got) if (wanted.has(k)) hits++;
  if (hits === 0) return 0;
  const precision = hits / got.size;
  const recall = hits / wanted.size;
  return (2 * precision * recall) / (precision + recall);
}
