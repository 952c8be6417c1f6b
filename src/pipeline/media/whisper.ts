/**
 * @module
 * whisper.cpp (`whisper-cli`, with a model file the user names): transcribes one 16 kHz mono
 * WAV chunk into timed segments. Preferred over PocketSphinx when a model is given.
 *
 * Not run against a real whisper-cli on gleaner's build machines (it is not packaged there);
 * the output parser follows whisper.cpp's `--output-json` format and is tested on a sample.
 */
import { basename, join } from "node:path";
import type { Segment } from "../transcript.ts";
import { lastLine, runEngine } from "./run_engine.ts";

export const WHISPER = "whisper-cli";

export async function transcribeWithWhisper(
  wavPath: string,
  model: string,
  scratchDir: string,
  offsetMs: number,
  alive: () => void,
): Promise<Segment[]> {
  const outBase = join(scratchDir, `${basename(wavPath, ".wav")}-whisper`);
  const run = await runEngine(
    WHISPER,
    ["-m", model, "-f", wavPath, "--output-json", "--output-file", outBase, "--no-prints"],
    alive,
  );
  try {
    if (run.code !== 0) {
      throw new Error(`${WHISPER} failed (exit ${run.code}): ${lastLine(run.stderr)}`);
    }
    return parseWhisperJson(await Deno.readTextFile(`${outBase}.json`), offsetMs);
  } finally {
    await Deno.remove(`${outBase}.json`).catch(() => {});
  }
}

interface WhisperOutput {
  transcription?: { offsets?: { from?: number; to?: number }; text?: string }[];
}

/** Segments from whisper.cpp's JSON: `transcription[].offsets` in ms and `text`. */
export function parseWhisperJson(json: string, offsetMs = 0): Segment[] {
  const output = JSON.parse(json) as WhisperOutput;
  const segments: Segment[] = [];
  for (const item of output.transcription ?? []) {
    const text = (item.text ?? "").replace(/\s+/g, " ").trim();
    const from = Number(item.offsets?.from), to = Number(item.offsets?.to);
    if (!text || !Number.isFinite(from) || !Number.isFinite(to)) continue;
    // whisper marks non-speech as [BLANK_AUDIO], (music) and the like: not words.
    if (/^[[(][^\])]*[\])]$/.test(text)) continue;
    segments.push({ startMs: offsetMs + from, endMs: offsetMs + to, text });
  }
  return segments;
}
