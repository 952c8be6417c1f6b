/**
 * @module
 * PocketSphinx (Debian's `pocketsphinx_continuous`, English model): transcribes one 16 kHz
 * mono WAV chunk into timed segments.
 */
import type { Segment } from "../../protocol/messages.ts";
import { lastLine, runEngine } from "./run_engine.ts";

export const POCKETSPHINX = "pocketsphinx_continuous";

export async function transcribeWithPocketsphinx(
  wavPath: string,
  offsetMs: number,
  alive: () => void,
): Promise<Segment[]> {
  const run = await runEngine(
    POCKETSPHINX,
    ["-infile", wavPath, "-time", "yes", "-logfn", "/dev/null"],
    alive,
  );
  if (run.code !== 0) {
    throw new Error(`${POCKETSPHINX} failed (exit ${run.code}): ${lastLine(run.stderr)}`);
  }
  return parsePocketsphinx(run.stdout, offsetMs);
}

// A word line: the word, its start and end in seconds, and a confidence.
const WORD = /^(\S+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) [\d.e+-]+$/;

/**
 * `-time yes` prints each utterance as its text, then one line per word between `<s>` and
 * `</s>`. An utterance becomes a segment; fillers and silences are dropped and alternate
 * pronunciations (`word(2)`) folded.
 */
export function parsePocketsphinx(output: string, offsetMs = 0): Segment[] {
  const segments: Segment[] = [];
  let words: { text: string; start: number; end: number }[] = [];
  const flush = () => {
    if (words.length > 0) {
      segments.push({
        startMs: offsetMs + Math.round(words[0].start * 1000),
        endMs: offsetMs + Math.round(words.at(-1)!.end * 1000),
        text: words.map((w) => w.text).join(" "),
      });
    }
    words = [];
  };
  for (const line of output.split("\n")) {
    const m = WORD.exec(line.trim());
    if (!m) continue;
    const [, token, start, end] = m;
    if (token === "<s>") {
      flush();
      continue;
    }
    if (token === "</s>") {
      flush();
      continue;
    }
    if (token.startsWith("<") || token.startsWith("[") || token.startsWith("++")) continue;
    words.push({ text: token.replace(/\(\d+\)$/, ""), start: Number(start), end: Number(end) });
  }
  flush();
  return segments;
}
