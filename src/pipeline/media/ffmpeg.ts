/**
 * @module
 * ffprobe and ffmpeg: how long a recording is, what it is called, and one chunk of it decoded
 * to 16 kHz mono WAV for a speech engine.
 *
 * ffmpeg runs outside Deno's permissions and, left to guess, follows whatever a file names:
 * a concat list, an HLS playlist, an image sequence, a URL. A file that begins with an MP3's
 * ID3 tag and goes on as an `ffconcat` list passes our content check as MP3, yet ffmpeg would
 * pick its concat demuxer and read any file on the disk the list names. So every input is
 * opened with the demuxer of the container its signature shows (`-f`), through the `file`
 * protocol alone (`-protocol_whitelist file`, `file:` prefix), and QuickTime's external data
 * references stay off: no container can make ffmpeg open a second file.
 */
import { lastLine, runEngine } from "./run_engine.ts";
import { InputError } from "../../common/errors.ts";

/** A recording as ffmpeg must open it: its path and the one demuxer allowed to read it. */
export interface MediaSource {
  path: string;
  demuxer: string;
}

/** file-type's name of a container -> ffmpeg's demuxer for it. None of these follow references. */
const DEMUXERS: Record<string, string> = {
  mp3: "mp3",
  wav: "wav",
  flac: "flac",
  ogg: "ogg",
  oga: "ogg",
  ogv: "ogg",
  ogm: "ogg",
  opus: "ogg",
  spx: "ogg",
  mp4: "mov",
  m4a: "mov",
  m4b: "mov",
  m4p: "mov",
  m4v: "mov",
  f4v: "mov",
  f4a: "mov",
  f4b: "mov",
  mov: "mov",
  "3gp": "mov",
  "3g2": "mov",
  mkv: "matroska",
  mka: "matroska",
  webm: "matroska",
  aac: "aac",
  aif: "aiff",
  aiff: "aiff",
  amr: "amr",
  ac3: "ac3",
  asf: "asf",
  avi: "avi",
  flv: "flv",
  mpg: "mpeg",
  mts: "mpegts",
  wv: "wv",
  ape: "ape",
  mpc: "mpc",
  voc: "voc",
  au: "au",
};

/** The recording at `path`, to be read only as `container`; a container gleaner cannot pin is refused. */
export function mediaSource(path: string, container: string): MediaSource {
  const demuxer = DEMUXERS[container];
  if (!demuxer) {
    throw new InputError(
      `unsupported recording container ${container ? `.${container}` : "(unknown)"}: ` +
        "convert it to MP3, WAV, FLAC, Ogg, MP4 or Matroska",
    );
  }
  return { path, demuxer };
}

/** ffmpeg's and ffprobe's input options for `source`: one demuxer, files only, no references. */
function inputArgs(source: MediaSource): string[] {
  return [
    "-protocol_whitelist",
    "file",
    "-f",
    source.demuxer,
    ...(source.demuxer === "mov" ? ["-enable_drefs", "0"] : []),
  ];
}

export interface Probe {
  durationMs: number;
  title?: string;
}

export async function probeMedia(source: MediaSource, alive: () => void): Promise<Probe> {
  const run = await runEngine("ffprobe", [
    "-v",
    "error",
    "-show_entries",
    "format=duration:format_tags=title:stream=codec_type",
    "-of",
    "json",
    ...inputArgs(source),
    "-i",
    `file:${source.path}`,
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
  source: MediaSource,
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
    ...inputArgs(source),
    "-i",
    `file:${source.path}`,
    "-vn",
    "-ac",
    "1",
    "-ar",
    "16000",
    "-sample_fmt",
    "s16",
    "-f",
    "wav",
    `file:${wavPath}`,
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
