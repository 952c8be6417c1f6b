/**
 * @module
 * whisper.cpp (`whisper-cli`, with a model file the user names or pulled): transcribes one
 * 16 kHz mono WAV chunk into timed segments, read from the JSON file whisper-cli writes
 * (`--output-json`; it prints no machine-readable output on stdout).
 *
 * Tested against a real whisper-cli built from source (scripts/build_whisper.sh) with a tiny
 * generated model (tests/whisper_test.ts).
 */
import { basename, join } from "node:path";
import type { Segment } from "../../protocol/messages.ts";
import { lastLine, runEngine } from "./run_engine.ts";
import { errorMessage } from "../../common/errors.ts";

export const WHISPER = "whisper-cli";

export async function transcribeWithWhisper(
  wavPath: string,
  model: string,
  scratchDir: string,
  offsetMs: number,
  lengthMs: number,
  threads: number,
  alive: () => void,
): Promise<Segment[]> {
  // A name of its own per run: an engine orphaned by a killed gleaner may still be writing
  // the output of the same chunk for a while, and must not be read as this run's.
  const outBase = join(scratchDir, `${basename(wavPath, ".wav")}-${crypto.randomUUID()}`);
  const run = await runEngine(
    WHISPER,
    [
      "--model",
      model,
      "--file",
      wavPath,
      // English-only models ignore this with a warning; multilingual ones detect the language.
      "--language",
      "auto",
      "--output-json",
      "--output-file",
      outBase,
      "--threads",
      String(threads),
      "--no-prints",
    ],
    alive,
  );
  try {
    if (run.code !== 0) {
      throw new Error(`${WHISPER} failed (exit ${run.code}): ${lastLine(run.stderr)}`);
    }
    let json: string;
    try {
      json = await Deno.readTextFile(`${outBase}.json`);
    } catch (error) {
      throw new Error(
        `${WHISPER} exited without writing its transcript (${errorMessage(error)}): ` +
          lastLine(run.stderr),
      );
    }
    return parseWhisperJson(json, offsetMs, lengthMs);
  } finally {
    await Deno.remove(`${outBase}.json`).catch(() => {});
  }
}

interface WhisperOutput {
  transcription?: { offsets?: { from?: number; to?: number }; text?: string }[];
}

/**
 * Segments from whisper.cpp's JSON: `transcription[].offsets` in ms and `text`. whisper works
 * in 30 s windows and may stamp the last segment past the audio's end (seen with real output):
 * times are clamped to the chunk, `lengthMs` long.
 */
export function parseWhisperJson(json: string, offsetMs = 0, lengthMs = Infinity): Segment[] {
  const output = JSON.parse(json) as WhisperOutput;
  const segments: Segment[] = [];
  for (const item of output.transcription ?? []) {
    const text = (item.text ?? "").replace(/\s+/g, " ").trim();
    const from = Number(item.offsets?.from), to = Number(item.offsets?.to);
    if (!text || !Number.isFinite(from) || !Number.isFinite(to)) continue;
    // whisper marks non-speech as [BLANK_AUDIO], (music) and the like: not words.
    if (/^[[(][^\])]*[\])]$/.test(text)) continue;
    if (from >= lengthMs) continue;
    segments.push({
      startMs: offsetMs + Math.max(0, from),
      endMs: offsetMs + Math.min(Math.max(from, to), lengthMs),
      text,
    });
  }
  return segments;
}
