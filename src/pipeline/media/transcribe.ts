/**
 * @module
 * Audio and video: cut into chunks, each decoded by ffmpeg and transcribed by the speech
 * engine. Every finished chunk goes to main at once, which checkpoints it, so a crash in hour
 * two of a three-hour episode resumes at that chunk, not at zero.
 */
import { basename, join } from "node:path";
import type { Chunk, Segment, Task } from "../../protocol/messages.ts";
import { cleanTitle, countWords, type Extracted } from "../extracted.ts";
import { renderTranscript, stamp } from "../../markdown/transcript.ts";
import { decodeChunk, mediaSource, probeMedia } from "./ffmpeg.ts";
import { POCKETSPHINX, transcribeWithPocketsphinx } from "./pocketsphinx.ts";
import { transcribeWithWhisper, WHISPER } from "./whisper.ts";
import { InputError } from "../../common/errors.ts";

export interface MediaContext {
  progress(stage: string, percent?: number): void;
  /** Hands a finished chunk to main for its checkpoint. */
  chunkDone(chunk: Chunk): void;
}

/** `container` is the recording's container by its signature (detect.ts), e.g. "mp3". */
export async function transcribeMedia(
  task: Task,
  sourceHash: string,
  container: string,
  ctx: MediaContext,
): Promise<Extracted> {
  const { chunkMs, maxDurationMs } = task.options;
  const scratch = task.scratchDir;
  if (!scratch) {
    // Only media sandboxes may start engines, and files go to them by their extension.
    throw new InputError(
      "this file is a recording, but its name does not say so: give it its real extension " +
        "(.mp3, .wav, .mp4...) so gleaner transcribes it",
    );
  }
  const alive = () => ctx.progress("transcribe");
  ctx.progress("probe", 0);
  const source = mediaSource(task.absPath, container);
  const probe = await probeMedia(source, alive);
  if (probe.durationMs > maxDurationMs) {
    throw new InputError(
      `recording too long: ${stamp(probe.durationMs)}, the limit is ${stamp(maxDurationMs)} ` +
        "(raise it with --max-duration)",
    );
  }
  const model = task.options.whisperModel;
  const engine = model ? `${WHISPER} ${basename(model)}` : `${POCKETSPHINX} en-us`;
  // Chunks from an earlier attempt count only for these very bytes, chunk length and engine.
  const earlier = new Map(
    (task.chunks ?? [])
      .filter((c) => c.sourceHash === sourceHash && c.chunkMs === chunkMs && c.engine === engine)
      .map((c) => [c.index, c]),
  );
  const count = Math.max(1, Math.ceil(probe.durationMs / chunkMs));
  const segments: Segment[] = [];
  for (let index = 0; index < count; index++) {
    const startMs = index * chunkMs;
    const lengthMs = Math.min(chunkMs, probe.durationMs - startMs);
    let chunk = earlier.get(index);
    if (!chunk) {
      const wav = join(scratch, `chunk-${task.taskId}-${index}.wav`);
      try {
        await decodeChunk(source, wav, startMs, lengthMs, alive);
        const found = model
          ? await transcribeWithWhisper(
            wav,
            model,
            scratch,
            startMs,
            lengthMs,
            task.options.whisperThreads ?? 1,
            alive,
          )
          : await transcribeWithPocketsphinx(wav, startMs, alive);
        chunk = { index, chunkMs, sourceHash, engine, segments: found };
      } finally {
        await Deno.remove(wav).catch(() => {});
      }
      ctx.chunkDone(chunk);
    }
    segments.push(...chunk.segments);
    ctx.progress("transcribe", Math.min(100, ((startMs + lengthMs) / probe.durationMs) * 100));
  }
  const body = renderTranscript(segments);
  return {
    title: cleanTitle(probe.title, task.relPath),
    type: task.relPath.match(/\.(mp4|mkv|webm|mov)$/i) ? "video" : "audio",
    body: body || "_No speech was recognised in this recording._",
    wordCount: countWords(segments.map((s) => s.text).join(" ")),
    properties: {
      duration: stamp(probe.durationMs).slice(1, -1),
      engine: model ? WHISPER : POCKETSPHINX,
      model: model ? basename(model) : "en-us",
      chunks: count,
    },
  };
}
