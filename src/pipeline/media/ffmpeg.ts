/**
 * @module
 * ffprobe and ffmpeg: how long a recording is, what it is called, and one chunk of it decoded
 * to 16 kHz mono WAV for a speech engine.
 */
import { InputError } from "../extracted.ts";
import { lastLine, runEngine } from "./run_engine.ts";

export interface Probe {
  durationMs: number;
  title?: string;
}

export async function probeMedia(path: string, alive: () => void): Promise<Probe> {
  const run = await runEngine("ffprobe", [
    "-v",
    "error",
    "-show_entries",
    "format=duration:format_tags=title:stream=codec_type",
    "-of",
    "json",
    path,
  ], alive);
  if (run.code !== 0) {
    throw new InputError(`not a readable recording: ${lastLine(run.stderr) || "ffprobe failed"}`);
  }
  let info: {
    format?: { duration?: string; tags?: { title?: string } };
    streams?: { codec_type?: string }[];
  };
  try {
    info = JSON.parse(run.stdout);
  } catch {
    throw new InputError("not a readable recording: ffprobe gave no usable answer");
  }
  if (!info.streams?.some((s) => s.codec_type === "audio")) {
    throw new InputError("no audio track in this file");
  }
  const seconds = Number(info.format?.duration);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new InputError("not a readable recording: its duration is unknown");
  }
  const title = info.format?.tags?.title?.trim();
  return { durationMs: Math.round(seconds * 1000), ...(title ? { title } : {}) };
}

/** Decodes [startMs, startMs + lengthMs) of `source` into `wavPath` (16 kHz, mono, 16-bit). */
export async function decodeChunk(
  source: string,
  wavPath: string,
  startMs: number,
  lengthMs: number,
  alive: () => void,
): Promise<void> {
  const run = await runEngine("ffmpeg", [
    "-nostdin",
    "-v",
    "error",
    "-y",
    "-ss",
    (startMs / 1000).toFixed(3),
    "-t",
    (lengthMs / 1000).toFixed(3),
    "-i",
    source,
    "-vn",
    "-ac",
    "1",
    "-ar",
    "16000",
    "-sample_fmt",
    "s16",
    "-f",
    "wav",
    wavPath,
  ], alive);
  // ffmpeg exits 0 when the disk fills as it writes the WAV's end (measured: "Error writing
  // trailer ...: No space left on device", a truncated file, exit 0); transcribing that would
  // cut the recording's transcript short without a word. A failed write is not the input's fault.
  const unwritten = WRITE_FAILED.exec(run.stderr);
  if (unwritten) {
    throw new Error(`ffmpeg could not write the decoded audio ${wavPath}: ${unwritten[0].trim()}`);
  }
  if (run.code !== 0) {
    throw new InputError(`ffmpeg could not decode the recording: ${lastLine(run.stderr)}`);
  }
}

/** How ffmpeg says it could not write its output. */
const WRITE_FAILED = /^.*(?:error (?:writing|closing)|no space left on device|quota exceeded).*$/im;
